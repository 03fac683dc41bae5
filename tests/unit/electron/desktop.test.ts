// The desktop's life in the tray (issue 7): start minimised and start with the system from the
// settings, the tray's Compose item, and OS notifications for failures, missed messages, low balance
// and (when asked) each sent batch.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import type { SchedulerStatus } from '../../../src-shared/api/scheduler-schemas';
import { runApp, type HostDeps } from '../../../src-main/electron/app';
import { noticesFor, startNotifier } from '../../../src-main/electron/notifier';
import { FakeBrowserWindow, FakeNotification, FakeTray, createFakeElectron, type FakeMenu } from './fake-electron';
import { createFakeCore, flush } from './fake-core';

const appRoot = path.resolve('/opt/smsdesk-app');
const nativePath = path.join(appRoot, '.cache', 'electron-native', '45.4.1', 'better_sqlite3.node');
const t = (() => {
  const i18n = createI18n('en');
  return (key: string, params?: Record<string, string | number>) => i18n.t(key, params ?? {});
})();

async function startApp(settings: Record<string, boolean>, packaged = true) {
  const electron = createFakeElectron();
  electron.app.isPackaged = packaged;
  const core = createFakeCore({ language: 'en', settings });
  const deps: HostDeps = {
    createCore: async () => core,
    argv: ['/opt/smsdesk/smsdesk'],
    env: {},
    platform: 'linux',
    appRoot,
    mainDir: path.join(appRoot, 'dist-electron'),
    resourcesPath: packaged ? path.join(appRoot, 'resources') : '/nowhere',
    electronVersion: '45.4.1',
    fileExists: (file) => file === nativePath || file.endsWith('better_sqlite3.node'),
    log: () => {},
  };
  const handle = runApp(electron, deps);
  electron.app.makeReady();
  await handle.started;
  await flush();
  return { electron, core, win: FakeBrowserWindow.instances[0]!, tray: FakeTray.instances[0]! };
}

function status(extra: Partial<SchedulerStatus['attention']> = {}): SchedulerStatus {
  return {
    state: 'idle', paused: false, queued: 0, scheduled: 0, nextDueAt: null,
    attention: { failed: 0, missed: 0, unknown: 0, lowBalance: [], pausedAccounts: [], ...extra },
  };
}

describe('start minimised and with the system', () => {
  it('starts hidden in the tray when "start minimised" is on', async () => {
    const { win } = await startApp({ 'scheduler.startMinimised': true });
    win.emitRaw('ready-to-show');
    expect(win.visible).toBe(false);
  });

  it('shows the window when it is off', async () => {
    const { win } = await startApp({ 'scheduler.startMinimised': false });
    win.emitRaw('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('registers the login item (opened hidden) when "start with the system" is on, and removes it when turned off', async () => {
    const { electron, core } = await startApp({ 'scheduler.startWithSystem': true });
    expect(electron.app.loginItem).toEqual({ openAtLogin: true, args: ['--hidden'] });
    core.api['settings.list'] = () => ({ settings: [{ key: 'scheduler.startWithSystem', value: false, isDefault: true }] });
    core.emit({ type: 'settings.changed', keys: ['scheduler.startWithSystem'] });
    await flush();
    expect(electron.app.loginItem).toEqual({ openAtLogin: false });
  });

  it('leaves the login item alone when running from a checkout (it would register the bare Electron binary)', async () => {
    const { electron } = await startApp({ 'scheduler.startWithSystem': true }, false);
    expect(electron.app.loginItem).toBeNull();
  });

  it('the tray menu has Compose, which opens the window on the composer', async () => {
    const { tray, win } = await startApp({});
    (tray.menu as FakeMenu).item('compose').click?.();
    expect(win.visible).toBe(true);
    expect(win.loadedUrls.at(-1)).toBe('app://smsdesk/index.html#/compose');
  });
});

describe('noticesFor', () => {
  it('tells missed messages, also in the first summary after start', () => {
    expect(noticesFor(null, status({ missed: 2 }), t)).toEqual([{ title: 'Timed messages missed', body: expect.stringContaining('2 timed messages') }]);
    expect(noticesFor(status({ missed: 2 }), status({ missed: 3 }), t)[0]?.body).toContain('1 timed messages');
  });

  it('tells new failures and accounts newly low on credit, not old ones at start', () => {
    expect(noticesFor(null, status({ failed: 5, lowBalance: ['twsms'] }), t)).toEqual([]);
    const notices = noticesFor(status({ failed: 5 }), status({ failed: 7, lowBalance: ['twsms'] }), t);
    expect(notices.map((n) => n.title)).toEqual(['Messages failed', 'Low SMS balance']);
    expect(notices[0]!.body).toContain('2 messages failed');
    expect(notices[1]!.body).toContain('twsms');
  });

  it('tells missed reminder-rule runs, also at start, and only the new ones', () => {
    expect(noticesFor(null, status({ missedRuns: 3 }), t)).toEqual([{ title: 'Reminder runs missed', body: expect.stringContaining('3 reminder run(s)') }]);
    expect(noticesFor(status({ missedRuns: 3 }), status({ missedRuns: 4 }), t)[0]?.body).toContain('1 reminder run(s)');
    expect(noticesFor(status({ missedRuns: 3 }), status({ missedRuns: 1 }), t)).toEqual([]);
  });

  it('says nothing when attention went down (dismissed, resent)', () => {
    expect(noticesFor(status({ failed: 3, missed: 2 }), status({ failed: 1, missed: 0 }), t)).toEqual([]);
  });
});

describe('startNotifier', () => {
  it('shows OS notifications from scheduler.status events; a click opens the window', async () => {
    const electron = createFakeElectron();
    const core = createFakeCore();
    const opened: string[] = [];
    startNotifier(electron, { core, t, open: () => opened.push('open') });
    core.emit({ type: 'scheduler.status', status: status() });
    core.emit({ type: 'scheduler.status', status: status({ failed: 1 }) });
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Messages failed']);
    FakeNotification.shown[0]!.click();
    expect(opened).toEqual(['open']);
  });

  it('notifies after each batch only when the setting is on', async () => {
    const electron = createFakeElectron();
    const off = createFakeCore();
    startNotifier(electron, { core: off, t, open: () => {} });
    await flush();
    off.emit({ type: 'scheduler.batch', accepted: 12, failed: 0 });
    expect(FakeNotification.shown).toHaveLength(0);

    const on = createFakeCore({ settings: { 'scheduler.notifyAfterBatch': true } });
    startNotifier(electron, { core: on, t, open: () => {} });
    await flush();
    on.emit({ type: 'scheduler.batch', accepted: 12, failed: 0 });
    expect(FakeNotification.shown.map((n) => n.options.body)).toEqual(['12 messages were sent.']);
  });

  it('does nothing where notifications are not supported', () => {
    const electron = createFakeElectron();
    FakeNotification.supported = false;
    const core = createFakeCore();
    startNotifier(electron, { core, t, open: () => {} });
    core.emit({ type: 'scheduler.status', status: status({ missed: 1 }) });
    expect(FakeNotification.shown).toHaveLength(0);
    expect(core.listenerCount()).toBe(0);
  });
});
