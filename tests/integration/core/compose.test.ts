// Compose (issue 5) through the contract against a real core on a temp dir: templates, rendering per
// recipient, and every rule of the pre-send check with a case that trips it and one that passes;
// sending (leave out, acknowledgements, scheduling, what is recorded) and the test send.
import { describe, expect, it } from 'vitest';
import type { CheckCode, ComposeCheckReport, ComposeDraft } from '../../../src-shared/api/compose-schemas';
import type { ContactView } from '../../../src-shared/api/contacts-schemas';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { openCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';

const HOUR = 3600_000;

async function setup() {
  const tc = await openCore({ dispatch: false });
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => tc.core.call(method, input) as Promise<MethodOutput<M>>;
  await call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
  await call('settings.set', { key: 'shop.name', value: '測試店' });
  const add = (name: string, phone: string, extra: Partial<MethodInput<'contacts.create'>> = {}) => call('contacts.create', { name, phone, ...extra }) as Promise<ContactView>;
  const check = (draft: ComposeDraft) => call('compose.check', { draft });
  const send = (draft: ComposeDraft, opts: { leaveOut?: boolean; acknowledged?: CheckCode[]; origin?: 'composer' | 'cli' | 'api' } = {}) =>
    call('compose.send', { draft, leaveOut: opts.leaveOut ?? false, acknowledged: opts.acknowledged ?? [], origin: opts.origin ?? 'composer' });
  const rows = () => withDb(tc.dataDir, (db) => db.prepare('select * from messages order by id').all() as Record<string, unknown>[]);
  return { ...tc, call, add, check, send, rows };
}

const issue = (report: ComposeCheckReport, code: CheckCode) => report.issues.find((i) => i.code === code);
const codes = (report: ComposeCheckReport) => report.issues.map((i) => i.code).sort();

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

/** Signed by the shop, so the sender-tag rule stays quiet where a test is about something else. */
const signed = (text: string) => `【測試店】${text}`;

describe('templates', () => {
  it('saves, lists, searches by category and text, renames, and removes', async () => {
    const { call, events } = await setup();
    const a = await call('templates.save', { name: '驗車通知', category: '驗車', body: '{姓名} 您好，驗車日期快到了' });
    await call('templates.save', { name: '生日', category: '節日', body: '生日快樂', purpose: 'marketing' });
    expect(a).toMatchObject({ name: '驗車通知', category: '驗車', purpose: 'notification', eventKind: null, lastUsedAt: null });
    expect(events).toContainEqual({ type: 'templates.changed' });

    const all = await call('templates.list', {});
    expect(all.templates.map((t) => t.name).sort()).toEqual(['生日', '驗車通知']);
    expect(all.categories).toEqual(['節日', '驗車']);
    expect((await call('templates.list', { category: '節日' })).templates.map((t) => t.name)).toEqual(['生日']);
    expect((await call('templates.list', { search: '驗車日期' })).templates.map((t) => t.name)).toEqual(['驗車通知']);
    // LIKE wildcards in the search are literal.
    expect((await call('templates.list', { search: '%' })).templates).toEqual([]);

    const renamed = await call('templates.save', { id: a.id, name: '驗車提醒', body: a.body });
    expect(renamed).toMatchObject({ id: a.id, name: '驗車提醒', category: null });
    expect((await call('templates.remove', { id: a.id })).removed).toBe(a.id);
    expect((await refusal(call('templates.remove', { id: a.id }))).kind).toBe('not_found');
  });

  it('refuses a second template of the same name, and a second template of one event kind', async () => {
    const { call } = await setup();
    await call('templates.save', { name: '消費提醒', body: '本次消費 {金額} 元', eventKind: 'purchase' });
    expect((await refusal(call('templates.save', { name: '消費提醒', body: 'x' }))).key).toBe('composeCore.errors.templateNameTaken');
    expect((await refusal(call('templates.save', { name: '另一個', body: 'x', eventKind: 'purchase' }))).key).toBe('composeCore.errors.eventKindTaken');
  });
});

describe('rendering per recipient', () => {
  it('a template with {姓名} to 3 contacts gives 3 different samples and sends 3 different texts, recording template and contact', async () => {
    const { call, add, send, rows } = await setup();
    const people = [await add('王小明', '0912345678'), await add('李大華', '0922333444'), await add('陳美麗', '0933555666')];
    const t = await call('templates.save', { name: '問候', body: signed('{姓名} 您好') });
    const draft: ComposeDraft = { recipients: { contactIds: people.map((p) => p.id) }, text: t.body, templateId: t.id, memo: '三月問候' };

    const preview = await call('compose.preview', { draft, limit: 3 });
    expect(preview.recipients).toBe(3);
    expect(preview.samples.map((s) => s.text)).toEqual(['【測試店】王小明 您好', '【測試店】李大華 您好', '【測試店】陳美麗 您好']);

    const result = await send(draft);
    expect(result.messages).toHaveLength(3);
    expect(result.rejected).toEqual([]);
    const stored = rows();
    expect(stored.map((r) => r.text)).toEqual(['【測試店】王小明 您好', '【測試店】李大華 您好', '【測試店】陳美麗 您好']);
    expect(stored.map((r) => r.contact_id)).toEqual(people.map((p) => p.id));
    expect(stored.every((r) => r.template_id === t.id && r.memo === '三月問候' && r.origin === 'composer' && r.status === 'queued')).toBe(true);
    expect((await call('templates.list', {})).templates[0]!.lastUsedAt).not.toBeNull();
  });

  it('fills custom fields, vehicles, shop fields, the default prefix and suffix, and event variables', async () => {
    const { call, add } = await setup();
    await call('settings.set', { key: 'shop.phone', value: '02-2345-6789' });
    await call('settings.set', { key: 'compose.suffix', value: ' —{店名} {電話}' });
    await call('contacts.fields.create', { key: 'level', label: '等級', type: 'text' });
    await call('contacts.fields.presets', { preset: 'vehicle', enabled: true });
    const c = await add('王小明', '0912345678', { honorific: '先生', fields: { level: '金卡' }, vehicles: [{ plate: 'ABC-1234', inspectionDue: '2026-07' }] });
    const draft: ComposeDraft = {
      recipients: { contactIds: [c.id] }, usePrefix: true, useSuffix: true,
      text: '{姓名}{稱謂}（{level}）您的 {車牌} 應於 {應定檢年月} 驗車，本次消費 {金額} 元',
      variables: { amount: 1200 },
    };
    const { samples } = await call('compose.preview', { draft, limit: 1 });
    expect(samples[0]!.text).toBe('【測試店】王小明先生（金卡）您的 ABC-1234 應於 2026年7月 驗車，本次消費 1200 元 —測試店 02-2345-6789');
  });

  it('shows one sample without a contact when there are no recipients yet (the live sample)', async () => {
    const { call } = await setup();
    const { samples, recipients } = await call('compose.preview', { draft: { recipients: {}, text: '{店名} 今日公休', usePrefix: false } });
    expect(recipients).toBe(0);
    expect(samples).toEqual([expect.objectContaining({ text: '測試店 今日公休', contactId: null })]);
  });
});

describe('the pre-send check, rule by rule', () => {
  it('invalid_number, not_mobile and duplicate trip on such numbers and pass on a good one', async () => {
    const { check } = await setup();
    const bad = await check({ recipients: { numbers: '0912345678\n0912-345-678\n12345\n02-2722-1234' }, text: signed('您好') });
    expect(issue(bad, 'invalid_number')).toMatchObject({ severity: 'error', count: 1, examples: [expect.objectContaining({ to: '12345' })] });
    expect(issue(bad, 'not_mobile')).toMatchObject({ severity: 'error', count: 1 });
    expect(issue(bad, 'duplicate')).toMatchObject({ severity: 'error', count: 1, examples: [expect.objectContaining({ to: '0912-345-678' })] });
    expect(bad).toMatchObject({ recipients: 4, sendable: 1 });
    const good = await check({ recipients: { numbers: '0912345678' }, text: signed('您好') });
    expect(good.issues).toEqual([]);
    expect(good).toMatchObject({ recipients: 1, sendable: 1, totals: { messages: 1, segments: 1, minSegments: 1, maxSegments: 1 } });
  });

  it('a contact named both by id and by number is one recipient; the repeat is a duplicate', async () => {
    const { check, add } = await setup();
    const c = await add('王小明', '0912345678');
    const report = await check({ recipients: { numbers: '0912 345 678', contactIds: [c.id] }, text: signed('{姓名} 您好') });
    expect(report.sendable).toBe(1);
    expect(report.samples[0]!.text).toBe('【測試店】王小明 您好');
    expect(issue(report, 'duplicate')?.count).toBe(1);
  });

  it('opted_out trips on a contact who opted out (also when typed as a number), not on the others', async () => {
    const { check, add } = await setup();
    const out = await add('王小明', '0912345678', { optOut: { flag: true, how: '回覆 STOP' } });
    const inn = await add('李大華', '0922333444');
    const report = await check({ recipients: { contactIds: [out.id, inn.id], numbers: '0933555666' }, text: signed('您好') });
    expect(issue(report, 'opted_out')).toMatchObject({ count: 1, examples: [expect.objectContaining({ contactId: out.id, name: '王小明' })] });
    expect(report.sendable).toBe(2);
    const typed = await check({ recipients: { numbers: '0912345678' }, text: signed('您好') });
    expect(issue(typed, 'opted_out')?.count).toBe(1);
  });

  it('missing_value trips when a placeholder has no value for a recipient, naming it', async () => {
    const { check, add } = await setup();
    const a = await add('王小明', '0912345678', { honorific: '先生' });
    const b = await add('李大華', '0922333444');
    const report = await check({ recipients: { contactIds: [a.id, b.id] }, text: signed('{姓名} {稱謂} 您好') });
    expect(issue(report, 'missing_value')).toMatchObject({ severity: 'error', count: 1, examples: [{ to: '0922333444', contactId: b.id, name: '李大華', params: { field: '{稱謂}' } }] });
    expect(report.sendable).toBe(1);
  });

  it('unresolved_placeholder trips on a key nobody knows (a typo), not on custom fields or event variables', async () => {
    const { check, call } = await setup();
    const bad = await check({ recipients: { numbers: '0912345678' }, text: signed('{姓明} 您好') });
    expect(issue(bad, 'unresolved_placeholder')).toMatchObject({ severity: 'error', params: { tokens: '{姓明}' } });
    await call('contacts.fields.create', { key: '會員等級', label: '會員等級', type: 'text' });
    const ok = await check({ recipients: { numbers: '0912345678' }, text: signed('{會員等級} {訂單}'), variables: { 訂單: 'A-1', 會員等級: '金' } });
    expect(issue(ok, 'unresolved_placeholder')).toBeUndefined();
    expect(ok.samples[0]!.text).toBe('【測試店】金 A-1');
  });

  it('too_long trips beyond the longest message a route takes, and passes a two-part message', async () => {
    const { check } = await setup();
    const long = await check({ recipients: { numbers: '0912345678' }, text: signed('長'.repeat(700)) });
    expect(issue(long, 'too_long')).toMatchObject({ severity: 'error', count: 1 });
    const two = await check({ recipients: { numbers: '0912345678' }, text: signed('長'.repeat(100)) });
    expect(issue(two, 'too_long')).toBeUndefined();
    expect(two.samples[0]).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('unsupported_chars: a warning for a Japanese number with ①, an error for emoji on TwSMS, nothing for plain text', async () => {
    const { check, call } = await setup();
    const jp = await check({ recipients: { numbers: '+81 90-1234-5678' }, text: signed('①ご予約ありがとうございます') });
    expect(issue(jp, 'unsupported_chars')).toMatchObject({ severity: 'warning', count: 1, examples: [expect.objectContaining({ params: { chars: '①' } })] });
    await call('accounts.add', { provider: 'twsms', name: 'tw', username: 'u', password: 'p', noVerify: true });
    const tw = await check({ recipients: { numbers: '0912345678' }, text: signed('生日快樂🎂'), account: 'tw' });
    expect(issue(tw, 'unsupported_chars')).toMatchObject({ severity: 'error', count: 1 });
    expect(tw.sendable).toBe(0);
    const plain = await check({ recipients: { numbers: '0912345678' }, text: signed('生日快樂'), account: 'tw' });
    expect(issue(plain, 'unsupported_chars')).toBeUndefined();
  });

  it('frequency_cap trips for a number that already got the cap in 24 h (the claim\'s own count), not for another', async () => {
    const { check, call, dataDir, clock } = await setup();
    await call('settings.set', { key: 'sending.frequencyCap', value: 1 });
    await call('messages.send', { to: '0912345678', text: signed('先前的簡訊'), origin: 'composer' });
    withDb(dataDir, (db) => db.prepare(`update messages set status = 'sent', sent_at = ?`).run(clock.now() - HOUR));
    const report = await check({ recipients: { numbers: '0912345678, 0922333444' }, text: signed('您好') });
    expect(issue(report, 'frequency_cap')).toMatchObject({ severity: 'error', count: 1, examples: [expect.objectContaining({ to: '0912345678', params: { max: 1 } })] });
    expect(report.sendable).toBe(1);
    clock.jump(24 * HOUR);
    expect(issue(await check({ recipients: { numbers: '0912345678' }, text: signed('您好') }), 'frequency_cap')).toBeUndefined();
  });

  it('template_repeat warns for a number that got the same template within the set days, not for others or after', async () => {
    const { check, send, call, clock } = await setup();
    const t = await call('templates.save', { name: '問候', body: signed('您好') });
    await send({ recipients: { numbers: '0912345678' }, text: t.body, templateId: t.id });
    const draft: ComposeDraft = { recipients: { numbers: '0912345678, 0922333444' }, text: t.body, templateId: t.id };
    const again = await check(draft);
    expect(issue(again, 'template_repeat')).toMatchObject({ severity: 'warning', count: 1, params: { days: 7 }, examples: [expect.objectContaining({ to: '0912345678' })] });
    expect(again.sendable).toBe(2);
    clock.jump(8 * 24 * HOUR);
    expect(issue(await check(draft), 'template_repeat')).toBeUndefined();
  });

  it('empty_text and no_recipients block the send; some text and a recipient pass', async () => {
    const { check, send } = await setup();
    const empty = await check({ recipients: {}, text: '   ' });
    expect(codes(empty)).toEqual(['empty_text', 'no_recipients']);
    expect((await refusal(send({ recipients: { numbers: '0912345678' }, text: ' ' }))).key).toBe('composeCore.checks.empty_text');
    expect((await check({ recipients: { numbers: '0912345678' }, text: signed('x') })).issues).toEqual([]);
  });

  it('past_time blocks; a future time is resolved in the shop zone and the messages are scheduled with it', async () => {
    const { check, send, rows } = await setup();
    const past = await check({ recipients: { numbers: '0912345678' }, text: signed('x'), at: '2026-06-01 08:00' });
    expect(issue(past, 'past_time')?.severity).toBe('error');
    expect((await refusal(send({ recipients: { numbers: '0912345678' }, text: signed('x'), at: '2026-06-01 08:00' }))).key).toBe('composeCore.checks.past_time');
    const later = await send({ recipients: { numbers: '0912345678' }, text: signed('x'), at: '2026-06-01 15:30' });
    expect(later.report.at).toBe('2026-06-01T07:30:00.000Z');
    expect(later.messages[0]!.status).toBe('scheduled');
    expect(rows()[0]).toMatchObject({ scheduled_tz: 'Asia/Taipei', scheduled_at: Date.UTC(2026, 5, 1, 7, 30) });
  });

  it('quiet_hours warns an explicit send with the time it could go instead; outside quiet hours, or sent by the API, it does not', async () => {
    const { check, send, clock } = await setup();
    const draft: ComposeDraft = { recipients: { numbers: '0912345678' }, text: signed('x') };
    expect(issue(await check(draft), 'quiet_hours')).toBeUndefined();
    clock.setNow(Date.UTC(2026, 5, 1, 14, 0)); // 22:00 in Taipei
    const night = await check(draft);
    expect(issue(night, 'quiet_hours')).toMatchObject({ severity: 'warning', params: { allowedAt: '2026-06-02T01:00:00.000Z' } });
    expect(night.quietUntil).toBe('2026-06-02T01:00:00.000Z');
    const refused = await refusal(send(draft));
    expect(refused).toMatchObject({ kind: 'conflict', key: 'composeCore.errors.unacknowledged' });
    expect((await send(draft, { acknowledged: ['quiet_hours'] })).messages).toHaveLength(1);
    // "Send at 09:00 instead": the same draft at quietUntil is outside the window.
    expect(issue(await check({ ...draft, at: night.quietUntil! }), 'quiet_hours')).toBeUndefined();
    expect((await send(draft, { origin: 'api' })).messages).toHaveLength(1);
  });

  it('no_sender_tag: a warning for a notification, an error for marketing; the default prefix or the tag passes', async () => {
    const { check } = await setup();
    const plain: ComposeDraft = { recipients: { numbers: '0912345678' }, text: '您好' };
    expect(issue(await check(plain), 'no_sender_tag')).toMatchObject({ severity: 'warning', params: { tag: '【測試店】' } });
    expect(issue(await check({ ...plain, purpose: 'marketing', text: '您好 退訂' }), 'no_sender_tag')?.severity).toBe('error');
    expect(issue(await check({ ...plain, usePrefix: true }), 'no_sender_tag')).toBeUndefined();
    expect(issue(await check({ ...plain, text: '【測試店】您好' }), 'no_sender_tag')).toBeUndefined();
  });

  it('no_opt_out_line: marketing without the region\'s unsubscribe text is an error; with it, or as a notification, it passes', async () => {
    const { check, call } = await setup();
    const m: ComposeDraft = { recipients: { numbers: '0912345678' }, text: signed('週年慶全面八折'), purpose: 'marketing' };
    expect(issue(await check(m), 'no_opt_out_line')).toMatchObject({ severity: 'error', params: { line: '退訂' } });
    expect(issue(await check({ ...m, text: signed('週年慶全面八折 退訂回N') }), 'no_opt_out_line')).toBeUndefined();
    expect(issue(await check({ ...m, purpose: 'notification' }), 'no_opt_out_line')).toBeUndefined();
    await call('settings.set', { key: 'compose.optOutLine', value: '拒收請回T' });
    expect(issue(await check({ ...m, text: signed('週年慶 拒收請回T') }), 'no_opt_out_line')).toBeUndefined();
  });

  it('low_balance warns when the estimated cost is above the account\'s balance, not when it fits', async () => {
    const { check, call, dataDir } = await setup();
    await call('accounts.add', { provider: 'twsms', name: 'tw', username: 'u', password: 'p', noVerify: true, priceDomestic: 0.8, priceInternational: 3 });
    const draft: ComposeDraft = { recipients: { numbers: '0912345678, 0922333444' }, text: signed('x'), account: 'tw' };
    withDb(dataDir, (db) => db.prepare(`update accounts set balance = 1, balance_unit = 'TWD' where name = 'tw'`).run());
    const low = await check(draft);
    expect(low.totals).toMatchObject({ cost: 1.6, balance: 1, balanceUnit: 'TWD', segments: 2 });
    expect(issue(low, 'low_balance')).toMatchObject({ severity: 'warning', params: { cost: 1.6, balance: 1 } });
    withDb(dataDir, (db) => db.prepare(`update accounts set balance = 100 where name = 'tw'`).run());
    expect(issue(await check(draft), 'low_balance')).toBeUndefined();
    // International numbers at the international price.
    expect((await check({ ...draft, recipients: { numbers: '+81 90-1234-5678' } })).totals.cost).toBe(3);
  });
});

describe('sending', () => {
  it('recipients with errors refuse the send unless left out; left out, they come back as rejected entries with codes', async () => {
    const { send, add, rows } = await setup();
    const a = await add('王小明', '0912345678', { honorific: '先生' });
    const b = await add('李大華', '0922333444');
    const draft: ComposeDraft = { recipients: { contactIds: [a.id, b.id], numbers: '12345' }, text: signed('{姓名}{稱謂}') };
    const refused = await refusal(send(draft));
    expect(refused).toMatchObject({ kind: 'validation', key: 'composeCore.errors.recipientErrors', params: { count: 2 } });
    expect(rows()).toEqual([]);
    const result = await send(draft, { leaveOut: true });
    expect(result.messages.map((m) => m.to)).toEqual(['+886912345678']);
    expect(result.rejected).toEqual([{ to: '12345', code: 'invalid_number' }, { to: '0922333444', code: 'missing_value', params: { field: '{稱謂}' } }]);
  });

  it('recipients from a filter (a category, minus one by hand)', async () => {
    const { call, add, check } = await setup();
    const vip = await call('contacts.categories.create', { name: 'VIP', colour: '#ff0000' });
    const a = await add('王小明', '0912345678', { categoryIds: [vip.id] });
    await add('李大華', '0922333444', { categoryIds: [vip.id] });
    const c = await add('陳美麗', '0933555666', { categoryIds: [vip.id] });
    await add('林志明', '0944777888');
    const report = await check({ recipients: { filter: { categoryIds: [vip.id] }, exceptContactIds: [a.id] }, text: signed('{姓名}') });
    expect(report.recipients).toBe(2);
    expect(report.samples.map((s) => s.contactId)).toContain(c.id);
    expect(report.samples.map((s) => s.name)).not.toContain('王小明');
  });

  it('sends a test to the shop\'s own number, rendered for the first recipient', async () => {
    const { call, add, rows } = await setup();
    const c = await add('王小明', '0912345678');
    const draft: ComposeDraft = { recipients: { contactIds: [c.id] }, text: signed('{姓名} 您好') };
    expect((await refusal(call('compose.sendTest', { draft }))).key).toBe('composeCore.errors.noTestNumber');
    await call('settings.set', { key: 'compose.testNumber', value: '0987 654 321' });
    const test = await call('compose.sendTest', { draft });
    expect(test).toMatchObject({ to: '+886987654321', text: '【測試店】王小明 您好' });
    expect(rows()).toEqual([expect.objectContaining({ id: test.id, to_e164: '+886987654321', text: '【測試店】王小明 您好' })]);
  });

  it('lists the placeholders as chips in the operator\'s language, with the shop\'s custom fields', async () => {
    const { call } = await setup();
    await call('contacts.fields.create', { key: 'level', label: '等級', type: 'text' });
    const { placeholders } = await call('compose.placeholders', {});
    expect(placeholders).toEqual(expect.arrayContaining([
      { token: '姓名', source: 'contact', labelKey: 'composeCore.placeholders.name', label: null },
      { token: 'level', source: 'field', labelKey: null, label: '等級' },
      { token: '店名', source: 'shop', labelKey: 'composeCore.placeholders.shop.name', label: null },
      { token: '金額', source: 'event', labelKey: 'composeCore.placeholders.amount', label: null },
    ]));
  });
});
