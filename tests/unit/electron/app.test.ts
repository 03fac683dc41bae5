import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api';
import type { CoreOptions } from '../../../src-main/core/types';
import { APP_ID, runApp, type HostDeps } from '../../../src-main/electron/app';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src-main/electron/ipc';
import { FakeBrowserWindow, FakeTray, createFakeElectron, type FakeMenu } from './fake-electron';
import { createFakeCore, flush, type FakeCore } from './fake-core';

const appRoot = path.resolve('/opt/smsdesk-app');
const nativePath = path.join(appRoot, '.cache', 'electron-native', '45.4.1', 'better_sqlite3.node');

function start(overrides: Partial<HostDeps> = {}, setup?: (e: ReturnType<typeof createFakeElectron>) => void) {
  const electron = createFakeElectron();
  setup?.(electron);
  const core = createFakeCore({ language: 'en' });
  const coreOptions: Array<CoreOptions & { migrationsDir: string }> = [];
  const logged: string[] = [];
  const deps: HostDeps = {
    createCore: async (options) => {
      coreOptions.push(options);
      return core;
    },
    argv: ['/usr/bin/electron', '.', '--data-dir', '/tmp/shop-data'],
    env: {},
    platform: 'linux',
    appRoot,
    mainDir: path.join(appRoot, 'dist-electron'),
    resourcesPath: '/opt/smsdesk-app/resources',
    electronVersion: '45.4.1',
    fileExists: (file) => file === nativePath,
    log: (message) => logged.push(message),
    ...overrides,
  };
  const handle = runApp(electron, deps);
  return { electron, core, coreOptions, handle, logged };
}

async function started(overrides: Partial<HostDeps> = {}) {
  const ctx = start(overrides);
  ctx.electron.app.makeReady();
  await ctx.handle.started;
  await flush();
  const win = FakeBrowserWindow.instances[0]!;
  const tray = FakeTray.instances[0]!;
  return { ...ctx, win, tray, core: ctx.core as FakeCore };
}

