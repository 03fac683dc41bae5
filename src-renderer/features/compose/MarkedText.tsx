// The message with its troublemakers marked: characters that force UCS-2 highlighted, characters the
// chosen route cannot carry underlined with the reason on hover (and read out after them).
import type { ReactNode } from 'react';

export interface CharMark {
  kind: 'ucs2' | 'unsupported';
  /** Shown as the tooltip and to screen readers. */
  reason: string;
}

export function MarkedText({ text, marks }: { text: string; marks: ReadonlyMap<string, CharMark> }) {
  const out: ReactNode[] = [];
  let plain = '';
  let key = 0;
  for (const ch of Array.from(text)) {
    const mark = marks.get(ch);
    if (!mark) {
      plain += ch;
      continue;
    }
    if (plain) out.push(plain);
    plain = '';
    out.push(
      <span key={key++} className={mark.kind === 'ucs2' ? 'char-ucs2' : 'char-unsupported'} title={mark.reason} data-testid={mark.kind === 'ucs2' ? 'char-ucs2' : 'char-unsupported'}>
        {ch}
      </span>,
    );
  }
  if (plain) out.push(plain);
  return <div className="marked-text">{out}</div>;
}
