// issue #9: the log's filters combine correctly. Random messages (and contacts) are written into a
// real SQLite file, random filters are asked through the API, and the answer — rows newest first,
// read page by page, and the counts per status — must equal a plain in-memory model's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogFilterInput } from '../../../src-shared/api/log-schemas';
import type { MessageStatus, Origin } from '../../../src-shared/api/schemas';
import { openCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';

const STATUSES: MessageStatus[] = ['queued', 'sent', 'delivered', 'failed', 'unknown', 'cancelled'];
const ORIGINS: Origin[] = ['composer', 'cli', 'rule', 'api'];
const NUMBERS = [['+886912345678', '0912-345-678'], ['+886912000111', '0912000111'], ['+886933456789', '0933 456 789'], ['+819012345678', '090-1234-5678']] as const;
const TIMES = [1_000, 2_000, 3_000, 4_000, 5_000];
const WORDS = ['Hello', 'hello', '您好', '取車', 'ORDER', 'order 12', '=1+1', ''];
const CONTACTS = [
  { id: 1, name: '陳小明', phone: '+886912345678', deleted: false },
  { id: 2, name: 'Amy Lin', phone: '+886933456789', deleted: false },
  // A deleted contact's name matches only messages linked to it by id.
  { id: 3, name: '林美', phone: '+886912000111', deleted: true },
];

interface Row {
  accountId: number;
  number: (typeof NUMBERS)[number];
  text: string;
  memo: string | null;
  status: MessageStatus;
  origin: Origin;
  operator: string | null;
  templateId: number | null;
  ruleId: number | null;
  contactId: number | null;
  createdAt: number;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  accountId: fc.constantFrom(1, 2),
  number: fc.constantFrom(...NUMBERS),
  text: fc.constantFrom(...WORDS.filter(Boolean)),
  memo: fc.constantFrom(null, '會員', 'VIP 會員', 'note'),
  status: fc.constantFrom(...STATUSES),
  origin: fc.constantFrom(...ORIGINS),
  operator: fc.constantFrom(null, 'amy', 'bob'),
  templateId: fc.constantFrom(null, 1, 2),
  ruleId: fc.constantFrom(null, 7),
  contactId: fc.constantFrom(null, null, 3),
  createdAt: fc.constantFrom(...TIMES),
});

const iso = (ms: number) => new Date(ms).toISOString();
const filterParts = {
  status: fc.subarray(STATUSES, { minLength: 1 }),
  since: fc.constantFrom(...TIMES).map(iso),
  until: fc.constantFrom(...TIMES, 6_000).map(iso),
  recipient: fc.constantFrom('0912', '345', '912-000', '陳', '小明', 'Amy', '林美', '+81', '0933 456'),
  text: fc.constantFrom('hello', 'ORDER', '您好', '1+1', 'x'),
  memo: fc.constantFrom('會員', 'VIP', 'zzz'),
  accountId: fc.constantFrom(1, 2),
  templateId: fc.constantFrom(1, 2),
  ruleId: fc.constantFrom(7, 8),
  origin: fc.subarray(ORIGINS, { minLength: 1 }),
  operator: fc.constantFrom('amy', 'bob'),
};
type Part = keyof typeof filterParts;
// Up to three filters at once: more would nearly always match nothing, and prove nothing.
const filterArb: fc.Arbitrary<LogFilterInput> = fc
  .subarray(Object.keys(filterParts) as Part[], { maxLength: 3 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, filterParts[k]])) as { [K in Part]: (typeof filterParts)[K] }))
  .map((f) => f as LogFilterInput);

