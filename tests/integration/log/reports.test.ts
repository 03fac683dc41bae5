// issue #9: reports.summary over a real database — periods in the shop's calendar (day, Monday-based
// week, month) by status, delivery rate, segments, the estimated cost per account (domestic or
// international by number, only what the provider accepted, test accounts left out), balance
// readings as the core records them, and failure reasons by frequency.
import { describe, expect, it } from 'vitest';
import { openCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';

const HOUR = 3_600_000;
/** 2026-06-01 00:30 in Taipei (a Monday) = 2026-05-31 16:30 UTC. */
const MON = Date.UTC(2026, 4, 31, 16, 30);

describe('reports.summary', () => {
  it('counts per period and status, rate, segments, cost, balance and failures', async () => {
    const { core, dataDir } = await openCore({ dispatch: false, clock: undefined });
    await core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    await core.call('settings.set', { key: 'shop.region', value: 'TW' });
    await core.api['accounts.add']({ provider: 'sandbox', name: 'paid', priceDomestic: 0.8, priceInternational: 3, noVerify: true });
    const paid = (await core.api['accounts.list']({})).accounts.find((a) => a.name === 'paid')!;
    withDb(dataDir, (db) => {
      const insert = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin,
        provider_message_id, error_code, error_key, created_at, updated_at) values (?, ?, ?, '', 'x', 'UCS-2', ?, ?, 'composer', ?, ?, ?, ?, ?)`);
      let n = 0;
      const add = (at: number, status: string, segments = 1, to = '+886912345678', accepted = true, error: [string, string] | null = null) =>
        insert.run(`r${n++}`, paid.id, to, segments, status, accepted ? `p${n}` : null, error?.[0] ?? null, error?.[1] ?? null, at, at);
      add(MON, 'delivered', 2); // Mon 1 June, Taipei
      add(MON + 2 * HOUR, 'delivered', 1, '+819012345678'); // international
      add(MON + 3 * HOUR, 'failed', 1, '+886912345678', false, ['bad_number', 'errors.provider.badNumber']); // not accepted: no cost
      add(MON + 24 * HOUR, 'failed', 3, '+886912345678', true, ['undeliverable', 'errors.provider.sandboxUndeliverable']); // Tue, accepted
      add(MON + 25 * HOUR, 'failed', 1, '+886912345678', true, ['undeliverable', 'errors.provider.sandboxUndeliverable']);
      add(MON + 7 * 24 * HOUR, 'expired', 1); // next Monday, 8 June
      add(MON - 2 * HOUR, 'delivered', 5); // 31 May in Taipei: outside the range below
    });
    // Balance readings arrive through the balance keeper (accounts.balance records them); a repeat of the same value is not a reading.
    await core.api['accounts.balance']({ name: 'paid' });
    await core.api['accounts.balance']({ name: 'paid' });

    const since = new Date(MON - 30 * 60_000).toISOString(); // 1 June 00:00 Taipei
    const until = new Date(MON - 30 * 60_000 + 30 * 24 * HOUR).toISOString();
    const byDay = await core.api['reports.summary']({ since, until, groupBy: 'day' });
    expect(byDay.periods).toEqual([
      { period: '2026-06-01', counts: { delivered: 2, failed: 1 } },
      { period: '2026-06-02', counts: { failed: 2 } },
      { period: '2026-06-08', counts: { expired: 1 } },
    ]);
    expect(byDay.totals).toEqual({ messages: 6, segments: 9, delivered: 2, failed: 3, deliveryRate: 2 / 6 });
    // Charged: 2 + 3 + 1 + 1 domestic segments (the refused one is free), 1 international.
    expect(byDay.costs).toEqual([{ accountId: paid.id, account: 'paid', segmentsDomestic: 7, segmentsInternational: 1, cost: 7 * 0.8 + 3 }]);
    expect(byDay.failures).toEqual([
      { key: 'errors.provider.sandboxUndeliverable', code: 'undeliverable', count: 2 },
      { key: 'errors.provider.badNumber', code: 'bad_number', count: 1 },
      { key: 'reports.failure.expired', code: '', count: 1 },
    ]);

    const byWeek = await core.api['reports.summary']({ since, until, groupBy: 'week' });
    expect(byWeek.periods.map((p) => p.period)).toEqual(['2026-06-01', '2026-06-08']);
    const byMonth = await core.api['reports.summary']({ since: new Date(MON - 3 * HOUR).toISOString(), until, groupBy: 'month' });
    expect(byMonth.periods.map((p) => [p.period, p.counts])).toEqual([['2026-05-01', { delivered: 1 }], ['2026-06-01', { delivered: 2, failed: 3, expired: 1 }]]);

    const allTime = await core.api['reports.summary']({ since: '2000-01-01T00:00:00Z', until: '2100-01-01T00:00:00Z', groupBy: 'month' });
    expect(allTime.balances.filter((b) => b.account === 'paid')).toHaveLength(1);

    await expect(core.call('reports.summary', { since, until: since })).rejects.toMatchObject({ key: 'reports.errors.badRange' });
  });
});
