// A strict loopback TwSMS (JSON API 4.0, providers.md §1.9): json/sms_send.php and json/sms_query.php,
// GET query or POST form, UTF-8 only. Unknown parameters and bad escapes/encodings are refused with
// HTTP 400 (so an adapter bug can never pass silently); documented mistakes answer their documented
// codes. Every accepted message is recorded, so tests can count duplicates.
//
//   const fake = await startTwsmsFake({ credits: 100 });
//   ... adapter baseUrl = fake.url ...
//   fake.accepted.length; fake.setCredits(0); fake.afterAccept(1, 'hang'); await fake.close();
import { countSegments } from '../../src-shared/sms/segments';
import { hasEmoji, requestParams, startFakeServer, unknownParams, type FakeFaults, type FakeReply, type FakeRequest, fakeControls } from './http-fake';

export interface TwsmsFakeOptions {
  username?: string;
  password?: string;
  credits?: number;
  /** How long a message reports ACCEPTD before its final word. */
  statusLagMs?: number;
  latencyMs?: number;
  now?: () => number;
  /**
   * Decode `message` a second time, as the PDF's "urlencode first" hints the real server might
   * (providers.md §1.3): a text with % or + then arrives changed, which a test can detect.
   */
  doubleDecode?: boolean;
}

export interface TwsmsAccepted {
  msgid: number;
  mobile: string;
  message: string;
  longsms: boolean;
  at: number;
  cost: number;
  deleted: boolean;
}

export interface TwsmsFake extends FakeFaults {
  url: string;
  accepted: TwsmsAccepted[];
  /** Every request, parsed (including refused ones). */
  requests: FakeRequest[];
  credits(): number;
  setCredits(points: number): void;
  setCredentials(username: string, password: string): void;
  setStatusLag(ms: number): void;
  /** The next N sends (or queries) answer this code instead of being processed. */
  setNextCode(code: string, count?: number, text?: string): void;
  /** The final delivery word for a mobile (as sent, e.g. 0912345678): DELIVRD by default. */
  setFinalStatus(mobile: string, statustext: string): void;
  close(): Promise<void>;
}

const SEND_PARAMS = ['username', 'password', 'mobile', 'message', 'sendtime', 'expirytime', 'popup', 'mo', 'longsms', 'drurl'] as const;
const QUERY_PARAMS = ['username', 'password', 'mobile', 'msgid', 'outrange', 'checkpoint', 'deltime'] as const;

const json = (o: Record<string, unknown>): FakeReply => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(o) });
const code = (c: string, text: string) => json({ code: c, text });

