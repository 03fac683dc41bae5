// Makes the Electron build of better-sqlite3 (DESIGN.md §1) in .cache/electron-native/<electron>/,
// WITHOUT touching node_modules/better-sqlite3, whose Node build the tests, the CLI and browser mode
// need. It works on a copy of the package: first a prebuilt binary for Electron's ABI
// (prebuild-install --runtime=electron), else a source build against Electron's headers
// (@electron/rebuild, which knows where they are and runs node-gyp).
//
// Used by scripts/start.js (when the Electron binary is present) and build/before-build.cjs
// (electron-builder). Neither can run on our build machines, where Electron cannot be downloaded.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const NATIVE_FILE_NAME = 'better_sqlite3.node';
const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Same layout as src-main/electron/native-binding.ts reads. */
export function electronNativeFile(root, electronVersion) {
  return path.join(root, '.cache', 'electron-native', electronVersion, NATIVE_FILE_NAME);
}

export async function ensureElectronNative({
  root = defaultRoot,
  electronVersion,
  arch = process.arch,
  platform = process.platform,
  force = false,
  log = (line) => console.error(line),
} = {}) {
  if (!electronVersion) throw new Error('ensureElectronNative: electronVersion is required');
  const target = electronNativeFile(root, electronVersion);
  if (!force && fs.existsSync(target)) return target;

  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const work = path.join(path.dirname(target), `work-${platform}-${arch}`);
  const pkgDir = path.join(work, 'node_modules', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(pkgDir), { recursive: true });
  // Everything but build/: that holds the Node build, which must not be mistaken for ours.
  fs.cpSync(source, pkgDir, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
  fs.writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'smsdesk-electron-native', private: true, dependencies: { 'better-sqlite3': version } }, null, 2),
  );
  const built = path.join(pkgDir, 'build', 'Release', NATIVE_FILE_NAME);

  log(`smsdesk: building better-sqlite3 ${version} for Electron ${electronVersion} (${platform}-${arch})`);
  const require = createRequire(path.join(root, 'package.json'));
  try {
    try {
      const prebuildBin = require.resolve('prebuild-install/bin.js');
      spawnSync(process.execPath, [prebuildBin, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`], {
        cwd: pkgDir,
        stdio: 'inherit',
      });
    } catch {
      // prebuild-install not installed: go straight to the source build.
    }
    if (!fs.existsSync(built)) {
      const { rebuild } = await import('@electron/rebuild');
      await rebuild({ buildPath: work, electronVersion, arch, platform, onlyModules: ['better-sqlite3'], force: true });
    }
    if (!fs.existsSync(built)) throw new Error(`no ${NATIVE_FILE_NAME} was produced for Electron ${electronVersion}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return target;
}
