import { describe, expect, it } from 'vitest';
import { denyAllPermissions, hardenWebContents, isAppUrl } from '../../../src-main/electron/security';
import { FakeSession, FakeWebContents } from './fake-electron';

describe('isAppUrl', () => {
  it('accepts pages of app://smsdesk/', () => {
    expect(isAppUrl('app://smsdesk/index.html')).toBe(true);
    expect(isAppUrl('app://smsdesk/')).toBe(true);
    expect(isAppUrl('app://smsdesk/index.html#/log?x=1')).toBe(true);
  });

  it.each([
    'file:///work/dist-renderer/index.html',
    'http://evil.example/',
    'https://smsdesk/',
    'app://other/index.html',
    'app://smsdesk.evil/index.html',
    'app://evil@smsdesk/index.html',
    'app://smsdesk:8080/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses a missing URL', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('prevents every navigation, redirect and <webview>', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc);
    expect(wc.emitPreventable('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(wc.emitPreventable('will-navigate', 'app://smsdesk/other.html').defaultPrevented).toBe(true);
    expect(wc.emitPreventable('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(wc.emitPreventable('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('denies every new window, and sends only https links to the system browser', () => {
    const wc = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(wc, { openExternal: (url) => opened.push(url) });
    for (const url of ['https://www.twsms.com/', 'http://insecure.example/', 'file:///etc/passwd', 'app://smsdesk/index.html', 'javascript:alert(1)']) {
      expect(wc.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.twsms.com/']);
  });

  it('denies new windows without an opener too', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc);
    expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const session = new FakeSession();
    denyAllPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(session.request(permission)).toBe(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://smsdesk', {})).toBe(false);
    }
  });
});
