// What the preload exposes to the page, kept apart from preload.ts (which imports 'electron') so a
// unit test can run it against a fake contextBridge and ipcRenderer.
//
// The page sees exactly this, as `window.smsdesk` (the renderer's IPC transport relies on it):
//
//   window.smsdesk.invoke(method: string, input: unknown):
//     Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorShape }>
//       — never rejects for an API error; `error` is ApiError.toJSON() (kind, key, params, issues).
//   window.smsdesk.onEvent(listener: (event: CoreEvent) => void): () => void
//       — the returned function stops listening.
//
// Nothing else: no ipcRenderer, no channel names, no Electron event objects reach the page.
import type { ApiErrorShape, CoreEvent } from '../../src-shared/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

export interface SmsdeskBridge {
  invoke(method: string, input: unknown): Promise<InvokeResult>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export const BRIDGE_KEY = 'smsdesk';

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipcRenderer: IpcRendererLike): SmsdeskBridge {
  return {
    invoke(method, input) {
      return ipcRenderer.invoke(INVOKE_CHANNEL, String(method), input) as Promise<InvokeResult>;
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
      // Drop the IpcRendererEvent: it carries `sender` (the ipcRenderer itself).
      const relay = (_event: unknown, payload: unknown) => listener(payload as CoreEvent);
      ipcRenderer.on(EVENT_CHANNEL, relay);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
}
