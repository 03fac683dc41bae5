// Idempotency keys in UUID version 7 form (RFC 9562): 48 bits of milliseconds, then random bits. Same
// length and alphabet as a v4 UUID (providers' clientid fields take either), but new keys sort after
// old ones, so the unique index grows at its end instead of at random pages (faster large enqueues).
import { randomBytes } from 'node:crypto';

export function newIdempotencyKey(now: number = Date.now()): string {
  const b = randomBytes(16);
  const ms = BigInt(Math.max(0, Math.floor(now)));
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
