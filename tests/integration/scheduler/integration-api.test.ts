// The local integration API over real loopback HTTP against the real core (issue 7): off by default;
// API keys (missing, wrong, revoked); a repeated idempotency key returns the first answer and sends
// nothing more; bad payloads get a translated error and change nothing; and the port goes with the
// dispatcher lease to the next holder.
import net from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { serveIntegrationWhileLeased, type IntegrationHost } from '../../../src-main/integration/while-leased';
import { withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, type TestCore } from '../../helpers/core';
import { waitFor } from '../../helpers/wait-for';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function host(t: TestCore): IntegrationHost {
  const h = serveIntegrationWhileLeased({ core: t.core, log: () => {} });
  onTestFinished(() => h.stop());
  return h;
}

async function serving(options: { clock?: FakeClock; dataDir?: string; port?: number } = {}) {
  const t = await openCore({ ...(options.clock ? { clock: options.clock } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  await t.clock.advanceAsync(0); // the first pass takes the lease
  const port = options.port ?? (await freePort());
  await t.core.call('settings.set', { key: 'integration.port', value: port });
  await t.core.call('settings.set', { key: 'integration.enabled', value: true });
  const h = host(t);
  await h.reconcile();
  const { secret } = await t.core.api['integration.keys.create']({ name: 'POS' });
  return { t, h, port, base: `http://127.0.0.1:${port}`, secret };
}

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { kind: string; key: string; message: string; issues?: { path: string }[] } };
  headers: Headers;
}

async function call(base: string, path: string, init: { method?: string; key?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.key !== undefined) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined || init.raw !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(base + path, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], headers: res.headers };
}

const countMessages = (t: TestCore) => withDb(t.dataDir, (db) => (db.prepare('select count(*) as n from messages').get() as { n: number }).n);

