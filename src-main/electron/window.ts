// The main window: a sandboxed page on app://smsdesk/ that talks to the core only through the
// preload's two functions. Closing it hides it to the tray; the dispatcher keeps sending until Quit.
import type { BrowserWindowConstructor, BrowserWindowLike, MainWindowOptions } from './electron-api';
import { APP_ENTRY_URL, denyAllPermissions, hardenWebContents } from './security';

export interface MainWindowParams {
  preloadPath: string;
  title: string;
  icon?: string;
  /** Opens an https link in the system browser (shell.openExternal). */
  openExternal?: (url: string) => void;
  /** Start hidden (e.g. launched at login); the tray opens it. */
  startHidden?: boolean;
  url?: string;
}

export function mainWindowOptions(params: Pick<MainWindowParams, 'preloadPath' | 'title' | 'icon'>): MainWindowOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so the operator never sees an empty white frame.
    show: false,
    title: params.title,
    ...(params.icon ? { icon: params.icon } : {}),
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: params.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A file dropped on the window would otherwise navigate to it.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

export function createMainWindow(electron: { BrowserWindow: BrowserWindowConstructor }, params: MainWindowParams): BrowserWindowLike {
  const win = new electron.BrowserWindow(mainWindowOptions(params));
  hardenWebContents(win.webContents, params.openExternal ? { openExternal: params.openExternal } : {});
  denyAllPermissions(win.webContents.session);
  if (!params.startHidden) win.once('ready-to-show', () => win.show());
  // A failed load (e.g. dist-renderer missing) leaves the window blank; say why on the console.
  win.loadURL(params.url ?? APP_ENTRY_URL).catch((err: unknown) => console.error('smsdesk: the window could not load the app:', err));
  return win;
}

/** Closing the window hides it, unless the app is quitting (then the close goes through). */
export function hideOnClose(win: BrowserWindowLike, isQuitting: () => boolean): void {
  win.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
}

/** Bring the window to the front: from the tray, a second launch, or the macOS dock. */
export function showWindow(win: BrowserWindowLike | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
