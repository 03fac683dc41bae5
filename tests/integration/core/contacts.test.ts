// Contacts through the contract against a real core on a temp dir (issue 4): the card, search (name
// fragments, 2-character CJK names, last 4 digits, plates), filters, bulk actions, delete + undo,
// keyset paging, saved filters, fields and presets.
import { describe, expect, it } from 'vitest';
import type { ContactView } from '../../../src-shared/api/contacts-schemas';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { openCore } from '../../helpers/core';

async function setup() {
  const tc = await openCore({ dispatch: false });
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => tc.core.call(method, input) as Promise<MethodOutput<M>>;
  const add = (name: string, phone: string, extra: Partial<MethodInput<'contacts.create'>> = {}) => call('contacts.create', { name, phone, ...extra }) as Promise<ContactView>;
  const names = async (filter: MethodInput<'contacts.list'>['filter']) => (await call('contacts.list', { filter, limit: 1000 })).contacts.map((c) => c.name).sort();
  return { ...tc, call, add, names };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('a contact card', () => {
  it('stores the number as E.164 and as typed, the card fields, and tells about the change', async () => {
    const { add, call, events } = await setup();
    const c = await add('王小明', '0912-345-678', { honorific: '先生', birthday: '--02-29', notes: '喜歡靠窗', consents: [{ purpose: 'marketing', how: '櫃檯簽名' }] });
    expect(c).toMatchObject({ phone: '+886912345678', phoneRaw: '0912-345-678', phoneNational: '0912 345 678', region: 'TW', birthday: '--02-29', honorific: '先生' });
    expect(c.consents).toEqual([expect.objectContaining({ purpose: 'marketing', how: '櫃檯簽名' })]);
    expect(events).toContainEqual({ type: 'contacts.changed', ids: [c.id], source: 'local' });
    const updated = await call('contacts.update', { id: c.id, optOut: { flag: true, how: '回覆 STOP' } });
    expect(updated.optOut).toMatchObject({ flag: true, how: '回覆 STOP' });
    expect(updated.optOut.at).not.toBeNull();
  });

  it('refuses landlines, JP 050 and invalid ranges with the reason, on the phone field', async () => {
    const { add } = await setup();
    expect((await refusal(add('a', '02-2722-1234'))).key).toBe('contacts.errors.phoneLandline');
    expect((await refusal(add('b', '050-1234-5678', { region: 'JP' }))).key).toBe('contacts.errors.phoneVoip');
    const invalid = await refusal(add('c', '090-0123-4567', { region: 'JP' }));
    expect(invalid.key).toBe('contacts.errors.phoneInvalid');
    expect(invalid.issues?.[0]?.path).toBe('phone');
  });

  it('keeps one contact per number', async () => {
    const { add } = await setup();
    await add('甲', '0912345678');
    const e = await refusal(add('乙', '+886 912 345 678'));
    expect(e).toMatchObject({ kind: 'conflict', key: 'contacts.errors.phoneTaken', params: { name: '甲' } });
  });

  it('checks custom field values against their type', async () => {
    const { add, call } = await setup();
    await call('contacts.fields.presets', { preset: 'club', enabled: true });
    const c = await add('會員', '0912345678', { fields: { points: '1,200', cardNumber: '00123' } });
    expect(c.fields).toEqual({ points: '1200', cardNumber: '00123' });
    expect((await refusal(add('x', '0922333444', { fields: { points: 'many' } }))).key).toBe('contacts.errors.fieldValue');
    expect((await refusal(add('y', '0922333444', { fields: { nope: '1' } }))).key).toBe('contacts.errors.fieldUnknown');
  });
});

describe('search', () => {
  it('finds name fragments, 1–2 character CJK names, the last 4 digits, plates and notes', async () => {
    const { add, names, call } = await setup();
    await call('contacts.fields.presets', { preset: 'vehicle', enabled: true });
    await add('王小明', '0912345678');
    await add('林美', '0922333444', { vehicles: [{ plate: 'ABC-1234' }, { plate: 'XYZ-9876' }] });
    await add('John Smith', '+81 90 1234 5678', { notes: 'prefers LINE' });
    expect(await names({ search: '小明' })).toEqual(['王小明']);
    expect(await names({ search: '林美' })).toEqual(['林美']);
    expect(await names({ search: '美' })).toEqual(['林美']);
    expect(await names({ search: '王小明' })).toEqual(['王小明']);
    expect(await names({ search: '5678' })).toEqual(['John Smith', '王小明']);
    expect(await names({ search: '3444' })).toEqual(['林美']);
    expect(await names({ search: '0912-345' })).toEqual(['王小明']);
    expect(await names({ search: 'abc1234' })).toEqual(['林美']);
    expect(await names({ search: 'XYZ-98' })).toEqual(['林美']);
    expect(await names({ search: 'smith' })).toEqual(['John Smith']);
    expect(await names({ search: 'line' })).toEqual(['John Smith']);
    expect(await names({ search: '陳' })).toEqual([]);
  });

  it('follows edits and field deletion', async () => {
    const { add, call, names } = await setup();
    await call('contacts.fields.create', { key: 'memberNo', label: '卡號', type: 'text' });
    const c = await add('張三', '0912345678', { fields: { memberNo: 'M-7788' } });
    expect(await names({ search: 'M-7788' })).toEqual(['張三']);
    await call('contacts.update', { id: c.id, name: '李四' });
    expect(await names({ search: '張三' })).toEqual([]);
    expect(await names({ search: '李四' })).toEqual(['李四']);
    await call('contacts.fields.delete', { key: 'memberNo' });
    expect(await names({ search: 'M-7788' })).toEqual([]);
  });
});

describe('filters', () => {
  it('by category, birthday range across New Year, dates absolute and relative, opt-out', async () => {
    const { add, call, names } = await setup();
    // Today (fake clock) is 2026-06-01 in the shop's zone.
    await call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    await call('contacts.fields.presets', { preset: 'vehicle', enabled: true });
    const vip = await call('contacts.categories.create', { name: 'VIP' });
    await add('甲', '0912000001', { categoryIds: [vip.id], birthday: '1990-12-25', vehicles: [{ plate: 'AAA-1', inspectionDue: '2027-03', insuranceExpiry: '2026-06-20' }] });
    await add('乙', '0912000002', { birthday: '--01-05', vehicles: [{ plate: 'BBB-2', inspectionDue: '2027-04', insuranceExpiry: '2026-08-01' }] });
    await add('丙', '0912000003', { birthday: '2000-02-29', optOut: { flag: true } });
    expect(await names({ categoryIds: [vip.id] })).toEqual(['甲']);
    expect(await names({ excludeCategoryIds: [vip.id] })).toEqual(['丙', '乙']);
    expect(await names({ birthday: { from: '12-20', to: '01-10' } })).toEqual(['乙', '甲']);
    expect(await names({ birthday: { from: '02-01', to: '02-29' } })).toEqual(['丙']);
    expect(await names({ dates: [{ field: 'vehicle.inspectionDue', range: { kind: 'absolute', from: '2027-03', to: '2027-03' } }] })).toEqual(['甲']);
    expect(await names({ dates: [{ field: 'vehicle.insuranceExpiry', range: { kind: 'relative', fromDays: 0, toDays: 30 } }] })).toEqual(['甲']);
    expect(await names({ dates: [{ field: 'vehicle.insuranceExpiry', range: { kind: 'absolute', from: '2026-08' } }] })).toEqual(['乙']);
    expect(await names({ optOut: 'exclude' })).toEqual(['乙', '甲']);
    expect(await names({ optOut: 'only' })).toEqual(['丙']);
  });

  it('by a custom year-month field, relative months counting any day of the month', async () => {
    const { add, call, names } = await setup();
    await call('contacts.fields.create', { key: 'nextVisit', label: '回診年月', type: 'yearMonth' });
    await add('甲', '0912000001', { fields: { nextVisit: '2026-07' } });
    await add('乙', '0912000002', { fields: { nextVisit: '2026-09' } });
    expect(await names({ dates: [{ field: 'field.nextVisit', range: { kind: 'relative', fromDays: 0, toDays: 45 } }] })).toEqual(['甲']);
    expect((await refusal(names({ dates: [{ field: 'field.nope', range: { kind: 'relative', fromDays: 0, toDays: 1 } }] }))).key).toBe('contacts.errors.fieldUnknown');
  });

  it('are saved and listed again', async () => {
    const { call } = await setup();
    const saved = await call('contacts.savedFilters.save', { name: '三月定檢', filter: { dates: [{ field: 'vehicle.inspectionDue', range: { kind: 'absolute', from: '2027-03', to: '2027-03' } }] } });
    expect((await call('contacts.savedFilters.list', {})).filters).toEqual([saved]);
    expect((await refusal(call('contacts.savedFilters.save', { name: '三月定檢', filter: {} }))).key).toBe('contacts.errors.savedFilterExists');
    await call('contacts.savedFilters.delete', { id: saved.id });
    expect((await call('contacts.savedFilters.list', {})).filters).toEqual([]);
  });
});

describe('lists and bulk actions', () => {
  it('pages with a cursor through every contact once, in order, with the total', async () => {
    const { add, call } = await setup();
    for (let i = 0; i < 25; i++) await add(`客${String(i).padStart(2, '0')}`, `09120000${String(i).padStart(2, '0')}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: MethodOutput<'contacts.list'> = await call('contacts.list', { limit: 10, sort: { by: 'name', dir: 'desc' }, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(25);
      seen.push(...page.contacts.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `客${String(24 - i).padStart(2, '0')}`));
    expect((await refusal(call('contacts.list', { cursor: 'garbage' }))).key).toBe('contacts.errors.badCursor');
  });

  it('sorts by creation, last change and birthday (those without one last)', async () => {
    const { add, call, clock } = await setup();
    await add('乙', '0912000002', { birthday: '1990-12-01' });
    clock.jump(1000);
    const b = await add('甲', '0912000001');
    clock.jump(1000);
    await add('丙', '0912000003', { birthday: '--03-05' });
    clock.jump(1000);
    await call('contacts.update', { id: b.id, notes: '改' });
    const order = async (by: 'createdAt' | 'updatedAt' | 'birthday', dir: 'asc' | 'desc') => (await call('contacts.list', { sort: { by, dir } })).contacts.map((c) => c.name);
    expect(await order('createdAt', 'asc')).toEqual(['乙', '甲', '丙']);
    expect(await order('updatedAt', 'desc')).toEqual(['甲', '丙', '乙']);
    expect(await order('birthday', 'asc')).toEqual(['丙', '乙', '甲']);
  });

  it('adds and removes a category for everything matching a filter, minus exceptions', async () => {
    const { add, call, names } = await setup();
    const a = await add('王一', '0912000001');
    await add('王二', '0912000002');
    await add('林三', '0912000003');
    const cat = await call('contacts.categories.create', { name: '王家', colour: '#ff0000' });
    expect(await call('contacts.bulkCategory', { target: { filter: { search: '王' }, exceptIds: [a.id] }, categoryId: cat.id, action: 'add' })).toEqual({ count: 1 });
    expect(await names({ categoryIds: [cat.id] })).toEqual(['王二']);
    expect((await call('contacts.categories.list', {})).categories).toEqual([{ ...cat, count: 1 }]);
    await call('contacts.bulkCategory', { target: { ids: [a.id] }, categoryId: cat.id, action: 'add' });
    await call('contacts.bulkCategory', { target: { filter: {} }, categoryId: cat.id, action: 'remove' });
    expect(await names({ categoryIds: [cat.id] })).toEqual([]);
  });

  it('deletes in bulk and undoes it; a number taken meanwhile stays with its new owner', async () => {
    const { add, call, names } = await setup();
    await add('甲', '0912000001');
    await add('乙', '0912000002');
    await add('丙', '0912000003');
    const all = (await call('contacts.ids', {})).ids;
    const { count, undoToken } = await call('contacts.delete', { target: { ids: all } });
    expect(count).toBe(3);
    expect(await names({})).toEqual([]);
    expect(await names({ search: '0001' })).toEqual([]);
    await add('新甲', '0912000001');
    expect(await call('contacts.undoDelete', { undoToken })).toEqual({ count: 2, conflicts: 1 });
    expect(await names({})).toEqual(['丙', '乙', '新甲']);
    expect((await refusal(call('contacts.undoDelete', { undoToken: 'nope' }))).key).toBe('contacts.errors.undoExpired');
  });

  it('purges deletions older than the undo window', async () => {
    const { add, call, clock } = await setup();
    const c = await add('甲', '0912000001');
    const { undoToken } = await call('contacts.delete', { target: { ids: [c.id] } });
    clock.jump(8 * 24 * 3600_000);
    const other = await add('乙', '0912000002');
    await call('contacts.delete', { target: { ids: [other.id] } });
    expect((await refusal(call('contacts.undoDelete', { undoToken }))).key).toBe('contacts.errors.undoExpired');
  });
});

describe('fields and presets', () => {
  it('switches the club preset on (labels in the shop language) and off (hidden, values kept)', async () => {
    const { call, add } = await setup();
    const on = await call('contacts.fields.presets', { preset: 'club', enabled: true });
    expect(on.fields.map((f) => [f.key, f.label, f.type])).toEqual([['cardNumber', '會員卡號', 'text'], ['balance', '儲值餘額', 'number'], ['points', '點數', 'number']]);
    const c = await add('甲', '0912000001', { fields: { points: '10' } });
    const off = await call('contacts.fields.presets', { preset: 'club', enabled: false });
    expect(off).toEqual({ fields: [], presets: { club: false, vehicle: false } });
    await call('contacts.fields.presets', { preset: 'club', enabled: true });
    expect((await call('contacts.get', { id: c.id })).fields).toEqual({ points: '10' });
  });

  it('refuses keys that are placeholders of the card or of vehicles', async () => {
    const { call } = await setup();
    expect((await refusal(call('contacts.fields.create', { key: 'plate', label: 'x', type: 'text' }))).key).toBe('contacts.errors.fieldReserved');
    await call('contacts.fields.create', { key: '會員等級', label: '等級', type: 'text' });
    expect((await refusal(call('contacts.fields.create', { key: '會員等級', label: 'y', type: 'text' }))).key).toBe('contacts.errors.fieldExists');
  });
});
