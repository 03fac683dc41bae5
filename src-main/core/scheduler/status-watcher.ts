// Turns the many change events (messages, accounts, settings, other processes' writes) into one
// `scheduler.status` event when the summary the tray and the header show has really changed. Changes
// are gathered for a moment first: a sending batch changes hundreds of rows, the tray redraws once.
import type { SchedulerStatus } from '../../../src-shared/api/scheduler-schemas';
import type { EventBus } from '../events/bus';
import type { Clock } from '../types';

export const STATUS_SETTLE_MS = 250;
/** Also look now and then without an event: "next due" and the attention window move with time. */
export const STATUS_REFRESH_MS = 60_000;

const WATCHED = new Set(['messages.changed', 'accounts.changed', 'settings.changed', 'dispatcher.changed', 'scheduler.changed', 'rules.changed']);

export function watchSchedulerStatus(bus: EventBus, clock: Clock, compute: () => SchedulerStatus, log: (line: string) => void): () => void {
  let last: string | null = null;
  let timer: unknown = null;
  let dueAt = Infinity;
  let stopped = false;

  function look(): void {
    timer = null;
    dueAt = Infinity;
    if (stopped) return;
    try {
      const status = compute();
      const text = JSON.stringify(status);
      if (text !== last) {
        last = text;
        bus.emit({ type: 'scheduler.status', status });
      }
    } catch (err) {
      log(`scheduler status could not be read: ${(err as Error).message}`);
    }
    schedule(STATUS_REFRESH_MS);
  }

  /** Looks after `ms` unless a look is already due sooner (a stream of events does not put it off). */
  function schedule(ms: number): void {
    if (stopped) return;
    const at = clock.now() + ms;
    if (timer !== null && dueAt <= at) return;
    clock.clearTimeout(timer);
    dueAt = at;
    timer = clock.setTimeout(look, ms);
  }

  const unsubscribe = bus.subscribe((event) => {
    if (WATCHED.has(event.type)) schedule(STATUS_SETTLE_MS);
  });
  schedule(0);
  return () => {
    stopped = true;
    unsubscribe();
    clock.clearTimeout(timer);
  };
}
