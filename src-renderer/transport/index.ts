// Picks the transport at start-up: the Electron preload bridge when present, else browser mode.
import { createClient, type ApiClient } from '../../src-shared/client';
import { httpTransport, type ConnectionHooks } from './http';
import { ipcTransport } from './ipc';

export type ConnectionState = 'online' | 'offline' | 'unauthorized';

/** A tiny store the shell reads with useSyncExternalStore. */
export interface ConnectionStore {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Called after a reconnect so queries can refetch. */
  onReconnected(listener: () => void): () => void;
}

export interface Connection {
  client: ApiClient;
  store: ConnectionStore;
  mode: 'electron' | 'browser';
}

export function connect(): Connection {
  let state: ConnectionState = 'online';
  const listeners = new Set<() => void>();
  const reconnectListeners = new Set<() => void>();
  const set = (next: ConnectionState) => {
    // Once unauthorized, stay so: only opening the printed address again can fix it.
    if (state === next || state === 'unauthorized') return;
    state = next;
    for (const l of listeners) l();
  };
  const store: ConnectionStore = {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
  const bridge = window.smsdesk;
  if (bridge) return { client: createClient(ipcTransport(bridge)), store, mode: 'electron' };
  const hooks: ConnectionHooks = {
    onUnauthorized: () => set('unauthorized'),
    onDisconnected: () => set('offline'),
    onReconnected: () => {
      set('online');
      for (const l of reconnectListeners) l();
    },
  };
  return { client: createClient(httpTransport(hooks)), store, mode: 'browser' };
}
