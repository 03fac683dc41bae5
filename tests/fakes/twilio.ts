// A strict loopback Twilio Messages API (providers.md §4.8): Basic auth (401/20003), create with To +
// From or MessagingServiceSid + Body (400 with Twilio's codes otherwise; unknown parameters → 400),
// 201 JSON; fetch advances queued → delivered after a lag (or a scripted failure); Status=canceled
// works while the message is still queued; GET Accounts/{sid}.json checks the credentials.
import { randomBytes } from 'node:crypto';
import { requestParams, startFakeServer, unknownParams, type FakeFaults, type FakeReply, type FakeRequest, fakeControls } from './http-fake';

export interface TwilioFakeOptions {
  accountSid?: string;
  authToken?: string;
  statusLagMs?: number;
  latencyMs?: number;
  now?: () => number;
}

export interface TwilioAccepted {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  at: number;
  canceled: boolean;
}

export interface TwilioFake extends FakeFaults {
  url: string;
  accepted: TwilioAccepted[];
  requests: FakeRequest[];
  setCredentials(accountSid: string, authToken: string): void;
  setStatusLag(ms: number): void;
  /** The next N creates answer this Twilio error (HTTP status, code) instead of being processed. */
  setNextError(status: number, code: number, count?: number): void;
  /** The final status for a To number: delivered by default. */
  setFinalStatus(to: string, status: 'delivered' | 'undelivered' | 'failed', errorCode?: number): void;
  close(): Promise<void>;
}

const CREATE_PARAMS = ['To', 'From', 'MessagingServiceSid', 'Body', 'MediaUrl', 'StatusCallback', 'ApplicationSid', 'ValidityPeriod', 'ScheduleType', 'SendAt', 'SmartEncoded', 'ShortenUrls', 'ContentSid', 'ContentVariables', 'RiskCheck'];
const json = (status: number, o: Record<string, unknown>): FakeReply => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(o) });
const error = (status: number, code: number, message: string) => json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
const E164 = /^\+[1-9]\d{7,14}$/;
const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

export async function startTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  let accountSid = options.accountSid ?? `AC${'a'.repeat(32)}`;
  let authToken = options.authToken ?? 'token';
  let statusLagMs = options.statusLagMs ?? 0;
  const now = options.now ?? Date.now;
  const accepted: TwilioAccepted[] = [];
  const finals = new Map<string, { status: string; errorCode: number | null }>();
  let nextErrors: { status: number; code: number }[] = [];

  const view = (m: TwilioAccepted) => {
    const done = now() - m.at >= statusLagMs;
    const final = finals.get(m.to) ?? { status: 'delivered', errorCode: null };
    const status = m.canceled ? 'canceled' : done ? final.status : m.messagingServiceSid ? 'accepted' : 'queued';
    return {
      account_sid: accountSid, api_version: '2010-04-01', body: m.body, date_created: rfc2822(m.at), date_sent: null,
      date_updated: rfc2822(done ? m.at + statusLagMs : m.at), direction: 'outbound-api',
      error_code: done && !m.canceled ? final.errorCode : null, error_message: done && final.errorCode ? `error ${final.errorCode}` : null,
      from: m.from, messaging_service_sid: m.messagingServiceSid, num_media: '0', num_segments: '1', price: null, price_unit: null,
      sid: m.sid, status, to: m.to, uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
    };
  };

  function create(p: Map<string, string>): FakeReply {
    const unknown = unknownParams(p, CREATE_PARAMS);
    if (unknown.length) return error(400, 20001, `Unknown parameter: ${unknown.join(',')}`);
    const to = p.get('To');
    if (!to) return error(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const from = p.get('From') ?? null;
    const mss = p.get('MessagingServiceSid') ?? null;
    if (!from && !mss) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    if (from && !E164.test(from) && !/^[A-Za-z0-9 ]{1,11}$/.test(from)) return error(400, 21212, `The 'From' number ${from} is not a valid phone number or alphanumeric sender ID.`);
    if (mss && !/^MG[0-9a-f]{32}$/.test(mss)) return error(400, 21701, 'The Messaging Service Sid is invalid.');
    const body = p.get('Body') ?? '';
    if (body === '') return error(400, 21602, 'Message body is required.');
    if ([...body].length > 1600) return error(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    const m: TwilioAccepted = { sid: `SM${randomBytes(16).toString('hex')}`, to, from, messagingServiceSid: mss, body, at: now(), canceled: false };
    accepted.push(m);
    return json(201, view(m));
  }

  const server = await startFakeServer((req) => {
    const root = `/2010-04-01/Accounts/${accountSid}`;
    const auth = String(req.headers.authorization ?? '');
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (auth !== expected || !req.path.startsWith(root)) return error(401, 20003, 'Authenticate');
    let p: Map<string, string>;
    try {
      p = requestParams(req);
    } catch (err) {
      return error(400, 20001, `Bad request: ${(err as Error).message}`);
    }
    const rest = req.path.slice(root.length);
    if (rest === '.json' && req.method === 'GET') return json(200, { sid: accountSid, status: 'active', type: 'Full' });
    if (rest === '/Messages.json' && req.method === 'POST') {
      const scripted = nextErrors.shift();
      if (scripted) return error(scripted.status, scripted.code, `scripted error ${scripted.code}`);
      return create(p);
    }
    const one = /^\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(rest);
    const m = one ? accepted.find((a) => a.sid === one[1]) : undefined;
    if (!one) return error(404, 20404, 'The requested resource was not found');
    if (!m) return error(404, 20404, `The requested resource ${req.path} was not found`);
    if (req.method === 'GET') return json(200, view(m));
    if (req.method === 'POST') {
      if (unknownParams(p, ['Status', 'Body']).length || p.get('Status') !== 'canceled') return error(400, 20001, 'Only Status=canceled is supported here.');
      const status = view(m).status;
      if (status !== 'queued' && status !== 'accepted' && status !== 'scheduled') return error(400, 30409, 'Message cannot be canceled.');
      m.canceled = true;
      return json(200, view(m));
    }
    return error(405, 20004, 'Method not allowed');
  });
  server.latencyMs = options.latencyMs ?? 0;

  return Object.assign(fakeControls(server, accepted), {
    setCredentials(sid, token) {
      accountSid = sid;
      authToken = token;
    },
    setStatusLag(ms) {
      statusLagMs = ms;
    },
    setNextError(status, code, count = 1) {
      nextErrors = [...nextErrors, ...Array.from({ length: count }, () => ({ status, code }))];
    },
    setFinalStatus(to, status, errorCode) {
      finals.set(to, { status, errorCode: errorCode ?? null });
    },
    close: server.close,
  } satisfies Omit<TwilioFake, keyof ReturnType<typeof fakeControls>>);
}
