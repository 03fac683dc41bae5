// Compact: VACUUM rebuilds the file without free pages. It runs on its own connection in a worker
// thread; progress is estimated from the -wal file, which in WAL mode receives the whole rebuilt
// database before the checkpoint folds it back into the main file.
import fs from 'node:fs';
import { runInWorker } from './sql-worker';

export interface CompactResult {
  bytesBefore: number;
  bytesAfter: number;
}

const sizeOf = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

export async function compactFile(
  file: string,
  options: { nativeBinding?: string; onProgress?: (fraction: number) => void; pollMs?: number } = {},
): Promise<CompactResult> {
  const bytesBefore = sizeOf(file) + sizeOf(`${file}-wal`);
  const progress = options.onProgress ?? (() => {});
  progress(0);
  const timer = setInterval(() => {
    progress(Math.min(0.95, sizeOf(`${file}-wal`) / Math.max(1, bytesBefore)));
  }, options.pollMs ?? 200);
  try {
    await runInWorker(file, ['vacuum', 'pragma wal_checkpoint(TRUNCATE)'], options.nativeBinding);
  } finally {
    clearInterval(timer);
  }
  progress(1);
  return { bytesBefore, bytesAfter: sizeOf(file) + sizeOf(`${file}-wal`) };
}
