// The loopback server under every provider fake: node:http on 127.0.0.1, port 0, with the faults a
// real provider shows. Faults that strike before the provider's handler runs (latency, 429/5xx, hang
// before accepting) leave no trace at the "provider"; those after it (accept-then-hang, malformed
// body, connection reset mid-answer) happen after the handler recorded the message — exactly the
// cases an adapter must call `unknown`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Requests in flight when this one arrived, itself included (for connection limits). */
  concurrent: number;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type FaultAfterAccept = 'hang' | 'malformed' | 'reset';

export interface FakeFaults {
  /** Delay before each answer. */
  latencyMs: number;
  /** The next N requests answer this status (before the handler runs). */
  failNext(count: number, status: number, retryAfter?: string): void;
  /** The next N requests are read and never answered, and the handler never runs. */
  hangBeforeAccept(count: number): void;
  /** The next N requests run the handler (the message is accepted), then the fault strikes. */
  afterAccept(count: number, fault: FaultAfterAccept): void;
}

export interface FakeServer extends FakeFaults {
  url: string;
  port: number;
  /** Requests seen, including refused ones. */
  requests: FakeRequest[];
  close(): Promise<void>;
}

export const MALFORMED_BODY = '<html><body>502 Bad Gateway</body></html';

export async function startFakeServer(handler: (req: FakeRequest) => FakeReply | Promise<FakeReply>): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  let failQueue: { status: number; retryAfter?: string }[] = [];
  let hangCount = 0;
  let afterQueue: FaultAfterAccept[] = [];
  const hanging = new Set<http.ServerResponse>();
  let inFlight = 0;

  const server = http.createServer((req, res) => {
    inFlight++;
    const concurrent = inFlight;
    res.on('close', () => inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = req.url ?? '/';
        const q = url.indexOf('?');
        const fr: FakeRequest = {
          method: req.method ?? 'GET',
          path: q < 0 ? url : url.slice(0, q),
          query: q < 0 ? '' : url.slice(q + 1),
          headers: req.headers,
          body: Buffer.concat(chunks),
          concurrent,
        };
        requests.push(fr);
        if (fake.latencyMs > 0) await new Promise((r) => setTimeout(r, fake.latencyMs));
        if (hangCount > 0) {
          hangCount--;
          hanging.add(res);
          return;
        }
        const fail = failQueue.shift();
        if (fail) {
          res.writeHead(fail.status, { 'content-type': 'text/plain', ...(fail.retryAfter !== undefined ? { 'retry-after': fail.retryAfter } : {}) });
          res.end(fail.status === 429 ? 'Too Many Requests' : 'Service Unavailable');
          return;
        }
        let reply: FakeReply;
        try {
          reply = await handler(fr);
        } catch (err) {
          reply = { status: 500, body: `fake handler error: ${(err as Error).message}` };
        }
        const after = afterQueue.shift();
        if (after === 'hang') {
          hanging.add(res);
          return;
        }
        if (after === 'reset') {
          // Headers promised a longer body; the socket dies half-way.
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write(reply.body.slice(0, 5));
          setTimeout(() => res.socket?.destroy(), 10);
          return;
        }
        if (after === 'malformed') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(MALFORMED_BODY);
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...reply.headers });
        res.end(reply.body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    latencyMs: 0,
    failNext(count, status, retryAfter) {
      failQueue = [...failQueue, ...Array.from({ length: count }, () => ({ status, ...(retryAfter !== undefined ? { retryAfter } : {}) }))];
    },
    hangBeforeAccept(count) {
      hangCount += count;
    },
    afterAccept(count, fault) {
      afterQueue = [...afterQueue, ...Array.from({ length: count }, () => fault)];
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

export class FormError extends Error {}

/**
 * Decodes application/x-www-form-urlencoded strictly: a bad %-escape or bytes that are not valid in
 * the charset throw FormError. Repeated keys are refused too (no provider here takes arrays).
 */
export function decodeForm(raw: string, charset: 'utf-8' | 'big5' = 'utf-8'): Map<string, string> {
  const out = new Map<string, string>();
  if (raw === '') return out;
  const decoder = new TextDecoder(charset, { fatal: true });
  const decode = (part: string): string => {
    const bytes: number[] = [];
    for (let i = 0; i < part.length; i++) {
      const ch = part[i]!;
      if (ch === '+') bytes.push(0x20);
      else if (ch === '%') {
        const hex = part.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new FormError(`bad escape %${hex}`);
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        const code = ch.charCodeAt(0);
        if (code > 0x7e || code < 0x20) throw new FormError('unencoded character');
        bytes.push(code);
      }
    }
    try {
      return decoder.decode(new Uint8Array(bytes));
    } catch {
      throw new FormError(`not valid ${charset}`);
    }
  };
  for (const pair of raw.split('&')) {
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (out.has(key)) throw new FormError(`repeated parameter ${key}`);
    out.set(key, value);
  }
  return out;
}

/** Query string and form body together (providers accept either); a key in both is refused. */
export function requestParams(req: FakeRequest, charset: 'utf-8' | 'big5' = 'utf-8'): Map<string, string> {
  const fromQuery = decodeForm(req.query, charset);
  if (req.method === 'GET' || req.body.length === 0) return fromQuery;
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded')) throw new FormError(`content-type ${type || '(none)'}`);
  const fromBody = decodeForm(req.body.toString('latin1'), charset);
  for (const [k, v] of fromQuery) {
    if (fromBody.has(k)) throw new FormError(`repeated parameter ${k}`);
    fromBody.set(k, v);
  }
  return fromBody;
}

/** Names not in `allowed` (strict fakes refuse them). */
export function unknownParams(params: Map<string, string>, allowed: readonly string[]): string[] {
  return [...params.keys()].filter((k) => !allowed.includes(k));
}

/** Emoji are refused by TwSMS (00180) and mangled elsewhere. */
export const hasEmoji = (text: string) => /\p{Extended_Pictographic}/u.test(text);

/**
 * What every provider fake hands its test: its address, what it accepted, the requests it saw, and the
 * server's fault knobs (latency read and set live). Each fake adds its own controls with Object.assign,
 * which keeps the latency accessor on this object.
 */
export function fakeControls<A>(server: FakeServer, accepted: A) {
  return {
    url: server.url,
    accepted,
    requests: server.requests,
    get latencyMs() {
      return server.latencyMs;
    },
    set latencyMs(ms: number) {
      server.latencyMs = ms;
    },
    failNext: server.failNext,
    hangBeforeAccept: server.hangBeforeAccept,
    afterAccept: server.afterAccept,
  };
}
