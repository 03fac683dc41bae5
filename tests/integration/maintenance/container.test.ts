// The backup file (container.ts, format 2): a sealed SQLite file is the database first, then the
// manifest, the lengths and the trailing SHA-256. Sealing hashes the file's own bytes; reading back
// (verifySealed, and verifyContainer as a restore does) finds a digest that does not match.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { readLayout, sealContainer, verifyContainer, verifySealed } from '../../../src-main/core/maintenance/container';
import type { BackupManifest } from '../../../src-main/core/maintenance/manifest';
import { tempDir } from '../../helpers/temp-dir';

function sqliteFile(): string {
  const file = path.join(tempDir(), 'db.partial');
  const db = new Database(file);
  db.pragma('application_id = 1397572932');
  db.exec(`create table t (x text); insert into t values ('甲'), ('乙'), ('丙')`);
  db.close();
  return file;
}

const manifestOf = (dbBytes: number) => (dbSha256: string): BackupManifest => ({
  format: 1, applicationId: 1397572932, schemaVersion: 1, createdAt: new Date(0).toISOString(), kind: 'manual', appVersion: 'test',
  rowCounts: { t: 3 }, dbSha256, dbBytes,
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as ApiError).key;
  }
  return null;
};

describe('a sealed backup file', () => {
  it('is the database, then the manifest with the digest of exactly those bytes', async () => {
    const file = sqliteFile();
    const original = fs.readFileSync(file);
    const { dbSha256 } = await sealContainer(file, manifestOf(original.length));
    expect(dbSha256).toBe(createHash('sha256').update(original).digest('hex'));
    const layout = readLayout(file);
    expect(layout).toMatchObject({ dbOffset: 0, dbLength: original.length });
    expect(layout.manifest.dbSha256).toBe(dbSha256);
    expect(fs.readFileSync(file).subarray(0, original.length).equals(original)).toBe(true);
    expect(verifySealed(file, dbSha256).manifest).toEqual(layout.manifest);
    expect((await verifyContainer(file)).manifest).toEqual(layout.manifest);
  });

  it('read back against another digest, or with its trailing SHA-256 changed, is refused', async () => {
    const file = sqliteFile();
    const { dbSha256 } = await sealContainer(file, manifestOf(fs.statSync(file).size));
    expect(refusal(() => verifySealed(file, createHash('sha256').update('other').digest('hex')))).toBe('data.errors.checksum');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x80;
    fs.writeFileSync(file, bytes);
    expect(refusal(() => verifySealed(file, dbSha256))).toBe('data.errors.checksum');
    await expect(verifyContainer(file)).rejects.toMatchObject({ key: 'data.errors.checksum' });
  });

  it('with a byte of its database changed after sealing fails the full verification a restore makes', async () => {
    const file = sqliteFile();
    await sealContainer(file, manifestOf(fs.statSync(file).size));
    const bytes = fs.readFileSync(file);
    bytes[200] = bytes[200]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    await expect(verifyContainer(file)).rejects.toBeInstanceOf(ApiError);
    await expect(verifyContainer(file)).rejects.toMatchObject({ key: 'data.errors.checksum' });
  });
});
