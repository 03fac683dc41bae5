// Idempotency keys in UUID version 7 form (RFC 9562): 48 bits of milliseconds, then random bits. Same
// length and alphabet as a v4 UUID (providers' clientid fields take either), but new keys sort after
// old ones, so the unique index grows at its end instead of at random pages (faster large enqueues).
// Keys made in the same millisecond (a bulk send makes thousands) carry a counter after the time
// (RFC 9562 §6.2, method 1: 30 bits, seeded at random each millisecond, leaving 44 random bits), so
// they too sort in the order they were made: random keys within one millisecond made every insert into
// the unique index land on a random page.
import { randomFillSync } from 'node:crypto';

const COUNTER_MAX = 2 ** 30 - 1;
let lastMs = -1;
let counter = 0;

// Random bytes fetched in blocks: one system call per 256 keys rather than per key.
const pool = Buffer.alloc(16 * 256);
let used = pool.length;
function sixteenRandomBytes(): Buffer {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = Buffer.from(pool.subarray(used, used + 16));
  used += 16;
  return b;
}

export function newIdempotencyKey(now: number = Date.now()): string {
  const b = sixteenRandomBytes();
  const ms = Math.max(0, Math.floor(now));
  if (ms === lastMs && counter < COUNTER_MAX) counter++;
  else {
    // A fresh random start below half the range, so that counting up has room.
    counter = ((b[6]! & 0x0f) * 2 ** 25 + b[7]! * 2 ** 17 + b[8]! * 2 ** 9 + b[9]! * 2 + (b[10]! >> 7)) % 2 ** 29;
    lastMs = ms;
  }
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  // version 7 + counter bits 29..26 | counter 25..18 | variant 10 + counter 17..12 | counter 11..4 | counter 3..0 + 4 random bits
  b[6] = 0x70 | ((counter >>> 26) & 0x0f);
  b[7] = (counter >>> 18) & 0xff;
  b[8] = 0x80 | ((counter >>> 12) & 0x3f);
  b[9] = (counter >>> 4) & 0xff;
  b[10] = ((counter & 0x0f) << 4) | (b[10]! & 0x0f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
