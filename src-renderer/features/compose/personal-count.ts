// The counter of a text with placeholders ({姓名} is not four characters): what the recipients really
// get. With recipients, the range over all of them from the live check (fewest to most characters and
// parts) with the total and cost of the whole send; without, the text rendered for one sample customer
// by the core's one rendering function, counted by countSegments, and marked as an example.
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComposeCheckReport, ComposeDraft } from '../../../src-shared/api/compose-schemas';
import { countSegments, type SmsEncoding as Encoding } from '../../../src-shared/sms/segments';
import { compileTemplate } from '../../../src-shared/template/render';
import { useApi } from '../../app/providers/api';
import { useDebounced } from './useLiveCheck';

export interface PersonalCount {
  /** "45" or "45–58": characters (units) of the shortest and longest text. */
  units: string;
  /** Units the longest text's parts hold. */
  capacity: number;
  /** "1" or "1–2". */
  segments: string;
  /** Some text needs more than one part. */
  multi: boolean;
  encoding: Encoding;
  basis: { kind: 'recipients'; n: number } | { kind: 'sample'; name: string | null };
}

const span = (min: number, max: number) => (min === max ? String(max) : `${min}–${max}`);

/** Over every recipient that would be sent to (the check's totals). */
export function countFromReport(report: ComposeCheckReport): PersonalCount | null {
  const { totals } = report;
  if (report.sendable === 0 || totals.maxUnits === undefined || totals.minUnits === undefined || !totals.unitsPerSegment) return null;
  return {
    units: span(totals.minUnits, totals.maxUnits),
    capacity: totals.unitsPerSegment * Math.max(1, totals.maxSegments),
    segments: span(totals.minSegments, totals.maxSegments),
    multi: totals.maxSegments > 1,
    encoding: report.samples.reduce<Encoding>((e, s) => (s.encoding === 'UCS-2' ? 'UCS-2' : e), 'GSM-7'),
    basis: { kind: 'recipients', n: report.sendable },
  };
}

/** One rendered text (a sample customer's, or with no customer at all). */
export function countFromSample(text: string, name: string | null): PersonalCount {
  const c = countSegments(text);
  return {
    units: String(c.units),
    capacity: c.unitsPerSegment * Math.max(1, c.segments),
    segments: String(c.segments),
    multi: c.segments > 1,
    encoding: c.encoding,
    basis: { kind: 'sample', name },
  };
}

export function hasPlaceholders(text: string): boolean {
  return compileTemplate(text).keys.length > 0;
}

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
