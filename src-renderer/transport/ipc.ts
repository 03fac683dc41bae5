// Electron: the preload exposes exactly invoke() and onEvent() on window.smsdesk (DESIGN.md §1).
import type { CoreEvent } from '../../src-shared/api/events';
import type { ApiErrorShape } from '../../src-shared/api/errors';
import type { Transport } from '../../src-shared/client';

type IpcResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<IpcResult>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

declare global {
  interface Window {
    smsdesk?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    async invoke(method, input) {
      const result = await bridge.invoke(method, input);
      // The client turns this plain shape back into an ApiError.
      if (!result.ok) throw { error: result.error };
      return result.value;
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