describe('the integration API', () => {
  it('is off by default: nothing listens', async () => {
    const t = await openCore();
    await t.clock.advanceAsync(0);
    const h = host(t);
    await h.reconcile();
    expect(h.url()).toBeNull();
  });

  it('authenticates: a missing, wrong or revoked key is refused with 401 and a translated reason', async () => {
    const { t, base, secret } = await serving();
    const missing = await call(base, '/v1/messages', { body: { to: '0912345678', text: 'hi' } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect(missing.body.error).toMatchObject({ kind: 'forbidden', key: 'integration.errors.noKey', message: '缺少 API 金鑰（Authorization: Bearer <金鑰>）。' });

    const wrong = await call(base, '/v1/messages', { key: secret + 'x', body: { to: '0912345678', text: 'hi' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ key: 'integration.errors.badKey', message: 'The API key is not valid or was revoked.' });

    const ok = await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: 'hi' } });
    expect(ok.status).toBe(201);
    const [key] = (await t.core.api['integration.keys.list']({})).keys;
    await t.core.api['integration.keys.revoke']({ id: key!.id });
    const revoked = await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: 'hi' } });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.key).toBe('integration.errors.badKey');
    expect(countMessages(t)).toBe(1);
    // X-API-Key works too, and a key is only ever stored hashed.
    const second = await t.core.api['integration.keys.create']({ name: 'ERP' });
    const viaHeader = await call(base, '/v1/messages', { body: { to: '0912345678', text: 'hi' }, headers: { 'x-api-key': second.secret } });
    expect(viaHeader.status).toBe(201);
    const stored = withDb(t.dataDir, (db) => db.prepare('select hash, prefix from integration_keys').all() as { hash: string; prefix: string }[]);
    expect(stored.some((r) => r.hash.includes(second.secret) || second.secret.includes(r.hash))).toBe(false);
    expect(second.secret.startsWith(stored[1]!.prefix)).toBe(true);
  });

  it('sends a message with origin api, and GET /v1/messages/<id> reports it', async () => {
    const { t, base, secret } = await serving();
    // 09:00 in Taipei: outside quiet hours, which govern what the API sends (in them it would wait, queued).
    await t.core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    const sent = await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: '您的會員點數已更新' } });
    expect(sent.status).toBe(201);
    const [message] = sent.body.messages as { id: number; status: string }[];
    await t.clock.advanceAsync(0);
    const got = await call(base, `/v1/messages/${message!.id}`, { key: secret });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: message!.id, origin: 'api', status: 'sent', to: '+886912345678' });
    // A message not made through the API is not this caller's business.
    const own = await t.core.api['messages.send']({ to: '0922333444', text: 'counter', origin: 'composer' });
    expect((await call(base, `/v1/messages/${own.messages[0]!.id}`, { key: secret })).status).toBe(404);
    expect((await call(base, '/v1/messages/abc', { key: secret })).status).toBe(404);
  });

  it('answers a repeated idempotency key with the first answer and sends nothing more', async () => {
    const { t, base, secret } = await serving();
    const body = { to: '0912345678', text: 'hi', idempotencyKey: 'order-1001' };
    const first = await call(base, '/v1/messages', { key: secret, body });
    const again = await call(base, '/v1/messages', { key: secret, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.messages).toEqual(first.body.messages);
    expect(again.body.replayed).toBe(true);
    // The header works as well as the field, and both name the same key.
    const viaHeader = await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: 'hi' }, headers: { 'idempotency-key': 'order-1001' } });
    expect(viaHeader.body.messages).toEqual(first.body.messages);
    // Another request under the same key is refused rather than answered with the wrong result.
    const other = await call(base, '/v1/messages', { key: secret, body: { ...body, text: 'something else' } });
    expect(other.status).toBe(409);
    expect(other.body.error?.key).toBe('integration.errors.idempotencyMismatch');
    // Concurrent repeats: one message.
    const burst = await Promise.all([1, 2, 3].map(() => call(base, '/v1/messages', { key: secret, body: { to: '0922333444', text: 'x', idempotencyKey: 'k2' } })));
    expect(new Set(burst.map((b) => JSON.stringify(b.body.messages))).size).toBe(1);
    expect(countMessages(t)).toBe(2);
  });

  it('refuses bad payloads with 4xx, a translated error naming the field, and changes nothing', async () => {
    const { t, base, secret } = await serving();
    const noTo = await call(base, '/v1/messages', { key: secret, body: { text: 'hi' } });
    expect(noTo.status).toBe(400);
    expect(noTo.body.error?.kind).toBe('validation');
    expect(noTo.body.error?.issues?.map((i) => i.path)).toContain('to');
    expect((await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: 'hi', template: 'x' } })).status).toBe(400);
    expect((await call(base, '/v1/messages', { key: secret, body: { to: '0912345678' } })).status).toBe(400);
    expect((await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: 'hi', extra: 1 } })).status).toBe(400);
    expect((await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: 'hi', sendAt: 'tomorrow-ish' } })).body.error?.key).toBe('errors.time.invalid');
    const notJson = await call(base, '/v1/messages', { key: secret, raw: '{"to":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.key).toBe('integration.errors.json');
    expect((await call(base, '/v1/messages', { key: secret, raw: 'to=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await call(base, '/v1/messages', { key: secret, raw: JSON.stringify({ to: '0912345678', text: 'x'.repeat(300_000) }) })).status).toBe(413);
    expect((await call(base, '/v1/nothing', { key: secret })).status).toBe(404);
    expect((await call(base, '/v1/messages', { key: secret, method: 'GET' })).status).toBe(405);
    expect((await call(base, '/v1/events/teleport', { key: secret, body: { to: '0912345678' } })).body.error?.key).toBe('integration.errors.unknownEvent');
    // A web page cannot use the door, even with a key.
    expect((await call(base, '/v1/messages', { key: secret, body: { to: '0912345678', text: 'hi' }, headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect(countMessages(t)).toBe(0);
  });

  it('closes the port when turned off', async () => {
    const { t, h, base, secret } = await serving();
    expect((await call(base, '/v1/messages/1', { key: secret })).status).toBe(404);
    await t.core.call('settings.set', { key: 'integration.enabled', value: false });
    await h.reconcile();
    expect(h.url()).toBeNull();
    await expect(fetch(`${base}/v1/messages/1`)).rejects.toThrow();
  });

  it('goes with the dispatcher lease: the holder that loses it releases the port, the next one opens it', async () => {
    // Two cores on one data dir with clocks of their own: B finds A's heartbeat stale and takes over.
    const a = await serving({ clock: new FakeClock() });
    const clockB = new FakeClock(a.t.clock.now());
    const b = await openCore({ clock: clockB, dataDir: a.t.dataDir });
    const hostB = host(b);
    expect((await call(a.base, '/v1/messages', { key: a.secret, body: { to: '0912345678', text: 'from A' } })).status).toBe(201);

    await clockB.advanceAsync(31_000);
    expect((await b.core.api['dispatcher.status']({})).active).toBe(true);
    await a.t.clock.advanceAsync(10_000); // A's next pass finds the lease gone
    expect((await a.t.core.api['dispatcher.status']({})).active).toBe(false);
    await a.h.reconcile();
    expect(a.h.url()).toBeNull();

    await waitFor(() => hostB.url(), { what: 'the new holder to open the port' });
    expect(hostB.url()).toBe(a.base);
    const viaB = await call(a.base, '/v1/messages', { key: a.secret, body: { to: '0922333444', text: 'from B' } });
    expect(viaB.status).toBe(201);
  });
});
