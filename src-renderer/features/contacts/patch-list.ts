// A few contacts changed (an edit, a delete, an opt-out at the counter): replace those rows in the
// loaded pages instead of refetching every page of the list. After scrolling far into 100k contacts
// that would be hundreds of requests per edit. A change the loaded pages do not hold (a new contact,
// a bulk action) still refetches the list, which is the only way to place it correctly.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ContactView } from '../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../src-shared/api/errors';

/** Beyond this many ids one refetch is cheaper than one request per contact. */
export const PATCH_LIMIT = 20;

interface ListPage {
  contacts: ContactView[];
  total: number;
  nextCursor: string | null;
}

/** Every id is on a loaded page of every cached list that is not empty of it? Then patching is enough. */
export function canPatch(queryClient: QueryClient, listKey: readonly unknown[], ids: readonly number[]): boolean {
  if (ids.length === 0 || ids.length > PATCH_LIMIT) return false;
  const lists = queryClient.getQueriesData<InfiniteData<ListPage>>({ queryKey: listKey });
  if (lists.length === 0) return false;
  return lists.every(([, data]) => {
    if (!data) return true;
    const loaded = new Set(data.pages.flatMap((p) => p.contacts.map((c) => c.id)));
    return ids.every((id) => loaded.has(id));
  });
}

/** The fresh rows (null: the contact is gone), then the pages with them put in place. */
export async function patchLists(
  queryClient: QueryClient,
  listKey: readonly unknown[],
  ids: readonly number[],
  get: (id: number) => Promise<ContactView>,
): Promise<void> {
  const fresh = new Map<number, ContactView | null>();
  await Promise.all(ids.map(async (id) => {
    try {
      fresh.set(id, await get(id));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') fresh.set(id, null);
      else throw error;
    }
  }));
  queryClient.setQueriesData<InfiniteData<ListPage>>({ queryKey: listKey }, (data) => data && applyPatch(data, fresh));
}

export function applyPatch(data: InfiniteData<ListPage>, fresh: ReadonlyMap<number, ContactView | null>): InfiniteData<ListPage> {
  let removed = 0;
  const pages = data.pages.map((page) => {
    const contacts: ContactView[] = [];
    for (const c of page.contacts) {
      if (!fresh.has(c.id)) contacts.push(c);
      else {
        const next = fresh.get(c.id);
        if (next) contacts.push(next);
        else removed++;
      }
    }
    return { ...page, contacts };
  });
  return { ...data, pages: pages.map((p) => ({ ...p, total: Math.max(0, p.total - removed) })) };
}
