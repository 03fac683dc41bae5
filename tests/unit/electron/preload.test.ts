import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { bundleOptions } from '../../../scripts/build-electron.js';
import { BRIDGE_KEY, createBridge, exposeBridge, type SmsdeskBridge } from '../../../src-main/electron/preload-bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src-main/electron/ipc';
import type { CoreEvent } from '../../../src-shared/api';
import { FakeContextBridge, FakeIpcRenderer } from './fake-electron';

describe('preload bridge', () => {
  it('exposes exactly window.smsdesk with invoke and onEvent', () => {
    const contextBridge = new FakeContextBridge();
    exposeBridge(contextBridge, new FakeIpcRenderer());
    expect([...contextBridge.exposed.keys()]).toEqual([BRIDGE_KEY]);
    expect(BRIDGE_KEY).toBe('smsdesk');
    const api = contextBridge.exposed.get('smsdesk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.onEvent).toBe('function');
  });

  it('invoke sends (method, input) on the invoke channel and returns the main process answer', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.reply = (_channel, method) => ({ ok: true, value: { echoed: method } });
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { echoed: 'app.info' } });
    expect(ipc.invoked).toEqual([{ channel: INVOKE_CHANNEL, args: ['app.info', {}] }]);
  });

  it('onEvent passes only the payload, and its return value unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const bridge: SmsdeskBridge = createBridge(ipc);
    const seen: unknown[][] = [];
    const stop = bridge.onEvent((...args: unknown[]) => void seen.push(args));
    const event: CoreEvent = { type: 'messages.changed', ids: [7], source: 'external' };
    ipc.deliver(EVENT_CHANNEL, event);
    expect(seen).toEqual([[event]]);

    stop();
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
    ipc.deliver(EVENT_CHANNEL, { type: 'dispatcher.changed' });
    expect(seen).toHaveLength(1);
  });

  it('onEvent refuses something that is not a function', () => {
    const bridge = createBridge(new FakeIpcRenderer());
    expect(() => bridge.onEvent('alert(1)' as never)).toThrow(TypeError);
  });

  it('bundles into one CommonJS file that needs nothing but electron', async () => {
    const options = bundleOptions();
    const result = await build({ ...options.preload, write: false, sourcemap: false, logLevel: 'silent' });
    expect(result.outputFiles).toHaveLength(1);
    const code = result.outputFiles[0]!.text;

    const contextBridge = new FakeContextBridge();
    const ipcRenderer = new FakeIpcRenderer();
    const required: string[] = [];
    const module = { exports: {} };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return { contextBridge, ipcRenderer };
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    expect(required).toEqual(['electron']);
    expect([...contextBridge.exposed.keys()]).toEqual(['smsdesk']);
    expect(Object.keys(contextBridge.exposed.get('smsdesk') as object).sort()).toEqual(['invoke', 'onEvent']);
  });
});
