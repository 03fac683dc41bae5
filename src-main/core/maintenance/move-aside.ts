// A damaged database is never deleted: it is moved (with its -wal and -shm) into a dated folder in
// the data dir, where support can still try to rescue rows from it.
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './fsync';

export function moveDatabaseAside(dataDir: string, dbFileName: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  let target = path.join(dataDir, `damaged-${stamp}`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dataDir, `damaged-${stamp}-${n}`);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  // The -wal holds committed rows not yet in the main file: it moves with it, and first the main file
  // (a crash in between leaves a -wal without its database, which SQLite ignores when a new file is made).
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = path.join(dataDir, dbFileName + suffix);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(target, dbFileName + suffix));
  }
  fsyncDir(dataDir);
  return target;
}
