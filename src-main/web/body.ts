// Reads a JSON request body for /api/<method>: JSON only (a form or a "simple" cross-site request
// cannot send application/json without a preflight), bounded in size, parsed strictly.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../src-shared/api';
import { HttpError } from './respond';

/** 4 MiB: room for the largest input the contract accepts in practice (100,000 recipients). */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Methods that carry a whole file (a shop's customer list as base64): the contract lets them take up
 * to 80 MB of base64, so their bodies may be that large; every other method keeps the small bound.
 */
export const FILE_METHODS = new Set(['contacts.import.preview', 'contacts.import.run']);
export const FILE_MAX_BODY_BYTES = 84 * 1024 * 1024;

/** The body limit for one method: the file limit for file-carrying methods, else the server's. */
export function maxBodyFor(method: string, serverMax: number): number {
  return FILE_METHODS.has(method) ? Math.max(serverMax, FILE_MAX_BODY_BYTES) : serverMax;
}

export function isJsonContentType(header: string | undefined): boolean {
  const mediaType = (header ?? '').split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** Resolves to the parsed body, or `undefined` for an empty one (methods whose input is `{}`). */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new HttpError(415, new ApiError('validation', 'web.errors.unsupportedMediaType'));
  }
  const tooLarge = (): HttpError => new HttpError(413, new ApiError('validation', 'web.errors.bodyTooLarge', { max: maxBytes }), { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    throw new HttpError(400, new ApiError('validation', 'web.errors.malformedJson'));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, new ApiError('validation', 'web.errors.malformedJson'));
  }
}
