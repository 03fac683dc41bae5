// The package's `smsdesk` command (bin/smsdesk.js, also through a symlink as npm installs it) runs each
// command exactly once: a second run would send every message twice.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, collect, json, REPO_ROOT } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const BIN = path.join(REPO_ROOT, 'bin', 'smsdesk.js');

function runBin(bin: string, args: string[]) {
  return collect(spawn(process.execPath, [bin, ...args], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
}

describe('bin/smsdesk.js', () => {
  it('prints one answer for one command', async () => {
    const result = await runBin(BIN, ['segments', 'hello', '--json']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 5 });
  });

  it('creates one message per number, also when called through a symlink', async () => {
    const dataDir = tempDir();
    const link = path.join(tempDir(), 'smsdesk');
    fs.symlinkSync(BIN, link);
    const result = await runBin(link, ['--data-dir', dataDir, 'send', '--to', '0912345678', '--text', 'hi', '--json']);
    expect(result.code).toBe(0);
    expect(json<{ messages: unknown[] }>(result).messages).toHaveLength(1);
    const log = await runBin(BIN, ['--data-dir', dataDir, 'log', '--json']);
    expect(json<{ messages: unknown[] }>(log).messages).toHaveLength(1);
  });
});
