// Browser mode (`smsdesk serve`): the same core behind HTTP on 127.0.0.1, for where Electron cannot
// run and for the end-to-end tests. Every request passes Host, Origin and token checks (auth.ts)
// before it is routed; then /api/events (sse.ts), /api/<method> (api-route.ts) or the renderer's
// files (static.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApiError } from '../../src-shared/api';
import { createI18n, defaultLanguage, type Language } from '../../src-shared/i18n';
import type { Core } from '../core/types';
import { handleApiCall } from './api-route';
import { DEFAULT_MAX_BODY_BYTES } from './body';
import { ensureRendererBuilt, repoRoot } from './build-renderer';
import { checkRequest, generateToken, isWellFormedToken, sessionCookie, type GateRefusal } from './auth';
import { applySecurityHeaders } from './headers';
import { parseRequestTarget } from './request-target';
import { sendApiError, sendNoticePage, type NoticePage } from './respond';
import { DEFAULT_PING_MS, openEventStream } from './sse';
import { serveStatic } from './static';

export interface WebServerOptions {
  core: Pick<Core, 'call' | 'onEvent'>;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** The built renderer; default <repo>/dist-renderer. */
  rendererDir?: string;
  /** Build dist-renderer first when missing or stale. Default: true when rendererDir is left out. */
  buildRenderer?: boolean;
  /** Lines for the terminal (already translated). */
  log?: (line: string) => void;
  /** A fixed token (tests, wrappers); default a fresh random one. */
  token?: string;
  /** Interval of the SSE keep-alive comment. */
  pingMs?: number;
  maxBodyBytes?: number;
  /** Language of terminal lines and start-up errors. */
  language?: Language;
}

export interface WebServer {
  /** http://127.0.0.1:<port>/?token=<token> — what the CLI prints and opens. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const refusalPage: Record<GateRefusal, NoticePage> = {
  wrongHost: 'wrongHost',
  foreignOrigin: 'foreignOrigin',
  tokenRequired: 'unauthorized',
};

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? (() => {});
  const t = createI18n(options.language ?? defaultLanguage).t;
  const token = options.token ?? generateToken();
  if (!isWellFormedToken(token)) throw new Error('startWebServer: the token must be 32–256 base64url characters');
  const rendererDir = options.rendererDir ?? path.join(repoRoot, 'dist-renderer');
  const pingMs = options.pingMs ?? DEFAULT_PING_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  if (options.buildRenderer ?? options.rendererDir === undefined) {
    try {
      await ensureRendererBuilt({ root: repoRoot, log, messages: { building: t('web.building'), built: t('web.built') } });
    } catch (err) {
      throw new Error(t('web.cannotBuild', { dir: rendererDir, reason: err instanceof Error ? err.message : String(err) }), { cause: err });
    }
  }

  const streams = new Set<() => void>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    const acceptLanguage = req.headers['accept-language'];
    const target = parseRequestTarget(req.url);
    const isApi = target?.segments[0] === 'api' || (req.url ?? '').startsWith('/api/');
    const isHead = req.method === 'HEAD';

    // The token in the address is honoured only on the first page load, GET /.
    const firstLoad = target !== null && target.segments.length === 0 && (req.method === 'GET' || isHead);
    const gate = checkRequest({ headers: req.headers, queryToken: firstLoad ? (target.query.get('token') ?? undefined) : undefined }, port, token);
    if (!gate.ok) {
      if (isApi) sendApiError(res, new ApiError('forbidden', `web.errors.${gate.refusal}`), gate.status);
      else sendNoticePage(res, gate.status, refusalPage[gate.refusal], acceptLanguage, { port }, isHead);
      return;
    }
    if (!target) {
      if (isApi) sendApiError(res, new ApiError('validation', 'errors.validation.invalidInput'), 400);
      else sendNoticePage(res, 400, 'badRequest', acceptLanguage, {}, isHead);
      return;
    }

    const [first, second, ...rest] = target.segments;
    if (first === 'api') {
      if (second === undefined || rest.length > 0) {
        sendApiError(res, new ApiError('not_found', 'web.errors.notFound'));
      } else if (second === 'events') {
        if (req.method !== 'GET') {
          sendApiError(res, new ApiError('validation', 'web.errors.methodNotAllowed', { method: String(req.method).slice(0, 20) }), 405, { Allow: 'GET' });
          return;
        }
        const end = openEventStream(req, res, { core: options.core, pingMs });
        streams.add(end);
        res.on('close', () => streams.delete(end));
      } else {
        await handleApiCall(req, res, second, { core: options.core, maxBodyBytes, log });
      }
      return;
    }

    if (req.method !== 'GET' && !isHead) {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
      return;
    }
    if (gate.via === 'query') res.setHeader('Set-Cookie', sessionCookie(port, token));
    const result = await serveStatic(req, res, rendererDir, target.segments);
    if (result === 'not_found') sendNoticePage(res, 404, 'notFound', acceptLanguage, {}, isHead);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`smsdesk serve: ${req.method} ${(req.url ?? '').split('?')[0]} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (res.headersSent) res.destroy();
      else sendApiError(res, new ApiError('internal', 'errors.internal'), 500);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: access from another PC needs TLS and pairing (DESIGN.md §1), not this.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  // Idempotent: a second SIGINT, or a test's cleanup after the CLI's, must not throw.
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      for (const end of streams) end();
      streams.clear();
      server.close((err) => (err ? reject(err) : resolve()));
      // Keep-alive and event-stream sockets would otherwise hold close() open.
      server.closeAllConnections();
    }));

  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, close };
}
