// What the counter under the message box says, JSTAR's way: "字數 6/70 · 1 則", and once the text
// spans parts "字數 71/134 · 2 則" (units against the capacity of the parts it already needs).
import { countSegments, gsmSeptets, nonGsmCharacters, type SegmentCount } from '../../../src-shared/sms/segments';

export interface CounterView {
  count: SegmentCount;
  /** unitsPerSegment × parts (at least one part, so the empty box reads 0/160). */
  capacity: number;
  /** Characters that force UCS-2, worth pointing out only when they are a stray few in a Latin text. */
  strayNonGsm: string[];
  /** Parts the text would need without the stray characters (GSM-7): "3 parts instead of 1". */
  segmentsWithoutStray: number;
}

export function counterView(text: string): CounterView {
  const count = countSegments(text);
  const capacity = count.unitsPerSegment * Math.max(1, count.segments);
  const stray = strayNonGsm(text, count);
  const withoutStray = stray.length ? countSegments(Array.from(text).filter((c) => !stray.includes(c)).join('')).segments : count.segments;
  return { count, capacity, strayNonGsm: stray, segmentsWithoutStray: withoutStray };
}

function strayNonGsm(text: string, count: SegmentCount): string[] {
  if (count.encoding !== 'UCS-2') return [];
  let nonGsmUnits = 0;
  for (let i = 0; i < text.length; i++) if (gsmSeptets(text.charCodeAt(i)) === 0) nonGsmUnits++;
  // A Chinese or Japanese text is UCS-2 by nature; listing every character would be noise. A Latin
  // text with a curly quote or an emoji is the classic surprise that halves the room per message.
  if (nonGsmUnits / text.length > 0.25) return [];
  return nonGsmCharacters(text).map((c) => c.char);
}
