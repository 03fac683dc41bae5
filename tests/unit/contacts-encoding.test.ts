// Encoding detection of imported files (issue 4), on a corpus generated with iconv-lite: each
// encoding, 1, 3 and 50 rows, in Traditional Chinese, Simplified Chinese and Japanese. Detection must
// not lean on the detector's confidence (tiny files) nor on the shop's region (tested with US).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../src-main/core/contacts/import/decode';
import type { ImportEncoding } from '../../src-shared/api/contacts-schemas';

const PEOPLE = {
  tw: { header: '姓名,手機,生日,備註', rows: ['王小明,0912345678,1990-01-01,常客', '陳美麗,0922333444,,喜歡靠窗座位', '林志豪,0933444555,1985-12-31,機車定檢', '黃淑芬,0955666777,,會員卡遺失補辦', '張家豪,0966777888,,'] },
  cn: { header: '姓名,手机,生日,备注', rows: ['王小明,13800138000,1990-01-01,老客户', '李华,13912345678,,喜欢靠窗座位', '张伟,13712345678,1985-12-31,汽车年检', '刘洋,13612345678,,会员卡补办', '赵敏,13512345678,,'] },
  jp: { header: '氏名,携帯番号,誕生日,メモ', rows: ['山田太郎,09012345678,1990-01-01,常連さん', '佐藤花子,08012345678,,窓側の席が好き', '鈴木一郎,07012345678,1985-12-31,車検のご案内', '高橋美咲,09087654321,,会員カード再発行', '田中健,08087654321,,'] },
};

function file(lang: keyof typeof PEOPLE, rows: number): string {
  const p = PEOPLE[lang];
  return [p.header, ...Array.from({ length: rows }, (_, i) => p.rows[i % p.rows.length]!)].join('\r\n') + '\r\n';
}

/** Which texts each legacy encoding can hold. */
const LEGACY: [ImportEncoding, (keyof typeof PEOPLE)[]][] = [
  ['big5', ['tw']],
  ['shift_jis', ['jp']],
  ['gb18030', ['cn', 'tw', 'jp']],
];

describe('decodeFile', () => {
  for (const rows of [1, 3, 50]) {
    for (const [encoding, langs] of LEGACY) {
      for (const lang of langs) {
        it(`${encoding}, ${lang}, ${rows} rows: detected without a BOM and decoded exactly`, () => {
          const text = file(lang, rows);
          const bytes = iconv.encode(text, encoding);
          expect(iconv.decode(bytes, encoding)).toBe(text);
          const decoded = decodeFile(bytes, { encoding: 'auto', region: 'US' });
          expect(decoded.encoding).toBe(encoding);
          expect(decoded.text).toBe(text);
        });
      }
    }
    for (const lang of ['tw', 'cn', 'jp'] as const) {
      it(`UTF-8 with and without BOM, UTF-16LE/BE with BOM, ${lang}, ${rows} rows`, () => {
        const text = file(lang, rows);
        const cases: [ImportEncoding, Buffer][] = [
          ['utf-8', Buffer.from(text, 'utf8')],
          ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
          ['utf-16le', iconv.encode(text, 'utf-16le', { addBOM: true })],
          ['utf-16be', iconv.encode(text, 'utf-16be', { addBOM: true })],
        ];
        for (const [encoding, bytes] of cases) {
          const decoded = decodeFile(bytes, { encoding: 'auto', region: 'US' });
          expect(decoded.encoding).toBe(encoding);
          expect(decoded.text).toBe(text);
        }
      });
    }
  }

  it('reads a two-line Big5 file of common characters as Big5', () => {
    // Short files are where detectors guess: the strict decoders and the common-character share decide.
    const big5 = iconv.encode('姓名\r\n中文\r\n', 'big5');
    expect(decodeFile(big5, { encoding: 'auto', region: 'TW' }).text).toBe('姓名\r\n中文\r\n');
  });

  it('keeps a UTF-8 file whose last character was cut off, dropping only that character', () => {
    const bytes = Buffer.from('姓名,手機\r\n王小明,0912345678,備', 'utf8');
    const decoded = decodeFile(bytes.subarray(0, bytes.length - 1), { encoding: 'auto', region: 'TW' });
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.truncated).toBe(true);
    expect(decoded.text).toBe('姓名,手機\r\n王小明,0912345678,');
  });

  it('decodes as told when the encoding is chosen, showing mojibake rather than refusing', () => {
    const bytes = iconv.encode(file('tw', 3), 'big5');
    const decoded = decodeFile(bytes, { encoding: 'gb18030', region: 'TW' });
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.candidates).toEqual(['gb18030']);
    expect(decoded.text).not.toBe(file('tw', 3));
  });

  it('lists the other encodings that could decode the file', () => {
    const decoded = decodeFile(iconv.encode(file('tw', 3), 'big5'), { encoding: 'auto', region: 'TW' });
    expect(decoded.candidates[0]).toBe('big5');
    expect(decoded.candidates).toContain('gb18030');
  });
});
