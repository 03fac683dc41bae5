// Recipient lists as operators type or paste them (the composer's box, `smsdesk send --to`):
// split on commas, semicolons, tabs and new lines; a piece that is one number once spaces, hyphens,
// dots and brackets are removed stays whole ("0912 345 678", "+81 90 1234 5678"), otherwise it is
// split on spaces ("0912345678 0922333444").
import { isOneNumber, parsePhone, type PhoneRejection } from './parse';

const LIST_SEPARATORS = /[,;，；、\t\r\n]+/;

export function splitRecipientList(text: string, region = 'TW'): string[] {
  const out: string[] = [];
  for (const piece of text.split(LIST_SEPARATORS)) {
    const trimmed = piece.trim();
    if (!trimmed) continue;
    if (isOneNumber(trimmed, region)) out.push(trimmed);
    else out.push(...trimmed.split(/[\s\u3000]+/).filter(Boolean));
  }
  return out;
}

export interface ValidRecipient {
  raw: string;
  e164: string;
  national: string;
}

export interface RejectedRecipient {
  raw: string;
  code: PhoneRejection | 'duplicate';
}

export interface ParsedRecipients {
  valid: ValidRecipient[];
  rejected: RejectedRecipient[];
}

/** Parses each piece; the same number written twice (in any form) is kept once, the repeat reported as `duplicate`. */
export function parseRecipients(input: string | readonly string[], region = 'TW'): ParsedRecipients {
  const pieces = typeof input === 'string' ? splitRecipientList(input, region) : input.flatMap((p) => splitRecipientList(p, region));
  const seen = new Set<string>();
  const valid: ValidRecipient[] = [];
  const rejected: RejectedRecipient[] = [];
  for (const raw of pieces) {
    const parsed = parsePhone(raw, region);
    if (!parsed.ok) {
      rejected.push({ raw, code: parsed.code });
    } else if (seen.has(parsed.e164)) {
      rejected.push({ raw, code: 'duplicate' });
    } else {
      seen.add(parsed.e164);
      valid.push({ raw, e164: parsed.e164, national: parsed.national });
    }
  }
  return { valid, rejected };
}
