// Rules server state. Keys start with the method name, so the rules.changed event (and messages
// queued by a run) refetch every list and preview at once.
import { useQuery } from '@tanstack/react-query';
import type { CoreEvent } from '../../../src-shared/api/events';
import { useApi } from '../../app/providers/api';

export const ruleKeys = {
  list: ['rules.list'] as const,
  history: ['rules.history'] as const,
  preview: ['rules.preview'] as const,
  templates: ['templates.list'] as const,
};

export function useRules() {
  const api = useApi();
  return useQuery({ queryKey: ruleKeys.list, queryFn: () => api.call('rules.list', {}) });
}

export function useMissedRuns() {
  const api = useApi();
  return useQuery({ queryKey: [...ruleKeys.history, 'missed'], queryFn: () => api.call('rules.history', { outcome: 'missed', limit: 100 }) });
}

export function useRuleHistory(id: number | null) {
  const api = useApi();
  return useQuery({ queryKey: [...ruleKeys.history, id], queryFn: () => api.call('rules.history', { id: id!, limit: 20 }), enabled: id !== null });
}

export function useTemplates() {
  const api = useApi();
  return useQuery({ queryKey: ruleKeys.templates, queryFn: () => api.call('templates.list', {}), retry: false });
}

/** Queries a core event makes stale. */
export function rulesEventRefresh(event: CoreEvent): (readonly string[])[] {
  if (event.type === 'rules.changed') return [ruleKeys.list, ruleKeys.history, ruleKeys.preview];
  // A contact's birthday or vehicle changes whom the next run selects.
  if (event.type === 'contacts.changed') return [ruleKeys.preview];
  return [];
}
