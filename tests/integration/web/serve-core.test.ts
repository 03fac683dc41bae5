// Browser mode end to end below the UI: the real core on a temp data dir behind the web host, driven
// only through HTTP the way the renderer's fetch + SSE transport does it.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src-main/core';
import { startWebServer, type WebServer } from '../../../src-main/web/server';
import { openStream, send, type RawResponse } from '../../unit/web/http-client';

let dir: string;
let core: Core;
let server: WebServer;
let cookie: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smsdesk-serve-'));
  const rendererDir = path.join(dir, 'dist-renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>smsdesk</title>');
  core = await createCore({ dataDir: path.join(dir, 'data'), log: () => {} });
  server = await startWebServer({ core, rendererDir, buildRenderer: false });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A call as the page makes it: cookie from the first load, same-origin Origin, JSON body. */
async function call(method: string, input: unknown): Promise<RawResponse> {
  return send({
    port: server.port,
    path: `/api/${method}`,
    method: 'POST',
    headers: { cookie, origin: `http://127.0.0.1:${server.port}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

describe('smsdesk serve with the real core', () => {
  it('the first page load with the printed URL gives the cookie the page then uses', async () => {
    const first = await send({ port: server.port, path: new URL(server.url).pathname + new URL(server.url).search });
    expect(first.status).toBe(200);
    cookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toContain(server.token);

    const info = await call('app.info', {});
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ testMode: true, dataDir: path.join(dir, 'data') });
  });

  it('sends a message with messages.send, announces it over SSE, lists it and sees it delivered', async () => {
    const speedUp = await call('settings.set', { key: 'sandbox.deliveryDelayMs', value: 0 });
    expect(speedUp.status).toBe(200);

    const stream = await openStream({ port: server.port, path: '/api/events', headers: { cookie } });
    expect(stream.status).toBe(200);

    const sent = await call('messages.send', { to: '0912 345 678', text: '【測試店】您好' });
    expect(sent.status).toBe(200);
    const { messages, rejected } = JSON.parse(sent.body) as { messages: { id: number; to: string; status: string }[]; rejected: unknown[] };
    expect(rejected).toEqual([]);
    expect(messages).toHaveLength(1);
    const id = messages[0]!.id;
    expect(messages[0]!.to).toBe('+886912345678');

    await stream.waitFor((t) => t.includes('"type":"messages.changed"'));

    const listed = await call('messages.list', {});
    expect(listed.status).toBe(200);
    const list = JSON.parse(listed.body) as { messages: { id: number; text: string; origin: string; segments: number }[] };
    expect(list.messages.find((m) => m.id === id)).toMatchObject({ text: '【測試店】您好', origin: 'composer', segments: 1 });

    // The dispatcher runs on its own in this process; wait (bounded by the test timeout) for the sandbox's report.
    await vi.waitFor(async () => {
      const got = JSON.parse((await call('messages.get', { id })).body) as { status: string };
      expect(got.status).toBe('delivered');
    }, { timeout: 15_000, interval: 100 });
    stream.close();
  });

  it('validation errors from the core come back as 400 with the contract\'s error shape', async () => {
    const res = await call('messages.send', { to: '0912345678' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { kind: 'validation', key: 'errors.validation.invalidInput' } });
    const missing = await call('messages.get', { id: 999_999 });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.kind).toBe('not_found');
  });
});
