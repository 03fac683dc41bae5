// Raw HTTP over loopback with node:http, so a test controls every header (Host and Origin included,
// which fetch would set or forbid) and sees the target exactly as written ("/../x" unnormalised).
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function open(req: RawRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const r = request({
      host: '127.0.0.1',
      port: req.port,
      path: req.path,
      method: req.method ?? 'GET',
      setHost: false,
      agent: false,
      headers: { host: `127.0.0.1:${req.port}`, ...req.headers },
    });
    r.on('response', resolve);
    r.on('error', reject);
    r.end(req.body);
  });
}

export async function send(req: RawRequest): Promise<RawResponse> {
  const res = await open(req);
  const chunks: Buffer[] = [];
  for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
}

/** An open event stream: resolves `waitFor` once the accumulated text satisfies a predicate. */
export async function openStream(req: RawRequest): Promise<{
  status: number;
  headers: IncomingHttpHeaders;
  text: () => string;
  waitFor: (predicate: (text: string) => boolean) => Promise<string>;
  close: () => void;
  closed: Promise<void>;
}> {
  const res = await open(req);
  let text = '';
  const waiters: { predicate: (t: string) => boolean; resolve: (t: string) => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) {
      if (w.predicate(text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(text);
      }
    }
  };
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
    check();
  });
  const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    text: () => text,
    waitFor: (predicate) =>
      new Promise((resolve) => {
        waiters.push({ predicate, resolve });
        check();
      }),
    close: () => res.destroy(),
    closed,
  };
}
