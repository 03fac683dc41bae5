// The Electron host's wiring, with the electron API passed in (main.ts passes the real one, the unit
// tests a fake): data dir, single-instance lock, the native module, the core, the app:// protocol,
// IPC, the window that hides to the tray, the tray, and a quit that closes the database cleanly.
import path from 'node:path';
import { ApiError } from '../../src-shared/api';
import { createI18n, toLanguage, type Language } from '../../src-shared/i18n';
import { resolveDataDir } from '../core/paths';
import type { Core, CoreOptions } from '../core/types';
import { dataDirFlag, startHidden } from './args';
import type { BrowserWindowLike, ElectronApi, WebContentsLike } from './electron-api';
import { forwardEvents, registerIpc } from './ipc';
import { locateNativeBinding } from './native-binding';
import { registerAppProtocol, registerSchemePrivileges } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createTrayController, type HostI18n, type Translate, type TrayController, type TrayIcons } from './tray';
import { createMainWindow, hideOnClose, showWindow } from './window';
import { startNotifier } from './notifier';
import { APP_ENTRY_URL } from './security';
import { applyLoginItem, readDesktopSettings } from './desktop-settings';
import { serveIntegrationWhileLeased, type IntegrationHost } from '../integration/while-leased';

/** Also electron-builder.yml's appId: Windows groups the taskbar and notifications by it. */
export const APP_ID = 'tw.smsdesk.app';

export interface HostDeps {
  createCore(options: CoreOptions & { migrationsDir: string }): Promise<Core>;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The folder holding dist-electron/, dist-renderer/, migrations/ (app.asar when packaged). */
  appRoot: string;
  /** The folder of main.cjs, which holds preload.cjs. */
  mainDir: string;
  /** process.resourcesPath: extra resources (icons, the native module) of a packaged app. */
  resourcesPath: string;
  /** process.versions.electron: picks the matching native build. */
  electronVersion: string;
  fileExists(file: string): boolean;
  log?(message: string, err?: unknown): void;
}

export interface HostHandle {
  /** Settles once the window, tray and IPC are up, or the start failed and the app is exiting. */
  readonly started: Promise<void>;
  readonly dataDir: string;
  window(): BrowserWindowLike | null;
  tray(): TrayController | null;
  core(): Core | null;
  isQuitting(): boolean;
}

function hostI18n(language: Language): HostI18n {
  const i18n = createI18n(language);
  return {
    t: (key, params) => i18n.t(key, params ?? {}),
    changeLanguage: (lang) => i18n.changeLanguage(lang),
  };
}

export function iconPaths(isPackaged: boolean, deps: Pick<HostDeps, 'appRoot' | 'resourcesPath' | 'platform'>): { window: string; tray: TrayIcons } {
  const dir = isPackaged ? path.join(deps.resourcesPath, 'icons') : path.join(deps.appRoot, 'build');
  // macOS menu bar icons are monochrome "template" images the system tints for light/dark bars.
  const mac = deps.platform === 'darwin';
  return {
    window: path.join(dir, 'icon.png'),
    tray: {
      normal: path.join(dir, mac ? 'trayTemplate.png' : 'tray.png'),
      paused: path.join(dir, mac ? 'trayPausedTemplate.png' : 'tray-paused.png'),
      sending: path.join(dir, mac ? 'traySendingTemplate.png' : 'tray-sending.png'),
      attention: path.join(dir, mac ? 'trayAttentionTemplate.png' : 'tray-attention.png'),
    },
  };
}

function describeError(err: unknown, t: Translate): string {
  if (err instanceof ApiError) return t(err.key, err.params);
  return err instanceof Error ? err.message : String(err);
}

