// The compose service (issue 5): rendering, the pre-send check and sending of a draft — one
// implementation for the composer (compose.* methods), the CLI (`smsdesk send --template`), reminder
// rules and the integration API.
//
// Stable interface (other modules build on it; add fields, never rename or remove):
//
//   const compose = createComposeService(deps);
//   compose.preview(draft, limit?)  → { samples, recipients }
//       Rendered texts of the first `limit` recipients (one sample without a contact when there are none).
//   compose.check(draft, { now?, origin? }) → ComposeCheckReport
//       The whole pre-send check: per recipient (invalid_number, not_mobile, duplicate, opted_out,
//       missing_value, too_long, unsupported_chars, frequency_cap, template_repeat) and per send
//       (empty_text, no_recipients, unresolved_placeholder, past_time, quiet_hours, no_sender_tag,
//       no_opt_out_line, low_balance), with totals, samples, `quietUntil` and the resolved `at`.
//   compose.send(draft, { leaveOut, acknowledged, origin, ruleId?, idempotencyKeyFor?, now? })
//       → { messages: {id,to,status}[], rejected: {to,code,params?}[], report }
//       Errors about the whole send always refuse it (ApiError 'validation', key composeCore.checks.<code>).
//       Errors about recipients refuse it unless `leaveOut` (then they are `rejected` entries).
//       A warning not in `acknowledged` refuses it (ApiError 'conflict', composeCore.errors.unacknowledged).
//       `origin`: 'composer' | 'cli' | 'api' | 'rule'. Quiet hours are a warning only for an operator's
//       explicit send (composer, cli); for 'api' and 'rule' the dispatcher defers at claim time.
//       `idempotencyKeyFor(recipient)` gives each message its key (e.g. per rule, contact and
//       occurrence); a recipient whose key already exists gets no second message: the existing one is
//       returned in `messages` instead. `ruleId` is recorded on the messages, as are the draft's
//       `templateId` (whose lastUsedAt is updated) and each recipient's contact.
//   compose.sendTest(draft, to?) → { id, to, text }: the draft rendered for its first recipient, to the
//       shop's own number (setting compose.testNumber) or `to`.
//   compose.placeholders() → { placeholders }: the chips the composer offers.
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import type {
  CheckCode, ComposeCheckReport, ComposeDraft, ParsedComposeDraft, PlaceholderView, RenderedSample,
} from '../../../src-shared/api/compose-schemas';
import { composeDraftSchema, eventVariableKeys } from '../../../src-shared/api/compose-schemas';
import type { FieldType } from '../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import type { AccountView, MessageStatus } from '../../../src-shared/api/schemas';
import { parsePhone } from '../../../src-shared/phone/parse';
import { isValidTimeZone } from '../../../src-shared/settings/registry';
import { charsetRouteFor, checkCharset } from '../../../src-shared/sms/charset';
import { countSegments } from '../../../src-shared/sms/segments';
import {
  builtInKeys, compileTemplate, placeholderAliases, renderCompiled, withPrefixSuffix, type CompiledTemplate,
} from '../../../src-shared/template/render';
import { checkQuietHours } from '../../../src-shared/time/quiet-hours';
import { parseScheduleTime } from '../../../src-shared/time/zoned';
import type { AccountsService } from '../accounts/service';
import { todayIn } from '../contacts/service';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import { createRecentCount } from '../outbox/claim';
import { newIdempotencyKey } from '../outbox/idempotency-key';
import type { MessageRepository, NewMessage } from '../outbox/repository';
import { MAX_SEGMENTS, PAST_TOLERANCE_MS } from '../outbox/service';
import type { SettingsService } from '../settings/service';
import type { Clock } from '../types';
import {
  createIssueCollector, defaultOptOutLine, hasOptOutLine, hasSenderTag, recipientCodes, senderTagOf,
} from './check';
import { createRecipientResolver, type Recipient } from './recipients';
import type { Templates } from './templates';
import { createValueLoader, normaliseVariables, type ShopValues } from './values';

type Language = 'zh-TW' | 'zh-CN' | 'ja' | 'en';
export type ComposeOrigin = 'composer' | 'cli' | 'api' | 'rule';

