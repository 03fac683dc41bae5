// Telling a timer wake that came on time from one that shows lost time (DESIGN.md §7): Node's timers
// do not run while the PC sleeps, and the wall clock can be moved (NTP, the operator). Each time the
// dispatcher arms its timer it notes the wall clock (and the monotonic clock, where the Clock has
// one); when the timer fires, a wake much later than armed, a wall clock that went backwards, or a
// wall clock that moved apart from the monotonic one means time passed that nobody watched — overdue
// work must then go through the catch-up policy instead of simply going out.
import type { Clock } from '../types';
import { ON_TIME_MS } from './catch-up';

/** How far a wake may drift before it counts as lost time (the same tolerance as "on time"). */
export const DRIFT_MS = ON_TIME_MS;

export type LostTime = { kind: 'late'; ms: number } | { kind: 'backwards'; ms: number } | { kind: 'jump'; ms: number };

export interface WakeWatch {
  /** The timer was armed now, to fire after `delayMs`. */
  armed(delayMs: number): void;
  /** The timer fired: null when on time, otherwise what happened to the clock. */
  woke(): LostTime | null;
}

export function createWakeWatch(clock: Clock, driftMs: number = DRIFT_MS): WakeWatch {
  let armedAt: number | null = null;
  let armedMono: number | null = null;
  let delay = 0;
  return {
    armed(delayMs) {
      armedAt = clock.now();
      armedMono = clock.monotonic ? clock.monotonic() : null;
      delay = delayMs;
    },
    woke() {
      if (armedAt === null) return null;
      const now = clock.now();
      const wallElapsed = now - armedAt;
      const monoElapsed = armedMono !== null && clock.monotonic ? clock.monotonic() - armedMono : null;
      armedAt = null;
      if (wallElapsed < -driftMs) return { kind: 'backwards', ms: -wallElapsed };
      if (wallElapsed - delay > driftMs) return { kind: 'late', ms: wallElapsed - delay };
      if (monoElapsed !== null && Math.abs(wallElapsed - monoElapsed) > driftMs) return { kind: 'jump', ms: wallElapsed - monoElapsed };
      return null;
    },
  };
}
