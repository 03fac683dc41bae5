// The common case of a contact file, answered without the full parser: a number written in the
// national format of the shop's region ("0912345678"). It uses libphonenumber's own metadata (the same
// patterns getNumberType uses: general description, fixed line, mobile, possible lengths), with the
// patterns compiled once per region instead of on every call, which is where a 100k-row import spent
// most of its phone-parsing time. It only ever says "a mobile, and this is its E.164"; anything else
// (another format, a landline, a doubtful number) returns null and goes through the full parser, so the
// rule stays libphonenumber's. A property test holds the two to the same answers.
import { Metadata, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';

interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface Plan {
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  type(type: string): TypeDefinition | undefined;
}

interface Rule {
  prefix: string;
  callingCode: string;
  /** The calling code is this region's alone (not +1, +44 …): E.164 numbers with it are surely of this region. */
  oneRegion: boolean;
  general: RegExp;
  mobile: { pattern: RegExp; lengths: number[] | undefined };
}

const rules = new Map<string, Rule | null>();

const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function ruleFor(region: string): Rule | null {
  let rule = rules.get(region);
  if (rule !== undefined) return rule;
  rule = null;
  try {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(region as CountryCode);
    const plan = metadata.numberingPlan as unknown as Plan | undefined;
    if (!plan) return remember(region, null);
    const prefix = plan.nationalPrefix();
    const mobile = plan.type('MOBILE');
    // Only plain trunk prefixes ("0"): regions that rewrite or strip more go through the full parser.
    const plain = prefix && /^\d+$/.test(prefix) && (plan.nationalPrefixForParsing() ?? prefix) === prefix && !plan.nationalPrefixTransformRule();
    const callingCode = getCountryCallingCode(region as CountryCode);
    const oneRegion = (metadata as unknown as { getCountryCodesForCallingCode(code: string): string[] | undefined }).getCountryCodesForCallingCode(callingCode)?.length === 1;
    if (plain && mobile?.pattern()) {
      rule = {
        prefix: prefix!,
        callingCode,
        oneRegion,
        general: anchored(plan.nationalNumberPattern()),
        mobile: { pattern: anchored(mobile.pattern()), lengths: mobile.possibleLengths() },
      };
    }
  } catch {
    rule = null; // an unknown region: the full parser gives the answer
  }
  return remember(region, rule);
}

function remember(region: string, rule: Rule | null): Rule | null {
  rules.set(region, rule);
  return rule;
}

/** The E.164 form when `compact` (digits only) is surely a mobile in `region`'s national format; else null. */
export function nationalMobileE164(compact: string, region: string): string | null {
  const rule = ruleFor(region);
  if (!rule || !compact.startsWith(rule.prefix)) return null;
  const national = compact.slice(rule.prefix.length);
  if (!rule.general.test(national)) return null;
  if (rule.mobile.lengths && !rule.mobile.lengths.includes(national.length)) return null;
  if (!rule.mobile.pattern.test(national)) return null;
  return `+${rule.callingCode}${national}`;
}

/**
 * The same shortcut for a number already in E.164 with the region's own calling code ("+886912345678"),
 * which is how the outbox stores every number: the sending engine re-checks each one it claims, and the
 * full parser cost more than the rest of a claim. The part after the calling code must be a mobile by
 * the same patterns and must not begin with the trunk prefix (the full parser may strip that one).
 */
export function internationalMobileE164(compact: string, region: string): string | null {
  const rule = ruleFor(region);
  if (!rule?.oneRegion || compact[0] !== '+' || !compact.startsWith(rule.callingCode, 1)) return null;
  const national = compact.slice(1 + rule.callingCode.length);
  if (national.startsWith(rule.prefix) || !rule.general.test(national)) return null;
  if (rule.mobile.lengths && !rule.mobile.lengths.includes(national.length)) return null;
  if (!rule.mobile.pattern.test(national)) return null;
  return compact;
}