// The model: what each filter means, written plainly.
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const digitsOf = (s: string) => s.replace(/\D/g, '').replace(/^0/, '');
function matches(r: Row, f: LogFilterInput, ignoreStatus = false): boolean {
  if (!ignoreStatus && f.status && !f.status.includes(r.status)) return false;
  if (f.since && r.createdAt < Date.parse(f.since)) return false;
  if (f.until && r.createdAt >= Date.parse(f.until)) return false;
  if (f.accountId !== undefined && r.accountId !== f.accountId) return false;
  if (f.templateId !== undefined && r.templateId !== f.templateId) return false;
  if (f.ruleId !== undefined && r.ruleId !== f.ruleId) return false;
  if (f.origin && !f.origin.includes(r.origin)) return false;
  if (f.operator !== undefined && r.operator !== f.operator) return false;
  if (f.memo !== undefined && !(r.memo ?? '').includes(f.memo)) return false;
  if (f.text !== undefined && !asciiLower(r.text).includes(asciiLower(f.text))) return false;
  if (f.recipient !== undefined) {
    const q = f.recipient;
    const digits = digitsOf(q);
    const live = CONTACTS.find((c) => !c.deleted && c.phone === r.number[0]);
    const linked = CONTACTS.find((c) => c.id === r.contactId);
    const hit = (digits !== '' && r.number[0].includes(digits)) || (live?.name.includes(q) ?? false) || (linked?.name.includes(q) ?? false);
    if (!hit) return false;
  }
  return true;
}

describe('log filters against an in-memory model', () => {
  it('list (paged), and counts per status, equal the model for any combination', async () => {
    const { core, dataDir } = await openCore({ dispatch: false });
    withDb(dataDir, (db) => {
      db.prepare(`insert into accounts (name, provider, is_default, created_at, updated_at) values ('second', 'sandbox', 0, 0, 0)`).run();
      const add = db.prepare(`insert into contacts (id, name, honorific, phone_e164, phone_raw, region, notes, created_at, updated_at, deleted_batch, deleted_at) values (?, ?, '', ?, ?, 'TW', '', 0, 0, ?, ?)`);
      for (const c of CONTACTS) add.run(c.id, c.name, c.phone, c.phone, c.deleted ? 'b1' : null, c.deleted ? 1 : null);
    });

    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 0, maxLength: 40 }), filterArb, fc.integer({ min: 1, max: 7 }), async (rows, filter, pageSize) => {
        const ids = withDb(dataDir, (db) => {
          db.exec('delete from message_events; delete from messages');
          const insert = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, memo,
            operator, template_id, rule_id, contact_id, created_at, updated_at) values (?, ?, ?, ?, ?, 'UCS-2', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
          return rows.map((r, i) => Number(insert.run(`p-${i}-${Math.random()}`, r.accountId === 1 ? 1 : 2, r.number[0], r.number[1], r.text, r.status, r.origin, r.memo,
            r.operator, r.templateId, r.ruleId, r.contactId, r.createdAt, r.createdAt).lastInsertRowid));
        });
        const accountIds = withDb(dataDir, (db) => (db.prepare(`select id from accounts order by id`).all() as { id: number }[]).map((a) => a.id));
        // The model's account 1/2 are the first and second account rows.
        const apiFilter = filter.accountId !== undefined ? { ...filter, accountId: accountIds[filter.accountId - 1]! } : filter;
        const expected = rows.map((r, i) => ({ r, id: ids[i]! })).filter(({ r }) => matches(r, filter)).map(({ id }) => id).reverse();

        const got: number[] = [];
        let beforeId: number | undefined;
        for (;;) {
          const page = await core.api['messages.list']({ ...apiFilter, limit: pageSize, ...(beforeId ? { beforeId } : {}) });
          got.push(...page.messages.map((m) => m.id));
          if (page.nextBeforeId === null) break;
          beforeId = page.nextBeforeId;
        }
        expect(got).toEqual(expected);
        if (expected.length > 0 && expected.length < rows.length) nonEmpty++;

        const counts = await core.api['messages.counts'](apiFilter);
        const model: Record<string, number> = {};
        for (const r of rows) if (matches(r, filter, true)) model[r.status] = (model[r.status] ?? 0) + 1;
        expect(counts.counts).toEqual(model);
        expect(counts.total).toBe(Object.values(model).reduce((a, b) => a + b, 0));
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if filters both kept and dropped rows often enough.
    expect(nonEmpty).toBeGreaterThan(40);
  });
});
