import type { QueryClient } from '@tanstack/react-query';

/**
 * Marks the queries stale and refetches those on screen. A query whose first fetch is still in flight
 * would otherwise absorb the invalidation (TanStack reuses an in-flight fetch while the query has no
 * data yet) and then show what was true before the change, until the next event: cancel it first.
 */
export async function refresh(queryClient: QueryClient, queryKey: readonly unknown[]): Promise<void> {
  await queryClient.cancelQueries({ queryKey, predicate: (q) => q.state.data === undefined && q.state.fetchStatus !== 'idle' });
  await queryClient.invalidateQueries({ queryKey });
}
