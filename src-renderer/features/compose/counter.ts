// What the counter under the message box says, JSTAR's way: "字數 6/70 · 1 則", and once the text
// spans parts "字數 71/134 · 2 則" (units against the capacity of the parts it already needs).
import { countSegments, gsmSeptets, nonGsmCharacters, type SegmentCount } from '../../../src-shared/sms/segments';

export interface CounterView {
  count: SegmentCount;
  /** unitsPerSegment × parts (at least one part, so the empty box reads 0/160). */
  capacity: number;
  /** Characters that force UCS-2, worth pointing out only when they are a stray few in a Latin text. */
  strayNonGsm: string[];
}

export function counterView(text: string): CounterView {
  const count = countSegments(text);
  const capacity = count.unitsPerSegment * Math.max(1, count.segments);
  return { count, capacity, strayNonGsm: strayNonGsm(text, count) };
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
