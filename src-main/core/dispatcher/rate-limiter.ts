// Messages per second per account: a token bucket holding at most one second's worth (at least one
// message), refilled continuously. `null` rate means no limit.
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(private readonly perSecond: number | null, now: number) {
    this.tokens = this.capacity();
    this.last = now;
  }

  private capacity(): number {
    return this.perSecond === null ? Infinity : Math.max(1, this.perSecond);
  }

  private refill(now: number): void {
    if (this.perSecond === null) return;
    const elapsed = Math.max(0, now - this.last);
    this.tokens = Math.min(this.capacity(), this.tokens + (elapsed * this.perSecond) / 1000);
    this.last = now;
  }

  /** Whole messages that may go now. */
  available(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }

  /** How long until one message may go (0 when it may now). */
  waitMs(now: number): number {
    this.refill(now);
    if (this.perSecond === null || this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }

  take(count: number, now: number): void {
    this.refill(now);
    if (this.perSecond !== null) this.tokens -= count;
  }

  sameRate(perSecond: number | null): boolean {
    return perSecond === this.perSecond;
  }
}
