// Rules, their run records and their occurrences: raw SQL over the tables of db/schema/rules.ts.
import type { RuleCadence, RuleOutcome, RulePreset, RuleTarget } from '../../../src-shared/api/rules-schemas';
import type { Db } from '../db/client';

export interface RuleRow {
  id: number;
  name: string;
  enabled: number;
  preset: RulePreset | null;
  target_json: string;
  template_id: number;
  cadence_json: string;
  time_of_day: string | null;
  time_zone: string;
  account: string | null;
  use_prefix: number;
  use_suffix: number;
  cursor_at: number;
  created_at: number;
  updated_at: number;
}

export interface RuleRecord {
  id: number;
  name: string;
  enabled: boolean;
  preset: RulePreset | null;
  target: RuleTarget;
  templateId: number;
  cadence: RuleCadence;
  time: string | null;
  timeZone: string;
  account: string | null;
  usePrefix: boolean;
  useSuffix: boolean;
  cursorAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface OccurrenceRow {
  rule_id: number;
  occurrence_at: number;
  local_date: string;
  outcome: RuleOutcome;
  trigger: 'scheduled' | 'manual';
  recipients: number;
  queued: number;
  skipped: number;
  error_key: string | null;
  error_params: string | null;
}

export type RuleValues = Omit<RuleRecord, 'id' | 'createdAt' | 'updatedAt'>;

export function toRecord(r: RuleRow): RuleRecord {
  return {
    id: r.id, name: r.name, enabled: r.enabled === 1, preset: r.preset,
    target: JSON.parse(r.target_json) as RuleTarget, templateId: r.template_id,
    cadence: JSON.parse(r.cadence_json) as RuleCadence, time: r.time_of_day, timeZone: r.time_zone,
    account: r.account, usePrefix: r.use_prefix === 1, useSuffix: r.use_suffix === 1, cursorAt: r.cursor_at, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function createRuleRepository(db: Db) {
  const one = db.prepare<[number], RuleRow>('select * from rules where id = ?');
  const all = db.prepare<[], RuleRow>('select * from rules order by id');
  const enabled = db.prepare<[], RuleRow>('select * from rules where enabled = 1 order by id');
  const insert = db.prepare(`insert into rules (name, enabled, preset, target_json, template_id, cadence_json, time_of_day, time_zone, account, use_prefix, use_suffix, cursor_at, created_at, updated_at)
    values (@name, @enabled, @preset, @target, @templateId, @cadence, @time, @timeZone, @account, @usePrefix, @useSuffix, @cursorAt, @now, @now)`);
  const update = db.prepare(`update rules set name = @name, enabled = @enabled, preset = @preset, target_json = @target, template_id = @templateId,
    cadence_json = @cadence, time_of_day = @time, time_zone = @timeZone, account = @account, use_prefix = @usePrefix, use_suffix = @useSuffix, cursor_at = @cursorAt, updated_at = @now where id = @id`);
  const remove = db.prepare('delete from rules where id = ?');
  const setCursor = db.prepare('update rules set cursor_at = ? where id = ? and cursor_at < ?');
  const setEnabled = db.prepare('update rules set enabled = ?, cursor_at = max(cursor_at, ?), updated_at = ? where id = ?');
  const runsOf = db.prepare<[number, number], { contact_id: number }>('select contact_id from rule_runs where rule_id = ? and occurrence_at = ?');
  const insertRun = db.prepare('insert or ignore into rule_runs (rule_id, occurrence_at, contact_id, message_id, status, reason, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  const occurrence = db.prepare<[number, number], OccurrenceRow>('select * from rule_occurrences where rule_id = ? and occurrence_at = ?');
  const upsertOccurrence = db.prepare(`insert into rule_occurrences (rule_id, occurrence_at, local_date, outcome, trigger, recipients, queued, skipped, error_key, error_params, created_at, updated_at)
    values (@ruleId, @at, @localDate, @outcome, @trigger, @recipients, @queued, @skipped, @errorKey, @errorParams, @now, @now)
    on conflict (rule_id, occurrence_at) do update set outcome = excluded.outcome, trigger = excluded.trigger,
      recipients = rule_occurrences.recipients + excluded.recipients, queued = rule_occurrences.queued + excluded.queued,
      skipped = rule_occurrences.skipped + excluded.skipped, error_key = excluded.error_key, error_params = excluded.error_params, updated_at = excluded.updated_at`);
  const lastRan = db.prepare<[number], { at: number | null }>(`select max(occurrence_at) as at from rule_occurrences where rule_id = ? and outcome = 'ran'`);
  const missedCount = db.prepare<[number], { n: number }>(`select count(*) as n from rule_occurrences where rule_id = ? and outcome = 'missed'`);

  return {
    get: (id: number): RuleRecord | null => {
      const r = one.get(id);
      return r ? toRecord(r) : null;
    },
    list: (): RuleRecord[] => all.all().map(toRecord),
    enabled: (): RuleRecord[] => enabled.all().map(toRecord),
    insert(v: RuleValues, now: number): number {
      return Number(insert.run({ ...bind(v), now }).lastInsertRowid);
    },
    update(id: number, v: RuleValues, now: number): void {
      update.run({ ...bind(v), id, now });
    },
    remove: (id: number) => remove.run(id).changes > 0,
    /** Moves the cursor forward only (a second process that got further is never set back). */
    advanceCursor: (id: number, at: number) => void setCursor.run(at, id, at),
    setEnabled: (id: number, on: boolean, now: number) => void setEnabled.run(on ? 1 : 0, now, now, id),
    contactsDone: (ruleId: number, at: number): Set<number> => new Set(runsOf.all(ruleId, at).map((r) => r.contact_id)),
    /** Records one contact's run; false when it was recorded already (the unique key). */
    recordRun(ruleId: number, at: number, contactId: number, messageId: number | null, status: 'queued' | 'skipped', reason: string | null, now: number): boolean {
      return insertRun.run(ruleId, at, contactId, messageId, status, reason, now).changes > 0;
    },
    occurrence: (ruleId: number, at: number) => occurrence.get(ruleId, at) ?? null,
    saveOccurrence(o: { ruleId: number; at: number; localDate: string; outcome: RuleOutcome; trigger: 'scheduled' | 'manual'; recipients: number; queued: number; skipped: number; errorKey: string | null; errorParams: Record<string, string | number> | null }, now: number): void {
      upsertOccurrence.run({ ...o, errorParams: o.errorParams ? JSON.stringify(o.errorParams) : null, now });
    },
    lastRanAt: (ruleId: number) => lastRan.get(ruleId)?.at ?? null,
    missedCount: (ruleId: number) => missedCount.get(ruleId)?.n ?? 0,
    history(ruleId: number | undefined, outcome: RuleOutcome | undefined, limit: number): OccurrenceRow[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (ruleId !== undefined) {
        where.push('rule_id = ?');
        params.push(ruleId);
      }
      if (outcome !== undefined) {
        where.push('outcome = ?');
        params.push(outcome);
      }
      return db.prepare(`select * from rule_occurrences ${where.length ? `where ${where.join(' and ')}` : ''} order by occurrence_at desc, rule_id limit ?`).all(...params, limit) as OccurrenceRow[];
    },
  };
}

function bind(v: RuleValues) {
  return {
    name: v.name, enabled: v.enabled ? 1 : 0, preset: v.preset, target: JSON.stringify(v.target), templateId: v.templateId,
    cadence: JSON.stringify(v.cadence), time: v.time, timeZone: v.timeZone, account: v.account,
    usePrefix: v.usePrefix ? 1 : 0, useSuffix: v.useSuffix ? 1 : 0, cursorAt: v.cursorAt,
  };
}

export type RuleRepository = ReturnType<typeof createRuleRepository>;
