// The counter of a text with placeholders ({姓名} is not four characters): what the recipients really
// get. With recipients, the range over all of them from the live check (fewest to most characters and
// parts) with the total and cost of the whole send; without, the text rendered for one sample customer
// by the core's one rendering function, counted by countSegments, and marked as an example.
import type { ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { countSegments, type SmsEncoding as Encoding } from '../../../src-shared/sms/segments';
import { compileTemplate } from '../../../src-shared/template/render';

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
