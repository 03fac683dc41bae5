// The log's rows, newest first, fetched in pages by keyset (beforeId) as the operator scrolls.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { MessageStatus } from '../../../src-shared/api/schemas';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';

const PAGE_SIZE = 200;

export interface LogFilter {
  status: MessageStatus[];
  search: string;
}

export function useMessages(filter: LogFilter) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...queryKeys.messages, filter],
    queryFn: ({ pageParam }) =>
      api.call('messages.list', {
        limit: PAGE_SIZE,
        ...(filter.status.length ? { status: filter.status } : {}),
        ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
        ...(pageParam ? { beforeId: pageParam } : {}),
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
    // Keep showing the old rows while a live update refetches, instead of flashing a spinner.
    placeholderData: (previous) => previous,
  });
}