export function runApp(electron: ElectronApi, deps: HostDeps): HostHandle {
  const { app } = electron;
  const log = deps.log ?? ((message: string, err?: unknown) => console.error(`smsdesk: ${message}`, err ?? ''));

  // Both must happen before 'ready'. userData is also what the single-instance lock is keyed on, so
  // two different data dirs may run side by side, but never two apps on one data dir.
  registerSchemePrivileges(electron.protocol);
  const dataDir = resolveDataDir(dataDirFlag(deps.argv), deps.env);
  app.setPath('userData', dataDir);
  // Chromium's caches and storage in a sub-folder, apart from smsdesk.db and its backups.
  app.setPath('sessionData', path.join(dataDir, 'chromium'));
  if (deps.platform === 'win32') app.setAppUserModelId(APP_ID);

  let quitting = false;
  let win: BrowserWindowLike | null = null;
  let tray: TrayController | null = null;
  let core: Core | null = null;
  let coreClosed = false;
  let stopNotifier: () => void = () => {};
  let integration: IntegrationHost | null = null;

  const handle: HostHandle = {
    started: Promise.resolve(),
    dataDir,
    window: () => win,
    tray: () => tray,
    core: () => core,
    isQuitting: () => quitting,
  };

  if (!app.requestSingleInstanceLock()) {
    // Another smsdesk owns this data dir; it receives 'second-instance' and comes to the front.
    app.quit();
    return handle;
  }

  app.on('second-instance', () => showWindow(win));
  app.on('activate', () => showWindow(win));
  // Quit (tray menu, Cmd+Q, OS shutdown) sets this first, so the window's close is not turned into a hide.
  app.on('before-quit', () => {
    quitting = true;
  });
  // The window only hides; when it is really gone the app still lives in the tray until Quit.
  app.on('window-all-closed', () => {});
  app.on('web-contents-created', (_event, contents: WebContentsLike) => hardenWebContents(contents));
  app.on('will-quit', (event) => {
    tray?.destroy();
    tray = null;
    stopNotifier();
    if (!core || coreClosed) return;
    // Close the database (and release the dispatcher lease) before the process ends.
    event.preventDefault();
    coreClosed = true;
    const closing = core;
    // The integration API's port goes before the lease does, so the next holder can open it.
    (integration?.stop() ?? Promise.resolve())
      .catch((err: unknown) => log('closing the integration API failed', err))
      .then(() => closing.close()).catch((err: unknown) => log('closing the database failed', err)).finally(() => app.quit());
  });

  async function start(): Promise<void> {
    // The system language until the database says otherwise (getLocale() needs 'ready').
    const i18n = hostI18n(toLanguage(app.getLocale()));
    const fail = (message: string): void => {
      electron.dialog.showErrorBox(i18n.t('tray.dialog.startFailedTitle'), message);
      app.exit(1);
    };

    const native = locateNativeBinding(
      { isPackaged: app.isPackaged, resourcesPath: deps.resourcesPath, appRoot: deps.appRoot, electronVersion: deps.electronVersion },
      deps.fileExists,
    );
    if (!native.ok) return fail(i18n.t('tray.dialog.nativeMissing', { path: native.path }));

    try {
      core = await deps.createCore({
        dataDir,
        nativeBinding: native.path,
        version: app.getVersion(),
        migrationsDir: path.join(deps.appRoot, 'migrations'),
      });
    } catch (err) {
      log('the core could not start', err);
      return fail(i18n.t('tray.dialog.startFailed', { reason: describeError(err, i18n.t) }));
    }
    const openedCore = core;

    try {
      const info = (await openedCore.call('app.info', {})) as { language: Language };
      await i18n.changeLanguage(info.language);
    } catch (err) {
      log('app.info failed; the tray keeps the system language', err);
    }

    registerAppProtocol(electron.protocol, path.join(deps.appRoot, 'dist-renderer'));
    denyAllPermissions(electron.session.defaultSession);
    // Windows/Linux: no menu bar (editing shortcuts still work). macOS keeps its default menu,
    // which is where Cmd+C/V/Q live.
    if (deps.platform !== 'darwin') electron.Menu.setApplicationMenu(null);
    registerIpc(electron.ipcMain, openedCore);
    // Start minimised / with the system (issue 7): settings in the database, read before the window opens.
    const desktop = await readDesktopSettings(openedCore).catch((err: unknown) => {
      log('the desktop settings could not be read', err);
      return null;
    });
    if (desktop && app.isPackaged) applyLoginItem(app, desktop.startWithSystem);

    const icons = iconPaths(app.isPackaged, deps);
    const window = createMainWindow(electron, {
      preloadPath: path.join(deps.mainDir, 'preload.cjs'),
      title: i18n.t('common.appName'),
      icon: icons.window,
      openExternal: (url) => {
        electron.shell.openExternal(url).catch((err: unknown) => log('could not open a link', err));
      },
      startHidden: startHidden(deps.argv) || (desktop?.startMinimised ?? false),
    });
    win = window;
    hideOnClose(window, () => quitting);
    // Windows shutdown or log-off skips 'before-quit'; a hidden close there would hold up the shutdown.
    window.on('session-end', () => {
      quitting = true;
    });
    forwardEvents(openedCore, () => (win ? win.webContents : null));

    tray = createTrayController(electron, {
      core: openedCore,
      i18n,
      icons: icons.tray,
      open: () => showWindow(win),
      compose: () => {
        if (!win || win.isDestroyed()) return;
        // A change of the hash only: the page stays, the router shows the composer.
        win.loadURL(`${APP_ENTRY_URL}#/compose`).catch((err: unknown) => log('could not open the composer', err));
        showWindow(win);
      },
      quit: () => app.quit(),
      onError: (err) => log('tray', err),
    });
    integration = serveIntegrationWhileLeased({
      core: openedCore,
      log: (e) => log(e.kind === 'listening' ? `integration API at ${e.url}` : e.kind === 'stopped' ? 'integration API stopped' : `integration API cannot use port ${e.port}: ${e.reason}`),
    });
    stopNotifier = startNotifier(electron, { core: openedCore, t: i18n.t, open: () => showWindow(win), onError: (err) => log('notification', err) });
    openedCore.onEvent((event) => {
      if (event.type !== 'settings.changed' || !app.isPackaged) return;
      readDesktopSettings(openedCore).then((d) => applyLoginItem(app, d.startWithSystem), (err: unknown) => log('the desktop settings could not be read', err));
    });
  }

  return {
    ...handle,
    started: app.whenReady().then(start, (err: unknown) => log('Electron did not become ready', err)),
  };
}
