// One secrets scheme for every host (DESIGN.md §4): AES-256-GCM under a random data key kept in
// <dataDir>/secret.key (mode 0600), never in backups or exports. It guards leaks of the database,
// backups and logs — not a person logged in as the user.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretBox } from '../types';

const KEY_FILE = 'secret.key';
const VERSION = 'v1';

/** The key in the file; null when there is no file. A file that holds no 32-byte key is an error. */
function readKey(file: string): Buffer | null {
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  // Never replace it: secrets sealed under the old key would be lost for good.
  throw new Error(`${file} does not hold a 32-byte key`);
}

export function loadOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  const existing = readKey(file);
  if (existing) return existing;
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process just wrote; re-read it instead.
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const written = readKey(file);
    if (!written) throw err;
    return written;
  }
}

export function createFileKeySecretBox(dataDir: string): SecretBox {
  let key: Buffer | null = null;
  const getKey = () => (key ??= loadOrCreateKey(dataDir));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('sealed secret has an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', getKey(), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
