// Reminder rules (issue 7): saving and checking rules, their views with the next run, the preview of
// the next run (who and what), run now, history and the operator's answer to a missed run. The
// contract handlers are thin calls into this; the runner (runner.ts) fires the rules.
import type { ParsedInput } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import type { RuleInput, RuleOccurrenceView, RulePreview, RuleView } from '../../../src-shared/api/rules-schemas';
import { ruleInputSchema } from '../../../src-shared/api/rules-schemas';
import { isValidTimeZone } from '../../../src-shared/settings/registry';
import type { EventBus } from '../events/bus';
import type { Clock } from '../types';
import { nextRun, nextRuns } from './cadence';
import { cronProblem } from './cron';
import type { RuleDelivery } from './delivery';
import type { OccurrenceRow, RuleRecord, RuleRepository, RuleValues } from './repository';
import type { RuleRunner } from './runner';
import { scheduleOf } from './runner';
import type { createTargetQuery, LeapDayBirthday } from './target';
import { localDateText } from './wall-clock';

export interface RulesServiceDeps {
  repo: RuleRepository;
  targets: ReturnType<typeof createTargetQuery>;
  delivery: RuleDelivery & { assertTemplate(id: number): void; assertAccount(name: string): void };
  runner: Pick<RuleRunner, 'runOccurrence' | 'wake'>;
  clock: Clock;
  bus: EventBus;
  shopTimeZone: () => string;
  leapDay: () => LeapDayBirthday;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function occurrenceView(o: OccurrenceRow): RuleOccurrenceView {
  return {
    ruleId: o.rule_id, occurrenceAt: iso(o.occurrence_at), localDate: o.local_date, outcome: o.outcome, trigger: o.trigger,
    recipients: o.recipients, queued: o.queued, skipped: o.skipped,
    error: o.error_key ? { key: o.error_key, ...(o.error_params ? { params: JSON.parse(o.error_params) as Record<string, string | number> } : {}) } : null,
  };
}

export function createRulesService(d: RulesServiceDeps) {
  const { repo, clock } = d;
  const changed = () => d.bus.emit({ type: 'rules.changed' });

  const view = (r: RuleRecord): RuleView => {
    const now = clock.now();
    const next = r.enabled ? nextRun(scheduleOf(r), Math.max(r.cursorAt, now)) : null;
    const last = repo.lastRanAt(r.id);
    return {
      id: r.id, name: r.name, enabled: r.enabled, preset: r.preset, target: r.target, templateId: r.templateId,
      cadence: r.cadence, time: r.time, timeZone: r.timeZone, account: r.account, usePrefix: r.usePrefix, useSuffix: r.useSuffix,
      nextRunAt: next === null ? null : iso(next), lastRunAt: last === null ? null : iso(last),
      missed: repo.missedCount(r.id), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
    };
  };

  const get = (id: number): RuleRecord => {
    const r = repo.get(id);
    if (!r) throw new ApiError('not_found', 'rules.errors.notFound', { id });
    return r;
  };

  /** A rule as typed → the values stored, every part checked (the same checks for UI, CLI and API). */
  function values(input: ParsedInput<'rules.create'>, cursorAt: number): RuleValues {
    const timeZone = input.timeZone ?? d.shopTimeZone();
    if (!isValidTimeZone(timeZone)) throw new ApiError('validation', 'rules.errors.timeZone', { zone: timeZone }, [{ path: 'timeZone', key: 'rules.errors.timeZone' }]);
    let cadence = input.cadence;
    let time: string | null = input.time ?? null;
    if (cadence.kind === 'cron') {
      const problem = cronProblem(cadence.expression);
      if (problem) throw new ApiError('validation', problem, { expression: cadence.expression }, [{ path: 'cadence.expression', key: problem }]);
      time = null;
    } else {
      if (time === null) throw new ApiError('validation', 'rules.errors.timeRequired', undefined, [{ path: 'time', key: 'rules.errors.timeRequired' }]);
      if (cadence.kind === 'weekly') cadence = { kind: 'weekly', days: [...new Set(cadence.days)].sort((a, b) => a - b) };
    }
    d.delivery.assertTemplate(input.templateId);
    if (input.account) d.delivery.assertAccount(input.account);
    const target = input.target;
    // Unknown fields and the like are refused now, not on the day the rule runs.
    d.targets.contactIds(target, localDateText(clock.now(), timeZone), d.leapDay());
    return {
      name: input.name, enabled: input.enabled, preset: input.preset, target, templateId: input.templateId,
      cadence, time, timeZone, account: input.account ?? null, usePrefix: input.usePrefix, useSuffix: input.useSuffix, cursorAt,
    };
  }

  async function preview(rule: RuleRecord, limit: number): Promise<RulePreview> {
    const now = clock.now();
    const upcoming = nextRuns(scheduleOf(rule), now, 6);
    const at = upcoming[0];
    if (at === undefined) return { occurrenceAt: null, localDate: null, recipients: 0, samples: [], upcoming: [] };
    const localDate = localDateText(at, rule.timeZone);
    const ids = d.targets.contactIds(rule.target, localDate, d.leapDay());
    const samples = await d.delivery.render(rule, ids.slice(0, limit), localDate);
    return { occurrenceAt: iso(at), localDate, recipients: ids.length, samples, upcoming: upcoming.slice(1).map(iso) };
  }

  return {
    list: () => ({ rules: repo.list().map(view) }),
    get: (id: number) => view(get(id)),
    create(input: ParsedInput<'rules.create'>): RuleView {
      const now = clock.now();
      const id = repo.insert(values(input, now), now);
      changed();
      d.runner.wake();
      return view(get(id));
    },
    update(id: number, input: ParsedInput<'rules.create'>): RuleView {
      const old = get(id);
      const now = clock.now();
      // Occurrences before the change were the old rule's; the new one counts from now.
      repo.update(id, values(input, Math.max(old.cursorAt, now)), now);
      changed();
      d.runner.wake();
      return view(get(id));
    },
    remove(id: number) {
      get(id);
      repo.remove(id);
      changed();
      d.runner.wake();
      return { removed: id };
    },
    setEnabled(id: number, enabled: boolean): RuleView {
      get(id);
      // Switched on again: what fell due while it was off is not caught up (it was off on purpose).
      repo.setEnabled(id, enabled, clock.now());
      changed();
      d.runner.wake();
      return view(get(id));
    },
    async preview(input: ParsedInput<'rules.preview'>): Promise<RulePreview> {
      if (input.id !== undefined) return preview(get(input.id), input.limit);
      if (!input.rule) throw new ApiError('validation', 'rules.errors.previewWhat');
      const now = clock.now();
      const v = values(ruleInputSchema.parse(input.rule satisfies RuleInput), now);
      return preview({ ...v, id: 0, createdAt: now, updatedAt: now }, input.limit);
    },
    runNow(id: number) {
      const rule = get(id);
      // One run per minute: a double click queues nothing more.
      const at = Math.floor(clock.now() / 60_000) * 60_000;
      const outcome = d.runner.runOccurrence(rule, at, 'manual')!;
      changed();
      return { ...outcome, occurrenceAt: iso(outcome.occurrenceAt) };
    },
    history: (input: ParsedInput<'rules.history'>) => ({ occurrences: repo.history(input.id, input.outcome, input.limit).map(occurrenceView) }),
    resolveMissed(id: number, occurrenceAt: string, action: 'run' | 'dismiss'): RuleOccurrenceView {
      const rule = get(id);
      const at = Date.parse(occurrenceAt);
      const o = repo.occurrence(id, at);
      if (!o) throw new ApiError('not_found', 'rules.errors.occurrenceNotFound', { id, at: occurrenceAt });
      if (o.outcome !== 'missed') throw new ApiError('conflict', 'rules.errors.notMissed', { outcome: o.outcome });
      if (action === 'run') d.runner.runOccurrence(rule, at, 'manual');
      else repo.saveOccurrence({ ruleId: id, at, localDate: o.local_date, outcome: 'dismissed', trigger: 'manual', recipients: 0, queued: 0, skipped: 0, errorKey: null, errorParams: null }, clock.now());
      changed();
      return occurrenceView(repo.occurrence(id, at)!);
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
