import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL, forwardEvents, isTrustedSender, registerIpc } from '../../../src-main/electron/ipc';
import { FakeIpcMain, FakeWebContents } from './fake-electron';
import { createFakeCore } from './fake-core';

function setup() {
  const ipcMain = new FakeIpcMain();
  const core = createFakeCore({ paused: false });
  const unregister = registerIpc(ipcMain, core);
  return { ipcMain, core, unregister };
}

describe('IPC sender check', () => {
  it('allows our page', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invokeFrom('app://smsdesk/index.html', INVOKE_CHANNEL, 'dispatcher.status', {});
    expect(result).toMatchObject({ ok: true, value: { paused: false } });
  });

  it.each([
    'file:///work/main/dist-renderer/index.html',
    'http://evil.example/',
    'http://127.0.0.1:5173/',
    'app://other/index.html',
    'app://smsdesk.evil/index.html',
    'about:blank',
  ])('refuses %s with forbidden, without calling the core', async (url) => {
    const { ipcMain, core } = setup();
    const result = await ipcMain.invokeFrom(url, INVOKE_CHANNEL, 'dispatcher.setPaused', { paused: true });
    expect(result).toEqual({ ok: false, error: { kind: 'forbidden', key: 'tray.ipc.forbidden' } });
    expect(core.calls).toEqual([]);
    expect(core.paused).toBe(false);
  });

  it('refuses a call whose frame is gone', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invokeFrom(null, INVOKE_CHANNEL, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('isTrustedSender reads the sending frame', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://smsdesk/index.html' } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://smsdesk/' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});

describe('IPC calls', () => {
  const from = 'app://smsdesk/index.html';

  it('passes method and input to the core and returns { ok: true, value }', async () => {
    const { ipcMain, core } = setup();
    const result = await ipcMain.invokeFrom(from, INVOKE_CHANNEL, 'dispatcher.setPaused', { paused: true });
    expect(result).toMatchObject({ ok: true, value: { paused: true, active: true } });
    expect(core.calls).toEqual([{ method: 'dispatcher.setPaused', input: { paused: true } }]);
    expect(core.paused).toBe(true);
  });

  it('returns a validation error as { ok: false, error } with its issues', async () => {
    const { ipcMain } = setup();
    const result = (await ipcMain.invokeFrom(from, INVOKE_CHANNEL, 'dispatcher.setPaused', { paused: 'yes' })) as {
      ok: false;
      error: { kind: string; key: string; issues: Array<{ path: string }> };
    };
    expect(result.ok).toBe(false);
    expect(result.error.kind).toBe('validation');
    expect(result.error.key).toBe('errors.validation.invalidInput');
    expect(result.error.issues.map((i) => i.path)).toEqual(['paused']);
  });

  it('keeps an ApiError shape (kind, key, params)', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invokeFrom(from, INVOKE_CHANNEL, 'messages.get', { id: 404 });
    expect(result).toEqual({ ok: false, error: { kind: 'not_found', key: 'errors.notFound.message', params: { id: 404 } } });
  });

  it('turns an unexpected error into internal, without its message', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invokeFrom(from, INVOKE_CHANNEL, 'messages.get', { id: 500 });
    expect(result).toEqual({ ok: false, error: { kind: 'internal', key: 'errors.internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
  });

  it('answers an unknown method with not_found and a non-string method with validation', async () => {
    const { ipcMain } = setup();
    expect(await ipcMain.invokeFrom(from, INVOKE_CHANNEL, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', key: 'errors.unknownMethod' },
    });
    expect(await ipcMain.invokeFrom(from, INVOKE_CHANNEL, { toString: () => 'app.info' }, {})).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });

  it('registers one handler and removes it again', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('event forwarding', () => {
  it('sends every core event to the current window, and stops when asked', () => {
    const core = createFakeCore();
    const wc = new FakeWebContents();
    let target: FakeWebContents | null = wc;
    const stop = forwardEvents(core, () => target);
    core.emit({ type: 'messages.changed', ids: [1, 2], source: 'local' });
    core.emit({ type: 'dispatcher.changed' });
    expect(wc.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ type: 'messages.changed', ids: [1, 2], source: 'local' }] },
      { channel: EVENT_CHANNEL, args: [{ type: 'dispatcher.changed' }] },
    ]);

    target = null;
    core.emit({ type: 'accounts.changed' });
    target = wc;
    wc.destroyed = true;
    core.emit({ type: 'accounts.changed' });
    expect(wc.sent).toHaveLength(2);

    stop();
    expect(core.listenerCount()).toBe(0);
  });
});
