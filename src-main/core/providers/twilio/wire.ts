// Twilio Programmable Messaging, REST API 2010-04-01 (providers.md §4): form POSTs with HTTP Basic
// (Account SID : Auth Token), JSON answers. A sender starting with MG is a Messaging Service.
import { formBody, type HttpRequest } from '../http';

export const TWILIO_BASE_URL = 'https://api.twilio.com';

export interface Credentials {
  accountSid: string;
  authToken: string;
}

const auth = (c: Credentials) => ({ authorization: `Basic ${Buffer.from(`${c.accountSid}:${c.authToken}`).toString('base64')}` });
const root = (c: Credentials) => `/2010-04-01/Accounts/${encodeURIComponent(c.accountSid)}`;
const form = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

export const isMessagingService = (sender: string) => /^MG[0-9a-fA-F]{32}$/.test(sender);

export function createRequest(c: Credentials, to: string, text: string, sender: string): HttpRequest {
  const from = isMessagingService(sender) ? { MessagingServiceSid: sender } : { From: sender };
  return { method: 'POST', path: `${root(c)}/Messages.json`, headers: { ...auth(c), ...form }, body: formBody({ To: to, ...from, Body: text }) };
}
export const fetchRequest = (c: Credentials, sid: string): HttpRequest => ({ method: 'GET', path: `${root(c)}/Messages/${encodeURIComponent(sid)}.json`, headers: auth(c) });
export const cancelRequest = (c: Credentials, sid: string): HttpRequest => ({ method: 'POST', path: `${root(c)}/Messages/${encodeURIComponent(sid)}.json`, headers: { ...auth(c), ...form }, body: formBody({ Status: 'canceled' }) });
export const accountRequest = (c: Credentials): HttpRequest => ({ method: 'GET', path: `${root(c)}.json`, headers: auth(c) });

export interface TwilioMessage {
  sid: string;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  dateUpdated: number | null;
}

export function parseMessage(body: string): TwilioMessage | null {
  try {
    const o = JSON.parse(body) as Record<string, unknown>;
    if (typeof o.sid !== 'string' || typeof o.status !== 'string') return null;
    const updated = typeof o.date_updated === 'string' ? Date.parse(o.date_updated) : NaN;
    return {
      sid: o.sid,
      status: o.status,
      errorCode: o.error_code === null || o.error_code === undefined ? null : String(o.error_code),
      errorMessage: typeof o.error_message === 'string' ? o.error_message : null,
      dateUpdated: Number.isNaN(updated) ? null : updated,
    };
  } catch {
    return null;
  }
}

/** `{"code":21211,"message":"…","status":400}`; null when the body is not one. */
export function parseError(body: string): { code: string; message: string } | null {
  try {
    const o = JSON.parse(body) as Record<string, unknown>;
    if (typeof o.code !== 'number' && typeof o.code !== 'string') return null;
    return { code: String(o.code), message: typeof o.message === 'string' ? o.message : '' };
  } catch {
    return null;
  }
}
