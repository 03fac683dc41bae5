// The idempotency key of a reminder: derived from (rule, contact, occurrence), so any process that
// ever tries to queue the same reminder computes the same key and the outbox's unique index refuses
// the second copy. UUID version 8 form (RFC 9562, custom bits from SHA-256): the same length and
// alphabet as the outbox's own keys, which providers' clientid fields take.
import { createHash } from 'node:crypto';

export function ruleRunKey(ruleId: number, contactId: number, occurrenceAt: number): string {
  const b = createHash('sha256').update(`smsdesk-rule|${ruleId}|${contactId}|${occurrenceAt}`).digest().subarray(0, 16);
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
