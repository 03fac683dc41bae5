// The web host over real loopback HTTP: the token/cookie flow, Host/Origin checks before routing,
// /api calls and their error statuses, server-sent events, static files and security headers.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebServer, type WebServer } from '../../../src-main/web/server';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security/csp';
import { createFakeCore, type FakeCore } from './fake-core';
import { openStream, send, type RawRequest, type RawResponse } from './http-client';

const INDEX_HTML = '<!doctype html><html><body><div id="root">fake smsdesk app</div></body></html>';
const APP_JS = 'console.log("app");';

let workDir: string;
let rendererDir: string;
let core: FakeCore;
let server: WebServer;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'smsdesk-web-'));
  rendererDir = path.join(workDir, 'dist-renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'index-abc123.js'), APP_JS);
  await writeFile(path.join(rendererDir, 'assets', 'index-abc123.css'), 'body{margin:0}');
  await writeFile(path.join(rendererDir, '.hidden'), 'dotfile');
  await writeFile(path.join(workDir, 'secret.txt'), 'outside the renderer');
  await symlink(path.join(workDir, 'secret.txt'), path.join(rendererDir, 'link.txt'));
  core = createFakeCore();
  server = await startWebServer({ core, port: 0, rendererDir, buildRenderer: false, pingMs: 50, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

afterEach(() => {
  core.calls.length = 0;
});

const origin = (): string => `http://127.0.0.1:${server.port}`;
const bearer = (): Record<string, string> => ({ authorization: `Bearer ${server.token}` });
const cookieHeader = (): Record<string, string> => ({ cookie: `smsdesk_token_${server.port}=${server.token}` });

function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send({ port: server.port, path, headers });
}

function post(method: string, body: unknown, headers: Record<string, string> = bearer(), extra: Partial<RawRequest> = {}): Promise<RawResponse> {
  return send({
    port: server.port,
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...extra,
  });
}

describe('start-up', () => {
  it('listens on loopback with a fresh 43-character base64url token in the printed URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('makes a different token each run', async () => {
    const other = await startWebServer({ core, rendererDir, buildRenderer: false });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.close();
    }
  });

  it('refuses a malformed fixed token', async () => {
    await expect(startWebServer({ core, rendererDir, buildRenderer: false, token: 'short' })).rejects.toThrow(/token/);
  });
});

describe('token and cookie', () => {
  it('GET /?token=T answers the app with 200 and sets an HttpOnly SameSite=Strict cookie', async () => {
    const res = await get(`/?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const setCookie = res.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`smsdesk_token_${server.port}=${server.token}`);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
  });

  it('the cookie then opens the app, its assets and the API', async () => {
    const page = await get('/', cookieHeader());
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const js = await get('/assets/index-abc123.js', cookieHeader());
    expect(js.status).toBe(200);
    expect(js.body).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const api = await post('app.info', {}, { ...cookieHeader(), origin: origin() });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ version: '0.0.0-test', testMode: true });
  });

  it('GET / without a token answers 401 with a page in zh-TW and English pointing to the terminal', async () => {
    const res = await get('/');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('請開啟 smsdesk 在終端機上顯示的網址');
    expect(res.body).toContain('Please open the address smsdesk printed in the terminal');
    expect(res.body).not.toContain('fake smsdesk app');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('the 401 page follows Accept-Language', async () => {
    const res = await get('/', { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' });
    expect(res.status).toBe(401);
    expect(res.body).toContain('<html lang="ja">');
    expect(res.body).toContain('ターミナル');
    expect(res.body).toContain('Please open the address');
  });

  it('a wrong token in the address, cookie or header is refused', async () => {
    const wrong = 'A'.repeat(43);
    expect((await get(`/?token=${wrong}`)).status).toBe(401);
    expect((await get('/', { cookie: `smsdesk_token_${server.port}=${wrong}` })).status).toBe(401);
    expect((await post('app.info', {}, { authorization: `Bearer ${wrong}` })).status).toBe(401);
  });

  it('a cookie of another smsdesk server (other port) does not open this one', async () => {
    const res = await get('/', { cookie: `smsdesk_token_${server.port + 1}=${server.token}` });
    expect(res.status).toBe(401);
  });

  it('?token= is honoured only on GET /, not on assets or the API', async () => {
    expect((await get(`/assets/index-abc123.js?token=${server.token}`)).status).toBe(401);
    const api = await send({ port: server.port, path: `/api/app.info?token=${server.token}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
  });

  it('static assets without a token answer 401', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('console.log');
  });

  it('an /api/ request without the token answers 401 with a JSON error and never reaches the core', async () => {
    const res = await post('app.info', {}, {});
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(JSON.parse(res.body)).toEqual({ error: { kind: 'forbidden', key: 'web.errors.tokenRequired' } });
    expect(core.calls).toEqual([]);
    const events = await get('/api/events');
    expect(events.status).toBe(401);
  });

  it('Authorization: Bearer works without an Origin (scripts, curl)', async () => {
    const res = await post('app.info', {});
    expect(res.status).toBe(200);
    expect(core.calls).toEqual([{ method: 'app.info', input: {} }]);
  });
});

