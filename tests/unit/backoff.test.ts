// Retry and polling delays: exponential with full jitter between half and all of the ceiling, capped;
// delivery-report queries start 1 s after acceptance and double up to 10 minutes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS, retryDelayMs, statusPollDelayMs } from '../../src-main/core/dispatcher/backoff';

const ceiling = (attempts: number) => Math.min(5 * 60_000, 2000 * 2 ** Math.max(0, attempts - 1));

describe('retryDelayMs', () => {
  it('spans half the ceiling (random 0) to the whole ceiling (random → 1)', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1000);
    expect(retryDelayMs(1, () => 0.999_999)).toBe(2000);
    expect(retryDelayMs(2, () => 0)).toBe(2000);
    expect(retryDelayMs(2, () => 0.5)).toBe(3000);
    expect(retryDelayMs(3, () => 0)).toBe(4000);
    expect(retryDelayMs(4, () => 0.999_999)).toBe(16_000);
  });

  it('doubles per attempt until the 5-minute cap, and stays there', () => {
    const mid = (a: number) => retryDelayMs(a, () => 0);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(mid)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 150_000]);
    expect(retryDelayMs(50, () => 0.999_999)).toBe(300_000);
    expect(retryDelayMs(1_000, () => 0)).toBe(150_000); // no overflow to Infinity or NaN
  });

  it('treats 0 or negative attempts like the first', () => {
    expect(retryDelayMs(0, () => 0)).toBe(1000);
    expect(retryDelayMs(-3, () => 0.999_999)).toBe(2000);
  });

  it('always lies within [ceiling/2, ceiling] and never passes 5 minutes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, r) => {
        const d = retryDelayMs(attempts, () => r);
        expect(d).toBeGreaterThanOrEqual(ceiling(attempts) / 2);
        expect(d).toBeLessThanOrEqual(ceiling(attempts));
        expect(d).toBeLessThanOrEqual(300_000);
        expect(Number.isInteger(d)).toBe(true);
      }),
    );
  });

  it('uses its jitter: different random draws give different delays', () => {
    const seen = new Set([0, 0.25, 0.5, 0.75].map((r) => retryDelayMs(3, () => r)));
    expect(seen.size).toBe(4);
  });

  it('bounds the attempts', () => {
    expect(MAX_SEND_ATTEMPTS).toBeGreaterThanOrEqual(2);
    expect(MAX_SEND_ATTEMPTS).toBeLessThanOrEqual(10);
  });
});

describe('statusPollDelayMs', () => {
  it('asks 1 s after acceptance (the CLI promises the first status query within 2 s)', () => {
    expect(statusPollDelayMs(0)).toBe(1000);
    expect(statusPollDelayMs(0)).toBeLessThanOrEqual(2000);
  });

  it('then doubles up to 10 minutes', () => {
    expect([0, 1, 2, 3, 4, 5].map(statusPollDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
    expect(statusPollDelayMs(9)).toBe(512_000);
    expect(statusPollDelayMs(10)).toBe(600_000);
    expect(statusPollDelayMs(10_000)).toBe(600_000);
  });

  it('never decreases (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
      expect(statusPollDelayMs(n + 1)).toBeGreaterThanOrEqual(statusPollDelayMs(n));
    }));
  });
});
