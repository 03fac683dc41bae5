// Server state through TanStack Query. Keys start with the API method's name so that one core event
// can invalidate every query it affects (see useCoreEvents).
import { useQuery } from '@tanstack/react-query';
import { useApi } from './providers/api';

export const queryKeys = {
  appInfo: ['app.info'] as const,
  dispatcher: ['dispatcher.status'] as const,
  accounts: ['accounts.list'] as const,
  balance: (name: string) => ['accounts.balance', name] as const,
  settings: ['settings.list'] as const,
  messages: ['messages.list'] as const,
};

export function useAppInfo() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => api.call('app.info', {}) });
}

export function useDispatcherStatus() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.dispatcher, queryFn: () => api.call('dispatcher.status', {}) });
}

export function useAccounts() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.accounts, queryFn: () => api.call('accounts.list', {}) });
}

export function useBalance(name: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.balance(name), queryFn: () => api.call('accounts.balance', { name }) });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => api.call('settings.list', {}) });
}
