// A small stand-in for the core for the web host's own tests: real contract validation through
// dispatchCall, a handful of handlers that answer or fail with each error kind, and an event hub.
import { ApiError, dispatchCall, type ApiHandlers, type CoreEvent } from '../../../src-shared/api';

export interface FakeCore {
  call(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  emit(event: CoreEvent): void;
  listenerCount(): number;
  calls: { method: string; input: unknown }[];
}

const notImplemented = (): never => {
  throw new ApiError('internal', 'errors.internal');
};

export function createFakeCore(): FakeCore {
  const listeners = new Set<(event: CoreEvent) => void>();
  const calls: FakeCore['calls'] = [];
  const handlers = {
    'app.info': () => ({
      version: '0.0.0-test', dataDir: '/tmp/x', testMode: true, defaultAccount: 'sandbox',
      timeZone: 'Asia/Taipei', region: 'TW', language: 'zh-TW' as const,
    }),
    'messages.get': ({ id }: { id: number }) => {
      throw new ApiError('not_found', 'errors.notFound.message', { id });
    },
    'messages.cancel': () => {
      throw new ApiError('conflict', 'errors.conflict.notCancellable', { status: 'delivered' });
    },
    'accounts.balance': () => {
      throw new ApiError('provider', 'errors.provider.network');
    },
    'accounts.setDefault': () => {
      throw new ApiError('forbidden', 'errors.account.passwordNeeded', { name: 'x' });
    },
    'dispatcher.status': () => {
      // Not an ApiError: the host must answer `internal` without this text.
      throw new Error('database is locked (secret detail)');
    },
    'settings.list': notImplemented,
    'settings.set': notImplemented,
    'accounts.list': notImplemented,
    'messages.send': notImplemented,
    'messages.list': notImplemented,
    'dispatcher.setPaused': notImplemented,
  } as unknown as ApiHandlers;

  return {
    calls,
    async call(method, input) {
      calls.push({ method, input });
      return dispatchCall(handlers, method, input);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of listeners) l(event);
    },
    listenerCount: () => listeners.size,
  };
}
