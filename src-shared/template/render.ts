// Placeholder rendering (issue 5), shared by the composer's live sample, the pre-send check, sending,
// reminder rules and the integration API: one implementation, so what the operator previews is what
// goes out.
//
// A placeholder is a key in braces: {姓名}, {name}, {field.cardNumber}, {shop.name}, {event.amount}.
// Everything else is literal text: braces around anything that is not a key ("{ }", "{a b}") stay as
// typed, and values are inserted verbatim in one pass, so a value that itself looks like "{姓名}" or
// "<b>" is never read again as a placeholder or as markup. Every placeholder is replaced (by its value,
// or by nothing when it has none), so no placeholder is ever left over in the text; the result says
// which had no value (`missing`) and which are not known at all (`unknown`).

/** What may stand between the braces: letters of any script, digits, `_` and `.` (not first). */
const TOKEN = /\{([\p{L}_][\p{L}\p{N}_.]{0,63})\}/gu;

export type PlaceholderSource = 'contact' | 'field' | 'vehicle' | 'member' | 'shop' | 'event';

/** Built-in keys (canonical), where their values come from. */
export const builtInKeys: Readonly<Record<string, PlaceholderSource>> = {
  name: 'contact',
  honorific: 'contact',
  birthday: 'contact',
  phone: 'contact',
  plate: 'vehicle',
  inspectionDue: 'vehicle',
  insuranceExpiry: 'vehicle',
  factoryDate: 'vehicle',
  licenceDate: 'vehicle',
  cardNumber: 'member',
  balance: 'member',
  points: 'member',
  'shop.name': 'shop',
  'shop.phone': 'shop',
  'shop.senderTag': 'shop',
  amount: 'event',
  date: 'event',
  item: 'event',
};

/**
 * Localised names of the built-in keys, by language (the chip inserts the operator's own; every
 * language's name works in every template). A custom field whose key equals one of these is reached
 * as {field.key}.
 */
export const placeholderAliases: Readonly<Record<string, Readonly<Record<'zh-TW' | 'zh-CN' | 'ja', readonly string[]>>>> = {
  name: { 'zh-TW': ['姓名'], 'zh-CN': ['姓名'], ja: ['名前', '氏名'] },
  honorific: { 'zh-TW': ['稱謂'], 'zh-CN': ['称谓'], ja: ['敬称'] },
  birthday: { 'zh-TW': ['生日'], 'zh-CN': ['生日'], ja: ['誕生日'] },
  phone: { 'zh-TW': ['手機'], 'zh-CN': ['手机'], ja: ['携帯'] },
  plate: { 'zh-TW': ['車牌'], 'zh-CN': ['车牌'], ja: ['ナンバー'] },
  inspectionDue: { 'zh-TW': ['應定檢年月'], 'zh-CN': ['应检年月'], ja: ['車検満了月'] },
  insuranceExpiry: { 'zh-TW': ['保險到期日'], 'zh-CN': ['保险到期日'], ja: ['保険満期日'] },
  factoryDate: { 'zh-TW': ['出廠日期'], 'zh-CN': ['出厂日期'], ja: ['製造日'] },
  licenceDate: { 'zh-TW': ['發照日期'], 'zh-CN': ['发证日期'], ja: ['登録日'] },
  cardNumber: { 'zh-TW': ['卡號'], 'zh-CN': ['卡号'], ja: ['カード番号'] },
  balance: { 'zh-TW': ['餘額'], 'zh-CN': ['余额'], ja: ['残高'] },
  points: { 'zh-TW': ['點數'], 'zh-CN': ['积分'], ja: ['ポイント'] },
  'shop.name': { 'zh-TW': ['店名'], 'zh-CN': ['店名'], ja: ['店名'] },
  'shop.phone': { 'zh-TW': ['電話'], 'zh-CN': ['电话'], ja: ['電話'] },
  'shop.senderTag': { 'zh-TW': ['署名'], 'zh-CN': ['签名'], ja: ['署名'] },
  amount: { 'zh-TW': ['金額'], 'zh-CN': ['金额'], ja: ['金額'] },
  date: { 'zh-TW': ['日期'], 'zh-CN': ['日期'], ja: ['日付'] },
  item: { 'zh-TW': ['品項'], 'zh-CN': ['品项'], ja: ['品目'] },
};

