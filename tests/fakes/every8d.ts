// A strict loopback EVERY8D HTTP API 2.1 (providers.md §2.9): case-insensitive paths under
// /API21/HTTP/, GET query or POST form, UTF-8. Unknown parameters and bad encodings → `-1,參數錯誤`
// (as the provider answers parameter errors); documented mistakes answer their documented codes.
import { randomUUID } from 'node:crypto';
import { requestParams, startFakeServer, unknownParams, type FakeFaults, type FakeReply, type FakeRequest, fakeControls } from './http-fake';

export interface Every8dFakeOptions {
  username?: string;
  password?: string;
  credits?: number;
  statusLagMs?: number;
  latencyMs?: number;
  now?: () => number;
}

export interface Every8dAccepted {
  batchId: string;
  mobile: string;
  text: string;
  at: number;
  cost: number;
  cancelled: boolean;
  filtered: boolean;
}

export interface Every8dFake extends FakeFaults {
  url: string;
  accepted: Every8dAccepted[];
  requests: FakeRequest[];
  credits(): number;
  setCredits(points: number): void;
  setCredentials(username: string, password: string): void;
  setStatusLag(ms: number): void;
  /** The next N calls answer `code,words` instead of being processed. */
  setNextCode(code: string, count?: number, words?: string): void;
  /** The final STATUS for a number as sent (e.g. +886912345678); 100 by default. */
  setFinalStatus(mobile: string, status: string): void;
  close(): Promise<void>;
}

const PARAMS: Record<string, readonly string[]> = {
  'sendsms.ashx': ['UID', 'PWD', 'SB', 'MSG', 'DEST', 'ST', 'RETRYTIME', 'MR'],
  'sendsms4filtermessage.ashx': ['UID', 'PWD', 'SB', 'MSG', 'DEST', 'ST', 'RETRYTIME', 'MR'],
  'getdeliverystatus.ashx': ['UID', 'PWD', 'BID', 'PNO', 'RESPFORMAT'],
  'getcredit.ashx': ['UID', 'PWD'],
  'erasebooking.ashx': ['UID', 'PWD', 'BID'],
};

const text = (body: string): FakeReply => ({ status: 200, body });
const DEST = /^(\+886|0)9\d{8}$|^\+\d{8,15}$/;

function taipei(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Credits per recipient by length (§2.3): 70/134/201/268/333. */
function cost(message: string, international: boolean): number {
  const n = [...message].length;
  const base = n <= 70 ? 1 : n <= 134 ? 2 : n <= 201 ? 3 : n <= 268 ? 4 : 5;
  return base * (international ? 3 : 1);
}

export async function startEvery8dFake(options: Every8dFakeOptions = {}): Promise<Every8dFake> {
  let username = options.username ?? 'user';
  let password = options.password ?? 'pass';
  let credits = options.credits ?? 1000;
  let statusLagMs = options.statusLagMs ?? 0;
  const now = options.now ?? Date.now;
  const accepted: Every8dAccepted[] = [];
  const finalStatus = new Map<string, string>();
  let nextCodes: string[] = [];

  function send(p: Map<string, string>, filtered: boolean): FakeReply {
    const message = p.get('MSG') ?? '';
    const dest = (p.get('DEST') ?? '').split(',').filter(Boolean);
    if (dest.length === 0) return text('-41, no mobile.');
    if (dest.some((d) => !DEST.test(d))) return text('-3, 受話方手機號碼錯誤');
    if (message === '') return text('-24, The content is empty.');
    if ([...message].length > 333) return text('-5, 內容長度超過限制');
    const st = p.get('ST') ?? '';
    if (st !== '' && !/^\d{14}$/.test(st)) return text('-6, DT 格式錯誤');
    const batchId = randomUUID();
    const skipped: string[] = [];
    let sent = 0;
    let spent = 0;
    let unsent = 0;
    for (const mobile of dest) {
      const international = !(mobile.startsWith('+886') || mobile.startsWith('09'));
      if (filtered && accepted.some((a) => a.text === message && a.mobile === mobile && now() - a.at < 24 * 3600_000)) {
        skipped.push(mobile);
        continue;
      }
      const c = cost(message, international);
      if (credits < c) {
        unsent++;
        continue;
      }
      credits -= c;
      spent += c;
      sent++;
      accepted.push({ batchId, mobile, text: message, at: now(), cost: c, cancelled: false, filtered });
    }
    if (filtered && sent === 0 && skipped.length > 0) return text(`-98,${skipped.join('/')}`);
    const line = `${credits.toFixed(2)},${sent},${spent},${unsent},${batchId}`;
    return text(filtered ? `${line},${skipped.join('/')}` : line);
  }

  function status(p: Map<string, string>): FakeReply {
    const rows = accepted.filter((a) => a.batchId === p.get('BID'));
    const lines = rows.map((a) => {
      const done = now() - a.at >= statusLagMs;
      const code = a.cancelled ? '303' : done ? (finalStatus.get(a.mobile) ?? '100') : '0';
      return ['', a.mobile, taipei(a.at), String(a.cost), code, done ? taipei(a.at + statusLagMs) : ''].join('\t');
    });
    return text([String(rows.length), ...lines].join('\r\n'));
  }

  function erase(p: Map<string, string>): FakeReply {
    const rows = accepted.filter((a) => a.batchId === p.get('BID') && !a.cancelled && now() - a.at < statusLagMs);
    if (rows.length === 0) return text('');
    let refunded = 0;
    for (const r of rows) {
      r.cancelled = true;
      refunded += r.cost;
      credits += r.cost;
    }
    return text(`${rows.length},${refunded}`);
  }

  const server = await startFakeServer((req) => {
    const m = /^\/API21\/HTTP\/([^/]+)$/i.exec(req.path);
    const file = m?.[1]?.toLowerCase();
    const allowed = file ? PARAMS[file] : undefined;
    if (!file || !allowed) return { status: 404, body: 'The resource cannot be found.' };
    let p: Map<string, string>;
    try {
      p = requestParams(req);
    } catch (err) {
      return text(`-1, 參數錯誤 (${(err as Error).message})`);
    }
    const unknown = unknownParams(p, allowed);
    if (unknown.length) return text(`-1, 參數錯誤 (unknown ${unknown.join(',')})`);
    if (!p.get('UID') || !p.get('PWD')) return text('-300, 帳號密碼不得為空值。');
    if (p.get('UID') !== username || p.get('PWD') !== password) return text('-2, API 帳號或密碼錯誤');
    const scripted = nextCodes.shift();
    if (scripted !== undefined) return text(scripted);
    if (file === 'sendsms.ashx') return send(p, false);
    if (file === 'sendsms4filtermessage.ashx') return send(p, true);
    if (file === 'getdeliverystatus.ashx') return status(p);
    if (file === 'getcredit.ashx') return text(credits.toFixed(2));
    return erase(p);
  });
  server.latencyMs = options.latencyMs ?? 0;

  return Object.assign(fakeControls(server, accepted), {
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
    setNextCode(code, count = 1, words = `words for ${code}`) {
      nextCodes = [...nextCodes, ...Array.from({ length: count }, () => `${code}, ${words}`)];
    },
    setFinalStatus(mobile, s) {
      finalStatus.set(mobile, s);
    },
    close: server.close,
  } satisfies Omit<Every8dFake, keyof ReturnType<typeof fakeControls>>);
}
