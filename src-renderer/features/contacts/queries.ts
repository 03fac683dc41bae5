// Contacts server state. Keys start with the method name, so a core event invalidates all pages and
// filters of a list at once (see contactsEventRefresh, called by the app's one event bridge); a change
// to a few rows already on screen patches them in place instead (patch-list.ts).
import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ContactFilter, ImportResult } from '../../../src-shared/api/contacts-schemas';
import type { CoreEvent } from '../../../src-shared/api/events';
import { useApi } from '../../app/providers/api';
import type { ApiClient } from '../../../src-shared/client';
import { canPatch, patchLists } from './patch-list';

export const contactKeys = {
  list: ['contacts.list'] as const,
  get: ['contacts.get'] as const,
  categories: ['contacts.categories.list'] as const,
  fields: ['contacts.fields.list'] as const,
  savedFilters: ['contacts.savedFilters.list'] as const,
  importProgress: (importId: string) => ['contacts.import.progress', importId] as const,
  importStatus: (importId: string) => ['contacts.import.status', importId] as const,
};

export type SortBy = 'name' | 'createdAt' | 'updatedAt' | 'birthday';
export interface ContactSort {
  by: SortBy;
  dir: 'asc' | 'desc';
}

const PAGE_SIZE = 200;

export function useContactList(filter: ContactFilter, sort: ContactSort) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...contactKeys.list, filter, sort],
    queryFn: ({ pageParam }) => api.call('contacts.list', { filter, sort, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the old rows on screen while a new search runs, instead of flashing an empty table.
    placeholderData: (previous) => previous,
  });
}

/** `enabled` false: not asked yet (the composer loads it when its picker is first used). */
export function useCategories(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: contactKeys.categories, queryFn: () => api.call('contacts.categories.list', {}), enabled });
}

export function useFields(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: contactKeys.fields, queryFn: () => api.call('contacts.fields.list', {}), enabled });
}

export function useSavedFilters(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: contactKeys.savedFilters, queryFn: () => api.call('contacts.savedFilters.list', {}), enabled });
}

export interface ImportProgress {
  done: number;
  total: number;
}

/** Progress of a running import, fed only by events (the core has no method for it). */
export function useImportProgress(importId: string | null) {
  return useQuery<ImportProgress | null>({
    queryKey: contactKeys.importProgress(importId ?? ''),
    queryFn: () => null,
    enabled: false,
    initialData: null,
  });
}

/** The import's state: pushed by the finished event, and asked for now and then in case an event was missed. */
export function useImportStatus(importId: string | null) {
  const api = useApi();
  return useQuery<ImportResult>({
    queryKey: contactKeys.importStatus(importId ?? ''),
    queryFn: () => api.call('contacts.import.status', { importId: importId ?? '' }),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 3000),
  });
}

/** What a core event means for contacts screens: which queries to refresh, and import progress to show. */
export function contactsEventRefresh(queryClient: QueryClient, event: CoreEvent, api: ApiClient): (readonly string[])[] {
  switch (event.type) {
    case 'contacts.changed':
      if (canPatch(queryClient, contactKeys.list, event.ids)) {
        // A few rows the list already shows: replace them where they are (and refetch the list if that fails).
        patchLists(queryClient, contactKeys.list, event.ids, (id) => api.call('contacts.get', { id }))
          .catch(() => queryClient.invalidateQueries({ queryKey: contactKeys.list }));
        return [contactKeys.get, contactKeys.categories];
      }
      // Category counts follow the contacts in them.
      return [contactKeys.list, contactKeys.get, contactKeys.categories];
    case 'contacts.import.progress':
      queryClient.setQueryData<ImportProgress>(contactKeys.importProgress(event.importId), { done: event.done, total: event.total });
      return [];
    case 'contacts.import.finished':
      queryClient.setQueryData(contactKeys.importStatus(event.importId), event.result);
      return [contactKeys.list, contactKeys.categories];
    default:
      return [];
  }
}