/** English short forms beside the canonical keys. */
const EXTRA_ALIASES: Record<string, string> = { shopName: 'shop.name', shopPhone: 'shop.phone', senderTag: 'shop.senderTag' };

const ALIAS_TO_KEY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const key of Object.keys(builtInKeys)) m.set(key, key);
  for (const [alias, key] of Object.entries(EXTRA_ALIASES)) m.set(alias, key);
  for (const [key, byLanguage] of Object.entries(placeholderAliases)) {
    for (const names of Object.values(byLanguage)) for (const n of names) m.set(n, key);
  }
  return m;
})();

/**
 * The canonical key of what is written between the braces: a built-in key for its aliases
 * ({姓名} → name), `field.X` → X (a custom field), `event.X` stays (an event variable only), anything
 * else as written (a custom field's key, or an event variable of that name).
 */
export function canonicalKey(token: string): string {
  const builtIn = ALIAS_TO_KEY.get(token);
  if (builtIn !== undefined) return builtIn;
  if (token.startsWith('field.') && token.length > 6) return token.slice(6);
  return token;
}

export interface PlaceholderRef {
  /** As written between the braces. */
  readonly token: string;
  readonly key: string;
}

export interface CompiledTemplate {
  /** Literal text and placeholders in order. */
  readonly parts: readonly (string | PlaceholderRef)[];
  /** Distinct canonical keys used, in order of first use. */
  readonly keys: readonly string[];
  /** The token each key was first written as (for messages: "{生日} has no value"). */
  readonly tokenOf: ReadonlyMap<string, string>;
}

/** Parses once; render many times (the pre-send check renders a template per recipient). */
export function compileTemplate(text: string): CompiledTemplate {
  const parts: (string | PlaceholderRef)[] = [];
  const tokenOf = new Map<string, string>();
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const token = m[1]!;
    if (m.index > last) parts.push(text.slice(last, m.index));
    const key = canonicalKey(token);
    parts.push({ token, key });
    if (!tokenOf.has(key)) tokenOf.set(key, token);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { parts, keys: [...tokenOf.keys()], tokenOf };
}

/** A value for a key: a string or number; null/undefined/'' mean "no value". */
export type PlaceholderValue = string | number | null | undefined;
export type ValueLookup = (key: string) => PlaceholderValue;

export interface RenderResult {
  text: string;
  /** Canonical keys that were used and had no value (rendered as nothing). */
  missing: string[];
}

const NO_MISSING: string[] = [];

export function renderCompiled(template: CompiledTemplate, lookup: ValueLookup): RenderResult {
  let text = '';
  let missing: string[] = NO_MISSING;
  for (const part of template.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = lookup(part.key);
    const s = value === null || value === undefined ? '' : String(value);
    if (s === '') {
      if (missing === NO_MISSING) missing = [];
      if (!missing.includes(part.key)) missing.push(part.key);
    }
    text += s;
  }
  return { text, missing };
}

/** One-off rendering from a plain map of canonical keys (tests, small callers). */
export function renderTemplate(text: string, values: Readonly<Record<string, PlaceholderValue>>): RenderResult {
  return renderCompiled(compileTemplate(text), (key) => (Object.hasOwn(values, key) ? values[key] : undefined));
}

/** The message as sent: the optional default prefix and suffix around the body, each a template too. */
export function withPrefixSuffix(body: string, options: { prefix?: string | null; suffix?: string | null }): string {
  return `${options.prefix ?? ''}${body}${options.suffix ?? ''}`;
}

/** Whether a key is one this renderer knows without the shop's custom fields. */
export function isBuiltInKey(key: string): boolean {
  return Object.hasOwn(builtInKeys, key);
}
