// Starts `smsdesk serve` on a fresh data dir for the end-to-end run and stops it afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = path.join(root, 'src-main', 'cli', 'index.ts');
const URL_LINE = /smsdesk is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/;

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Runs a script of tests/e2e/seed with tsx; returns what it printed. */
export function seedSync(script: string, args: string[]): string {
  const result = spawnSync(tsx, [path.join(root, 'tests', 'e2e', 'seed', script), ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`seed ${script} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

export function cliSync(dataDir: string, args: string[]): void {
  const result = spawnSync(tsx, [cli, '--data-dir', dataDir, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`smsdesk ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
}

/** `prepare`: writes to the data dir after the settings and before the server starts (seed data). */
export async function startServer(settings: Record<string, string>, prepare?: (dataDir: string) => void): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smsdesk-e2e-'));
  for (const [key, value] of Object.entries(settings)) cliSync(dataDir, ['settings', 'set', key, value]);
  prepare?.(dataDir);
  const child = spawn(tsx, [cli, '--data-dir', dataDir, 'serve', '--port', '0', '--no-open'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep what the server says, for diagnosing a failed run.
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const log = createWriteStream(path.join(root, 'test-results', 'e2e-server.log'));
  child.stderr?.pipe(log);
  const url = await readUrl(child);
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const match = URL_LINE.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('exit', (code) => reject(new Error(`smsdesk serve exited with ${code} before printing its address:\n${out}\n${err}`)));
  });
}
