// Placeholder rendering (issue 5): the preview, the check and the send all render with it, so its
// promises are pinned by properties — every placeholder is replaced (none left over), values go in
// verbatim and are never read again (no placeholder or markup inside a value is interpreted), and
// literal text outside placeholders is untouched — plus examples of the aliases in each language.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalKey, compileTemplate, renderCompiled, renderTemplate, withPrefixSuffix,
} from '../../src-shared/template/render';
import { formatBirthday, formatDateValue } from '../../src-shared/template/format';

const PLACEHOLDER = /\{[\p{L}_][\p{L}\p{N}_.]{0,63}\}/u;

/** Literal text: anything, braces included, drawn from a set that makes near-placeholders likely. */
const literal = fc.string({ unit: fc.constantFrom('a', '王', '{', '}', ' ', '.', '_', '1', '<', '>', '&', '\n', '😀', '姓'), maxLength: 12 });
const key = fc.constantFrom('name', '姓名', '稱謂', 'honorific', 'field.cardNumber', 'event.amount', '金額', 'shop.name', '店名', 'plate', 'custom_1', '會員等級');
/** Values that look dangerous: placeholders, markup, braces, empties. */
const value = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('{姓名}', '{name}', '<b>bold</b>', '&amp;', '{{x}}', '}', '{', '$&', '$1', ''),
  fc.integer({ min: -1000, max: 100000 }),
  fc.constant(null),
);

type Piece = { kind: 'text'; text: string } | { kind: 'key'; token: string };
const pieces = fc.array(fc.oneof(literal.map((text): Piece => ({ kind: 'text', text })), key.map((token): Piece => ({ kind: 'key', token }))), { maxLength: 12 });

/** A template from pieces, where literal text never accidentally merges with a neighbour into a placeholder. */
function build(ps: Piece[]): string {
  return ps.map((p) => (p.kind === 'key' ? `{${p.token}}` : p.text)).join('');
}

describe('renderTemplate (properties)', () => {
  it('replaces every placeholder: where neither the literal text nor a value has braces, none is left over', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', '王', ' ', '.', '_', '1', '<', '>', '&', '\n', '😀', '姓'), maxLength: 12 });
    const plainPieces = fc.array(fc.oneof(plain.map((text): Piece => ({ kind: 'text', text })), key.map((token): Piece => ({ kind: 'key', token }))), { maxLength: 12 });
    const plainValue = fc.oneof(plain, fc.integer(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(plainPieces, plainValue, (ps, v) => {
        const { text } = renderTemplate(build(ps), { name: v, honorific: v, cardNumber: v, amount: v, 'shop.name': v, plate: v, custom_1: v, '會員等級': v });
        expect(text).not.toMatch(PLACEHOLDER);
        expect(text).not.toMatch(/[{}]/);
      }),
    );
  });

  it('inserts values verbatim and never interprets them: the output is the literal parts and the values, in order', () => {
    fc.assert(
      fc.property(pieces, fc.array(value, { minLength: 12, maxLength: 12 }), (ps, vals) => {
        const template = build(ps);
        const compiled = compileTemplate(template);
        const byKey = new Map<string, (typeof vals)[number]>();
        let i = 0;
        for (const k of compiled.keys) byKey.set(k, vals[i++ % vals.length]!);
        const { text, missing } = renderCompiled(compiled, (k) => byKey.get(k));
        const expected = compiled.parts.map((p) => {
          if (typeof p === 'string') return p;
          const v = byKey.get(p.key);
          return v === null || v === undefined ? '' : String(v);
        }).join('');
        expect(text).toBe(expected);
        // Exactly the keys whose value is empty are missing, each once.
        const empty = compiled.keys.filter((k) => {
          const v = byKey.get(k);
          return v === null || v === undefined || String(v) === '';
        });
        expect([...missing].sort()).toEqual([...empty].sort());
      }),
    );
  });

  it('leaves text without placeholders exactly as it is (braces, markup and emoji included)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        fc.pre(!PLACEHOLDER.test(text));
        expect(renderTemplate(text, {}).text).toBe(text);
        expect(renderTemplate(text, {}).missing).toEqual([]);
      }),
    );
  });

  it('compiling keeps the template: literal parts and the tokens in braces give the text back', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), pieces, (text, ps) => {
        for (const t of [text, build(ps)]) {
          const back = compileTemplate(t).parts.map((p) => (typeof p === 'string' ? p : `{${p.token}}`)).join('');
          expect(back).toBe(t);
        }
      }),
    );
  });
});

describe('renderTemplate (examples)', () => {
  it('fills contact, shop and event placeholders by any of their names', () => {
    const values = { name: '王小明', honorific: '先生', 'shop.name': '測試店', amount: 1200, cardNumber: 'A001' };
    expect(renderTemplate('{姓名}{稱謂}您好，{店名}本次消費 {金額} 元，卡號 {卡號}', values).text).toBe('王小明先生您好，測試店本次消費 1200 元，卡號 A001');
    expect(renderTemplate('{name} {honorific} {shopName} {field.cardNumber}', values).text).toBe('王小明 先生 測試店 A001');
    expect(renderTemplate('{名前} {敬称} {称谓}', values).text).toBe('王小明 先生 先生');
  });

  it('says which placeholders had no value, and renders them as nothing', () => {
    const r = renderTemplate('親愛的 {姓名} {稱謂}，生日 {生日} 快樂', { name: '李大華' });
    expect(r.text).toBe('親愛的 李大華 ，生日  快樂');
    expect(r.missing).toEqual(['honorific', 'birthday']);
  });

  it('keeps braces that are not placeholders, and does not expand a placeholder inside a value', () => {
    expect(renderTemplate('{ } {a b} {} {1x} {姓名}', { name: '{姓名}<script>' }).text).toBe('{ } {a b} {} {1x} {姓名}<script>');
  });

  it('maps names to canonical keys', () => {
    expect(canonicalKey('姓名')).toBe('name');
    expect(canonicalKey('電話')).toBe('shop.phone');
    expect(canonicalKey('field.會員等級')).toBe('會員等級');
    expect(canonicalKey('event.amount')).toBe('event.amount');
    expect(canonicalKey('應定檢年月')).toBe('inspectionDue');
    expect(canonicalKey('whatever')).toBe('whatever');
  });

  it('puts the prefix and suffix around the body', () => {
    expect(withPrefixSuffix('本文', { prefix: '【店】', suffix: ' —店' })).toBe('【店】本文 —店');
    expect(withPrefixSuffix('本文', {})).toBe('本文');
  });
});

describe('value formats', () => {
  it('shows birthdays as month and day, dates and months per language', () => {
    expect(formatBirthday('1990-03-05', 'zh-TW')).toBe('3月5日');
    expect(formatBirthday('--02-29', 'en')).toBe('February 29');
    expect(formatDateValue('2026-04', 'yearMonth', 'ja')).toBe('2026年4月');
    expect(formatDateValue('2026-04-30', 'date', 'zh-CN')).toBe('2026年4月30日');
    expect(formatDateValue('2026-04-30', 'date', 'en')).toBe('2026-04-30');
    expect(formatDateValue('soon', 'date', 'en')).toBe('soon');
  });
});
