// TwSMS JSON API wire format (providers.md §1): form-encoded UTF-8 POSTs to json/sms_send.php and
// json/sms_query.php; answers are JSON with a string `code`. The password travels in the body only,
// never in a URL (URLs end up in logs and error messages).
import { FORM_HEADERS, formBody, type HttpRequest } from '../http';
import { taiwanStyleNumber } from '../common';

export const TWSMS_BASE_URL = 'https://api.twsms.com';
export const SEND_PATH = '/json/sms_send.php';
export const QUERY_PATH = '/json/sms_query.php';
/** Records older than this need outrange=Y (slower search). */
const RECENT_MS = 3 * 24 * 3600_000;

export interface Credentials {
  username: string;
  password: string;
}

const post = (path: string, fields: Record<string, string | undefined>): HttpRequest => ({ method: 'POST', path, headers: { ...FORM_HEADERS }, body: formBody(fields) });

export function sendRequest(c: Credentials, to: string, text: string, segments: number): HttpRequest {
  return post(SEND_PATH, {
    username: c.username,
    password: c.password,
    mobile: taiwanStyleNumber(to),
    message: text,
    // One segment goes as a standard SMS; more need the concatenated (long) SMS switch.
    longsms: segments > 1 ? 'Y' : 'N',
  });
}

export function queryRequest(c: Credentials, to: string, msgid: string, acceptedAt: number, now: number): HttpRequest {
  return post(QUERY_PATH, {
    username: c.username,
    password: c.password,
    mobile: taiwanStyleNumber(to),
    msgid,
    ...(now - acceptedAt > RECENT_MS ? { outrange: 'Y' } : {}),
  });
}

export function balanceRequest(c: Credentials): HttpRequest {
  return post(QUERY_PATH, { username: c.username, password: c.password, mobile: '', msgid: '', checkpoint: 'Y' });
}

export function cancelRequest(c: Credentials, to: string, msgid: string): HttpRequest {
  return post(QUERY_PATH, { username: c.username, password: c.password, mobile: taiwanStyleNumber(to), msgid, deltime: 'Y' });
}

export interface TwsmsAnswer {
  code: string;
  text: string | null;
  msgid: string | null;
  statustext: string | null;
  donetime: string | null;
  point: number | null;
}

/** Reads an answer tolerantly (msgid/point may be numbers or strings); null when it is not one. */
export function parseAnswer(body: string): TwsmsAnswer | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const o = json as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  const code = str(o.code);
  if (!code || !/^\d{5}$/.test(code)) return null;
  const point = o.point === undefined || o.point === null || o.point === '' ? null : Number(o.point);
  return {
    code,
    text: str(o.text),
    msgid: str(o.msgid) || null,
    statustext: str(o.statustext) || null,
    donetime: str(o.donetime) || null,
    point: point === null || Number.isNaN(point) ? null : point,
  };
}
