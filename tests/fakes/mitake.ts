// A strict loopback Mitake API v2.14 (providers.md §3.8): /api/mtk/{SmSend,SmBulkSend,SmQuery,SmCancel} (and the
// /b2c/mtk/ aliases), form POSTs; SmSend reads its body in the charset CharsetURL names and — as the
// real one — in Big5 when it is left out (so a UTF-8 body without it arrives garbled or refused).
// clientid de-duplicates for 12 h: a repeat answers the first result with Duplicate=Y.
import { countSegments } from '../../src-shared/sms/segments';
import { requestParams, startFakeServer, unknownParams, type FakeFaults, type FakeReply, type FakeRequest, fakeControls } from './http-fake';

/** Mitake blocks a 16th simultaneous connection (status `l`). */
export const MITAKE_MAX_CONNECTIONS = 15;
/** Records per SmBulkSend. */
export const MITAKE_MAX_BULK = 500;

export interface MitakeFakeOptions {
  username?: string;
  password?: string;
  credits?: number;
  statusLagMs?: number;
  latencyMs?: number;
  now?: () => number;
}

export interface MitakeAccepted {
  msgid: string;
  dstaddr: string;
  smbody: string;
  clientid: string | null;
  at: number;
  cost: number;
  cancelled: boolean;
}

export interface MitakeFake extends FakeFaults {
  url: string;
  accepted: MitakeAccepted[];
  requests: FakeRequest[];
  /** How many SmSend answers were replays of an earlier clientid. */
  duplicates(): number;
  credits(): number;
  setCredits(points: number): void;
  setCredentials(username: string, password: string): void;
  setStatusLag(ms: number): void;
  /** The next N SmSend/SmQuery calls answer this status code instead of being processed. */
  setNextCode(code: string, count?: number): void;
  /** The final status digit for a dstaddr (as sent, e.g. 0912345678): 4 (delivered) by default. */
  setFinalStatus(dstaddr: string, status: string): void;
  close(): Promise<void>;
}

const SEND_PARAMS = ['username', 'password', 'dstaddr', 'destname', 'dlvtime', 'vldtime', 'smbody', 'response', 'clientid', 'objectID', 'smsPointFlag'];
const QUERY_PARAMS = ['username', 'password', 'msgid', 'smsPointFlag'];
const CANCEL_PARAMS = ['username', 'password', 'msgid'];
const BULK_QUERY_PARAMS = ['username', 'password', 'Encoding_PostIn', 'objectID', 'smsPointFlag'];
const CRLF = '\r\n';

const reply = (lines: string[]): FakeReply => ({ status: 200, body: lines.join(CRLF) + CRLF });
const block = (id: string, fields: Record<string, string | number>) => reply([`[${id}]`, ...Object.entries(fields).map(([k, v]) => `${k}=${v}`)]);

