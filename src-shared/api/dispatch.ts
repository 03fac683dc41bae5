// The one way a host turns an untrusted call into a handler call: look the method up, validate the
// input, run the handler, validate the output, and turn every failure into an ApiError.
import { contract, isMethodName, type ApiHandlers, type MethodName } from './contract';
import { ApiError, toApiError } from './errors';

export async function dispatchCall(handlers: ApiHandlers, method: string, rawInput: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new ApiError('not_found', 'errors.unknownMethod', { method: method.slice(0, 80) });
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw toApiError(parsed.error);
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const result = await handler(parsed.data);
    return spec.output.parse(result);
  } catch (err) {
    throw toApiError(err);
  }
}

export type { MethodName };
