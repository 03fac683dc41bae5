import type { CoreEvent, CoreEventListener } from '../../../src-shared/api/events';

/** In-process fan-out of core events to the hosts' listeners. A throwing listener never breaks another. */
export interface EventBus {
  emit(event: CoreEvent): void;
  subscribe(listener: CoreEventListener): () => void;
}

export function createEventBus(onListenerError: (err: unknown) => void = () => {}): EventBus {
  const listeners = new Set<CoreEventListener>();
  return {
    emit(event) {
      for (const l of [...listeners]) {
        try {
          l(event);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
