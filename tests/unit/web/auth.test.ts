import { describe, expect, it } from 'vitest';
import {
  checkRequest, cookieName, generateToken, isAllowedHost, isAllowedOrigin, isWellFormedToken, readBearer, readCookies, sessionCookie, tokensEqual,
} from '../../../src-main/web/auth';

const PORT = 45123;
const TOKEN = generateToken();

describe('tokens', () => {
  it('are 32 random bytes as base64url without padding', () => {
    const tokens = new Set(Array.from({ length: 50 }, generateToken));
    expect(tokens.size).toBe(50);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(isWellFormedToken(t)).toBe(true);
    }
  });

  it('compare equal only when identical, whatever the lengths', () => {
    expect(tokensEqual(TOKEN, TOKEN)).toBe(true);
    expect(tokensEqual(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(tokensEqual(TOKEN + 'x', TOKEN)).toBe(false);
    expect(tokensEqual('', TOKEN)).toBe(false);
  });

  it('refuses fixed tokens that are short or unsafe in a cookie', () => {
    expect(isWellFormedToken('abc')).toBe(false);
    expect(isWellFormedToken('a'.repeat(40) + ';x=1')).toBe(false);
  });
});

describe('cookie and header parsing', () => {
  it('builds an HttpOnly, SameSite=Strict, Path=/ cookie named after the port', () => {
    expect(sessionCookie(PORT, TOKEN)).toBe(`smsdesk_token_${PORT}=${TOKEN}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('reads every value of one cookie among others', () => {
    const name = cookieName(PORT);
    expect(readCookies(`a=1; ${name}=x; b=2;${name}=y`, name)).toEqual(['x', 'y']);
    expect(readCookies(undefined, name)).toEqual([]);
    expect(readCookies('smsdesk_token_1=z', name)).toEqual([]);
  });

  it('reads a Bearer token', () => {
    expect(readBearer(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(readBearer(`bearer ${TOKEN}`)).toBe(TOKEN);
    expect(readBearer(`Basic ${TOKEN}`)).toBeUndefined();
    expect(readBearer(undefined)).toBeUndefined();
  });
});

describe('Host and Origin', () => {
  it('accept exactly this server', () => {
    expect(isAllowedHost(`127.0.0.1:${PORT}`, PORT)).toBe(true);
    expect(isAllowedHost(`LOCALHOST:${PORT}`, PORT)).toBe(true);
    expect(isAllowedHost('127.0.0.1', PORT)).toBe(false);
    expect(isAllowedHost(`attacker.example:${PORT}`, PORT)).toBe(false);
    expect(isAllowedHost(`127.0.0.1:${PORT}.attacker.example`, PORT)).toBe(false);
    expect(isAllowedHost(undefined, PORT)).toBe(false);
    expect(isAllowedOrigin(undefined, PORT)).toBe(true);
    expect(isAllowedOrigin(`http://localhost:${PORT}`, PORT)).toBe(true);
    expect(isAllowedOrigin('null', PORT)).toBe(false);
    expect(isAllowedOrigin(`http://127.0.0.1:${PORT}/`, PORT)).toBe(false);
  });
});

describe('checkRequest', () => {
  const host = `127.0.0.1:${PORT}`;

  it('checks Host, then Origin, then the token', () => {
    expect(checkRequest({ headers: { host: 'evil:1', origin: 'http://evil' } }, PORT, TOKEN)).toEqual({ ok: false, refusal: 'wrongHost', status: 421 });
    expect(checkRequest({ headers: { host, origin: 'http://evil' }, queryToken: TOKEN }, PORT, TOKEN)).toEqual({ ok: false, refusal: 'foreignOrigin', status: 403 });
    expect(checkRequest({ headers: { host } }, PORT, TOKEN)).toEqual({ ok: false, refusal: 'tokenRequired', status: 401 });
  });

  it('says where a valid token came from', () => {
    expect(checkRequest({ headers: { host }, queryToken: TOKEN }, PORT, TOKEN)).toEqual({ ok: true, via: 'query' });
    expect(checkRequest({ headers: { host, authorization: `Bearer ${TOKEN}` } }, PORT, TOKEN)).toEqual({ ok: true, via: 'bearer' });
    expect(checkRequest({ headers: { host, cookie: `${cookieName(PORT)}=${TOKEN}` } }, PORT, TOKEN)).toEqual({ ok: true, via: 'cookie' });
    expect(checkRequest({ headers: { host, cookie: `${cookieName(PORT)}=nope` }, queryToken: 'nope' }, PORT, TOKEN).ok).toBe(false);
  });
});
