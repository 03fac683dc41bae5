// Running the real CLI in a child process, as a script or a management system would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_BUNDLE_ENV } from './cli-bundle';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_ENTRY = path.join(REPO_ROOT, 'src-main', 'cli', 'index.ts');
export const TSX_BIN = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** An environment without the caller's SMSDESK_* variables, so only --data-dir decides. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SMSDESK_DATA_DIR;
  return { ...env, ...extra };
}

/**
 * The node arguments that start the CLI: the bundle vitest's globalSetup built (plain node), else
 * `src-main/cli/index.ts` under tsx's loader (what the tsx binary runs, minus its wrapper process).
 * Either way the child's PID is the CLI's own.
 */
export function cliCommand(): string[] {
  const bundle = process.env[CLI_BUNDLE_ENV];
  return bundle ? [bundle] : ['--import', 'tsx', CLI_ENTRY];
}

/** Spawns `smsdesk --data-dir DIR ...args`. */
export function spawnCli(dataDir: string | null, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  const argv = [...cliCommand(), ...(dataDir ? ['--data-dir', dataDir] : []), ...args];
  return spawn(process.execPath, argv, { cwd: REPO_ROOT, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Collects a child's output and waits for its exit (bounded: a hung CLI fails the test).
 * `slowReader`: read nothing from stdout until the child has exited or `slowReader` ms have passed,
 * as a slow consumer of a pipe (`smsdesk log --json | …`) would; a CLI that exits without flushing
 * then loses what did not fit in the pipe.
 */
export function collect(child: ChildProcess, timeoutMs = 30_000, slowReader = 0): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  if (slowReader > 0 && child.stdout) {
    const out = child.stdout;
    out.pause();
    const resume = () => {
      clearTimeout(timer);
      out.resume();
    };
    const timer = setTimeout(resume, slowReader);
    child.once('exit', resume);
  }
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not exit within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs one CLI command to completion. */
export function runCli(dataDir: string | null, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; slowReader?: number } = {}): Promise<CliResult> {
  return collect(spawnCli(dataDir, args, options), options.timeoutMs, options.slowReader);
}

/** Parses stdout as JSON, with the output in the error when it is not. */
export function json<T = unknown>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** Spawns through the tsx binary itself (`tsx src-main/cli/index.ts …`), as `npm run cli` does: tsx relays signals to the CLI. */
export function spawnCliViaTsx(dataDir: string, args: string[]): ChildProcess {
  return spawn(TSX_BIN, [CLI_ENTRY, '--data-dir', dataDir, ...args], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}
