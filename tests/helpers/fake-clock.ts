// A Clock for tests (DESIGN.md §7): time moves only when the test says so. Timers are kept in a list
// sorted by due time (then by the order they were set), and `advance` fires the due ones in that order,
// setting `now()` to each timer's due time before firing it — so a schedule fires exactly when the
// clock reaches it, and never because real time passed. No vi.useFakeTimers(): only code that takes
// this Clock is affected, real I/O keeps its own timers.
import type { Clock } from '../../src-main/core/types';

interface Timer {
  id: number;
  due: number;
  seq: number;
  fn: () => void;
}

/** A handle as the core sees it: opaque. */
export interface FakeTimerHandle {
  readonly fakeTimerId: number;
}

/** 2026-06-01T01:00:00Z — a Monday, 09:00 in Taipei. */
export const DEFAULT_START = Date.UTC(2026, 5, 1, 1, 0, 0);

/** Guards against code that re-arms a due timer forever (a bug the test should report, not hang on). */
const MAX_FIRES_PER_ADVANCE = 100_000;

/** Lets pending promise chains (an async tick awaiting a provider) run to their next real wait. */
export async function flushAsync(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private current: number;
  /** Moves with advance(), not with jump()/setNow(): the monotonic clock of a PC whose wall clock changed. */
  private mono = 0;
  private timers: Timer[] = [];
  private nextId = 1;
  private seq = 0;

  constructor(start: number = DEFAULT_START) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  monotonic(): number {
    return this.mono;
  }

  setTimeout(fn: () => void, ms: number): FakeTimerHandle {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: Timer = { id: this.nextId++, due: this.current + delay, seq: this.seq++, fn };
    // Insert after every timer due at the same time or earlier: equal times fire in the order they were set.
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.due > timer.due) i--;
    this.timers.splice(i, 0, timer);
    return { fakeTimerId: timer.id };
  }

  clearTimeout(handle: unknown): void {
    if (!handle || typeof handle !== 'object' || !('fakeTimerId' in handle)) return;
    const id = (handle as FakeTimerHandle).fakeTimerId;
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** Timers not yet fired. */
  pendingCount(): number {
    return this.timers.length;
  }

  /** When the earliest pending timer is due, or null. */
  nextDueAt(): number | null {
    return this.timers[0]?.due ?? null;
  }

  /** Delays (from now) of the pending timers, earliest first. */
  pendingDelays(): number[] {
    return this.timers.map((t) => t.due - this.current);
  }

  /** Jumps the wall clock without firing anything (a PC waking from sleep, an NTP correction). */
  jump(ms: number): void {
    this.current += ms;
  }

  /** Sets the wall clock to an instant, forward or back, without firing anything. */
  setNow(ms: number): void {
    this.current = ms;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in order; timers set by
   * a firing timer fire too when they fall due within the window. Synchronous: async work the timers
   * start is not awaited (use `advanceAsync` for that).
   */
  advance(ms: number): number {
    const target = this.current + Math.max(0, ms);
    let fired = 0;
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > target) break;
      this.fireFirst();
      if (++fired > MAX_FIRES_PER_ADVANCE) throw new Error('FakeClock: timers keep re-arming within the window (a busy loop?)');
    }
    this.moveTo(target);
    return fired;
  }

  /** Like `advance`, but lets the async work each timer starts settle before firing the next one. */
  async advanceAsync(ms: number): Promise<number> {
    const target = this.current + Math.max(0, ms);
    let fired = 0;
    await flushAsync();
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > target) break;
      this.fireFirst();
      await flushAsync();
      if (++fired > MAX_FIRES_PER_ADVANCE) throw new Error('FakeClock: timers keep re-arming within the window (a busy loop?)');
    }
    this.moveTo(target);
    await flushAsync();
    return fired;
  }

  /** Fires timers already due (delay 0 and the like) without moving time. */
  runDue(): number {
    return this.advance(0);
  }

  /** Async `runDue`. */
  runDueAsync(): Promise<number> {
    return this.advanceAsync(0);
  }

  /**
   * Fires every pending timer in order, moving time to each, until none is left or `limit` have fired.
   * Code that always keeps a timer armed (a heartbeat) never runs out: then `limit` ends it.
   */
  runAll(limit = 1000): number {
    let fired = 0;
    while (this.timers.length > 0 && fired < limit) {
      this.fireFirst();
      fired++;
    }
    return fired;
  }

  private fireFirst(): void {
    const timer = this.timers.shift()!;
    if (timer.due > this.current) this.moveTo(timer.due);
    timer.fn();
  }

  private moveTo(target: number): void {
    this.mono += Math.max(0, target - this.current);
    this.current = target;
  }
}
