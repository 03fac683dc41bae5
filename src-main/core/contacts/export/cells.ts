// Export cells: text only, and text a spreadsheet would run as a formula (= + - @, also after a tab
// or carriage return) prefixed with an apostrophe. The importer strips that apostrophe again.
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
