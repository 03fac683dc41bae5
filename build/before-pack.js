// electron-builder's beforePack hook (electron-builder.yml). Builds better-sqlite3 for the Electron
// version and architecture being packaged into .cache/electron-native/<version>/, which
// extraResources then ships as <resources>/electron-native/<version>/better_sqlite3.node.
// electron-builder's own rebuild is off (npmRebuild: false): it rebuilds node_modules in place,
// which would replace the Node build that the tests, the CLI and browser mode load.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from '../scripts/electron-native.js';

// builder-util's Arch enum.
const archNames = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

export default async function beforePack(context) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const arch = typeof context.arch === 'number' ? archNames[context.arch] : String(context.arch);
  if (arch === 'universal') throw new Error('smsdesk: package x64 and arm64 separately; the native module is per architecture.');
  const electronVersion =
    context.packager?.info?.framework?.version ??
    context.packager?.config?.electronVersion ??
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  // force: the folder is per Electron version, not per architecture, so always build for this one.
  await ensureElectronNative({ root, electronVersion, arch, platform: context.electronPlatformName, force: true });
}