describe('Origin and Host', () => {
  it('refuses a foreign Origin with 403 even with a valid token', async () => {
    const res = await post('app.info', {}, { ...bearer(), origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ error: { kind: 'forbidden', key: 'web.errors.foreignOrigin' } });
    expect(core.calls).toEqual([]);
  });

  it('refuses Origin "null" and this host on another port or scheme', async () => {
    for (const o of ['null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      const res = await post('app.info', {}, { ...bearer(), origin: o });
      expect(res.status, o).toBe(403);
    }
  });

  it('accepts the server\'s own origins, 127.0.0.1 and localhost', async () => {
    for (const o of [origin(), `http://localhost:${server.port}`]) {
      expect((await post('app.info', {}, { ...bearer(), origin: o })).status, o).toBe(200);
    }
  });

  it('a foreign Origin on a page load is refused before the token is looked at', async () => {
    const res = await get(`/?token=${server.token}`, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses any Host other than 127.0.0.1:<port> or localhost:<port> (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `[::1]:${server.port}`, `0.0.0.0:${server.port}`]) {
      const api = await send({ port: server.port, path: '/api/app.info', method: 'POST', headers: { host, ...bearer(), 'content-type': 'application/json' }, body: '{}' });
      expect(api.status, host).toBe(421);
      const page = await send({ port: server.port, path: `/?token=${server.token}`, headers: { host } });
      expect(page.status, host).toBe(421);
      expect(page.body).not.toContain('fake smsdesk app');
    }
    expect(core.calls).toEqual([]);
  });

  it('accepts Host localhost:<port>', async () => {
    const res = await send({ port: server.port, path: '/', headers: { host: `localhost:${server.port}`, ...cookieHeader() } });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/<method>', () => {
  it('maps each error kind to its status with { error } bodies', async () => {
    const cases: [string, unknown, number, string][] = [
      ['messages.get', { id: 7 }, 404, 'not_found'],
      ['no.such.method', {}, 404, 'not_found'],
      ['messages.get', { id: 'seven' }, 400, 'validation'],
      ['messages.cancel', { id: 1 }, 409, 'conflict'],
      ['accounts.setDefault', { name: 'x' }, 403, 'forbidden'],
      ['accounts.balance', {}, 502, 'provider'],
      ['dispatcher.status', {}, 500, 'internal'],
    ];
    for (const [method, input, status, kind] of cases) {
      const res = await post(method, input);
      expect(res.status, method).toBe(status);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(res.body).error.kind, method).toBe(kind);
    }
  });

  it('passes the key and params the UI translates, and hides an internal error\'s text', async () => {
    const notFound = JSON.parse((await post('messages.get', { id: 7 })).body);
    expect(notFound).toEqual({ error: { kind: 'not_found', key: 'errors.notFound.message', params: { id: 7 } } });
    const internal = await post('dispatcher.status', {});
    expect(internal.body).not.toContain('secret detail');
    expect(JSON.parse(internal.body)).toEqual({ error: { kind: 'internal', key: 'errors.internal' } });
  });

  it('treats an empty body as no input', async () => {
    const res = await post('app.info', '');
    expect(res.status).toBe(200);
  });

  it('answers 400 for malformed JSON without calling the core', async () => {
    const res = await post('app.info', '{"oops":');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: { kind: 'validation', key: 'web.errors.malformedJson' } });
    expect(core.calls).toEqual([]);
  });

  it('answers 415 for a body that is not application/json', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post('app.info', '{}', { ...bearer(), 'content-type': type });
      expect(res.status, type).toBe(415);
    }
    const withCharset = await post('app.info', '{}', { ...bearer(), 'content-type': 'application/json; charset=utf-8' });
    expect(withCharset.status).toBe(200);
    expect(core.calls).toHaveLength(1);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await post('messages.send', { to: '0912345678', text: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.key).toBe('web.errors.bodyTooLarge');
    expect(core.calls).toEqual([]);
  });

  it('lets a file-carrying method (a contacts import) past the ordinary limit', async () => {
    const res = await post('contacts.import.preview', { fileName: 'customers.csv', fileBase64: 'QQ=='.repeat(20 * 1024) });
    expect(res.status).not.toBe(413);
    expect(core.calls.map((c) => c.method)).toEqual(['contacts.import.preview']);
  });

  it('answers 405 to anything but POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await send({ port: server.port, path: '/api/app.info', method, headers: bearer() });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
    const postEvents = await post('events', {});
    expect(postEvents.status).toBe(405);
    expect(postEvents.headers.allow).toBe('GET');
    expect(core.calls).toEqual([]);
  });

  it('answers 404 for /api paths that name no method', async () => {
    expect((await post('app.info/extra', {})).status).toBe(404);
    expect((await send({ port: server.port, path: '/api/', method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});

describe('GET /api/events', () => {
  it('flushes headers at once, relays core events as data: lines, pings, and unsubscribes on close', async () => {
    const stream = await openStream({ port: server.port, path: '/api/events', headers: { ...cookieHeader(), origin: origin() } });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    expect(stream.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await vi.waitFor(() => expect(core.listenerCount()).toBe(1));

    core.emit({ type: 'messages.changed', ids: [1, 2], source: 'local' });
    const text = await stream.waitFor((t) => t.includes('data: '));
    expect(text).toContain('data: {"type":"messages.changed","ids":[1,2],"source":"local"}\n\n');

    await stream.waitFor((t) => t.includes(': ping\n\n'));

    stream.close();
    await stream.closed;
    await vi.waitFor(() => expect(core.listenerCount()).toBe(0));
  });

  it('works with a Bearer token (scripts)', async () => {
    const stream = await openStream({ port: server.port, path: '/api/events', headers: bearer() });
    expect(stream.status).toBe(200);
    await vi.waitFor(() => expect(core.listenerCount()).toBe(1));
    core.emit({ type: 'accounts.changed' });
    await stream.waitFor((t) => t.includes('data: {"type":"accounts.changed"}\n\n'));
    stream.close();
    await vi.waitFor(() => expect(core.listenerCount()).toBe(0));
  });

  it('sends its headers before any event or ping exists', async () => {
    const own = createFakeCore();
    // A ping an hour away: the response can only arrive because the headers were flushed at once.
    const other = await startWebServer({ core: own, rendererDir, buildRenderer: false, pingMs: 3_600_000 });
    try {
      const stream = await openStream({ port: other.port, path: '/api/events', headers: { authorization: `Bearer ${other.token}` } });
      expect(stream.status).toBe(200);
      expect(stream.text()).not.toContain('data:');
      stream.close();
    } finally {
      await other.close();
    }
  });

  it('close() ends open streams', async () => {
    const own = createFakeCore();
    const other = await startWebServer({ core: own, rendererDir, buildRenderer: false, pingMs: 3_600_000 });
    const stream = await openStream({ port: other.port, path: '/api/events', headers: { authorization: `Bearer ${other.token}` } });
    await vi.waitFor(() => expect(own.listenerCount()).toBe(1));
    await other.close();
    await stream.closed;
    expect(own.listenerCount()).toBe(0);
    await expect(other.close()).resolves.toBeUndefined();
  });
});

describe('static files', () => {
  it('serves the CSS with its content type and lets hashed assets be cached', async () => {
    const res = await get('/assets/index-abc123.css', cookieHeader());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });

  it('falls back to index.html for client routes, 404 for missing files', async () => {
    const route = await get('/log/today', cookieHeader());
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
    const missing = await get('/assets/missing.js', cookieHeader());
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('fake smsdesk app');
  });

  it('refuses path traversal in every spelling', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00index.html', '/%E0%A4%A']) {
      const res = await get(p, cookieHeader());
      expect(res.status, p).toBe(400);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('refuses a symbolic link out of the folder and dotfiles', async () => {
    const link = await get('/link.txt', cookieHeader());
    expect(link.status).toBe(404);
    expect(link.body).not.toContain('outside the renderer');
    expect((await get('/.hidden', cookieHeader())).status).toBe(404);
  });

  it('answers HEAD without a body and 405 to other methods on pages', async () => {
    const head = await send({ port: server.port, path: '/', method: 'HEAD', headers: cookieHeader() });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const put = await send({ port: server.port, path: '/', method: 'POST', headers: cookieHeader() });
    expect(put.status).toBe(405);
  });
});

describe('security headers', () => {
  it('are on every answer: app, asset, API, events refusal, 401, 403, 421, 404', async () => {
    const answers = await Promise.all([
      get('/', cookieHeader()),
      get('/assets/index-abc123.js', cookieHeader()),
      post('app.info', {}),
      post('messages.get', { id: 9 }),
      get('/'),
      post('app.info', {}, {}),
      post('app.info', {}, { ...bearer(), origin: 'http://evil.example' }),
      send({ port: server.port, path: '/', headers: { host: 'evil.example' } }),
      get('/nope.png', cookieHeader()),
    ]);
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('pages and API answers are never cached', async () => {
    for (const res of [await get(`/?token=${server.token}`), await get('/', cookieHeader()), await post('app.info', {}), await get('/')]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});
