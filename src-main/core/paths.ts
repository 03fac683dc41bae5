// Where the data lives (DESIGN.md §4): one function, used by every host.
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'smsdesk');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'smsdesk');
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, 'smsdesk');
}

/** `--data-dir` wins, then SMSDESK_DATA_DIR, then the platform default. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.SMSDESK_DATA_DIR || defaultDataDir(env);
  return path.resolve(chosen);
}
