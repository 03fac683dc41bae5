// Inputs that fit (or nearly fit) each rules method, for the contract fuzz in contract.test.ts.
import type { rulesContract } from '../../src-shared/api/rules-schemas';

const birthday = { name: '生日祝福', preset: 'birthday', target: { conditions: [{ kind: 'birthdayToday' }] }, templateId: 1, cadence: { kind: 'daily' }, time: '10:00' };

export const rulesExamples: Record<keyof typeof rulesContract, Record<string, unknown>[]> = {
  'rules.list': [{}],
  'rules.get': [{ id: 1 }, { id: 99_999 }],
  'rules.create': [
    birthday,
    { ...birthday, cadence: { kind: 'cron', expression: '0 9 * * 1-5' }, time: undefined, timeZone: 'America/New_York' },
    { ...birthday, cadence: { kind: 'cron', expression: 'not cron' } },
    { ...birthday, cadence: { kind: 'monthly', day: 31 }, time: undefined },
    { ...birthday, timeZone: 'Mars/Olympus' },
    { ...birthday, account: 'nobody' },
    { ...birthday, target: { conditions: [{ kind: 'daysFromRun', field: 'field.nope', days: [7] }] } },
    { ...birthday, target: { conditions: [{ kind: 'monthFromRun', field: 'vehicle.inspectionDue', months: 1 }] }, cadence: { kind: 'weekly', days: [1, 1, 3] } },
  ],
  'rules.update': [{ id: 1, rule: birthday }, { id: 99_999, rule: birthday }],
  'rules.remove': [{ id: 99_999 }],
  'rules.setEnabled': [{ id: 1, enabled: false }, { id: 99_999, enabled: true }],
  'rules.preview': [{ id: 1 }, { id: 99_999 }, {}, { rule: birthday, limit: 3 }],
  'rules.runNow': [{ id: 1 }, { id: 99_999 }],
  'rules.history': [{}, { id: 1, outcome: 'missed', limit: 5 }],
  'rules.resolveMissed': [{ id: 1, occurrenceAt: '2026-06-01T02:00:00Z', action: 'dismiss' }, { id: 99_999, occurrenceAt: '2026-06-01T02:00:00Z', action: 'run' }],
};