export interface ComposeDeps {
  db: Db;
  settings: SettingsService;
  accounts: AccountsService;
  repo: MessageRepository;
  templates: Templates;
  bus: EventBus;
  clock: Clock;
  /** Tells the dispatcher there is work. */
  wake: () => void;
  /** The OS user who enqueues (the log's "operator"); null when unknown. */
  operator?: string | null;
}

/** Who a message goes to, as given to `idempotencyKeyFor`. */
export interface ComposeRecipient {
  to: string;
  e164: string;
  contactId: number | null;
}

export interface SendOptions {
  leaveOut?: boolean;
  acknowledged?: readonly CheckCode[];
  origin: ComposeOrigin;
  ruleId?: number;
  idempotencyKeyFor?: (recipient: ComposeRecipient) => string;
  now?: number;
  /** The text goes exactly as given: no placeholders (a resend of a message as it was sent). */
  literal?: boolean;
  /** The message this send re-sends (recorded on the new message: the log links them). */
  resendOf?: number;
}

export interface CheckOptions {
  now?: number;
  origin?: ComposeOrigin;
  literal?: boolean;
}

/** A text taken as it is: one literal part, no placeholder (braces in it stay braces). */
function literalTemplate(text: string): CompiledTemplate {
  return { parts: text ? [text] : [], keys: [], tokenOf: new Map() };
}

/** One recipient after rendering, with the codes of the rules it trips. */
interface Candidate {
  recipient: Recipient;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  units: number;
  unitsPerSegment: number;
  /** First error (the `rejected` code), or null. */
  error: CheckCode | null;
  errorParams?: Record<string, string | number>;
}

interface Evaluation {
  report: ComposeCheckReport;
  candidates: Candidate[];
  rejected: { to: string; code: string; params?: Record<string, string | number> }[];
  sendErrors: { code: CheckCode; params?: Record<string, string | number> }[];
  warnings: CheckCode[];
  account: AccountView;
  at: number | null;
  timeZone: string;
  draft: ParsedComposeDraft;
}

const SAMPLES = 5;
const SURROGATE = /[\uD800-\uDFFF]/;
/** Above this many recipients, the 24-hour counts are read in one pass over the log instead of per number. */
const RECENT_BULK = 500;
const DAY_MS = 24 * 3600_000;

