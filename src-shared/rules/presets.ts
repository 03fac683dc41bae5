// The reminder presets (issue 7): what a rule made from each starts with. The editor fills these in
// and the operator may change anything; the core stores the result like any other rule.
import type { RuleCadence, RulePreset, RuleTarget } from '../api/rules-schemas';

export interface PresetDefaults {
  target: RuleTarget;
  cadence: RuleCadence;
  time: string;
  /** The contacts preset the target needs switched on (vehicle dates), if any. */
  needs: 'vehicle' | null;
}

export const presetDefaults: Record<RulePreset, PresetDefaults> = {
  // Every day: whoever has a birthday that day (29 February: see the rules.leapDayBirthday setting).
  birthday: {
    target: { filter: {}, conditions: [{ kind: 'birthdayToday' }] },
    cadence: { kind: 'daily' },
    time: '10:00',
    needs: null,
  },
  // In Taiwan a vehicle must be inspected within a month of its due date: on day 1 of the month
  // before the due month, remind everyone whose vehicle is due next month.
  inspection: {
    target: { filter: {}, conditions: [{ kind: 'monthFromRun', field: 'vehicle.inspectionDue', months: 1 }] },
    cadence: { kind: 'monthly', day: 1 },
    time: '10:00',
    needs: 'vehicle',
  },
  // Every day: insurance that expires in 30 days, and again in 7 days.
  insurance: {
    target: { filter: {}, conditions: [{ kind: 'daysFromRun', field: 'vehicle.insuranceExpiry', days: [30, 7] }] },
    cadence: { kind: 'daily' },
    time: '10:00',
    needs: 'vehicle',
  },
};
