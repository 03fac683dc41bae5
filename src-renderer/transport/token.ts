// The web host prints http://127.0.0.1:<port>/?token=…; the server has already turned the token into
// an HttpOnly cookie by the time this runs, so we drop it from the address bar (and thus from
// history, bookmarks and screenshots), keeping every other parameter and the hash.
export function stripTokenFromAddress(loc: Location = window.location, hist: History = window.history): boolean {
  const url = new URL(loc.href);
  if (!url.searchParams.has('token')) return false;
  url.searchParams.delete('token');
  const search = url.searchParams.toString();
  hist.replaceState(hist.state, '', url.pathname + (search ? '?' + search : '') + url.hash);
  return true;
}
