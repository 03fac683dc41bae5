#!/usr/bin/env node
// Builds what Electron loads: dist-electron/main.cjs (the main process) and dist-electron/preload.cjs
// (ONE CommonJS file: a sandboxed preload cannot require anything but a few Electron modules), and the
// renderer (dist-renderer/) with Vite when it is missing or older than src-renderer/.
//
// `electron` is provided by the runtime. `better-sqlite3` stays a real module (its native build is
// loaded from .cache/electron-native through CoreOptions.nativeBinding, see native-binding.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of any file under dir (0 when dir is missing). */
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const mtime = fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

export function rendererIsStale(projectRoot = root) {
  const index = path.join(projectRoot, 'dist-renderer', 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = Math.max(newestMtime(path.join(projectRoot, 'src-renderer')), newestMtime(path.join(projectRoot, 'src-shared')));
  return fs.statSync(index).mtimeMs < sources;
}

/** esbuild options of the two bundles (exported so a unit test can build the preload in memory). */
export function bundleOptions(projectRoot = root) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45 runs Node 22 and Chromium 140.
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  };
  return {
    main: {
      ...common,
      entryPoints: [path.join(projectRoot, 'src-main/electron/main.ts')],
      outfile: path.join(projectRoot, 'dist-electron/main.cjs'),
      external: ['electron', 'better-sqlite3'],
      // CommonJS has no import.meta; give code that reads import.meta.url the bundle's own URL.
      define: { 'import.meta.url': '__smsdeskImportMetaUrl' },
      banner: { js: "const __smsdeskImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    },
    preload: {
      ...common,
      entryPoints: [path.join(projectRoot, 'src-main/electron/preload.ts')],
      outfile: path.join(projectRoot, 'dist-electron/preload.cjs'),
      external: ['electron'],
    },
  };
}

export async function buildElectron({ projectRoot = root, renderer = true } = {}) {
  const esbuild = await import('esbuild');
  const options = bundleOptions(projectRoot);
  await esbuild.build(options.main);
  await esbuild.build(options.preload);

  if (renderer && rendererIsStale(projectRoot)) {
    const vite = await import('vite');
    await vite.build({ configFile: path.join(projectRoot, 'vite.config.ts') });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
