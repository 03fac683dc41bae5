#!/usr/bin/env node
// `npm start`: the Electron app where the Electron binary is (or can be made) present, else browser
// mode (issue #3 item 10). Electron 45 downloads its binary lazily, and our build machines cannot
// download it, so: look for the binary; if absent, try the download ONCE with a time limit; if that
// fails, say so in one line and run `smsdesk serve` (which prints its URL) with the same arguments.
//
// We never `require('electron')` to find the binary: its index.js starts an unbounded download
// when the binary is missing. The decision is planStart(), importable and unit-tested with fakes.
import nodeFs from 'node:fs';
import path from 'node:path';
import { spawn as nodeSpawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DOWNLOAD_TIMEOUT_MS = 20_000;
const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable if it is on disk, else null (mirrors node_modules/electron/index.js). */
export function findElectronBinary({ root = defaultRoot, env = process.env, fs = nodeFs } = {}) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = null; // never downloaded
  }
  let binary = null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  else if (relative) binary = path.join(pkgDir, 'dist', relative);
  return binary && fs.existsSync(binary) ? binary : null;
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js) once, silently, and kills it
 * after timeoutMs. Resolves true when it exited with 0.
 */
export function downloadElectron({
  root = defaultRoot,
  timeoutMs = DOWNLOAD_TIMEOUT_MS,
  spawn = nodeSpawn,
  setTimer = setTimeout,
  clearTimer = clearTimeout,
} = {}) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (ok) => {
      if (settled) return;
      settled = true;
      clearTimer(timer);
      resolve(ok);
    };
    let child;
    try {
      // stdio ignored: on failure the installer prints a stack trace; we print one line instead.
      child = spawn(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'ignore' });
    } catch {
      resolve(false);
      return;
    }
    const timer = setTimer(() => {
      child.kill('SIGKILL');
      finish(false);
    }, timeoutMs);
    child.on('error', () => finish(false));
    child.on('exit', (code) => finish(code === 0));
  });
}

/**
 * The decision. findBinary(): path | null; download(timeoutMs): Promise<boolean>.
 * Returns { mode: 'electron', binary, downloaded } or { mode: 'browser' }.
 */
export async function planStart({ findBinary, download, timeoutMs = DOWNLOAD_TIMEOUT_MS }) {
  const present = findBinary();
  if (present) return { mode: 'electron', binary: present, downloaded: false };
  const ok = await download(timeoutMs);
  const fetched = ok ? findBinary() : null;
  return fetched ? { mode: 'electron', binary: fetched, downloaded: true } : { mode: 'browser' };
}

/** `smsdesk serve` through tsx, with the user's arguments (node + tsx's CLI: no .cmd shim on Windows). */
export function browserCommand({ root = defaultRoot, args = [], execPath = process.execPath } = {}) {
  const tsxCli = createRequire(path.join(root, 'package.json')).resolve('tsx/cli');
  return { command: execPath, args: [tsxCli, path.join('src-main', 'cli', 'index.ts'), 'serve', ...args], cwd: root };
}

/** Electron on the project folder: package.json's "main" is dist-electron/main.cjs. */
export function electronCommand({ binary, root = defaultRoot, args = [] }) {
  return { command: binary, args: ['.', ...args], cwd: root };
}

/** `--data-dir DIR` / `--data-dir=DIR` among the forwarded arguments (the CLI's global option). */
export function dataDirArg(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--data-dir=')) return args[i].slice('--data-dir='.length) || undefined;
    if (args[i] === '--data-dir') return args[i + 1];
  }
  return undefined;
}

const fallbackLines = {
  'tray.start.browserMode': 'Electron could not be downloaded, so smsdesk starts in browser mode.',
  'tray.start.nativeBuildFailed': 'The database module for Electron could not be built, so smsdesk starts in browser mode.',
};

/**
 * The line in the language the app (and the serve command after it) will speak: the `ui.language`
 * setting of the data dir when its database exists (read-only, nothing created), else the default.
 * Translated by the shared catalogs (src-shared/i18n, loaded through tsx); English if that fails.
 */
export async function translateLine(key, { root = defaultRoot, args = [], env = process.env } = {}) {
  try {
    const { tsImport } = await import('tsx/esm/api');
    const load = (file) => tsImport(pathToFileURL(path.join(root, file)).href, import.meta.url);
    const { createI18n, languages, defaultLanguage } = await load('src-shared/i18n/index.ts');
    const { resolveDataDir } = await load('src-main/core/paths.ts');
    let language = defaultLanguage;
    try {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(path.join(resolveDataDir(dataDirArg(args), env), 'smsdesk.db'), { readonly: true, fileMustExist: true });
      try {
        const row = db.prepare("select value from settings where key = 'ui.language'").get();
        const stored = row ? JSON.parse(row.value) : null;
        if (languages.includes(stored)) language = stored;
      } finally {
        db.close();
      }
    } catch {
      // No database yet (or not ours): the app starts in its default language too.
    }
    return createI18n(language).t(key);
  } catch {
    return fallbackLines[key] ?? key;
  }
}

function electronVersion(root) {
  return JSON.parse(nodeFs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Runs a command with inherited stdio and ends this process with its exit code. */
function runAndExit({ command, args, cwd }, env) {
  const child = nodeSpawn(command, args, { cwd, env, stdio: 'inherit' });
  // Ctrl+C reaches the child directly (same process group); a SIGTERM/SIGHUP sent to us is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`smsdesk: could not run ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export async function main(args = process.argv.slice(2), root = defaultRoot) {
  const plan = await planStart({
    findBinary: () => findElectronBinary({ root }),
    download: (timeoutMs) => downloadElectron({ root, timeoutMs }),
  });

  if (plan.mode === 'electron') {
    try {
      const { ensureElectronNative } = await import('./electron-native.js');
      const { buildElectron } = await import('./build-electron.js');
      await ensureElectronNative({ root, electronVersion: electronVersion(root) });
      await buildElectron({ projectRoot: root });
    } catch (err) {
      console.error(await translateLine('tray.start.nativeBuildFailed', { root, args }));
      console.error(`  (${err instanceof Error ? err.message : String(err)})`);
      return runAndExit(browserCommand({ root, args }), process.env);
    }
    // ELECTRON_RUN_AS_NODE would make the binary behave as plain Node.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return runAndExit(electronCommand({ binary: plan.binary, root, args }), env);
  }

  console.error(await translateLine('tray.start.browserMode', { root, args }));
  return runAndExit(browserCommand({ root, args }), process.env);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