function taipeiStamp(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export async function startTwsmsFake(options: TwsmsFakeOptions = {}): Promise<TwsmsFake> {
  let username = options.username ?? 'user';
  let password = options.password ?? 'pass';
  let credits = options.credits ?? 1000;
  let statusLagMs = options.statusLagMs ?? 0;
  const now = options.now ?? Date.now;
  const accepted: TwsmsAccepted[] = [];
  const finalStatus = new Map<string, string>();
  let nextCodes: { code: string; text: string }[] = [];
  let nextMsgid = 100_000_001;

  const checkAuth = (p: Map<string, string>): FakeReply | null => {
    if (p.get('username') !== username || p.get('password') !== password) return code('00010', '帳號或密碼格式錯誤');
    return null;
  };

  function send(p: Map<string, string>): FakeReply {
    const mobile = p.get('mobile') ?? '';
    const once = p.get('message') ?? '';
    let message = once;
    if (options.doubleDecode) {
      try {
        message = decodeURIComponent(once.replace(/\+/g, ' '));
      } catch {
        message = once; // not decodable a second time: kept as it came
      }
    }
    for (const [name, c] of [['popup', '00070'], ['mo', '00080'], ['longsms', '00090']] as const) {
      const v = p.get(name);
      if (v !== undefined && v !== 'Y' && v !== 'N') return code(c, `${name} 格式錯誤`);
    }
    const expiry = p.get('expirytime');
    if (expiry !== undefined && (!/^\d+$/.test(expiry) || Number(expiry) < 300 || Number(expiry) > 86400)) return code('00060', 'expirytime 格式錯誤');
    const sendtime = p.get('sendtime');
    if (sendtime !== undefined && sendtime !== '' && !/^\d{12}$/.test(sendtime)) return code('00050', 'sendtime 格式錯誤');
    if (!/^09\d{8}$/.test(mobile) && !/^\d{8,15}$/.test(mobile)) return code('00100', '手機號碼格式錯誤');
    if (message === '') return code('00110', '沒有簡訊內容');
    if (hasEmoji(message)) return code('00180', '簡訊內容帶有 Emoji 圖形');
    const longsms = p.get('longsms') === 'Y';
    const international = !mobile.startsWith('09');
    if (longsms && international) return code('00120', '長簡訊不支援國際門號');
    const count = countSegments(message);
    const tooLong = longsms ? count.units > (count.encoding === 'UCS-2' ? 335 : 765) : count.segments > 1;
    if (tooLong) return code('00130', '簡訊內容超過長度');
    const cost = (longsms ? count.segments : 1) * (international ? 3 : 1);
    if (credits < cost) return code('00020', '通數不足');
    credits -= cost;
    const msgid = nextMsgid++;
    accepted.push({ msgid, mobile, message, longsms, at: now(), cost, deleted: false });
    return json({ code: '00000', text: 'Success', msgid });
  }

  function query(p: Map<string, string>): FakeReply {
    if (p.get('checkpoint') === 'Y') return json({ code: '00000', text: 'Success', point: credits });
    const msgid = Number(p.get('msgid'));
    const m = accepted.find((a) => a.msgid === msgid && a.mobile === p.get('mobile'));
    if (p.get('deltime') === 'Y') {
      // Only a message still waiting at the provider can be deleted.
      if (!m || m.deleted || now() - m.at >= statusLagMs) return code('00300', '找不到 msgid');
      m.deleted = true;
      return code('00000', 'Success');
    }
    if (!m) return code('00300', '找不到 msgid');
    if (m.deleted) return json({ code: '00000', text: 'Success', statuscode: -1, statustext: 'DELETED', donetime: taipeiStamp(now()) });
    if (now() - m.at < statusLagMs) return json({ code: '00000', text: 'Success', statuscode: 0, statustext: 'ACCEPTD', donetime: '' });
    const word = finalStatus.get(m.mobile) ?? 'DELIVRD';
    return json({ code: '00000', text: 'Success', statuscode: word === 'DELIVRD' ? 0 : -1, statustext: word, donetime: taipeiStamp(m.at + statusLagMs) });
  }

  const server = await startFakeServer((req) => {
    const path = req.path.replace(/\/+/g, '/');
    const kind = path === '/json/sms_send.php' ? 'send' : path === '/json/sms_query.php' ? 'query' : null;
    if (!kind) return { status: 404, body: 'Not Found' };
    if (req.method !== 'GET' && req.method !== 'POST') return { status: 405, body: 'Method Not Allowed' };
    let p: Map<string, string>;
    try {
      p = requestParams(req);
    } catch (err) {
      return { status: 400, body: `bad request: ${(err as Error).message}` };
    }
    const unknown = unknownParams(p, kind === 'send' ? SEND_PARAMS : QUERY_PARAMS);
    if (unknown.length) return { status: 400, body: `unknown parameter: ${unknown.join(',')}` };
    const auth = checkAuth(p);
    if (auth) return auth;
    const scripted = nextCodes.shift();
    if (scripted) return code(scripted.code, scripted.text);
    return kind === 'send' ? send(p) : query(p);
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
    setNextCode(c, count = 1, text = `code ${c}`) {
      nextCodes = [...nextCodes, ...Array.from({ length: count }, () => ({ code: c, text }))];
    },
    setFinalStatus(mobile, statustext) {
      finalStatus.set(mobile, statustext);
    },
    close: server.close,
  } satisfies Omit<TwsmsFake, keyof ReturnType<typeof fakeControls>>);
}
