// A change to a few contacts on screen patches the loaded pages in place (one request per contact),
// instead of refetching every loaded page; anything else still refetches the list.
import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ContactView } from '../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import { canPatch, patchLists, PATCH_LIMIT } from '../../../src-renderer/features/contacts/patch-list';

const contact = (id: number, name = `客戶${id}`): ContactView => ({
  id, name, honorific: '', phone: `+8869123456${String(id).padStart(2, '0')}`, phoneRaw: '', phoneNational: '', region: 'TW',
  categoryIds: [], birthday: null, notes: '', optOut: { flag: false, at: null, how: null }, consents: [], fields: {}, vehicles: [],
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
} as ContactView);

/** A real infinite query with two pages of three contacts loaded, and a count of page fetches. */
async function loadedList() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let fetches = 0;
  const observer = new InfiniteQueryObserver(client, {
    queryKey: ['contacts.list', {}],
    queryFn: ({ pageParam }: { pageParam: number }) => {
      fetches++;
      const start = pageParam * 3 + 1;
      return Promise.resolve({ contacts: [start, start + 1, start + 2].map((id) => contact(id)), total: 6, nextCursor: pageParam === 0 ? '1' : null });
    },
    initialPageParam: 0,
    getNextPageParam: (last: { nextCursor: string | null }) => (last.nextCursor ? Number(last.nextCursor) : undefined),
  });
  const unsubscribe = observer.subscribe(() => {});
  await client.fetchInfiniteQuery({ queryKey: ['contacts.list', {}], initialPageParam: 0 });
  await observer.fetchNextPage();
  return { client, fetchesSoFar: () => fetches, unsubscribe };
}

const rows = (client: QueryClient) =>
  (client.getQueryData(['contacts.list', {}]) as { pages: { contacts: ContactView[]; total: number }[] }).pages;

describe('patching the contacts list', () => {
  it('patches loaded rows: an edit in place, a deleted one removed with the total, no page refetched', async () => {
    const { client, fetchesSoFar, unsubscribe } = await loadedList();
    const before = fetchesSoFar();
    expect(canPatch(client, ['contacts.list'], [2, 5])).toBe(true);
    await patchLists(client, ['contacts.list'], [2, 5], async (id) => {
      if (id === 5) throw new ApiError('not_found', 'contacts.errors.notFound', { id });
      return contact(id, '陳小姐');
    });
    const pages = rows(client);
    expect(pages.flatMap((p) => p.contacts.map((c) => `${c.id}:${c.name}`))).toEqual(['1:客戶1', '2:陳小姐', '3:客戶3', '4:客戶4', '6:客戶6']);
    expect(pages.map((p) => p.total)).toEqual([5, 5]);
    expect(fetchesSoFar()).toBe(before);
    unsubscribe();
  });

  it('does not patch a contact the pages do not hold, an unknown change, or too many at once', async () => {
    const { client, unsubscribe } = await loadedList();
    expect(canPatch(client, ['contacts.list'], [7])).toBe(false); // a new contact: only a refetch can place it
    expect(canPatch(client, ['contacts.list'], [])).toBe(false); // "anything may have changed"
    const many = Array.from({ length: PATCH_LIMIT + 1 }, () => 1);
    expect(canPatch(client, ['contacts.list'], many)).toBe(false);
    unsubscribe();
  });

  it('a failure other than "not found" is passed on (the caller refetches the list)', async () => {
    const { client, unsubscribe } = await loadedList();
    await expect(patchLists(client, ['contacts.list'], [1], () => Promise.reject(new ApiError('internal', 'errors.internal')))).rejects.toBeInstanceOf(ApiError);
    expect(rows(client)[0]!.contacts[0]!.name).toBe('客戶1');
    unsubscribe();
  });
});
