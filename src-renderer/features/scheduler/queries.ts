// The scheduler's server state: the status summary (pushed by the core as `scheduler.status` events)
// and the missed notice.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CoreEvent } from '../../../src-shared/api/events';
import { useApi } from '../../app/providers/api';

export const schedulerKeys = {
  status: ['scheduler.status'] as const,
  missed: ['scheduler.missed'] as const,
  keys: ['integration.keys.list'] as const,
};

export function useSchedulerStatus() {
  const api = useApi();
  return useQuery({ queryKey: schedulerKeys.status, queryFn: () => api.call('scheduler.status', {}) });
}

export function useMissed() {
  const api = useApi();
  return useQuery({ queryKey: schedulerKeys.missed, queryFn: () => api.call('scheduler.missed', { limit: 20 }) });
}

export function useIntegrationKeys() {
  const api = useApi();
  return useQuery({ queryKey: schedulerKeys.keys, queryFn: () => api.call('integration.keys.list', {}) });
}

/** Which scheduler queries an event makes stale; a pushed status is stored as it is. */
export function schedulerEventRefresh(queryClient: QueryClient, event: CoreEvent): (readonly string[])[] {
  switch (event.type) {
    case 'scheduler.status':
      queryClient.setQueryData(schedulerKeys.status, event.status);
      return [schedulerKeys.missed];
    case 'scheduler.changed':
      return [schedulerKeys.status, schedulerKeys.missed];
    case 'messages.changed':
      // A missed message sent again leaves the notice.
      return [schedulerKeys.missed];
    default:
      return [];
  }
}
