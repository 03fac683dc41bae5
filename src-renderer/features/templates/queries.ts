// Templates server state. Keys start with the method name, so one invalidation refreshes every search.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TemplateView } from '../../../src-shared/api/compose-schemas';
import type { MethodInput } from '../../../src-shared/api/contract';
import { useApi } from '../../app/providers/api';

export const templateKeys = {
  list: ['templates.list'] as const,
  placeholders: ['compose.placeholders'] as const,
};

export function useTemplates(search = '', category?: string, enabled = true) {
  const api = useApi();
  const s = search.trim();
  return useQuery({
    enabled,
    queryKey: [...templateKeys.list, s, category ?? null],
    queryFn: () => api.call('templates.list', { ...(s ? { search: s } : {}), ...(category ? { category } : {}) }),
    // Keep the rows while the next search runs instead of flashing an empty list.
    placeholderData: (previous) => previous,
  });
}

export function usePlaceholders() {
  const api = useApi();
  return useQuery({ queryKey: templateKeys.placeholders, queryFn: () => api.call('compose.placeholders', {}), staleTime: 60_000 });
}

export function useSaveTemplate() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'templates.save'>): Promise<TemplateView> => api.call('templates.save', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.list }),
  });
}

export function useRemoveTemplate() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call('templates.remove', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.list }),
  });
}
