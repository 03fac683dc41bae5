// EVERY8D HTTP API 2.1 wire format (providers.md §2): form POSTs under /API21/HTTP/, plain-text
// answers: `CREDIT,SENDED,COST,UNSEND,BATCH_ID` for a send, `-code,words` for an error, a TAB table
// for delivery reports, a bare number for the credit.
import { FORM_HEADERS, formBody, type HttpRequest } from '../http';

export const EVERY8D_BASE_URL = 'https://api.e8d.tw';
const BASE = '/API21/HTTP';

export interface Credentials {
  username: string;
  password: string;
}

const post = (file: string, fields: Record<string, string | undefined>): HttpRequest => ({ method: 'POST', path: `${BASE}/${file}`, headers: { ...FORM_HEADERS }, body: formBody(fields) });

/** One text to several numbers; the duplicate-filtered variant drops what went to the same number in 24 h. */
export function sendRequest(c: Credentials, numbers: string[], text: string, filtered: boolean): HttpRequest {
  return post(filtered ? 'sendSMS4FilterMessage.ashx' : 'sendSMS.ashx', { UID: c.username, PWD: c.password, SB: '', MSG: text, DEST: numbers.join(','), ST: '' });
}
export const statusRequest = (c: Credentials, batchId: string, page: number) => post('getDeliveryStatus.ashx', { UID: c.username, PWD: c.password, BID: batchId, PNO: String(page) });
export const creditRequest = (c: Credentials) => post('getCredit.ashx', { UID: c.username, PWD: c.password });
export const eraseRequest = (c: Credentials, batchId: string) => post('eraseBooking.ashx', { UID: c.username, PWD: c.password, BID: batchId });

export type Every8dError = { error: true; code: string; words: string };

/** `-2, 帳號或密碼錯誤` → the code and words; null when the body is not an error line. */
export function parseError(body: string): Every8dError | null {
  const m = /^\s*(-\d+)\s*(?:,\s*([\s\S]*))?$/.exec(body.trim());
  return m ? { error: true, code: m[1]!, words: (m[2] ?? '').trim() } : null;
}

export interface SendAnswer {
  credit: number;
  sent: number;
  cost: number;
  unsent: number;
  batchId: string;
  /** Numbers the duplicate filter dropped. */
  failMobiles: string[];
}

export function parseSend(body: string): SendAnswer | Every8dError | null {
  const err = parseError(body);
  if (err) return err;
  const parts = body.trim().split(',').map((p) => p.trim());
  if (parts.length < 5) return null;
  const [credit, sent, cost, unsent] = parts.slice(0, 4).map(Number);
  const batchId = parts[4]!;
  if ([credit, sent, cost, unsent].some((n) => n === undefined || Number.isNaN(n)) || !/^[0-9a-fA-F-]{8,}$/.test(batchId)) return null;
  return { credit: credit!, sent: sent!, cost: cost!, unsent: unsent!, batchId, failMobiles: parts[5] ? parts[5].split('/').filter(Boolean) : [] };
}

export interface StatusRow {
  mobile: string;
  status: string;
  receivedAt: string | null;
}

/** First line: the count; then NAME MOBILE SEND_TIME COST STATUS [RECEIVED_TIME] per row (5 or 6 columns). */
export function parseStatus(body: string): StatusRow[] | Every8dError | null {
  const err = parseError(body);
  if (err) return err;
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0 || !/^\d+$/.test(lines[0]!.trim())) return null;
  const rows: StatusRow[] = [];
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    if (cols.length !== 5 && cols.length !== 6) return null;
    rows.push({ mobile: cols[1]!.trim(), status: cols[4]!.trim(), receivedAt: cols[5]?.trim() || null });
  }
  return rows;
}

/** +886912345678 and 0912345678 name the same phone. */
export function sameNumber(reported: string, e164: string): boolean {
  const norm = (n: string) => n.replace(/[^\d+]/g, '').replace(/^09/, '+8869').replace(/^886/, '+886');
  return norm(reported) === norm(e164);
}
