// POST /api/<method>: one contract method per URL. The core validates input and output against the
// contract (dispatchCall); this file only moves JSON in and out and maps error kinds to statuses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, toApiError } from '../../src-shared/api';
import type { Core } from '../core/types';
import { maxBodyFor, readJsonBody } from './body';
import { HttpError, sendApiError, sendJson } from './respond';

export interface ApiRouteOptions {
  core: Pick<Core, 'call'>;
  maxBodyBytes: number;
  log: (line: string) => void;
}

export async function handleApiCall(req: IncomingMessage, res: ServerResponse, method: string, options: ApiRouteOptions): Promise<void> {
  if (req.method !== 'POST') {
    sendApiError(res, new ApiError('validation', 'web.errors.methodNotAllowed', { method: String(req.method).slice(0, 20) }), 405, { Allow: 'POST' });
    return;
  }
  let output: unknown;
  try {
    const input = await readJsonBody(req, maxBodyFor(method, options.maxBodyBytes));
    output = await options.core.call(method, input);
  } catch (err) {
    if (err instanceof HttpError) {
      sendApiError(res, err.apiError, err.status, err.headers);
      return;
    }
    const apiError = toApiError(err);
    if (!(err instanceof ApiError)) {
      // The caller only sees "internal"; keep the cause for whoever runs the server.
      options.log(`smsdesk serve: ${method} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    sendApiError(res, apiError);
    return;
  }
  // Methods always answer an object; `null` keeps JSON valid should one ever answer nothing.
  sendJson(res, 200, output ?? null);
}
