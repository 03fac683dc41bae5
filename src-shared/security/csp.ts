// The one Content-Security-Policy of the renderer, sent as a header by both hosts: the Electron
// host (app://smsdesk/ protocol handler) and the web host (smsdesk serve). Kept here, as a plain
// string, so the two can never drift apart.
//
// Why each part:
// - script-src 'self': no inline or eval'd script; the renderer is built by Vite into files.
// - style-src 'unsafe-inline': antd (cssinjs) injects <style> elements at run time.
// - img-src/font-src data:: antd and dayjs locales embed small images and fonts as data: URLs.
// - connect-src 'self': browser mode calls /api on its own origin; Electron uses IPC, not the network.
// - base-uri/form-action/frame-ancestors: nothing may re-point links, post forms or frame the app.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
