// An uploaded file (base64) → its table: XLSX by content, otherwise delimited text in its detected
// (or chosen) encoding.
import { createHash } from 'node:crypto';
import type { ImportEncoding } from '../../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../../src-shared/api/errors';
import { decodeFile } from './decode';
import { parseDelimited } from './parse';
import type { Table } from './table';
import { parseXlsx } from './xlsx';

export const MAX_IMPORT_ROWS = 1_000_000;

export interface FileInput {
  fileBase64: string;
  fileName: string;
  encoding: 'auto' | ImportEncoding;
  region: string;
}

export interface ReadFile {
  table: Table;
  encoding: ImportEncoding | null;
  candidates: ImportEncoding[];
}

export function fileBytes(base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/\-_=\s]*$/.test(base64)) throw new ApiError('validation', 'contacts.errors.fileNotBase64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new ApiError('validation', 'contacts.errors.fileEmpty');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * The last file read, by content and options: the preview and the import that follows read the same
 * file, and decoding + parsing a large one costs as much as checking all its rows.
 */
let last: { key: string; read: ReadFile } | null = null;

export async function readFile(input: FileInput): Promise<ReadFile> {
  const key = createHash('sha256').update(input.fileBase64).update(`\u0000${input.fileName}\u0000${input.encoding}\u0000${input.region}`).digest('hex');
  if (last?.key === key) return last.read;
  const read = await readFresh(input);
  last = { key, read };
  return read;
}

async function readFresh(input: FileInput): Promise<ReadFile> {
  const bytes = fileBytes(input.fileBase64);
  if (isZip(bytes)) return { table: await parseXlsx(bytes, MAX_IMPORT_ROWS), encoding: null, candidates: [] };
  if (/\.xlsx$/i.test(input.fileName)) throw new ApiError('validation', 'contacts.errors.xlsxUnreadable');
  const decoded = decodeFile(bytes, { encoding: input.encoding, region: input.region });
  const table = parseDelimited(decoded.text, input.fileName, MAX_IMPORT_ROWS);
  if (table.rows.length > MAX_IMPORT_ROWS) throw new ApiError('validation', 'contacts.errors.tooManyRows', { rows: table.rows.length, max: MAX_IMPORT_ROWS });
  return { table, encoding: decoded.encoding, candidates: decoded.candidates };
}
