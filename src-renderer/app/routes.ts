// The rooms of the app. Hash routes: they work the same under app://smsdesk/ and http://127.0.0.1,
// and need no server-side fallback.
import { useCallback, useSyncExternalStore } from 'react';

export const routeIds = ['compose', 'contacts', 'templates', 'schedules', 'rules', 'log', 'reports', 'settings', 'data'] as const;
export type RouteId = (typeof routeIds)[number];
export const defaultRoute: RouteId = 'compose';

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routeIds as readonly string[]).includes(id) ? (id as RouteId) : defaultRoute;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): [RouteId, (next: RouteId) => void] {
  const route = useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
  const navigate = useCallback((next: RouteId) => {
    window.location.hash = '#/' + next;
  }, []);
  return [route, navigate];
}
