// The local integration API (issue 7): HTTP on 127.0.0.1 for a membership or management system.
//   POST /v1/messages          { to, text | template + variables, sendAt, idempotencyKey }
//   POST /v1/events/<kind>     { to, amount, balance, points, cardNumber, … }  (the kind's template)
//   GET  /v1/messages/<id>
// Each request carries an API key (Authorization: Bearer <key>, or X-API-Key). The server only turns
// HTTP into the contract's integration.* calls — the core checks the key, validates the body with the
// contract's zod schemas, answers repeated idempotency keys and does the sending — and turns their
// answers and ApiErrors back into HTTP, with the error's text translated.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, toApiError, type ErrorKind } from '../../src-shared/api/errors';
import { createI18n, toLanguage, type Language } from '../../src-shared/i18n';
import type { Core } from '../core/types';

export const INTEGRATION_HOST = '127.0.0.1';
/** A request's JSON body: an auto-send list's entry is small; this leaves room for 1000 numbers. */
export const MAX_BODY_BYTES = 256 * 1024;

const statusByKind: Record<ErrorKind, number> = {
  validation: 400,
  forbidden: 401,
  not_found: 404,
  conflict: 409,
  provider: 502,
  internal: 500,
};

class HttpRefusal extends Error {
  constructor(readonly status: number, readonly apiError: ApiError) {
    super(apiError.message);
  }
}

export interface IntegrationServerOptions {
  core: Pick<Core, 'call'>;
  port: number;
  /** The shop's language, for errors when the caller's Accept-Language names none of ours. */
  language: () => Language;
}

export interface IntegrationServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const translators = new Map<Language, (key: string, params?: Record<string, unknown>) => string>();
function translator(language: Language) {
  let t = translators.get(language);
  if (!t) {
    const i18n = createI18n(language);
    t = (key, params) => i18n.t(key, params ?? {});
    translators.set(language, t);
  }
  return t;
}

/** The first of the caller's Accept-Language that we speak, else the shop's language. */
export function languageFor(acceptLanguage: string | undefined, fallback: Language): Language {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    // toLanguage turns a tag it does not know into the default: take only tags of languages we speak.
    if (/^(zh|ja|en)\b/.test(tag)) return toLanguage(tag);
  }
  return fallback;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(payload);
}

function sendError(res: ServerResponse, err: ApiError, status: number, language: Language): void {
  const t = translator(language);
  // Issues name the field in the request body (the contract wraps it in `request`).
  const issues = err.issues?.map((i) => ({ ...i, path: i.path.replace(/^request\.?/, '') }));
  const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer realm="smsdesk"' } : {};
  send(res, status, { error: { ...err.toJSON(), ...(issues ? { issues } : {}), message: t(err.key, err.params) } }, headers);
}

function apiKeyOf(req: IncomingMessage): string {
  const auth = req.headers.authorization;
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
  const header = req.headers['x-api-key'];
  return (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpRefusal(415, new ApiError('validation', 'integration.errors.contentType'));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpRefusal(413, new ApiError('validation', 'integration.errors.tooLarge'));
    chunks.push(chunk);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size)));
  } catch {
    throw new HttpRefusal(400, new ApiError('validation', 'integration.errors.json'));
  }
}

/** The idempotency key from the Idempotency-Key header, unless the body names one itself. */
function withIdempotencyKey(body: unknown, req: IncomingMessage): unknown {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || typeof body !== 'object' || body === null || Array.isArray(body) || 'idempotencyKey' in body) return body;
  return { ...body, idempotencyKey: key };
}

export async function startIntegrationServer(options: IntegrationServerOptions): Promise<IntegrationServer> {
  const { core } = options;
  let port = options.port;

  async function route(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    // DNS rebinding: a page that resolves its own name to 127.0.0.1 still sends its own Host.
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpRefusal(421, new ApiError('forbidden', 'integration.errors.host'));
    // Management systems do not send Origin; a web page does. No page may use this door.
    if (req.headers.origin !== undefined) throw new HttpRefusal(403, new ApiError('forbidden', 'integration.errors.origin'));
    const url = new URL(req.url ?? '/', `http://${INTEGRATION_HOST}`);
    const parts = url.pathname.split('/').filter(Boolean);
    const apiKey = apiKeyOf(req);
    const method = req.method ?? 'GET';
    if (parts[0] !== 'v1') throw new HttpRefusal(404, new ApiError('not_found', 'integration.errors.route'));

    if (parts[1] === 'messages' && parts.length === 2) {
      if (method !== 'POST') throw new HttpRefusal(405, new ApiError('validation', 'integration.errors.method'));
      const request = withIdempotencyKey(await readJson(req), req);
      const result = (await core.call('integration.messages.create', { apiKey, request })) as { replayed: boolean };
      return { status: result.replayed ? 200 : 201, body: result, headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {} };
    }
    if (parts[1] === 'messages' && parts.length === 3) {
      if (method !== 'GET') throw new HttpRefusal(405, new ApiError('validation', 'integration.errors.method'));
      const id = /^\d{1,15}$/.test(parts[2]!) ? Number(parts[2]) : NaN;
      if (!Number.isSafeInteger(id) || id <= 0) throw new HttpRefusal(404, new ApiError('not_found', 'errors.notFound.message', { id: parts[2]!.slice(0, 20) }));
      return { status: 200, body: await core.call('integration.messages.get', { apiKey, id }) };
    }
    if (parts[1] === 'events' && parts.length === 3) {
      if (method !== 'POST') throw new HttpRefusal(405, new ApiError('validation', 'integration.errors.method'));
      const request = withIdempotencyKey(await readJson(req), req);
      const result = (await core.call('integration.events.create', { apiKey, kind: decodeURIComponent(parts[2]!), request })) as { replayed: boolean };
      return { status: result.replayed ? 200 : 201, body: result, headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {} };
    }
    throw new HttpRefusal(404, new ApiError('not_found', 'integration.errors.route'));
  }

  const server = createServer((req, res) => {
    const language = languageFor(req.headers['accept-language'], options.language());
    route(req).then(
      (answer) => send(res, answer.status, answer.body, answer.headers),
      (err: unknown) => {
        if (err instanceof HttpRefusal) return sendError(res, err.apiError, err.status, language);
        const apiError = toApiError(err);
        sendError(res, apiError, statusByKind[apiError.kind], language);
      },
    );
  });
  // No slow-loris hold on the port: a request has 30 s to arrive whole.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, INTEGRATION_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://${INTEGRATION_HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold the port open after the lease is gone.
        server.closeAllConnections();
      }),
  };
}
