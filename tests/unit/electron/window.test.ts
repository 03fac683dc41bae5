import { describe, expect, it } from 'vitest';
import { createMainWindow, hideOnClose, mainWindowOptions, showWindow } from '../../../src-main/electron/window';
import { FakeBrowserWindow, createFakeElectron } from './fake-electron';

function open(params: Partial<Parameters<typeof createMainWindow>[1]> = {}) {
  const electron = createFakeElectron();
  const win = createMainWindow(electron, { preloadPath: '/app/dist-electron/preload.cjs', title: 'smsdesk', ...params }) as FakeBrowserWindow;
  return { electron, win };
}

describe('main window options', () => {
  it('isolates and sandboxes the page, with no Node in it', () => {
    const prefs = mainWindowOptions({ preloadPath: '/p/preload.cjs', title: 't' }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('creates the BrowserWindow with those options and loads app://smsdesk/index.html', () => {
    const { win } = open({ icon: '/app/build/icon.png' });
    expect(FakeBrowserWindow.instances).toEqual([win]);
    expect(win.options.webPreferences.preload).toBe('/app/dist-electron/preload.cjs');
    expect(win.options.webPreferences.contextIsolation).toBe(true);
    expect(win.options.webPreferences.sandbox).toBe(true);
    expect(win.options.webPreferences.nodeIntegration).toBe(false);
    expect(win.options.icon).toBe('/app/build/icon.png');
    expect(win.options.title).toBe('smsdesk');
    expect(win.loadedUrls).toEqual(['app://smsdesk/index.html']);
  });

  it('shows the window only once it is ready to show', () => {
    const { win } = open();
    expect(win.options.show).toBe(false);
    expect(win.visible).toBe(false);
    win.emitRaw('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('stays hidden when started hidden', () => {
    const { win } = open({ startHidden: true });
    win.emitRaw('ready-to-show');
    expect(win.visible).toBe(false);
  });

  it('denies navigation, new windows and permissions in its page', () => {
    const opened: string[] = [];
    const { win } = open({ openExternal: (url) => opened.push(url) });
    expect(win.webContents.emitPreventable('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/help']);
    expect(win.webContents.session.request('media')).toBe(false);
  });
});

describe('close hides to the tray', () => {
  it('hides instead of closing while the app is not quitting', () => {
    const { win } = open();
    win.show();
    let quitting = false;
    hideOnClose(win, () => quitting);
    const event = win.userClose();
    expect(event.defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
    expect(win.destroyed).toBe(false);

    quitting = true;
    win.show();
    expect(win.userClose().defaultPrevented).toBe(false);
    expect(win.destroyed).toBe(true);
  });

  it('showWindow restores, shows and focuses; ignores a missing or destroyed window', () => {
    const { win } = open();
    win.minimized = true;
    showWindow(win);
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
    expect(() => showWindow(null)).not.toThrow();
    win.destroyed = true;
    win.visible = false;
    showWindow(win);
    expect(win.visible).toBe(false);
  });
});
