// The one way a host turns an untrusted call into a handler call: look the method up, validate the
// input, run the handler, validate the output, and turn every failure into an ApiError.
import { contract, isMethodName, type ApiHandlers, type MethodName } from './contract';
import { ApiError, toApiError } from './errors';

export async function dispatchCall(handlers: ApiHandlers, method: string, rawInput: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new ApiError('not_found', 'errors.unknownMethod', { method: method.slice(0, 80) });
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw toApiError(parsed.error);
  let result: unknown;
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    result = await handler(parsed.data);
  } catch (err) {
    throw toApiError(err);
  }
  // An answer outside the contract is our bug, not the caller's input: `internal`, not `validation`
  // (which would also hand the caller the paths of our output).
  const output = spec.output.safeParse(result);
  if (!output.success) throw new ApiError('internal', 'errors.internal');
  return output.data;
}

export type { MethodName };
