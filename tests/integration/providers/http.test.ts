// The HTTP helper over real sockets: a TLS handshake that fails never reached the provider (retry);
// an answer cut off after the request was written is unknown; Retry-After as an HTTP date.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpClient } from '../../../src-main/core/providers/http';

async function server(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); }));
  return `127.0.0.1:${(s.address() as AddressInfo).port}`;
}

function client(baseUrl: string, secret = 'tok3n') {
  const c = createHttpClient({ baseUrl, secrets: [secret], timeouts: { connectMs: 2000, headersMs: 300, bodyMs: 300 }, now: () => Date.UTC(2026, 5, 1) });
  onTestFinished(() => c.close());
  return c;
}

describe('createHttpClient', () => {
  it('a failed TLS handshake (https to a plain HTTP port) → retry, nothing was sent', async () => {
    let requests = 0;
    const host = await server((_req, res) => { requests++; res.end('x'); });
    const r = await client(`https://${host}`).call({ method: 'POST', path: '/send', body: 'password=tok3n' });
    expect(r).toMatchObject({ ok: false, kind: 'retry', problem: { key: 'providers.http.tls' } });
    expect(requests).toBe(0);
  });

  it('headers sent, then the body stalls → unknown (body timeout)', async () => {
    const host = await server((_req, res) => { res.writeHead(200, { 'content-length': '100' }); res.write('{"code":'); });
    const r = await client(`http://${host}`).call({ method: 'GET', path: '/q' });
    expect(r).toMatchObject({ ok: false, kind: 'unknown', problem: { code: 'UND_ERR_BODY_TIMEOUT', key: 'providers.http.bodyTimeout' } });
  });

  it('503 with Retry-After as an HTTP date; the body words are kept without the secret', async () => {
    const host = await server((_req, res) => { res.writeHead(503, { 'retry-after': new Date(Date.UTC(2026, 5, 1) + 45_000).toUTCString() }); res.end('busy for tok3n at http://x/y?password=tok3n'); });
    const r = await client(`http://${host}`).call({ method: 'GET', path: '/q' });
    expect(r).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: 45_000, problem: { code: 'http_503' } });
    expect(JSON.stringify(r)).not.toContain('tok3n');
  });

  it('answers other statuses to the adapter, with the body', async () => {
    const host = await server((_req, res) => { res.writeHead(400, { 'content-type': 'application/json' }); res.end('{"code":21211}'); });
    const r = await client(`http://${host}`).call({ method: 'POST', path: '/m', body: 'a=1' });
    expect(r).toMatchObject({ ok: true, status: 400, body: '{"code":21211}' });
  });
});
