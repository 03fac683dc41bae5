// Progress events for long operations, at most one per percent (a 1 GB backup must not flood the SSE stream).
import type { EventBus } from '../events/bus';

type Operation = 'backup' | 'restore' | 'check' | 'compact' | 'clear';

export function progressEmitter(bus: EventBus, operation: Operation): (phase: string, fraction: number) => void {
  let lastPhase = '';
  let lastPercent = -1;
  return (phase, fraction) => {
    const percent = Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
    if (phase === lastPhase && percent === lastPercent) return;
    lastPhase = phase;
    lastPercent = percent;
    bus.emit({ type: 'data.progress', operation, phase, fraction: percent / 100 });
  };
}
