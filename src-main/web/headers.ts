// Headers on every answer of browser mode: the Electron window's CSP, and no sniffing, framing,
// referrers (the first URL carries the token) or caching of pages and API answers.
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';

export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // Default for everything; static.ts relaxes it only for Vite's content-hashed assets.
  res.setHeader('Cache-Control', 'no-store');
}
