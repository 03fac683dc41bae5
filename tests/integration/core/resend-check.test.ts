// Resending a message from the log goes through the pre-send check (issue 9): a real core on a real
// database. An opted-out, invalid or frequency-capped number is refused with the check's reason and
// nothing is queued; quiet hours (a warning) need the operator's acknowledgement; a clean resend is a
// new message linked to the original, with the text exactly as it was sent.
import { describe, expect, it } from 'vitest';
import type { ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import type { MessageView } from '../../../src-shared/api/schemas';
import { openCore, type TestCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';

const TEXT = '【測試店】您的訂單已到貨 {不是欄位}';

async function setup(): Promise<TestCore> {
  const t = await openCore({ dispatch: false });
  await t.core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
  await t.core.call('settings.set', { key: 'shop.name', value: '測試店' });
  return t;
}

/** A failed message to `to` (as the dispatcher leaves one), written on a second connection. */
function failed(t: TestCore, to: string, text = TEXT): number {
  return withDb(t.dataDir, (db) => {
    const now = t.clock.now();
    const row = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, test_mode,
      error_code, error_key, created_at, updated_at, final_at, attempts)
      values (?, 1, ?, ?, ?, 'UCS-2', 1, 'failed', 'composer', 1, 'x', 'errors.provider.rejected', ?, ?, ?, 1) returning id`)
      .get(`t-${to}-${now}-${Math.random()}`, to, to, text, now - 60_000, now - 60_000, now - 60_000) as { id: number };
    return row.id;
  });
}

const count = (t: TestCore) => withDb(t.dataDir, (db) => (db.prepare('select count(*) as n from messages').get() as { n: number }).n);
const check = (t: TestCore, id: number) => t.core.call('messages.resendCheck', { id }) as Promise<ComposeCheckReport>;
const codes = (r: ComposeCheckReport, severity: 'error' | 'warning') => r.issues.filter((i) => i.severity === severity).map((i) => i.code);

describe('resend through the pre-send check', () => {
  it('a clean resend: no issue, a new message linked to the original, its text exactly as sent (braces stay braces)', async () => {
    const t = await setup();
    const id = failed(t, '+886912345678');
    const report = await check(t, id);
    expect(report.issues).toEqual([]);
    expect(report.samples[0]!.text).toBe(TEXT);
    expect(report.totals).toMatchObject({ messages: 1, segments: 1 });
    const copy = (await t.core.call('messages.resend', { id })) as MessageView;
    expect(copy).toMatchObject({ resendOf: id, status: 'queued', text: TEXT, to: '+886912345678', origin: 'composer' });
  });

  it('an opted-out number is refused with the reason, and nothing is queued', async () => {
    const t = await setup();
    await t.core.call('contacts.create', { name: '王小明', phone: '0912345678', optOut: { flag: true } });
    const id = failed(t, '+886912345678');
    const report = await check(t, id);
    expect(codes(report, 'error')).toEqual(['opted_out']);
    expect(report.sendable).toBe(0);
    const before = count(t);
    const err = await t.core.call('messages.resend', { id, acknowledged: ['no_sender_tag', 'quiet_hours'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'validation', key: 'composeCore.checks.opted_out' });
    expect(count(t)).toBe(before);
  });

  it('an invalid number is refused (invalid_number)', async () => {
    const t = await setup();
    const id = failed(t, '+8861234');
    expect(codes(await check(t, id), 'error')).toEqual(['invalid_number']);
    const before = count(t);
    await expect(t.core.call('messages.resend', { id })).rejects.toMatchObject({ key: 'composeCore.checks.invalid_number' });
    expect(count(t)).toBe(before);
  });

  it('a number that reached the frequency cap is refused with the cap in the reason', async () => {
    const t = await setup();
    await t.core.call('settings.set', { key: 'sending.frequencyCap', value: 2 });
    const id = failed(t, '+886912345678');
    // Two messages reached the number in the last 24 hours.
    withDb(t.dataDir, (db) => db.prepare(`update messages set status = 'sent', sent_at = ? where id = ?`).run(t.clock.now() - 3600_000, failed(t, '+886912345678')));
    expect(codes(await check(t, id), 'error')).toEqual([]);
    withDb(t.dataDir, (db) => db.prepare(`update messages set status = 'sent', sent_at = ? where id = ?`).run(t.clock.now() - 3600_000, failed(t, '+886912345678')));
    const report = await check(t, id);
    expect(codes(report, 'error')).toEqual(['frequency_cap']);
    const before = count(t);
    await expect(t.core.call('messages.resend', { id })).rejects.toMatchObject({ key: 'composeCore.checks.frequency_cap', params: { max: 2 } });
    expect(count(t)).toBe(before);
  });

  it('in quiet hours: a warning that refuses the resend until acknowledged, then it goes', async () => {
    const t = await setup();
    t.clock.setNow(Date.UTC(2026, 5, 1, 14, 0)); // 22:00 in Taipei
    const id = failed(t, '+886912345678');
    const report = await check(t, id);
    expect(codes(report, 'warning')).toEqual(['quiet_hours']);
    expect(codes(report, 'error')).toEqual([]);
    expect(report.quietUntil).toBe('2026-06-02T01:00:00.000Z');
    const before = count(t);
    await expect(t.core.call('messages.resend', { id })).rejects.toMatchObject({ kind: 'conflict', key: 'composeCore.errors.unacknowledged' });
    expect(count(t)).toBe(before);
    const copy = (await t.core.call('messages.resend', { id, acknowledged: ['quiet_hours'] })) as MessageView;
    expect(copy).toMatchObject({ resendOf: id, status: 'queued' });
    expect(count(t)).toBe(before + 1);
  });

  it('a message that is not failed, unknown, expired or missed cannot be checked or resent', async () => {
    const t = await setup();
    const id = failed(t, '+886912345678');
    withDb(t.dataDir, (db) => db.prepare(`update messages set status = 'delivered' where id = ?`).run(id));
    await expect(check(t, id)).rejects.toMatchObject({ kind: 'conflict', key: 'sending.conflict.notResendable' });
    await expect(t.core.call('messages.resend', { id })).rejects.toMatchObject({ kind: 'conflict' });
    await expect(check(t, 999)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
