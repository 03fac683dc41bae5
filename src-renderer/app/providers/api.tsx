// The API client and the connection state, available to every component.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../../../src-shared/client';
import type { Connection, ConnectionState } from '../../transport';

const ConnectionContext = createContext<Connection | null>(null);

export function ApiProvider({ connection, children }: { connection: Connection; children: ReactNode }) {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('ApiProvider is missing');
  return connection;
}

export function useApi(): ApiClient {
  return useConnection().client;
}

export function useConnectionState(): ConnectionState {
  const { store } = useConnection();
  return useSyncExternalStore(store.subscribe, store.get);
}

export function useConnectionStore() {
  return useConnection().store;
}
