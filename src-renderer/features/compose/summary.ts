// The numbers the operator confirms before sending, computed once for the side panel and the dialog.
import type { ParsedRecipients } from '../../../src-shared/phone/recipients';
import type { CounterView } from './counter';

export interface SendSummary {
  recipients: number;
  rejected: number;
  segmentsEach: number;
  totalSegments: number;
  encoding: CounterView['count']['encoding'];
}

export function sendSummary(parsed: ParsedRecipients, view: CounterView): SendSummary {
  const segmentsEach = view.count.segments;
  return {
    recipients: parsed.valid.length,
    rejected: parsed.rejected.length,
    segmentsEach,
    totalSegments: parsed.valid.length * segmentsEach,
    encoding: view.count.encoding,
  };
}
