// Reminder rules (issue 7): the module (repository, target query, runner, service) and its contract
// handlers, spread into core/api/handlers.ts.
import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { rulesContract } from '../../../src-shared/api/rules-schemas';
import type { Db } from '../db/client';
import type { Lease } from '../dispatcher/lease';
import type { EventBus } from '../events/bus';
import type { SettingsService } from '../settings/service';
import type { Clock } from '../types';
import type { RuleDelivery } from './delivery';
import { createRuleRepository } from './repository';
import { createRuleRunner, type RuleRunner } from './runner';
import { createRulesService } from './service';
import { createTargetQuery, type LeapDayBirthday } from './target';

export type RulesHandlers = Pick<ApiHandlers, keyof typeof rulesContract>;

export interface RulesModule {
  handlers: RulesHandlers;
  runner: RuleRunner;
}

export interface RulesDeps {
  db: Db;
  bus: EventBus;
  clock: Clock;
  settings: SettingsService;
  lease: Lease;
  log: (line: string) => void;
  delivery: RuleDelivery & { assertTemplate(id: number): void; assertAccount(name: string): void };
  /** The catch-up grace window (ms): an occurrence found later than this is recorded as missed. */
  graceMs: () => number;
  wakeDispatcher: () => void;
}

export function createRules(deps: RulesDeps): RulesModule {
  const { db, bus, clock, settings } = deps;
  const repo = createRuleRepository(db);
  const targets = createTargetQuery(db);
  const leapDay = () => settings.get('rules.leapDayBirthday') as LeapDayBirthday;
  const runner = createRuleRunner({
    db, repo, targets, delivery: deps.delivery, clock, bus, lease: deps.lease, log: deps.log,
    graceMs: deps.graceMs, leapDay, wakeDispatcher: deps.wakeDispatcher,
    quietHours: () => ({
      enabled: settings.get('sending.quietHours.enabled'),
      start: settings.get('sending.quietHours.start'),
      end: settings.get('sending.quietHours.end'),
      timeZone: settings.get('shop.timeZone') as string,
    }),
  });
  const service = createRulesService({
    repo, targets, delivery: deps.delivery, runner, clock, bus, leapDay,
    shopTimeZone: () => settings.get('shop.timeZone') as string,
  });
  const handlers: RulesHandlers = {
    'rules.list': () => service.list(),
    'rules.get': ({ id }) => service.get(id),
    'rules.create': (input) => service.create(input),
    'rules.update': ({ id, rule }) => service.update(id, rule),
    'rules.remove': ({ id }) => service.remove(id),
    'rules.setEnabled': ({ id, enabled }) => service.setEnabled(id, enabled),
    'rules.preview': (input) => service.preview(input),
    'rules.runNow': ({ id }) => service.runNow(id),
    'rules.history': (input) => service.history(input),
    'rules.resolveMissed': ({ id, occurrenceAt, action }) => service.resolveMissed(id, occurrenceAt, action),
  };
  return { handlers, runner };
}