export function createComposeService(deps: ComposeDeps) {
  const { db, settings, accounts, repo, templates, bus, clock } = deps;
  const resolver = createRecipientResolver(db);
  const loadValues = createValueLoader(db);
  const recent = createRecentCount(db);
  const fieldRows = db.prepare<[], { key: string; label: string; type: FieldType; preset: string | null }>(
    'select key, label, type, preset from contact_fields where hidden = 0 order by position, key',
  );
  const presetRows = db.prepare<[], { name: string; enabled: number }>('select name, enabled from contact_presets');
  const repeatStmt = db.prepare<[number, number], { to_e164: string }>(
    `select distinct to_e164 from messages where template_id = ? and created_at >= ?
       and status not in ('cancelled', 'blocked', 'failed', 'missed', 'draft')`,
  );
  const existingKeys = db.prepare<[string], { id: number; idempotency_key: string; to_e164: string; status: MessageStatus }>(
    'select id, idempotency_key, to_e164, status from messages where idempotency_key in (select value from json_each(?))',
  );

  const language = () => settings.get('ui.language') as Language;
  const region = () => settings.get('shop.region') as string;
  const shopValues = (): ShopValues => {
    const name = settings.get('shop.name') as string;
    return { name, phone: settings.get('shop.phone') as string, senderTag: senderTagOf(settings.get('compose.senderTag') as string, name) };
  };
  const fieldTypes = () => new Map(fieldRows.all().map((f) => [f.key, f.type]));
  const resolveRecipients = (recipients: ParsedComposeDraft['recipients'], shopRegion: string, types: ReadonlyMap<string, FieldType>) =>
    resolver(recipients, shopRegion, { fieldType: (key) => types.get(key), today: todayIn(settings.get('shop.timeZone') as string, clock.now()) });

  const parseDraft = (draft: ComposeDraft | ParsedComposeDraft): ParsedComposeDraft => composeDraftSchema.parse(draft);

  /** The message as sent: prefix + text + suffix, as one template. */
  const fullText = (d: ParsedComposeDraft) =>
    withPrefixSuffix(d.text, {
      prefix: d.usePrefix ? (settings.get('compose.prefix') as string) : '',
      suffix: d.useSuffix ? (settings.get('compose.suffix') as string) : '',
    });

  const accountOf = (name: string | undefined): AccountView => {
    const account = name ? accounts.byName(name) : accounts.defaultAccount();
    if (!account) throw new ApiError('validation', 'errors.account.none');
    return account;
  };

  const limitsOf = (account: AccountView): { maxSegments: number; maxLength: number | null } => {
    try {
      const caps = accounts.provider(account.id).capabilities;
      return { maxSegments: Math.min(MAX_SEGMENTS, caps.maxSegments ?? MAX_SEGMENTS), maxLength: caps.maxLength ?? null };
    } catch {
      // An account whose provider cannot be built (its password is needed) still gets the general limit.
      return { maxSegments: MAX_SEGMENTS, maxLength: null };
    }
  };

  const resolveAt = (d: ParsedComposeDraft): { at: number | null; timeZone: string } => {
    const timeZone = d.timeZone?.trim() ? d.timeZone.trim() : (settings.get('shop.timeZone') as string);
    if (!isValidTimeZone(timeZone)) throw new ApiError('validation', 'composeCore.errors.timeZone', { zone: timeZone.slice(0, 64) });
    if (d.at === undefined || d.at.trim() === '') return { at: null, timeZone };
    const at = parseScheduleTime(d.at, timeZone);
    if (at === null) throw new ApiError('validation', 'errors.time.invalid', { at: d.at.slice(0, 64) });
    return { at, timeZone };
  };

  /** Renders one recipient (or a sample without a contact) for previews. */
  function sampleOf(recipient: Recipient | null, compiled: CompiledTemplate, lookup: (key: string) => string | number | null | undefined): RenderedSample {
    const { text } = renderCompiled(compiled, lookup);
    const counted = countSegments(text);
    return {
      to: recipient?.to ?? '',
      contactId: recipient?.contact?.id ?? null,
      name: recipient?.contact?.name ?? null,
      text,
      encoding: counted.encoding,
      segments: counted.segments,
    };
  }

  function preview(input: ComposeDraft | ParsedComposeDraft, limit = 3) {
    const d = parseDraft(input);
    const compiled = compileTemplate(fullText(d));
    const types = fieldTypes();
    // A filter alone (a category of 100k customers): the first few and a count, not every row.
    const context = { fieldType: (key: string) => types.get(key), today: todayIn(settings.get('shop.timeZone') as string, clock.now()) };
    const quick = resolver.firstOfFilter(d.recipients, context, limit);
    const recipients = quick ? quick.recipients : resolveRecipients(d.recipients, region(), types).recipients;
    const total = quick ? quick.total : recipients.length;
    const first = recipients.slice(0, limit);
    const values = loadValues({
      keys: compiled.keys, recipients: first, fieldTypes: types, shop: shopValues(), variables: normaliseVariables(d.variables), language: language(),
    });
    const samples = first.length > 0
      ? first.map((r) => sampleOf(r, compiled, values.lookupFor(r)))
      : [sampleOf(null, compiled, values.lookupFor({ to: '', e164: '', contact: null }))];
    return { samples, recipients: total };
  }

  function evaluate(input: ComposeDraft | ParsedComposeDraft, origin: ComposeOrigin, now: number, literal = false): Evaluation {
    const d = parseDraft(input);
    const issues = createIssueCollector();
    const account = accountOf(d.account);
    const { at, timeZone } = resolveAt(d);
    const shopRegion = region();
    if (d.templateId !== undefined) templates.get(d.templateId);

    const text = fullText(d);
    const compiled = literal ? literalTemplate(text) : compileTemplate(text);
    const types = fieldTypes();
    const variables = normaliseVariables(d.variables);

    // ── About the whole send ──
    const sendErrors: Evaluation['sendErrors'] = [];
    const sendIssue = (code: CheckCode, severity: 'error' | 'warning', params?: Record<string, string | number>) => {
      issues.send(code, severity, params);
      if (severity === 'error') sendErrors.push(params ? { code, params } : { code });
    };
    if (d.text.trim() === '') sendIssue('empty_text', 'error');
    const unknown = compiled.keys.filter((k) => !k.startsWith('event.') && !Object.hasOwn(builtInKeys, k) && !types.has(k) && !variables.has(k));
    if (unknown.length > 0) sendIssue('unresolved_placeholder', 'error', { tokens: unknown.map((k) => `{${compiled.tokenOf.get(k)}}`).join(' ') });
    if (at !== null && at < now - PAST_TOLERANCE_MS) sendIssue('past_time', 'error', { at: new Date(at).toISOString() });

    // ── Recipients ──
    const { recipients, leftOut } = resolveRecipients(d.recipients, shopRegion, types);
    if (recipients.length + leftOut.length === 0) sendIssue('no_recipients', 'error');
    const rejected: Evaluation['rejected'] = [];
    for (const l of leftOut) {
      issues.recipient(l.code, 'error', { to: l.to, contactId: l.contactId, name: l.name });
      rejected.push({ to: l.to, code: l.code });
    }

    const values = loadValues({ keys: compiled.keys, recipients, fieldTypes: types, shop: shopValues(), variables, language: language() });
    const cap = settings.get('sending.frequencyCap') as number;
    // The claim's own count of what reached each number in 24 h: per number for a few, in one pass for many.
    const recentCounts = cap > 0 ? recent.counter(now, recipients.length > RECENT_BULK ? null : recipients.map((r) => r.e164)) : null;
    const repeatDays = settings.get('compose.templateRepeatDays') as number;
    const repeated = d.templateId !== undefined && repeatDays > 0
      ? new Set(repeatStmt.all(d.templateId, now - repeatDays * DAY_MS).map((r) => r.to_e164))
      : null;
    const { maxSegments, maxLength } = limitsOf(account);
    const callingCode = (() => {
      try {
        return `+${getCountryCallingCode(shopRegion as CountryCode)}`;
      } catch {
        return '';
      }
    })();
    const missingToken = (key: string) => `{${compiled.tokenOf.get(key) ?? key}}`;

    const candidates: Candidate[] = [];
    for (const r of recipients) {
      const rendered = renderCompiled(compiled, values.lookupFor(r));
      const counted = countSegments(rendered.text);
      const c: Candidate = {
        recipient: r, text: rendered.text, encoding: counted.encoding, segments: counted.segments, units: counted.units, unitsPerSegment: counted.unitsPerSegment, error: null,
      };
      const example = { to: r.to, contactId: r.contact?.id ?? null, name: r.contact?.name ?? null };
      const fail = (code: CheckCode, params?: Record<string, string | number>) => {
        issues.recipient(code, 'error', params ? { ...example, params } : example, undefined);
        if (c.error === null) {
          c.error = code;
          if (params) c.errorParams = params;
        }
      };
      // A typed number that is a contact's became that contact: its flag is the one the claim reads.
      if (r.contact?.opt_out === 1) fail('opted_out');
      if (rendered.missing.length > 0) fail('missing_value', { field: rendered.missing.map(missingToken).join(' ') });
      if (counted.segments > maxSegments || (maxLength !== null && rendered.text.length > maxLength)) {
        fail('too_long', { segments: counted.segments, max: maxSegments, length: rendered.text.length });
      }
      const route = charsetRouteFor(account.provider, { e164: r.e164 });
      // A unicode route refuses only broken surrogates: most texts need no character walk at all.
      if (route !== 'unicode' || SURROGATE.test(rendered.text)) {
        const chars = checkCharset(rendered.text, route);
        if (chars.length > 0) {
          const list = [...new Set(chars.map((ch) => ch.char))].join(' ');
          if (chars.some((ch) => ch.severity === 'refused')) fail('unsupported_chars', { chars: list });
          else issues.recipient('unsupported_chars', 'warning', { ...example, params: { chars: list } });
        }
      }
      if (recentCounts !== null && recentCounts(r.e164) >= cap) fail('frequency_cap', { max: cap });
      if (repeated?.has(r.e164)) issues.recipient('template_repeat', 'warning', example, { days: repeatDays });
      candidates.push(c);
    }
    for (const c of candidates) if (c.error) rejected.push({ to: c.recipient.to, code: c.error, ...(c.errorParams ? { params: c.errorParams } : {}) });

    // ── About the text, the time and the money ──
    const sampleText = candidates[0]?.text ?? renderCompiled(compiled, values.lookupFor({ to: '', e164: '', contact: null })).text;
    const shop = shopValues();
    if (d.text.trim() !== '' && !hasSenderTag(sampleText, shop.senderTag)) {
      sendIssue('no_sender_tag', d.purpose === 'marketing' ? 'error' : 'warning', shop.senderTag ? { tag: shop.senderTag } : undefined);
    }
    if (d.purpose === 'marketing') {
      const line = (settings.get('compose.optOutLine') as string).trim() || defaultOptOutLine(shopRegion);
      if (d.text.trim() !== '' && !hasOptOutLine(sampleText, line)) sendIssue('no_opt_out_line', 'error', { line });
    }
    const quiet = checkQuietHours(at ?? now, {
      enabled: settings.get('sending.quietHours.enabled') as boolean,
      start: settings.get('sending.quietHours.start') as string,
      end: settings.get('sending.quietHours.end') as string,
      timeZone: settings.get('shop.timeZone') as string,
    });
    const explicit = origin === 'composer' || origin === 'cli';
    if (quiet.inside && explicit && candidates.length > 0) sendIssue('quiet_hours', 'warning', { allowedAt: new Date(quiet.allowedAt).toISOString() });

    const sendable = candidates.filter((c) => c.error === null);
    let segments = 0;
    let minSegments = 0;
    let maxSeg = 0;
    let minUnits = -1;
    let maxUnits = 0;
    let unitsPerSegment = 0;
    let cost: number | null = 0;
    for (const c of sendable) {
      segments += c.segments;
      minSegments = minSegments === 0 ? c.segments : Math.min(minSegments, c.segments);
      maxSeg = Math.max(maxSeg, c.segments);
      minUnits = minUnits < 0 ? c.units : Math.min(minUnits, c.units);
      if (c.units >= maxUnits) {
        maxUnits = c.units;
        unitsPerSegment = c.unitsPerSegment;
      }
      const domestic = callingCode !== '' && c.recipient.e164.startsWith(callingCode);
      const price = domestic ? account.priceDomestic : account.priceInternational;
      cost = price === null || price === undefined || cost === null ? null : cost + price * c.segments;
    }
    if (cost !== null) cost = Math.round(cost * 10_000) / 10_000;
    if (sendable.length === 0) cost = account.priceDomestic == null ? null : 0;
    // Points-based accounts (TwSMS and the like) spend a point per segment when no price is set.
    const spend = cost ?? (account.balanceUnit && /point|點|点/i.test(account.balanceUnit) ? segments : null);
    if (!account.testMode && account.balance !== null && spend !== null && spend > account.balance) {
      sendIssue('low_balance', 'warning', { cost: spend, balance: account.balance });
    }

    const report: ComposeCheckReport = {
      recipients: recipients.length + leftOut.length,
      sendable: sendable.length,
      issues: issues.list(),
      totals: {
        messages: sendable.length,
        segments,
        minSegments,
        maxSegments: maxSeg,
        minUnits: Math.max(0, minUnits),
        maxUnits,
        unitsPerSegment,
        cost,
        balance: account.balance,
        balanceUnit: account.balanceUnit,
      },
      samples: candidates.slice(0, SAMPLES).map((c) => ({
        to: c.recipient.to, contactId: c.recipient.contact?.id ?? null, name: c.recipient.contact?.name ?? null,
        text: c.text, encoding: c.encoding, segments: c.segments,
      })),
      quietUntil: quiet.inside ? new Date(quiet.allowedAt).toISOString() : null,
      at: at === null ? null : new Date(at).toISOString(),
    };
    const warnings = [...new Set(report.issues.filter((i) => i.severity === 'warning').map((i) => i.code))];
    return { report, candidates, rejected, sendErrors, warnings, account, at, timeZone, draft: d };
  }

  function check(draft: ComposeDraft | ParsedComposeDraft, options: CheckOptions = {}): ComposeCheckReport {
    return evaluate(draft, options.origin ?? 'composer', options.now ?? clock.now(), options.literal === true).report;
  }

  function send(draft: ComposeDraft | ParsedComposeDraft, options: SendOptions) {
    const now = options.now ?? clock.now();
    const ev = evaluate(draft, options.origin, now, options.literal === true);
    const first = ev.sendErrors[0];
    if (first) throw new ApiError('validation', `composeCore.checks.${first.code}`, { count: 0, ...(first.params ?? {}) });
    const withErrors = ev.report.issues.filter((i) => i.severity === 'error' && recipientCodes.has(i.code));
    if (withErrors.length > 0 && !options.leaveOut) {
      throw new ApiError('validation', 'composeCore.errors.recipientErrors', { count: ev.rejected.length, codes: withErrors.map((i) => i.code).join(', ') });
    }
    const acknowledged = new Set(options.acknowledged ?? []);
    const unacknowledged = ev.warnings.filter((w) => !acknowledged.has(w));
    if (unacknowledged.length > 0) {
      throw new ApiError('conflict', 'composeCore.errors.unacknowledged', { count: unacknowledged.length, codes: unacknowledged.join(', ') });
    }

    const d = ev.draft;
    const sendable = ev.candidates.filter((c) => c.error === null);
    const status: 'queued' | 'scheduled' = ev.at !== null && ev.at > now ? 'scheduled' : 'queued';
    const memo = d.memo?.trim() ? d.memo.trim() : null;
    const keyed = sendable.map((c) => ({
      c,
      key: options.idempotencyKeyFor
        ? options.idempotencyKeyFor({ to: c.recipient.to, e164: c.recipient.e164, contactId: c.recipient.contact?.id ?? null })
        : newIdempotencyKey(now),
    }));

    const messages = db.transaction(() => {
      // A key already used (a rule's occurrence sent before, an API call repeated) gets no second message.
      const existing = options.idempotencyKeyFor
        ? new Map(existingKeys.all(JSON.stringify(keyed.map((k) => k.key))).map((r) => [r.idempotency_key, r]))
        : new Map<string, { id: number; to_e164: string; status: MessageStatus }>();
      const fresh = keyed.filter((k) => !existing.has(k.key));
      const seenKeys = new Set<string>();
      const rows: NewMessage[] = [];
      const freshKept: typeof fresh = [];
      for (const k of fresh) {
        if (seenKeys.has(k.key)) continue;
        seenKeys.add(k.key);
        freshKept.push(k);
        rows.push({
          idempotencyKey: k.key,
          accountId: ev.account.id,
          toE164: k.c.recipient.e164,
          toRaw: k.c.recipient.to,
          text: k.c.text,
          encoding: k.c.encoding,
          segments: k.c.segments,
          status,
          origin: options.origin,
          memo,
          testMode: ev.account.testMode,
          scheduledAt: ev.at,
          scheduledTz: ev.at !== null ? ev.timeZone : null,
          nextActionAt: ev.at ?? now,
          createdAt: now,
          purpose: d.purpose,
          templateId: d.templateId ?? null,
          ruleId: options.ruleId ?? null,
          resendOf: options.resendOf ?? null,
          contactId: k.c.recipient.contact?.id ?? null,
          operator: deps.operator ?? null,
        });
      }
      const ids = rows.length > 0 ? repo.insertMany(rows) : [];
      if (d.templateId !== undefined && ids.length > 0) templates.markUsed(d.templateId, now);
      const created = freshKept.map((k, i) => ({ id: ids[i]!, to: k.c.recipient.e164, status: status as MessageStatus }));
      const old = keyed.filter((k) => existing.has(k.key)).map((k) => {
        const row = existing.get(k.key)!;
        return { id: row.id, to: row.to_e164, status: row.status };
      });
      return [...created, ...old];
    })();

    if (messages.length > 0) {
      bus.emit({ type: 'messages.changed', ids: messages.length > 500 ? [] : messages.map((m) => m.id), source: 'local' });
      deps.wake();
    }
    return { messages, rejected: ev.rejected, report: ev.report };
  }

  function sendTest(draft: ComposeDraft | ParsedComposeDraft, to?: string) {
    const d = parseDraft(draft);
    const target = (to ?? (settings.get('compose.testNumber') as string)).trim();
    if (!target) throw new ApiError('validation', 'composeCore.errors.noTestNumber');
    const parsed = parsePhone(target, region());
    if (!parsed.ok) throw new ApiError('validation', `common.rejection.${parsed.code}`, { to: target.slice(0, 40) });
    if (d.text.trim() === '') throw new ApiError('validation', 'composeCore.checks.empty_text', { count: 0 });
    const sample = preview(d, 1).samples[0]!;
    const account = accountOf(d.account);
    const now = clock.now();
    const counted = countSegments(sample.text);
    if (counted.segments > MAX_SEGMENTS) throw new ApiError('validation', 'errors.text.tooLong', { segments: counted.segments, max: MAX_SEGMENTS });
    const [id] = repo.insertMany([{
      idempotencyKey: newIdempotencyKey(now),
      accountId: account.id,
      toE164: parsed.e164,
      toRaw: target,
      text: sample.text,
      encoding: counted.encoding,
      segments: counted.segments,
      status: 'queued',
      origin: 'composer',
      memo: d.memo?.trim() ? d.memo.trim() : null,
      testMode: account.testMode,
      scheduledAt: null,
      scheduledTz: null,
      nextActionAt: now,
      createdAt: now,
      purpose: d.purpose,
      operator: deps.operator ?? null,
      templateId: d.templateId ?? null,
    }]);
    bus.emit({ type: 'messages.changed', ids: [id!], source: 'local' });
    deps.wake();
    return { id: id!, to: parsed.e164, text: sample.text };
  }

  function placeholders(): { placeholders: PlaceholderView[] } {
    const lang = language();
    const tokenFor = (key: string) => (lang === 'en' ? key.replace(/^shop\.(\w)/, (_, c: string) => `shop${c.toUpperCase()}`).replace('shopSenderTag', 'senderTag') : placeholderAliases[key]?.[lang]?.[0] ?? key);
    const builtIn = (key: string, source: PlaceholderView['source']): PlaceholderView => ({ token: tokenFor(key), source, labelKey: `composeCore.placeholders.${key}`, label: null });
    const out: PlaceholderView[] = ['name', 'honorific', 'birthday', 'phone'].map((k) => builtIn(k, 'contact'));
    const presets = new Map(presetRows.all().map((p) => [p.name, p.enabled === 1]));
    if (presets.get('vehicle')) for (const k of ['plate', 'inspectionDue', 'insuranceExpiry', 'factoryDate', 'licenceDate']) out.push(builtIn(k, 'vehicle'));
    for (const f of fieldRows.all()) {
      if (f.preset === 'club' && Object.hasOwn(builtInKeys, f.key)) out.push(builtIn(f.key, 'member'));
      else out.push({ token: Object.hasOwn(builtInKeys, f.key) || Object.values(placeholderAliases).some((a) => Object.values(a).some((n) => n.includes(f.key))) ? `field.${f.key}` : f.key, source: 'field', labelKey: null, label: f.label });
    }
    for (const k of ['shop.name', 'shop.phone', 'shop.senderTag']) out.push(builtIn(k, 'shop'));
    for (const k of eventVariableKeys) {
      // amount, date, item are event-only keys; balance, points and card number read the member's field
      // unless the event gives them, so their event chips say event.X.
      out.push(k === 'amount' || k === 'date' || k === 'item'
        ? builtIn(k, 'event')
        : { token: `event.${k}`, source: 'event', labelKey: `composeCore.placeholders.event.${k}`, label: null });
    }
    return { placeholders: out };
  }

  return { preview, check, send, sendTest, placeholders };
}

export type ComposeService = ReturnType<typeof createComposeService>;
