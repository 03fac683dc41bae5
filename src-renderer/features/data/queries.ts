// Server state of the Data page; `data.changed` events invalidate these (app/providers/core-events.tsx).
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/providers/api';

export const dataKeys = {
  status: ['data.status'] as const,
  backups: ['data.backups'] as const,
};

export function useDataStatus(options: { poll?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: dataKeys.status,
    queryFn: () => api.call('data.status', {}),
    // While the start-up check runs, look again until it has answered (its event may come first).
    refetchInterval: (q) => (options.poll && q.state.data?.state === 'checking' ? 1000 : false),
  });
}

export function useBackups() {
  const api = useApi();
  return useQuery({ queryKey: dataKeys.backups, queryFn: () => api.call('data.backups', {}) });
}
