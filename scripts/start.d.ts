// Types of scripts/start.js for the unit tests (tests/unit/electron/start.test.ts).
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export const DOWNLOAD_TIMEOUT_MS: number;

export interface StartFs {
  readFileSync(file: string, encoding: 'utf8'): string;
  existsSync(file: string): boolean;
}

export function findElectronBinary(options?: { root?: string; env?: NodeJS.ProcessEnv; fs?: StartFs }): string | null;

export interface DownloadOptions {
  root?: string;
  timeoutMs?: number;
  spawn?: (command: string, args: string[], options: SpawnOptions) => Pick<ChildProcess, 'kill' | 'on'>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}
export function downloadElectron(options?: DownloadOptions): Promise<boolean>;

export type StartPlan = { mode: 'electron'; binary: string; downloaded: boolean } | { mode: 'browser' };
export function planStart(deps: {
  findBinary: () => string | null;
  download: (timeoutMs: number) => Promise<boolean>;
  timeoutMs?: number;
}): Promise<StartPlan>;

export interface Command {
  command: string;
  args: string[];
  cwd: string;
}
export function browserCommand(options?: { root?: string; args?: string[]; execPath?: string }): Command;
export function electronCommand(options: { binary: string; root?: string; args?: string[] }): Command;
export function dataDirArg(args: string[]): string | undefined;
export function translateLine(key: string, options?: { root?: string; args?: string[]; env?: NodeJS.ProcessEnv }): Promise<string>;
export function main(args?: string[], root?: string): Promise<void>;
