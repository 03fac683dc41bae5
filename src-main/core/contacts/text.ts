// Text normalisation shared by search, plates and import: one form for what people type in many ways.

/** NFKC (full-width letters and digits become ASCII), lower case, trimmed. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

/** A plate as one key: "abc-1234", "ABC 1234" and "ＡＢＣ－１２３４" are the same plate. */
export function plateKey(plate: string): string {
  return plate.normalize('NFKC').toUpperCase().replace(/[\s\-_.·・]/g, '');
}

/** Code points, not UTF-16 units: "𠮷" is one character. */
export function chars(s: string): string[] {
  return Array.from(s);
}
