// The backup file: one self-contained file that carries its manifest and proves its own integrity.
//
//   "SMSDESK-BACKUP01"  16-byte magic
//   database bytes      (dbLength bytes: a plain SQLite file)
//   manifest            (manifestLength bytes of UTF-8 JSON: app id, schema version, time, counts, dbSha256)
//   dbLength            u64 big-endian
//   manifestLength      u32 big-endian
//   "SMSDESK-END"       11-byte end marker
//   SHA-256             32 bytes: SHA-256(magic ‖ SHA-256(database bytes) ‖ manifest ‖ footer)
//
// The manifest goes after the database so a backup is written in one streaming pass. The database
// bytes are hashed once (the manifest's dbSha256); the trailing SHA-256 binds that digest to the magic,
// the manifest and the lengths. So a flipped byte anywhere, a truncation or an appended tail is
// detected (the lengths must also add up to the file's size exactly), with one hashing pass.
// Reading and writing are asynchronous in chunks, so the app keeps answering during a backup.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { ApiError } from '../../../src-shared/api/errors';
import { parseManifest, type BackupManifest } from './manifest';

export const MAGIC = Buffer.from('SMSDESK-BACKUP01', 'ascii');
const END = Buffer.from('SMSDESK-END', 'ascii');
const FOOTER_LENGTH = 8 + 4 + END.length;
const DIGEST_LENGTH = 32;
const CHUNK = 4 * 1024 * 1024;
const FLUSH_EVERY = 64 * 1024 * 1024;
/** Far beyond any real manifest: a bigger number is damage, not data. */
const MAX_MANIFEST = 1024 * 1024;

export type ProgressFn = (done: number, total: number) => void;

function trailer(dbDigest: Buffer, manifest: Buffer, footer: Buffer): Buffer {
  return createHash('sha256').update(MAGIC).update(dbDigest).update(manifest).update(footer).digest();
}

function footerFor(dbLength: number, manifestLength: number): Buffer {
  const footer = Buffer.alloc(FOOTER_LENGTH);
  footer.writeBigUInt64BE(BigInt(dbLength), 0);
  footer.writeUInt32BE(manifestLength, 8);
  END.copy(footer, 12);
  return footer;
}

async function writeAll(handle: fsp.FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
}

/** Writes the container to `out` (created, never overwritten) from a SQLite file; fsyncs before returning. */
export async function writeContainer(dbFile: string, manifestOf: (dbSha256: string) => BackupManifest, out: string, onProgress?: ProgressFn): Promise<void> {
  const input = await fsp.open(dbFile, 'r');
  let output: fsp.FileHandle | null = null;
  try {
    output = await fsp.open(out, 'wx', 0o600);
    const total = (await input.stat()).size;
    const ofDb = createHash('sha256');
    await writeAll(output, MAGIC);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    // The disk writes what is written so far while the rest is read, hashed and written (one flush
    // at a time, on libuv's thread pool): the final fsync then has little left to do.
    const handle = output;
    let flushing: Promise<void> | null = null;
    let flushFailure: unknown = null;
    let unflushed = 0;
    for (;;) {
      const { bytesRead } = await input.read(buffer, 0, CHUNK, done);
      if (bytesRead === 0) break;
      const slice = buffer.subarray(0, bytesRead);
      ofDb.update(slice);
      await writeAll(output, slice);
      done += bytesRead;
      unflushed += bytesRead;
      if (unflushed >= FLUSH_EVERY && !flushing) {
        unflushed = 0;
        flushing = handle.datasync().then(
          () => void (flushing = null),
          (err: unknown) => void ((flushFailure = err), (flushing = null)),
        );
      }
      onProgress?.(done, total);
    }
    await flushing;
    if (flushFailure) throw flushFailure;
    if (done !== total) throw new Error('the database copy changed while it was being written');
    const dbDigest = ofDb.digest();
    const manifest = Buffer.from(JSON.stringify(manifestOf(dbDigest.toString('hex'))), 'utf8');
    const footer = footerFor(done, manifest.length);
    await writeAll(output, Buffer.concat([manifest, footer, trailer(dbDigest, manifest, footer)]));
    await output.sync();
  } finally {
    await input.close();
    await output?.close();
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

interface RawLayout extends ContainerLayout {
  manifestBytes: Buffer;
  footer: Buffer;
  digest: Buffer;
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
    if (size < MAGIC.length + FOOTER_LENGTH + DIGEST_LENGTH || !readAt(fd, MAGIC.length, 0).equals(MAGIC)) throw refuse('notBackup');
    const footer = readAt(fd, FOOTER_LENGTH, size - DIGEST_LENGTH - FOOTER_LENGTH);
    if (!footer.subarray(12).equals(END)) throw refuse('damaged');
    const dbLength = Number(footer.readBigUInt64BE(0));
    const manifestLength = footer.readUInt32BE(8);
    if (manifestLength > MAX_MANIFEST || MAGIC.length + dbLength + manifestLength + FOOTER_LENGTH + DIGEST_LENGTH !== size) throw refuse('damaged');
    const manifestBytes = readAt(fd, manifestLength, MAGIC.length + dbLength);
    const manifest = parseManifest(manifestBytes.toString('utf8'));
    if (!manifest || manifest.dbBytes !== dbLength) throw refuse('damaged');
    return { size, dbOffset: MAGIC.length, dbLength, manifest, manifestBytes, footer, digest: readAt(fd, DIGEST_LENGTH, size - DIGEST_LENGTH) };
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
 * The full check: SHA-256 of the database bytes against the manifest, and the trailing SHA-256 over
 * magic, that digest, manifest and footer. Optionally copies the database bytes out to `extractTo`
 * in the same pass.
 */
export async function verifyContainer(file: string, options: { extractTo?: string; onProgress?: ProgressFn } = {}): Promise<ContainerLayout> {
  const raw = readRawLayout(file);
  const ofDb = createHash('sha256');
  const input = await fsp.open(file, 'r');
  let out: fsp.FileHandle | null = null;
  try {
    if (options.extractTo) out = await fsp.open(options.extractTo, 'wx', 0o600);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    while (done < raw.dbLength) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, raw.dbLength - done), raw.dbOffset + done);
      if (bytesRead === 0) throw refuse('damaged');
      const slice = buffer.subarray(0, bytesRead);
      ofDb.update(slice);
      if (out) await writeAll(out, slice);
      done += bytesRead;
      options.onProgress?.(done, raw.dbLength);
    }
    const dbDigest = ofDb.digest();
    if (!trailer(dbDigest, raw.manifestBytes, raw.footer).equals(raw.digest)) throw refuse('checksum');
    if (dbDigest.toString('hex') !== raw.manifest.dbSha256) throw refuse('checksum');
    if (out) await out.sync();
    return { size: raw.size, dbOffset: raw.dbOffset, dbLength: raw.dbLength, manifest: raw.manifest };
  } finally {
    await input.close();
    await out?.close();
  }
}
