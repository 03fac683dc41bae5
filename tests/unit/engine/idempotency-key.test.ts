// Idempotency keys: UUID v7 form, unique, and ordered by creation time.
import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from '../../../src-main/core/outbox/idempotency-key';

describe('newIdempotencyKey', () => {
  it('is a version-7 UUID carrying the time, sorting in time order', () => {
    const a = newIdempotencyKey(Date.UTC(2026, 5, 1));
    const b = newIdempotencyKey(Date.UTC(2026, 5, 1) + 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 5, 1));
    expect(a < b).toBe(true);
  });

  it('does not repeat within one millisecond', () => {
    const keys = new Set(Array.from({ length: 10_000 }, () => newIdempotencyKey(1_700_000_000_000)));
    expect(keys.size).toBe(10_000);
  });
});

describe('newIdempotencyKey within one millisecond', () => {
  it('sorts in the order the keys were made (so a bulk enqueue appends to the unique index)', () => {
    const keys = Array.from({ length: 5_000 }, () => newIdempotencyKey(1_800_000_000_000));
    expect([...keys].sort()).toEqual(keys);
    for (const k of keys) {
      expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(k.replace(/-/g, '').slice(0, 12), 16)).toBe(1_800_000_000_000);
    }
  });

  it('starts afresh at random in each millisecond (keys of two processes do not follow one sequence)', () => {
    const firsts = new Set(Array.from({ length: 50 }, (_, i) => newIdempotencyKey(1_800_000_000_000 + 10 + i).slice(14, 23)));
    expect(firsts.size).toBeGreaterThan(45);
  });
});
