// The live side of the composer: rendered samples (compose.preview) shortly after each change, and
// the full check (compose.check) a little later, for the totals, the range of segments, the cost and
// who is left out. Both keep their last answer on screen while the next one is computed.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComposeDraft } from '../../../src-shared/api/compose-schemas';
import { useApi } from '../../app/providers/api';

export function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setCurrent(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return current;
}

export const composeKeys = {
  preview: ['compose.preview'] as const,
  check: ['compose.check'] as const,
};

export function useLivePreview(draft: ComposeDraft, enabled: boolean) {
  const api = useApi();
  const key = useDebounced(JSON.stringify(draft), 200);
  return useQuery({
    queryKey: [...composeKeys.preview, key],
    queryFn: () => api.call('compose.preview', { draft: JSON.parse(key) as ComposeDraft, limit: 5 }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useLiveCheck(draft: ComposeDraft, enabled: boolean) {
  const api = useApi();
  const key = useDebounced(JSON.stringify(draft), 500);
  return useQuery({
    queryKey: [...composeKeys.check, key],
    queryFn: () => api.call('compose.check', { draft: JSON.parse(key) as ComposeDraft }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
