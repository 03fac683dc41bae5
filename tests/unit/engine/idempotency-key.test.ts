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
