import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, registerAppProtocol, registerSchemePrivileges, resolveRendererFile } from '../../../src-main/electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security/csp';
import { FakeProtocol } from './fake-electron';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let tmp: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smsdesk-protocol-'));
  rendererDir = path.join(tmp, 'dist-renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>smsdesk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(rendererDir, 'assets', '中文 file.svg'), '<svg/>');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as privileged: standard, secure, fetch', () => {
    const protocol = new FakeProtocol();
    registerSchemePrivileges(protocol);
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
  });

  it('is handled with the renderer handler', async () => {
    const protocol = new FakeProtocol();
    registerAppProtocol(protocol, rendererDir);
    const res = await protocol.handlers.get('app')!(new Request('app://smsdesk/'));
    expect(res.status).toBe(200);
  });

  it('exports the issue\'s CSP, verbatim, from one place', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(CSP);
  });
});

describe('app://smsdesk/ handler', () => {
  it('serves index.html for / and /index.html, with the CSP header', async () => {
    for (const url of ['app://smsdesk/', 'app://smsdesk/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>smsdesk</title>');
    }
  });

  it('serves assets with their content type, ignoring query and hash', async () => {
    const js = await get('app://smsdesk/assets/app.js?v=1#x');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://smsdesk/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const encoded = await get('app://smsdesk/assets/%E4%B8%AD%E6%96%87%20file.svg');
    expect(encoded.status).toBe(200);
    expect(encoded.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://smsdesk/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it.each([
    'app://smsdesk/..%2fsecret.txt',
    'app://smsdesk/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://smsdesk/assets/..%2f..%2fsecret.txt',
    'app://smsdesk/..%5csecret.txt',
    'app://smsdesk/%2e%2e%2fsecret.txt',
    'app://smsdesk/index.html%00.png',
    'app://smsdesk/%E0%A4%A',
  ])('refuses path traversal and malformed paths: %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).not.toContain('secret');
  });

  it('refuses a symlink that leads out of the renderer folder', async () => {
    const res = await get('app://smsdesk/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toBe('secret');
  });

  it('answers 404, with the CSP, for a missing file or another host', async () => {
    for (const url of ['app://smsdesk/nope.js', 'app://other/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await get('app://smsdesk/index.html', 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });
});

describe('resolveRendererFile', () => {
  it('maps inside the folder and refuses anything outside', () => {
    expect(resolveRendererFile('/r', '/')).toBe(path.resolve('/r/index.html'));
    expect(resolveRendererFile('/r', '/assets/a.js')).toBe(path.resolve('/r/assets/a.js'));
    expect(resolveRendererFile('/r', '/..%2fx')).toBeNull();
    expect(resolveRendererFile('/r', '/a/..%2f..%2fx')).toBeNull();
    expect(resolveRendererFile('/r', '/%00')).toBeNull();
    expect(resolveRendererFile('/r', '/%ZZ')).toBeNull();
  });
});
