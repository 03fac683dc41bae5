// The log's rows, newest first, fetched in pages by keyset (beforeId) as the operator scrolls, and the
// counts per status for the same filter. Both keys start with messages.list, so every
// messages.changed event refreshes them (live updates).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { LogFilterInput } from '../../../src-shared/api/log-schemas';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';

const PAGE_SIZE = 200;

export function useMessages(filter: LogFilterInput | null) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...queryKeys.messages, filter],
    queryFn: ({ pageParam }) => api.call('messages.list', { limit: PAGE_SIZE, ...(filter ?? {}), ...(pageParam ? { beforeId: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
    enabled: filter !== null,
    // Keep showing the old rows while a live update refetches, instead of flashing a spinner.
    placeholderData: (previous) => previous,
  });
}

export function useMessageCounts(filter: LogFilterInput | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.messages, 'counts', filter],
    queryFn: () => api.call('messages.counts', filter ?? {}),
    enabled: filter !== null,
    placeholderData: (previous) => previous,
  });
}
