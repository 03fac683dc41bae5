// The typed client, inferred from the contract (no code generation). A transport (IPC in Electron,
// fetch + SSE in browser mode, direct calls in tests) carries the calls.
import type { MethodInput, MethodName, MethodOutput } from '../api/contract';
import type { CoreEvent, CoreEventListener } from '../api/events';
import { ApiError, apiErrorSchema } from '../api/errors';

export interface Transport {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Returns a function that stops listening. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export interface ApiClient {
  call<M extends MethodName>(method: M, ...input: keyof MethodInput<M> extends never ? [MethodInput<M>?] : [MethodInput<M>]): Promise<MethodOutput<M>>;
  onEvent(listener: CoreEventListener): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, ...args) {
      try {
        return (await transport.invoke(method, args[0] ?? {})) as never;
      } catch (err) {
        throw asApiError(err);
      }
    },
    onEvent: (listener) => transport.onEvent(listener),
  };
}

/** Errors arrive as plain objects (JSON, structured clone): rebuild the ApiError. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const candidate = (err as { error?: unknown })?.error ?? err;
  const parsed = apiErrorSchema.safeParse(candidate);
  if (parsed.success) return ApiError.from(parsed.data);
  return new ApiError('internal', 'errors.internal');
}