describe('before ready', () => {
  it('registers the app:// scheme and sets the data dir from --data-dir', () => {
    const { electron, handle } = start();
    expect(electron.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(electron.app.paths.get('userData')).toBe(path.resolve('/tmp/shop-data'));
    expect(electron.app.paths.get('sessionData')).toBe(path.join(path.resolve('/tmp/shop-data'), 'chromium'));
    expect(handle.dataDir).toBe(path.resolve('/tmp/shop-data'));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('takes SMSDESK_DATA_DIR, then the platform default, when there is no flag', () => {
    const fromEnv = start({ argv: ['smsdesk'], env: { SMSDESK_DATA_DIR: '/srv/sms' } });
    expect(fromEnv.electron.app.paths.get('userData')).toBe(path.resolve('/srv/sms'));
    const fallback = start({ argv: ['smsdesk'], env: { XDG_CONFIG_HOME: '/home/u/.cfg' } });
    expect(fallback.electron.app.paths.get('userData')).toBe(path.join('/home/u/.cfg', 'smsdesk'));
    const withEquals = start({ argv: ['smsdesk', '--data-dir=/d/x'], env: { SMSDESK_DATA_DIR: '/srv/sms' } });
    expect(withEquals.electron.app.paths.get('userData')).toBe(path.resolve('/d/x'));
  });

  it('sets the Windows app user model id', () => {
    const { electron } = start({ platform: 'win32' });
    expect(electron.app.userModelId).toBe(APP_ID);
  });

  it('quits at once when another instance holds the lock', async () => {
    const { electron, handle, coreOptions } = start({}, (e) => (e.app.gotLock = false));
    expect(electron.app.quitCalls).toBe(1);
    electron.app.makeReady();
    await handle.started;
    await flush();
    expect(coreOptions).toHaveLength(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('start', () => {
  it('opens the core with the Electron build of better-sqlite3', async () => {
    const { coreOptions } = await started();
    expect(coreOptions).toEqual([
      {
        dataDir: path.resolve('/tmp/shop-data'),
        nativeBinding: nativePath,
        version: '0.1.0-test',
        migrationsDir: path.join(appRoot, 'migrations'),
      },
    ]);
  });

  it('opens the window on app://smsdesk/ with the bundled preload, and serves dist-renderer', async () => {
    const { win, electron } = await started();
    expect(win.options.webPreferences.preload).toBe(path.join(appRoot, 'dist-electron', 'preload.cjs'));
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.options.icon).toBe(path.join(appRoot, 'build', 'icon.png'));
    expect(win.loadedUrls).toEqual(['app://smsdesk/index.html']);
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect(electron.session.defaultSession.request('media')).toBe(false);
    expect(electron.Menu.applicationMenu).toBeNull();
  });

  it('keeps the macOS application menu and uses template tray icons there', async () => {
    const { electron, tray } = await started({ platform: 'darwin' });
    expect(electron.Menu.applicationMenu).toBe('unset');
    expect(tray.image).toBe(path.join(appRoot, 'build', 'trayTemplate.png'));
  });

  it('answers IPC from the window and forwards core events to it', async () => {
    const { electron, core, win } = await started();
    const result = await electron.ipcMain.invokeFrom('app://smsdesk/index.html', INVOKE_CHANNEL, 'app.info', {});
    expect(result).toMatchObject({ ok: true, value: { language: 'en' } });
    const refused = await electron.ipcMain.invokeFrom('file:///tmp/evil.html', INVOKE_CHANNEL, 'app.info', {});
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    core.emit({ type: 'messages.changed', ids: [3], source: 'local' });
    expect(win.webContents.sent).toContainEqual({ channel: EVENT_CHANNEL, args: [{ type: 'messages.changed', ids: [3], source: 'local' }] });
  });

  it('hardens every web contents the app creates', async () => {
    const { electron } = await started();
    const { FakeWebContents } = await import('./fake-electron');
    const other = new FakeWebContents();
    electron.app.emitPreventable('web-contents-created', other);
    expect(other.emitPreventable('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('shows a tray in the language of the ui.language setting', async () => {
    const { tray } = await started();
    expect((tray.menu as FakeMenu).item('open').label).toBe('Open smsdesk');
    expect((tray.menu as FakeMenu).item('pause').label).toBe('Pause sending');
  });

  it('refuses to start without the Electron native build: a dialog naming the path, then exit', async () => {
    const ctx = start({ fileExists: () => false });
    ctx.electron.app.makeReady();
    await ctx.handle.started;
    expect(ctx.coreOptions).toHaveLength(0);
    expect(ctx.electron.app.exitCode).toBe(1);
    expect(ctx.electron.dialog.errors).toHaveLength(1);
    expect(ctx.electron.dialog.errors[0]!.content).toContain(nativePath);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('explains, translated, a database the core refuses', async () => {
    const ctx = start({
      createCore: async () => {
        throw new ApiError('conflict', 'errors.database.newer', { found: 9, supported: 1 });
      },
    });
    ctx.electron.app.locale = 'en-US';
    ctx.electron.app.makeReady();
    await ctx.handle.started;
    expect(ctx.electron.app.exitCode).toBe(1);
    const [error] = ctx.electron.dialog.errors;
    expect(error?.content).toContain('schema version 9');
    expect(error?.content).not.toContain('errors.database.newer');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('window, tray and quit', () => {
  it('closing the window hides it; the app keeps running', async () => {
    const { win, electron, core } = await started();
    win.emitRaw('ready-to-show');
    expect(win.visible).toBe(true);
    const event = win.userClose();
    expect(event.defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
    expect(win.destroyed).toBe(false);
    expect(electron.app.emitPreventable('window-all-closed').defaultPrevented).toBe(false);
    expect(electron.app.quitted).toBe(false);
    expect(core.closed).toBe(false);
  });

  it('lets Windows shut down: after session-end the window really closes', async () => {
    const { win } = await started({ platform: 'win32' });
    win.emitPreventable('session-end');
    expect(win.userClose().defaultPrevented).toBe(false);
    expect(win.destroyed).toBe(true);
  });

  it('a second launch and the tray bring the window back', async () => {
    const { win, electron, tray } = await started();
    win.userClose();
    electron.app.emitPreventable('second-instance', ['smsdesk'], '/');
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);
    win.userClose();
    (tray.menu as FakeMenu).item('open').click?.();
    expect(win.visible).toBe(true);
  });

  it('Quit from the tray really quits: the window closes, the database closes first', async () => {
    const { win, electron, core, tray, handle } = await started();
    let releaseClose = () => {};
    core.closeGate = new Promise<void>((resolve) => (releaseClose = resolve));
    (tray.menu as FakeMenu).item('quit').click?.();
    expect(handle.isQuitting()).toBe(true);
    expect(win.destroyed).toBe(true);
    expect(tray.destroyed).toBe(true);
    // 'will-quit' is held while the database closes…
    await flush();
    expect(electron.app.quitted).toBe(false);
    // …and the app quits once it is closed.
    releaseClose();
    await flush();
    expect(core.closed).toBe(true);
    expect(electron.app.quitted).toBe(true);
  });

  it('Pause sending from the tray pauses the dispatcher', async () => {
    const { core, tray } = await started();
    (tray.menu as FakeMenu).item('pause').click?.();
    await flush();
    expect(core.paused).toBe(true);
    expect((tray.menu as FakeMenu).item('resume').label).toBe('Resume sending');
  });
});
