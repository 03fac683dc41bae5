// A change event that arrives while a screen's first fetch is still in flight must still reach the
// screen: the Log once showed 已送出 for good because the 'delivered' event was absorbed that way.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refresh } from '../../../src-renderer/app/providers/refresh';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('refresh after a core event', () => {
  it('refetches a query whose first fetch was in flight when the change happened', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const answers = [deferred<string>(), deferred<string>()];
    let calls = 0;
    const observer = new QueryObserver(client, { queryKey: ['messages', {}], queryFn: () => answers[calls++]!.promise });
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((r) => seen.push(r.data));
    expect(calls).toBe(1);

    const refreshed = refresh(client, ['messages']);
    answers[0]!.resolve('sent'); // the answer read before the change
    answers[1]!.resolve('delivered');
    await refreshed;

    expect(calls).toBe(2);
    expect(client.getQueryData(['messages', {}])).toBe('delivered');
    expect(seen.at(-1)).toBe('delivered');
    unsubscribe();
    client.clear();
  });

  it('leaves a query with data to TanStack’s own cancel-and-refetch', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let calls = 0;
    const observer = new QueryObserver(client, { queryKey: ['settings'], queryFn: async () => `v${++calls}` });
    const unsubscribe = observer.subscribe(() => {});
    await client.refetchQueries({ queryKey: ['settings'] });
    const before = calls;
    await refresh(client, ['settings']);
    expect(calls).toBe(before + 1);
    expect(client.getQueryData(['settings'])).toBe(`v${calls}`);
    unsubscribe();
    client.clear();
  });
});
