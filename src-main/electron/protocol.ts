// Serves the built renderer (dist-renderer/) on app://smsdesk/. A privileged standard scheme gives
// the page a real origin (so 'self' in the CSP means something, and the IPC sender check has an
// origin to compare), unlike file://, which every local file shares.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';
import type { ProtocolLike } from './electron-api';
import { APP_HOST, APP_SCHEME } from './security';
import { contentTypeFor } from '../../src-shared/assets/content-types';

/** Must run before app 'ready' (Electron only accepts scheme privileges then). corsEnabled: Vite's build loads its module script with crossorigin. */
export function registerSchemePrivileges(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}


function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The files change with every build; the app is local, so revalidation costs nothing.
    'Cache-Control': 'no-cache',
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

/** The file a request path maps to inside rendererDir, or null when it would leave it. */
export function resolveRendererFile(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/** The request handler for app://smsdesk/ (exported so tests can call it without Electron). */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad Request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not Found');
    const file = resolveRendererFile(root, url.pathname);
    if (!file) return plain(403, 'Forbidden');

    let body: Buffer;
    try {
      // A symlink inside dist-renderer must not lead out of it either.
      const real = await fs.realpath(file);
      const realRoot = await fs.realpath(root);
      const inside = path.relative(realRoot, real);
      if (inside.startsWith('..') || path.isAbsolute(inside)) return plain(403, 'Forbidden');
      body = await fs.readFile(real);
    } catch {
      return plain(404, 'Not Found');
    }
    const type = contentTypeFor(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
  };
}

/** Call after 'ready'. */
export function registerAppProtocol(protocol: Pick<ProtocolLike, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
