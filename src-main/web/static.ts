// The built renderer (dist-renderer/): files by extension with the right content type, never outside
// the folder, and index.html for paths that look like the app's own routes.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor } from '../../src-shared/assets/content-types';


export { contentTypeFor };

/** A path without an extension in its last segment is one of the app's routes, not a file. */
export function looksLikeClientRoute(segments: readonly string[]): boolean {
  const last = segments.at(-1);
  return last === undefined || !last.includes('.');
}

/**
 * The file a request names inside `root`, or null. Segments come from parseRequestTarget (no ".."),
 * and we check containment again after resolving symbolic links, and refuse dotfiles.
 */
export async function resolveStaticFile(root: string, segments: readonly string[]): Promise<string | null> {
  if (segments.some((s) => s.startsWith('.'))) return null;
  const candidate = path.resolve(root, ...segments);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    const rel = path.relative(realRoot, realFile);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    const info = await stat(realFile);
    return info.isFile() ? realFile : null;
  } catch {
    return null;
  }
}

export type StaticResult = 'served' | 'not_found';

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, segments: readonly string[]): Promise<StaticResult> {
  let file = segments.length === 0 ? await resolveStaticFile(root, ['index.html']) : await resolveStaticFile(root, segments);
  if (!file && looksLikeClientRoute(segments)) file = await resolveStaticFile(root, ['index.html']);
  if (!file) return 'not_found';

  const info = await stat(file);
  const headers: Record<string, string | number> = { 'Content-Type': contentTypeFor(file), 'Content-Length': info.size };
  // Vite names what it puts in assets/ by content hash: those may be cached for good. Everything
  // else (index.html above all) stays no-store, as set by applySecurityHeaders.
  if (segments[0] === 'assets' && segments.length > 1) headers['Cache-Control'] = 'private, max-age=31536000, immutable';
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return 'served';
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
  return 'served';
}
