// The renderer is untrusted input (DESIGN.md §2): it lives on app://smsdesk/ and may do nothing else —
// no navigation, no new windows, no permissions, no IPC from any other origin.
import type { SessionLike, WebContentsLike } from './electron-api';

export const APP_SCHEME = 'app';
export const APP_HOST = 'smsdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for a URL on app://smsdesk/ (parsed, so `app://smsdesk.evil/` or `app://x@smsdesk/` do not pass). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

export interface HardenOptions {
  /** Opens an https link the page tried to open in a new window in the system browser. */
  openExternal?: (url: string) => void;
}

/**
 * Denies every navigation away from the loaded page, every new window and every <webview>.
 * In-app routing uses the History API / hash, which does not emit 'will-navigate', so nothing
 * legitimate is lost. An https link opened with target=_blank goes to the system browser.
 */
export function hardenWebContents(webContents: WebContentsLike, options: HardenOptions = {}): void {
  webContents.on('will-navigate', (event) => event.preventDefault());
  webContents.on('will-redirect', (event) => event.preventDefault());
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    if (options.openExternal && isExternalHttps(url)) options.openExternal(url);
    return { action: 'deny' };
  });
}

function isExternalHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** No camera, microphone, notifications-from-page, geolocation …: the page asks for nothing. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
