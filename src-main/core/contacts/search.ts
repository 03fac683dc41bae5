// Search text → a SQL condition on `c.id`. Words of 3+ characters go to the FTS5 trigram index (any
// fragment: a name piece, the last 4 digits, a plate); words of 1–2 characters to the short terms of
// the name, exact tokens of a second FTS5 table (CJK names are often 2 characters). Every word must match.
import { chars, foldText } from './text';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** A number typed with separators ("0912-345", "(02) 2722") is searched as its digits. */
function searchWords(search: string): string[] {
  const folded = foldText(search);
  if (!folded) return [];
  if (/^\+?[\d\s\-().]+$/.test(folded) && /\d/.test(folded)) return [folded.replace(/\D/g, '')];
  return folded.split(/\s+/).filter(Boolean);
}

const quotePhrase = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** null: no search (everything matches). */
export function searchCondition(search: string | undefined): SqlPart | null {
  if (!search) return null;
  const words = searchWords(search);
  if (words.length === 0) return null;
  const long = words.filter((w) => chars(w).length >= 3);
  const short = words.filter((w) => chars(w).length < 3);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (long.length) {
    parts.push('c.id in (select rowid from contacts_fts where contacts_fts match ?)');
    params.push(long.map(quotePhrase).join(' '));
  }
  for (const w of short) {
    // Punctuation alone is no token of the short-term index: such a word narrows nothing.
    if (!/[\p{L}\p{N}]/u.test(w)) continue;
    parts.push('c.id in (select rowid from contacts_short_fts where contacts_short_fts match ?)');
    params.push(quotePhrase(w));
  }
  if (parts.length === 0) return null;
  return { sql: parts.join(' and '), params };
}
