// Splits a raw request target into decoded path segments and the query, refusing anything that
// could climb out of a folder. We do not use WHATWG URL for the path: it would silently resolve
// "/../x" to "/x", and an explicit refusal is easier to reason about than a normalised path.

export interface RequestTarget {
  /** Decoded, non-empty segments; never ".", "..", or containing a slash, backslash or NUL. */
  segments: string[];
  query: URLSearchParams;
}

export function parseRequestTarget(rawUrl: string | undefined): RequestTarget | null {
  if (!rawUrl || !rawUrl.startsWith('/')) return null;
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || /[/\\\0]/.test(seg)) return null;
    segments.push(seg);
  }
  return { segments, query: new URLSearchParams(rawQuery) };
}
