// Who may talk to browser mode: the per-run token (cookie, Bearer header, or ?token= on the first
// page load), and only through the exact Host and Origin of this server. All of it runs before
// routing, so no handler can forget a check.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** 32 random bytes, base64url without padding (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens a caller may choose (tests, a wrapper script): long enough and safe inside a cookie and a URL. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32,256}$/.test(token);
}

/**
 * Constant-time comparison. Hashing both sides first gives equal-length buffers, so neither the
 * content nor the length of the expected token leaks through timing.
 */
export function tokensEqual(candidate: string, expected: string): boolean {
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The port is part of the name: cookies ignore ports, and two servers on one PC must not overwrite each other's. */
export function cookieName(port: number): string {
  return `smsdesk_token_${port}`;
}

export function sessionCookie(port: number, token: string): string {
  // No Secure flag: this is plain HTTP on loopback. No Max-Age: the token dies with the server anyway.
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Every value of the named cookie (a browser may send duplicates). */
export function readCookies(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export function readBearer(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Host must name this server exactly; anything else may be a DNS-rebinding page reaching for loopback. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** No Origin (curl, scripts) is fine; a present Origin must be this server's own (including "null", which is refused). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const o = origin.toLowerCase();
  return o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
}

export type GateRefusal = 'wrongHost' | 'foreignOrigin' | 'tokenRequired';
export type GateResult = { ok: true; via: 'cookie' | 'bearer' | 'query' } | { ok: false; refusal: GateRefusal; status: number };

export interface GateRequest {
  headers: IncomingHttpHeaders;
  /** The token from `?token=`, only passed for the first page load (GET /). */
  queryToken?: string | undefined;
}

/** The checks every request passes before routing, in this order: Host, Origin, token. */
export function checkRequest(req: GateRequest, port: number, token: string): GateResult {
  if (!isAllowedHost(req.headers.host, port)) return { ok: false, refusal: 'wrongHost', status: 421 };
  const origin = req.headers.origin;
  if (!isAllowedOrigin(Array.isArray(origin) ? origin[0] : origin, port)) return { ok: false, refusal: 'foreignOrigin', status: 403 };
  // Evaluate every candidate instead of returning at the first match, so timing says nothing about which one was tried.
  const cookieOk = readCookies(req.headers.cookie, cookieName(port)).some((c) => tokensEqual(c, token));
  const bearer = readBearer(req.headers.authorization);
  const bearerOk = bearer !== undefined && tokensEqual(bearer, token);
  const queryOk = req.queryToken !== undefined && tokensEqual(req.queryToken, token);
  if (queryOk) return { ok: true, via: 'query' };
  if (bearerOk) return { ok: true, via: 'bearer' };
  if (cookieOk) return { ok: true, via: 'cookie' };
  return { ok: false, refusal: 'tokenRequired', status: 401 };
}
