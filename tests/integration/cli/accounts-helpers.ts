// Running the CLI with something on its standard input (--password-stdin).
import { spawn } from 'node:child_process';
import { cliCommand, cliEnv, collect, REPO_ROOT, type CliResult } from '../../helpers/cli';

export function runCliWithStdin(dataDir: string, args: string[], stdin: string): Promise<CliResult> {
  const child = spawn(process.execPath, [...cliCommand(), '--data-dir', dataDir, ...args], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(stdin);
  return collect(child);
}
