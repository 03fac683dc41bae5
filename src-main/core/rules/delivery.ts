// What the rules need from compose (issue 5): rendered texts for a preview, and queueing the messages
// of one occurrence. Kept behind this small interface so the runner does not depend on how compose
// renders or checks; compose-delivery.ts implements it over the compose service.
import type { RuleRecord } from './repository';

export interface RenderedForContact {
  contactId: number;
  name: string;
  to: string;
  text: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

export interface EnqueueResult {
  queued: { contactId: number; messageId: number }[];
  /** Contacts the pre-send check left out, with its code (opted_out, invalid_number …). */
  skipped: { contactId: number; reason: string }[];
}

export interface RuleDelivery {
  /** Rendered texts for these contacts, as they would be sent on `localDate`. Stores nothing. */
  render(rule: RuleRecord, contactIds: number[], localDate: string): Promise<RenderedForContact[]>;
  /**
   * Queues one message per contact, synchronously, inside the caller's transaction; each message's
   * idempotency key is `keyFor(contactId)`. Throws an ApiError when nothing can be sent (no template,
   * no account).
   */
  enqueue(rule: RuleRecord, contactIds: number[], localDate: string, keyFor: (contactId: number) => string): EnqueueResult;
}
