// The backup file: one self-contained file that carries its manifest and proves its own integrity.
//
// Format 2 (written now):
//   database bytes      (dbLength bytes from offset 0: a plain SQLite file, in rollback-journal mode)
//   manifest            (manifestLength bytes of UTF-8 JSON: app id, schema version, time, counts, dbSha256)
//   dbLength            u64 big-endian
//   manifestLength      u32 big-endian
//   "SMSDESK-BACKUP02"  16-byte marker
//   SHA-256             32 bytes: SHA-256(marker ‖ SHA-256(database bytes) ‖ manifest ‖ footer)
// The database comes first so that SQLite's online backup writes it straight into the backup file and
// nothing copies those bytes a second time (SQLite reads a file's size from its header and ignores
// what follows). The file is then "sealed" in place: hashed once, the manifest and footer appended.
//
// Format 1 (read only, backups of earlier versions): "SMSDESK-BACKUP01" first, then the database,
// the manifest, the lengths, "SMSDESK-END" and the same kind of trailing SHA-256.
//
// The trailing SHA-256 binds the database's digest to the marker, the manifest and the lengths. So a
// flipped byte anywhere, a truncation or an appended tail is detected (the lengths must add up to the
// file's size exactly), with one hashing pass. Reading and writing are asynchronous in chunks, so the
// app keeps answering during a backup.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { ApiError } from '../../../src-shared/api/errors';
import { APPLICATION_ID } from '../db/client';
import { parseManifest, type BackupManifest } from './manifest';

const MARKER = Buffer.from('SMSDESK-BACKUP02', 'ascii');
const FOOTER_LENGTH = 8 + 4 + MARKER.length;
const V1_MAGIC = Buffer.from('SMSDESK-BACKUP01', 'ascii');
const V1_END = Buffer.from('SMSDESK-END', 'ascii');
const V1_FOOTER_LENGTH = 8 + 4 + V1_END.length;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const DIGEST_LENGTH = 32;
const CHUNK = 4 * 1024 * 1024;
/** Far beyond any real manifest: a bigger number is damage, not data. */
const MAX_MANIFEST = 1024 * 1024;

export type ProgressFn = (done: number, total: number) => void;

const refuse = (key: string, params?: Record<string, string | number>) => new ApiError('validation', `data.errors.${key}`, params);

function trailer(marker: Buffer, dbDigest: Buffer, manifest: Buffer, footer: Buffer): Buffer {
  return createHash('sha256').update(marker).update(dbDigest).update(manifest).update(footer).digest();
}

function footerFor(dbLength: number, manifestLength: number): Buffer {
  const footer = Buffer.alloc(FOOTER_LENGTH);
  footer.writeBigUInt64BE(BigInt(dbLength), 0);
  footer.writeUInt32BE(manifestLength, 8);
  MARKER.copy(footer, 12);
  return footer;
}

async function writeAll(handle: fsp.FileHandle, bytes: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset, position + offset)).bytesWritten;
}

/** SHA-256 of `length` bytes of a file from `offset`, read in chunks; optionally copied to `out` on the way. */
async function hashRange(input: fsp.FileHandle, offset: number, length: number, onProgress?: ProgressFn, out?: fsp.FileHandle): Promise<Buffer> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, length - done), offset + done);
    if (bytesRead === 0) throw refuse('damaged');
    const slice = buffer.subarray(0, bytesRead);
    hash.update(slice);
    if (out) await writeAll(out, slice, done);
    done += bytesRead;
    onProgress?.(done, length);
  }
  return hash.digest();
}

/**
 * Seals a finished SQLite file (no one writes it any more) into a backup in place: hashes it, appends
 * the manifest, the footer and the trailing digest, and fsyncs. Returns the database's digest, read
 * from the file itself, for verifySealed.
 */
export async function sealContainer(file: string, manifestOf: (dbSha256: string) => BackupManifest, onProgress?: ProgressFn): Promise<{ dbSha256: string }> {
  const handle = await fsp.open(file, 'r+');
  try {
    const dbLength = (await handle.stat()).size;
    const dbDigest = await hashRange(handle, 0, dbLength, onProgress);
    if ((await handle.stat()).size !== dbLength) throw new Error('the database copy changed while it was being sealed');
    const manifest = Buffer.from(JSON.stringify(manifestOf(dbDigest.toString('hex'))), 'utf8');
    const footer = footerFor(dbLength, manifest.length);
    await writeAll(handle, Buffer.concat([manifest, footer, trailer(MARKER, dbDigest, manifest, footer)]), dbLength);
    await handle.sync();
    return { dbSha256: dbDigest.toString('hex') };
  } finally {
    await handle.close();
  }
}

export interface ContainerLayout {
  size: number;
  dbOffset: number;
  dbLength: number;
  manifest: BackupManifest;
}

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

