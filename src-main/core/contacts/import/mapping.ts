// Column mapping: defaults from header names in zh-TW, zh-CN, ja and en, and the mapping the operator
// used last time for the same set of headers.
import { createHash } from 'node:crypto';
import { importMappingSchema, type ImportMapping, type ImportTarget } from '../../../../src-shared/api/contacts-schemas';
import type { Db } from '../../db/client';
import { foldText } from '../text';

/** Header words per target, folded (NFKC, lower case, no spaces or punctuation). */
const SYNONYMS: [ImportTarget, string[]][] = [
  ['phone', ['手機', '手机', '手機號碼', '手机号码', '手機號', '手机号', '行動電話', '移動電話', '移动电话', '電話', '电话', '聯絡電話', '联系电话', '携帯番号', '携帯', '携帯電話', '携帯電話番号', '電話番号', 'mobile', 'phone', 'cell', 'cellphone', 'mobilephone', 'tel', 'telephone', 'phonenumber', 'mobilenumber', 'number']],
  ['name', ['姓名', '名稱', '名称', '客戶', '客户', '客戶名稱', '客户名称', '會員', '会员', '氏名', '名前', 'お名前', '顧客名', '名', 'name', 'fullname', 'customer', 'contact']],
  ['honorific', ['稱謂', '称谓', '稱呼', '称呼', '敬稱', '敬称', 'honorific', 'title', 'salutation']],
  ['birthday', ['生日', '出生日期', '生年月日', '誕生日', 'birthday', 'birthdate', 'dateofbirth', 'dob']],
  ['notes', ['備註', '备注', '說明', '说明', 'メモ', '備考', 'notes', 'note', 'memo', 'remarks', 'comment']],
  ['categories', ['分類', '分类', '類別', '类别', '群組', '群组', 'グループ', '分類名', 'category', 'categories', 'group', 'groups', 'tags']],
  ['vehicle.plate', ['車牌', '车牌', '車牌號碼', '车牌号码', '車號', '车号', 'ナンバー', '車両番号', '登録番号', 'plate', 'platenumber', 'licenseplate', 'licenceplate']],
  ['vehicle.factoryDate', ['出廠日期', '出厂日期', '出廠年月', '製造日', '製造年月', 'factorydate', 'manufacturedate']],
  ['vehicle.licenceDate', ['發照日期', '发证日期', '領牌日期', '初度登録日', '初度登録年月', 'licencedate', 'licensedate', 'registrationdate']],
  ['vehicle.inspectionDue', ['應定檢年月', '应年检年月', '定檢年月', '驗車年月', '年檢', '年检', '車検満了日', '車検満了年月', '車検', 'inspectiondue', 'inspection', 'mot']],
  ['vehicle.insuranceExpiry', ['保險到期日', '保险到期日', '保險到期', '保险到期', '保険満了日', '保険満了', 'insuranceexpiry', 'insurance']],
  ['region', ['地區', '地区', '國家', '国家', '地域', '国', 'region', 'country', 'countrycode']],
  ['optOut', ['optedout', '拒收', '拒絕接收', '拒绝接收', '退訂', '退订', '配信停止', 'optout', 'unsubscribed']],
];

const key = (header: string) => foldText(header).replace(/[\s_\-.:：()（）#＃*]/g, '');
const LOOKUP = new Map<string, ImportTarget>(SYNONYMS.flatMap(([target, words]) => words.map((w) => [key(w), target] as const)));

/** Defaults from the header names; each target used once (the first column that names it). Custom fields by key or label. */
export function suggestMapping(headers: readonly string[], customFields: readonly { key: string; label: string }[]): ImportMapping {
  const fieldLookup = new Map<string, ImportTarget>();
  for (const f of customFields) {
    fieldLookup.set(key(f.key), `field.${f.key}`);
    fieldLookup.set(key(f.label), `field.${f.key}`);
  }
  const used = new Set<ImportTarget>();
  return headers.map((h) => {
    const k = key(h);
    const target = LOOKUP.get(k) ?? fieldLookup.get(k) ?? null;
    if (!target || used.has(target)) return null;
    used.add(target);
    return target;
  });
}

/** The same set of headers (in the same order) shares one remembered mapping. */
export function headerKey(headers: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(headers.map(key))).digest('hex');
}

export function createMappingMemory(db: Db, now: () => number) {
  const read = db.prepare<[string], { mapping_json: string }>('select mapping_json from contact_import_mappings where header_key = ?');
  const write = db.prepare(`insert into contact_import_mappings (header_key, mapping_json, updated_at) values (?, ?, ?)
    on conflict (header_key) do update set mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`);
  return {
    recall(headers: readonly string[]): ImportMapping | null {
      const row = read.get(headerKey(headers));
      if (!row) return null;
      const parsed = importMappingSchema.safeParse(JSON.parse(row.mapping_json));
      return parsed.success && parsed.data.length === headers.length ? parsed.data : null;
    },
    remember(headers: readonly string[], mapping: ImportMapping): void {
      write.run(headerKey(headers), JSON.stringify(mapping), now());
    },
  };
}
