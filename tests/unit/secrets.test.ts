// Provider passwords are sealed with AES-256-GCM under <dataDir>/secret.key (DESIGN.md §4): the key file
// is private to the user, the sealed text reveals nothing, and another data dir's key cannot open it.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileKeySecretBox, loadOrCreateKey } from '../../src-main/core/secrets/file-key';
import { tempDir } from '../helpers/temp-dir';

describe('file-key secret box', () => {
  it('round-trips any text, including empty and non-Latin', () => {
    const box = createFileKeySecretBox(tempDir());
    for (const plain of ['', 'hunter2', '密碼：測試店 🔑', 'x'.repeat(10_000)]) expect(box.open(box.seal(plain))).toBe(plain);
  });

  it('round-trips arbitrary strings (property)', () => {
    const box = createFileKeySecretBox(tempDir());
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (plain) => {
        expect(box.open(box.seal(plain))).toBe(plain);
      }),
    );
  });

  it('writes a 32-byte key to secret.key, readable and writable by the user only (mode 0600)', () => {
    const dir = tempDir();
    createFileKeySecretBox(dir).seal('anything');
    const file = path.join(dir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('creates the key lazily, only when something is sealed or opened', () => {
    const dir = tempDir();
    createFileKeySecretBox(dir);
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('does not contain the plain text, in any encoding, and differs every time (random IV)', () => {
    const box = createFileKeySecretBox(tempDir());
    const plain = 'SuperSecretPassword-12345';
    const a = box.seal(plain);
    const b = box.seal(plain);
    expect(a).not.toBe(b);
    for (const sealed of [a, b]) {
      expect(sealed).not.toContain(plain);
      expect(sealed).not.toContain(Buffer.from(plain).toString('base64').slice(0, 12));
      expect(sealed).not.toContain(Buffer.from(plain).toString('hex').slice(0, 12));
      expect(sealed.startsWith('v1:')).toBe(true);
    }
  });

  it('keeps the same key across boxes of one data dir (the app, the CLI and browser mode share it)', () => {
    const dir = tempDir();
    const sealed = createFileKeySecretBox(dir).seal('shared');
    expect(createFileKeySecretBox(dir).open(sealed)).toBe('shared');
    expect(loadOrCreateKey(dir).equals(loadOrCreateKey(dir))).toBe(true);
  });

  it("cannot be opened with another data dir's key", () => {
    const sealed = createFileKeySecretBox(tempDir()).seal('hunter2');
    expect(() => createFileKeySecretBox(tempDir()).open(sealed)).toThrow();
  });

  it('refuses tampered or malformed sealed text (GCM authenticates it)', () => {
    const box = createFileKeySecretBox(tempDir());
    const sealed = box.seal('hunter2');
    const [v, iv, tag, body] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => box.open([v, iv, Buffer.alloc(16).toString('base64'), body].join(':'))).toThrow();
    expect(() => box.open(['v2', iv, tag, body].join(':'))).toThrow(/unknown format/);
    expect(() => box.open('hunter2')).toThrow(/unknown format/);
  });

  it('refuses a damaged key file with a clear error, and never overwrites it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secret.key');
    const damaged = Buffer.alloc(8).toString('base64');
    fs.writeFileSync(file, damaged);
    expect(() => createFileKeySecretBox(dir).seal('x')).toThrow(/does not hold a 32-byte key/);
    expect(fs.readFileSync(file, 'utf8')).toBe(damaged);
  });
});
