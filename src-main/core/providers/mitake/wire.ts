// Mitake HTTP API v2.14 wire format (providers.md §3): form POSTs to /api/mtk/{SmSend,SmQuery,SmCancel},
// SmBulkSend's raw record list,
// SmSend with CharsetURL=UTF8 in the query (the default is Big5). Answers are INI-like text blocks.
import { createHash } from 'node:crypto';
import { FORM_HEADERS, formBody, type HttpRequest } from '../http';
import { taiwanStyleNumber } from '../common';

export const MITAKE_BASE_URL = 'https://smsapi.mitake.com.tw';
const BASE = '/api/mtk';

export interface Credentials {
  username: string;
  password: string;
}

const post = (path: string, fields: Record<string, string | undefined>): HttpRequest => ({ method: 'POST', path, headers: { ...FORM_HEADERS }, body: formBody(fields) });

/** Our idempotency key as Mitake's clientid (≤36 characters; a longer key is hashed to 32 hex). */
export function clientIdOf(idempotencyKey: string): string {
  return idempotencyKey.length <= 36 ? idempotencyKey : createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}

export function sendRequest(c: Credentials, to: string, text: string, idempotencyKey: string): HttpRequest {
  return post(`${BASE}/SmSend?CharsetURL=UTF8`, {
    username: c.username,
    password: c.password,
    dstaddr: taiwanStyleNumber(to),
    // Mitake's line break is ASCII 6.
    smbody: text.replace(/\r?\n/g, '\x06'),
    clientid: clientIdOf(idempotencyKey),
  });
}
/** At most 500 records per SmBulkSend [OFFICIAL p.7]. */
export const MAX_BULK_RECORDS = 500;

/** A text a bulk record can carry: records are split on `$$` (line breaks become ASCII 6 as in SmSend). */
export const bulkSafe = (text: string) => !text.includes('$$');

/**
 * SmBulkSend: one record per message, `ClientID$$dstaddr$$dlvtime$$vldtime$$destname$$response$$smbody`.
 * The credentials go in the query string because the body is the record list: that is how Mitake
 * documents this call (TLS protects it on the wire; our error texts redact it as everywhere).
 */
export function bulkSendRequest(c: Credentials, messages: { to: string; text: string; idempotencyKey: string }[]): HttpRequest {
  const query = new URLSearchParams({ username: c.username, password: c.password, Encoding_PostIn: 'UTF8' }).toString();
  const records = messages.map((m) => [clientIdOf(m.idempotencyKey), taiwanStyleNumber(m.to), '', '', '', '', m.text.replace(/\r?\n/g, '\x06')].join('$$'));
  return { method: 'POST', path: `${BASE}/SmBulkSend?${query}`, headers: { ...FORM_HEADERS }, body: records.join('\r\n') };
}

export const queryRequest = (c: Credentials, msgids: string[]) => post(`${BASE}/SmQuery`, { username: c.username, password: c.password, msgid: msgids.join(',') });
export const balanceRequest = (c: Credentials) => post(`${BASE}/SmQuery`, { username: c.username, password: c.password });
export const cancelRequest = (c: Credentials, msgids: string[]) => post(`${BASE}/SmCancel`, { username: c.username, password: c.password, msgid: msgids.join(',') });

export interface SendBlock {
  clientid: string | null;
  msgid: string | null;
  statuscode: string | null;
  accountPoint: number | null;
  duplicate: boolean;
}

/** `[clientid]` blocks of key=value lines; a bare token (e.g. `e`) is a global error. Null if unreadable. */
export function parseBlocks(body: string): { blocks: SendBlock[]; accountPoint: number | null } | { error: string } | null {
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 1 && /^[a-z*]$/.test(lines[0]!)) return { error: lines[0]! };
  const blocks: SendBlock[] = [];
  let current: SendBlock | null = null;
  let accountPoint: number | null = null;
  for (const line of lines) {
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      current = { clientid: header[1]!, msgid: null, statuscode: null, accountPoint: null, duplicate: false };
      blocks.push(current);
      continue;
    }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!kv) return null;
    const [, key, value] = kv as unknown as [string, string, string];
    if (key === 'AccountPoint') {
      accountPoint = Number(value);
      if (current) current.accountPoint = accountPoint;
      continue;
    }
    if (!current) {
      // A block without a header (a global answer).
      current = { clientid: null, msgid: null, statuscode: null, accountPoint: null, duplicate: false };
      blocks.push(current);
    }
    if (key === 'msgid') current.msgid = value;
    else if (key === 'statuscode') current.statuscode = value;
    else if (key === 'Duplicate') current.duplicate = value === 'Y';
  }
  return { blocks, accountPoint: accountPoint !== null && Number.isNaN(accountPoint) ? null : accountPoint };
}

/** SmQuery lines `msgid\tstatuscode\tstatustime`; a bare token is a global error. */
export function parseQuery(body: string): Map<string, { status: string; time: string | null }> | { error: string } | null {
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 1 && /^[a-z*]$/.test(lines[0]!)) return { error: lines[0]! };
  const out = new Map<string, { status: string; time: string | null }>();
  for (const line of lines) {
    const cols = line.split('\t');
    if (cols.length < 2) return null;
    out.set(cols[0]!, { status: cols[1]!, time: cols[2] || null });
  }
  return out;
}

/** SmCancel lines `msgid=statuscode`. */
export function parseCancel(body: string): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const line of body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const i = line.lastIndexOf('=');
    if (i <= 0) return null;
    out.set(line.slice(0, i), line.slice(i + 1));
  }
  return out;
}
