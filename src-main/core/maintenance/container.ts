// The backup file: one self-contained file that carries its manifest and proves its own integrity.
//
//   "SMSDESK-BACKUP01"  16-byte magic
//   database bytes      (dbLength bytes: a plain SQLite file)
//   manifest            (manifestLength bytes of UTF-8 JSON: app id, schema version, time, counts, dbSha256)
//   dbLength            u64 big-endian
//   manifestLength      u32 big-endian
//   "SMSDESK-END"       11-byte end marker
//   SHA-256             32 bytes over every byte before it
//
// The manifest goes after the database so a backup is written in one streaming pass. The trailing
// SHA-256 covers magic, data, manifest and lengths: a flipped byte anywhere, a truncation or an
// appended tail is detected (the lengths must also add up to the file's size exactly).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ApiError } from '../../../src-shared/api/errors';
import { parseManifest, type BackupManifest } from './manifest';

export const MAGIC = Buffer.from('SMSDESK-BACKUP01', 'ascii');
const END = Buffer.from('SMSDESK-END', 'ascii');
const FOOTER_LENGTH = 8 + 4 + END.length;
const DIGEST_LENGTH = 32;
const CHUNK = 4 * 1024 * 1024;
/** Far beyond any real manifest: a bigger number is damage, not data. */
const MAX_MANIFEST = 1024 * 1024;

export type ProgressFn = (done: number, total: number) => void;

/** Writes the container to `out` (created, never overwritten) from a SQLite file; fsyncs before returning. */
export function writeContainer(dbFile: string, manifestOf: (dbSha256: string) => BackupManifest, out: string, onProgress?: ProgressFn): void {
  const total = fs.statSync(dbFile).size;
  const whole = createHash('sha256');
  const ofDb = createHash('sha256');
  const input = fs.openSync(dbFile, 'r');
  const output = fs.openSync(out, 'wx', 0o600);
  try {
    const write = (bytes: Buffer) => {
      whole.update(bytes);
      let offset = 0;
      while (offset < bytes.length) offset += fs.writeSync(output, bytes, offset, bytes.length - offset);
    };
    write(MAGIC);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    for (;;) {
      const n = fs.readSync(input, buffer, 0, CHUNK, done);
      if (n === 0) break;
      const slice = buffer.subarray(0, n);
      ofDb.update(slice);
      write(slice);
      done += n;
      onProgress?.(done, total);
    }
    if (done !== total) throw new Error('the database copy changed while it was being written');
    const manifest = Buffer.from(JSON.stringify(manifestOf(ofDb.digest('hex'))), 'utf8');
    write(manifest);
    const footer = Buffer.alloc(FOOTER_LENGTH);
    footer.writeBigUInt64BE(BigInt(done), 0);
    footer.writeUInt32BE(manifest.length, 8);
    END.copy(footer, 12);
    write(footer);
    const digest = whole.digest();
    let w = 0;
    while (w < digest.length) w += fs.writeSync(output, digest, w, digest.length - w);
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}

export interface ContainerLayout {
  size: number;
  dbOffset: number;
  dbLength: number;
  manifest: BackupManifest;
}

const refuse = (key: string, params?: Record<string, string | number>) => new ApiError('validation', `data.errors.${key}`, params);

function readAt(fd: number, length: number, position: number): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, b, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return b.subarray(0, got);
}

/** Reads the header, footer and manifest without hashing: cheap, for listing. Throws a `data.errors.*` ApiError. */
export function readLayout(file: string): ContainerLayout {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
    fd = fs.openSync(file, 'r');
  } catch {
    throw refuse('unreadable');
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < MAGIC.length + FOOTER_LENGTH + DIGEST_LENGTH || !readAt(fd, MAGIC.length, 0).equals(MAGIC)) throw refuse('notBackup');
    const footer = readAt(fd, FOOTER_LENGTH, size - DIGEST_LENGTH - FOOTER_LENGTH);
    if (!footer.subarray(12).equals(END)) throw refuse('damaged');
    const dbLength = Number(footer.readBigUInt64BE(0));
    const manifestLength = footer.readUInt32BE(8);
    if (manifestLength > MAX_MANIFEST || MAGIC.length + dbLength + manifestLength + FOOTER_LENGTH + DIGEST_LENGTH !== size) throw refuse('damaged');
    const manifestText = readAt(fd, manifestLength, MAGIC.length + dbLength).toString('utf8');
    const manifest = parseManifest(manifestText);
    if (!manifest || manifest.dbBytes !== dbLength) throw refuse('damaged');
    return { size, dbOffset: MAGIC.length, dbLength, manifest };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The full check: the trailing SHA-256 over the whole file, and the manifest's SHA-256 of the database
 * bytes, in one pass. Optionally copies the database bytes out to `extractTo` in the same pass.
 */
export function verifyContainer(file: string, options: { extractTo?: string; onProgress?: ProgressFn } = {}): ContainerLayout {
  const layout = readLayout(file);
  const whole = createHash('sha256');
  const ofDb = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const out = options.extractTo ? fs.openSync(options.extractTo, 'wx', 0o600) : null;
  try {
    const end = layout.size - DIGEST_LENGTH;
    const dbEnd = layout.dbOffset + layout.dbLength;
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = 0;
    while (position < end) {
      const n = fs.readSync(fd, buffer, 0, Math.min(CHUNK, end - position), position);
      if (n === 0) throw refuse('damaged');
      const slice = buffer.subarray(0, n);
      whole.update(slice);
      // The part of this chunk that is database bytes.
      const from = Math.max(position, layout.dbOffset);
      const to = Math.min(position + n, dbEnd);
      if (to > from) {
        const dbPart = slice.subarray(from - position, to - position);
        ofDb.update(dbPart);
        if (out !== null) {
          let w = 0;
          while (w < dbPart.length) w += fs.writeSync(out, dbPart, w, dbPart.length - w);
        }
      }
      position += n;
      options.onProgress?.(position, end);
    }
    if (!whole.digest().equals(readAt(fd, DIGEST_LENGTH, end))) throw refuse('checksum');
    if (ofDb.digest('hex') !== layout.manifest.dbSha256) throw refuse('checksum');
    if (out !== null) fs.fsyncSync(out);
    return layout;
  } finally {
    fs.closeSync(fd);
    if (out !== null) fs.closeSync(out);
  }
}