interface RawLayout extends ContainerLayout {
  marker: Buffer;
  manifestBytes: Buffer;
  footer: Buffer;
  digest: Buffer;
}

/**
 * A file that is no backup of ours is "not a backup"; one that starts like ours but does not add up
 * is "damaged". A format-2 backup cut short starts like a SQLite file of ours in rollback-journal mode
 * (bytes 18–19 = 1); the live database, always in WAL mode, is no backup.
 */
function startsLikeOurBackup(head: Buffer): boolean {
  return head.length >= 100 && head.subarray(0, 16).equals(SQLITE_HEADER) && head.readUInt32BE(68) === APPLICATION_ID && head[18] === 1 && head[19] === 1;
}

function readRawLayout(file: string): RawLayout {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
    fd = fs.openSync(file, 'r');
  } catch {
    throw refuse('unreadable');
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = readAt(fd, 100, 0);
    const v1 = head.subarray(0, V1_MAGIC.length).equals(V1_MAGIC);
    const footerLength = v1 ? V1_FOOTER_LENGTH : FOOTER_LENGTH;
    const dbOffset = v1 ? V1_MAGIC.length : 0;
    const footer = size >= dbOffset + footerLength + DIGEST_LENGTH ? readAt(fd, footerLength, size - DIGEST_LENGTH - footerLength) : Buffer.alloc(0);
    const marked = footer.length === footerLength && footer.subarray(12).equals(v1 ? V1_END : MARKER);
    if (!marked) throw refuse(v1 || startsLikeOurBackup(head) ? 'damaged' : 'notBackup');
    const dbLength = Number(footer.readBigUInt64BE(0));
    const manifestLength = footer.readUInt32BE(8);
    if (manifestLength > MAX_MANIFEST || dbOffset + dbLength + manifestLength + footerLength + DIGEST_LENGTH !== size) throw refuse('damaged');
    if (!v1 && !head.subarray(0, 16).equals(SQLITE_HEADER)) throw refuse('damaged');
    const manifestBytes = readAt(fd, manifestLength, dbOffset + dbLength);
    const manifest = parseManifest(manifestBytes.toString('utf8'));
    if (!manifest || manifest.dbBytes !== dbLength) throw refuse('damaged');
    return { size, dbOffset, dbLength, manifest, marker: v1 ? V1_MAGIC : MARKER, manifestBytes, footer, digest: readAt(fd, DIGEST_LENGTH, size - DIGEST_LENGTH) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the header, footer and manifest without hashing: cheap, for listing. Throws a `data.errors.*` ApiError. */
export function readLayout(file: string): ContainerLayout {
  const { size, dbOffset, dbLength, manifest } = readRawLayout(file);
  return { size, dbOffset, dbLength, manifest };
}

/**
 * A file just sealed, read back: its layout, lengths and manifest as a restore reads them, the
 * manifest naming the digest that sealing computed from the file's own bytes, and the trailing
 * SHA-256 over them. The database bytes are not hashed a second time: in this format nothing copied
 * them (SQLite wrote them; sealing hashed them from the file), so a second pass over the same bytes
 * could only find a change made since, which the backup rules out by the file's size and time.
 */
export function verifySealed(file: string, dbSha256: string): ContainerLayout {
  const raw = readRawLayout(file);
  if (raw.manifest.dbSha256 !== dbSha256) throw refuse('checksum');
  if (!trailer(raw.marker, Buffer.from(dbSha256, 'hex'), raw.manifestBytes, raw.footer).equals(raw.digest)) throw refuse('checksum');
  return { size: raw.size, dbOffset: raw.dbOffset, dbLength: raw.dbLength, manifest: raw.manifest };
}

/**
 * The full check: SHA-256 of the database bytes against the manifest, and the trailing SHA-256 over
 * magic, that digest, manifest and footer. Optionally copies the database bytes out to `extractTo`
 * in the same pass.
 */
export async function verifyContainer(file: string, options: { extractTo?: string; onProgress?: ProgressFn } = {}): Promise<ContainerLayout> {
  const raw = readRawLayout(file);
  const input = await fsp.open(file, 'r');
  let out: fsp.FileHandle | null = null;
  try {
    if (options.extractTo) out = await fsp.open(options.extractTo, 'wx', 0o600);
    const dbDigest = await hashRange(input, raw.dbOffset, raw.dbLength, options.onProgress, out ?? undefined);
    if (!trailer(raw.marker, dbDigest, raw.manifestBytes, raw.footer).equals(raw.digest)) throw refuse('checksum');
    if (dbDigest.toString('hex') !== raw.manifest.dbSha256) throw refuse('checksum');
    if (out) await out.sync();
    return { size: raw.size, dbOffset: raw.dbOffset, dbLength: raw.dbLength, manifest: raw.manifest };
  } finally {
    await input.close();
    await out?.close();
  }
}
