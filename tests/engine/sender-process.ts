// Running tests/engine/sender-child.ts as a separate process, fast enough to start it dozens of times:
// it is bundled once (esbuild, CommonJS, native and npm modules left outside) and run with plain node.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultMigrationsDir } from '../../src-main/core';
import { createCore } from '../../src-main/core';
import { createFileKeySecretBox } from '../../src-main/core/secrets/file-key';
import { REPO_ROOT } from '../helpers/cli';
import { bundleForNode } from '../helpers/cli-bundle';
import { withDb } from '../helpers/db';
import { tempDir } from '../helpers/temp-dir';

let bundled: Promise<string> | null = null;

export function bundleChild(): Promise<string> {
  bundled ??= (async () => {
    // One bundle per test run, in the system temp folder (removed with it).
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'smsdesk-sender-')), 'sender-child.cjs');
    await bundleForNode(REPO_ROOT, { file: path.join(REPO_ROOT, 'tests/engine/sender-child.ts') }, out, path.join(REPO_ROOT, 'tests/engine/sender-child.ts'));
    return out;
  })();
  return bundled;
}

export interface SenderChild {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export async function startSender(dataDir: string, env: { PROVIDER: 'twsms' | 'mitake'; CRASH?: string }): Promise<SenderChild> {
  const file = await bundleChild();
  const child = spawn(process.execPath, [file], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules'), DATA_DIR: dataDir, MIGRATIONS_DIR: defaultMigrationsDir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const ready = new Promise<void>((resolve) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', () => resolve());
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, ready, exited };
}

/** A data dir whose default account is `provider` at the fake, with `count` queued messages to distinct numbers. */
export async function preparedDataDir(provider: 'twsms' | 'mitake', baseUrl: string, count: number, firstNumber = 100_000, dir?: string): Promise<{ dataDir: string; numbers: string[] }> {
  const dataDir = dir ?? tempDir();
  const setup = await createCore({ dataDir, dispatch: false, log: () => {} });
  const sealed = createFileKeySecretBox(dataDir).seal('pass');
  withDb(dataDir, (db) => {
    // A loopback fake takes any rate: no throttle, so the kills land among many requests.
    db.prepare(`insert into accounts (name, provider, is_default, base_url, username, secret_sealed, rate_per_second, created_at, updated_at) values ('shop', ?, 0, ?, 'user', ?, 100000, 0, 0)`).run(provider, baseUrl, sealed);
  });
  await setup.api['accounts.setDefault']({ name: 'shop' });
  await setup.api['settings.set']({ key: 'shop.timeZone', value: 'Asia/Taipei' });
  // Quiet hours would hold back nothing here (explicit sends), but keep the test independent of the hour.
  await setup.api['settings.set']({ key: 'sending.quietHours.enabled', value: false });
  const numbers = Array.from({ length: count }, (_, i) => `0912${String(firstNumber + i).padStart(6, '0')}`);
  const sent = await setup.api['messages.send']({ to: numbers, text: '您好，這是測試簡訊', origin: 'cli' });
  if (sent.messages.length !== count) throw new Error(`prepared ${sent.messages.length} of ${count}`);
  await setup.close();
  return { dataDir, numbers };
}