function taipei(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export async function startMitakeFake(options: MitakeFakeOptions = {}): Promise<MitakeFake> {
  let username = options.username ?? 'user';
  let password = options.password ?? 'pass';
  let credits = options.credits ?? 1000;
  let statusLagMs = options.statusLagMs ?? 0;
  const now = options.now ?? Date.now;
  const accepted: MitakeAccepted[] = [];
  const byClientId = new Map<string, { at: number; fields: Record<string, string | number> }>();
  const finalStatus = new Map<string, string>();
  let nextCodes: string[] = [];
  let duplicates = 0;
  let nextMsgid = 13;

  const statusOf = (m: MitakeAccepted) => (m.cancelled ? '9' : now() - m.at < statusLagMs ? '1' : (finalStatus.get(m.dstaddr) ?? '4'));

  /** One message (SmSend's form, or one SmBulkSend record): its block's fields, replayed for a repeated clientid. */
  function sendRecord(p: Map<string, string>): Record<string, string | number> {
    const clientid = p.get('clientid') || null;
    if (clientid !== null && clientid.length > 36) return { statuscode: 'y' };
    const earlier = clientid ? byClientId.get(clientid) : undefined;
    if (earlier && now() - earlier.at < 12 * 3600_000) {
      duplicates++;
      return { ...earlier.fields, Duplicate: 'Y' };
    }
    const dst = (p.get('dstaddr') ?? '').replace(/^[+.\-\s]+/, '').replace(/^88609/, '8869');
    if (!/^09\d{8}$/.test(dst) && !/^\d{8,20}$/.test(dst)) return { statuscode: 'v' };
    const smbody = p.get('smbody') ?? '';
    if (smbody.trim() === '') return { statuscode: 'u' };
    const cost = countSegments(smbody.split(String.fromCharCode(6)).join('\n')).segments;
    if (credits < cost) return { statuscode: 's' };
    credits -= cost;
    const msgid = `#${String(nextMsgid++).padStart(9, '0')}`;
    accepted.push({ msgid, dstaddr: dst, smbody, clientid, at: now(), cost, cancelled: false });
    const fields = { msgid, statuscode: 1 };
    if (clientid) byClientId.set(clientid, { at: now(), fields });
    return fields;
  }

  function send(p: Map<string, string>): FakeReply {
    const fields = sendRecord(p);
    const { Duplicate, ...rest } = fields;
    return reply([`[${p.get('clientid') || '1'}]`, ...Object.entries({ ...rest, AccountPoint: credits, ...(Duplicate ? { Duplicate } : {}) }).map(([k, v]) => `${k}=${v}`)]);
  }

  /** SmBulkSend: the body is the raw record list, one `ClientID$$dstaddr$$dlvtime$$vldtime$$destname$$response$$smbody` per line. */
  function bulkSend(text: string): FakeReply {
    const records = text.split(/\r?\n/).filter((l) => l !== '');
    if (records.length === 0 || records.length > MITAKE_MAX_BULK) return reply(['y']);
    const lines: string[] = [];
    for (const record of records) {
      const fields = record.split('$$');
      if (fields.length !== 7 || !fields[0]) return reply(['y']);
      const [clientid, dstaddr, dlvtime, vldtime, destname, response, smbody] = fields as [string, string, string, string, string, string, string];
      const answer = sendRecord(new Map(Object.entries({ clientid, dstaddr, dlvtime, vldtime, destname, response, smbody })));
      lines.push(`[${clientid}]`, ...Object.entries(answer).map(([k, v]) => `${k}=${v}`));
    }
    return reply([...lines, `AccountPoint=${credits}`]);
  }

  function query(p: Map<string, string>): FakeReply {
    const ids = (p.get('msgid') ?? '').split(',').filter(Boolean);
    if (ids.length === 0) return reply([`AccountPoint=${credits}`]);
    if (ids.length > 100) return reply(['w']);
    const rows = ids.flatMap((id) => {
      const m = accepted.find((a) => a.msgid === id);
      if (!m) return [];
      const s = statusOf(m);
      return [`${m.msgid}\t${s}\t${taipei(s === '1' ? m.at : m.at + statusLagMs)}`];
    });
    return rows.length ? reply(rows) : reply(['z']);
  }

  function cancel(p: Map<string, string>): FakeReply {
    const ids = (p.get('msgid') ?? '').split(',').filter(Boolean);
    if (ids.length > 100) return reply(['w']);
    return reply(
      ids.map((id) => {
        const m = accepted.find((a) => a.msgid === id);
        if (!m) return `${id}=?`;
        const s = statusOf(m);
        if (s !== '1') return `${id}=${s}`;
        m.cancelled = true;
        credits += m.cost;
        return `${id}=9`;
      }),
    );
  }

  /** SmBulkSend takes the credentials in the query string and the records in the body, in Encoding_PostIn (Big5 by default). */
  function bulk(req: FakeRequest): FakeReply {
    const q = new URLSearchParams(req.query);
    if ([...q.keys()].some((k) => !BULK_QUERY_PARAMS.includes(k))) return reply(['y']);
    const encoding = q.get('Encoding_PostIn');
    if (encoding !== null && !['Big5', 'UTF8'].includes(encoding)) return reply(['y']);
    if (req.concurrent > MITAKE_MAX_CONNECTIONS) return block('1', { statuscode: 'l' });
    if (!q.get('username')) return block('1', { statuscode: 'c' });
    if (!q.get('password')) return block('1', { statuscode: 'd' });
    if (q.get('username') !== username || q.get('password') !== password) return block('1', { statuscode: 'e' });
    const scripted = nextCodes.shift();
    if (scripted !== undefined) return block('1', { statuscode: scripted });
    let text: string;
    try {
      text = new TextDecoder(encoding === 'UTF8' ? 'utf-8' : 'big5', { fatal: true }).decode(req.body);
    } catch {
      return reply(['y']);
    }
    return bulkSend(text);
  }

  const server = await startFakeServer((req) => {
    const m = /^\/(api|b2c)\/mtk\/(SmSend|SmBulkSend|SmQuery|SmCancel)$/.exec(req.path);
    if (!m) return { status: 404, body: 'Not Found' };
    if (req.method !== 'POST') return { status: 405, body: 'Method Not Allowed' };
    const op = m[2]!;
    if (op === 'SmBulkSend') return bulk(req);
    // SmSend's charset is chosen in the query string; the rest of the API reads UTF-8.
    const search = new URLSearchParams(req.query);
    const charsetParam = search.get('CharsetURL');
    if ([...search.keys()].some((k) => k !== 'CharsetURL')) return reply(['y']);
    if (charsetParam !== null && !['Big5', 'UTF8', 'UTF-8'].includes(charsetParam)) return reply(['y']);
    const charset = op === 'SmSend' && (charsetParam === null || charsetParam === 'Big5') ? 'big5' : 'utf-8';
    let p: Map<string, string>;
    try {
      p = requestParams({ ...req, query: '' }, charset);
    } catch {
      return reply(['y']);
    }
    const allowed = op === 'SmSend' ? SEND_PARAMS : op === 'SmQuery' ? QUERY_PARAMS : CANCEL_PARAMS;
    if (unknownParams(p, allowed).length) return reply(['y']);
    const id = p.get('clientid') || '1';
    if (req.concurrent > MITAKE_MAX_CONNECTIONS) return block(id, { statuscode: 'l' });
    if (!p.get('username')) return block(id, { statuscode: 'c' });
    if (!p.get('password')) return block(id, { statuscode: 'd' });
    if (p.get('username') !== username || p.get('password') !== password) return block(id, { statuscode: 'e' });
    const scripted = op === 'SmCancel' ? undefined : nextCodes.shift();
    if (scripted !== undefined) return op === 'SmSend' ? block(id, { statuscode: scripted }) : reply([scripted]);
    if (op === 'SmSend') return send(p);
    if (op === 'SmQuery') return query(p);
    return cancel(p);
  });
  server.latencyMs = options.latencyMs ?? 0;

  return Object.assign(fakeControls(server, accepted), {
    duplicates: () => duplicates,
    credits: () => credits,
    setCredits(points) {
      credits = points;
    },
    setCredentials(u, pw) {
      username = u;
      password = pw;
    },
    setStatusLag(ms) {
      statusLagMs = ms;
    },
    setNextCode(code, count = 1) {
      nextCodes = [...nextCodes, ...Array.from({ length: count }, () => code)];
    },
    setFinalStatus(dstaddr, status) {
      finalStatus.set(dstaddr, status);
    },
    close: server.close,
  } satisfies Omit<MitakeFake, keyof ReturnType<typeof fakeControls>>);
}
