// Inserting a placeholder or a template where the caret is, the way a word processor would: the
// selection is replaced and the caret lands after what was inserted.

export interface Insertion {
  value: string;
  /** Where the caret goes afterwards. */
  caret: number;
}

export function insertAt(value: string, start: number, end: number, inserted: string): Insertion {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + inserted + value.slice(to), caret: from + inserted.length };
}

/** `{token}` for a placeholder chip. */
export function placeholderText(token: string): string {
  return `{${token}}`;
}

interface TextAreaLike {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  focus(): void;
  setSelectionRange(start: number, end: number): void;
}

/**
 * Inserts into a controlled textarea: computes the new value from its current selection, hands it to
 * `onChange`, and puts the caret back after React has rendered the new value.
 */
export function insertIntoTextArea(el: TextAreaLike | null | undefined, value: string, inserted: string, onChange: (v: string) => void): void {
  const start = el ? el.selectionStart : value.length;
  const end = el ? el.selectionEnd : value.length;
  const next = insertAt(value, start, end, inserted);
  onChange(next.value);
  if (!el) return;
  // After React has rendered the new value (setTimeout: this file is also type-checked without DOM types).
  setTimeout(() => {
    el.focus();
    el.setSelectionRange(next.caret, next.caret);
  }, 0);
}
