// The app and `smsdesk run` (or several CLI calls) may start together on a new data dir: all must
// open it, exactly one migrates, and the sandbox account is created once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, collect, REPO_ROOT } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';

const CHILD = path.join(REPO_ROOT, 'tests', 'fixtures', 'open-core.ts');
const PROCESSES = 4;

describe('several processes starting on one new data dir', () => {
  it('all open it; one schema, one sandbox account', async () => {
    for (let round = 0; round < 3; round++) {
      const dataDir = tempDir();
      const startAt = Date.now() + 1500;
      const children = Array.from({ length: PROCESSES }, () =>
        collect(spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(startAt)], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] })),
      );
      const results = await Promise.all(children);
      expect(results.map((r) => r.stdout.trim())).toEqual(Array(PROCESSES).fill('ok'));
      withDb(dataDir, (db) => {
        expect((db.prepare('select count(*) as n from accounts').get() as { n: number }).n).toBe(1);
        expect((db.prepare('select count(*) as n from __smsdesk_migrations').get() as { n: number }).n).toBe(db.pragma('user_version', { simple: true }));
        expect(db.pragma('application_id', { simple: true })).toBe(0x534d5344);
      });
    }
  });
});
