// The counter's count of what recipients get (see personal-count.ts): from the live check over all
// recipients, else one sample customer's text rendered by the core (compose.preview).
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComposeCheckReport, ComposeDraft } from '../../../src-shared/api/compose-schemas';
import { useApi } from '../../app/providers/api';
import { countFromReport, countFromSample, hasPlaceholders, type PersonalCount } from './personal-count';
import { useDebounced } from './useLiveCheck';

/**
 * null when the text has no placeholder (the plain counter is exact then). `counted`: the text as
 * sent (with prefix and suffix); `draft`: the live draft; `report`: the live check, if any.
 */
export function usePersonalCount(counted: string, draft: ComposeDraft, withRecipients: boolean, report: ComposeCheckReport | undefined): PersonalCount | null {
  const api = useApi();
  const personal = useMemo(() => hasPlaceholders(counted), [counted]);
  const fromReport = withRecipients && report ? countFromReport(report) : null;
  const wantSample = personal && fromReport === null;
  const sampleContact = useQuery({
    queryKey: ['contacts.list', 'counter-sample'],
    queryFn: () => api.call('contacts.list', { limit: 1 }),
    enabled: wantSample,
    staleTime: 60_000,
  });
  const contact = sampleContact.data?.contacts[0] ?? null;
  const key = useDebounced(JSON.stringify({ ...draft, recipients: contact ? { contactIds: [contact.id] } : {} }), 150);
  const sample = useQuery({
    queryKey: ['compose.preview', 'counter', key],
    queryFn: () => api.call('compose.preview', { draft: JSON.parse(key) as ComposeDraft, limit: 1 }),
    enabled: wantSample && !sampleContact.isPending,
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (!personal) return null;
  if (fromReport) return fromReport;
  const first = sample.data?.samples[0];
  return first ? countFromSample(first.text, first.name) : null;
}
