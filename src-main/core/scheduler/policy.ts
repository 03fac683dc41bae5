// The settings the catch-up policy reads, in one place, so timed messages and reminder rules judge
// lateness the same way.
import type { QuietHours } from '../../../src-shared/time/quiet-hours';
import type { SettingsService } from '../settings/service';

export interface CatchUpSettings {
  graceMs: number;
  quietHours: QuietHours;
}

export function readCatchUpSettings(settings: SettingsService): CatchUpSettings {
  return {
    graceMs: settings.get('scheduler.graceMinutes') * 60_000,
    quietHours: {
      enabled: settings.get('sending.quietHours.enabled'),
      start: settings.get('sending.quietHours.start'),
      end: settings.get('sending.quietHours.end'),
      timeZone: settings.get('shop.timeZone') as string,
    },
  };
}
