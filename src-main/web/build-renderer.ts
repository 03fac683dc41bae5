// Browser mode serves dist-renderer/. From a checkout it may be missing or older than the sources
// (someone pulled or edited src-renderer), so we build it first with Vite's API — the same build
// `npm run build:renderer` makes.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installed package) root: this file lives in <root>/src-main/web/. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What the renderer bundle is made of: its own folder, the shared code it imports, and the build config. */
const sourceDirs = ['src-renderer', 'src-shared'];
const sourceFiles = ['vite.config.ts'];

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/** True when dist-renderer/index.html is missing or older than any file the bundle is built from. */
export async function isRendererStale(root: string): Promise<boolean> {
  let builtAt: number;
  try {
    builtAt = (await stat(path.join(root, 'dist-renderer', 'index.html'))).mtimeMs;
  } catch {
    return true;
  }
  let newest = 0;
  for (const dir of sourceDirs) newest = Math.max(newest, await newestMtime(path.join(root, dir)));
  for (const file of sourceFiles) {
    try {
      newest = Math.max(newest, (await stat(path.join(root, file))).mtimeMs);
    } catch {
      // An installed package has no vite.config.ts; its dist-renderer is what it ships.
    }
  }
  return newest > builtAt;
}

export type RendererBuilder = (configFile: string) => Promise<void>;

/** Vite's JS API, loaded only when a build is needed (it is a dev dependency and slow to import). */
export const viteBuilder: RendererBuilder = async (configFile) => {
  const vite = await import('vite');
  await vite.build({ configFile });
};

export interface EnsureRendererOptions {
  root: string;
  /** Lines for the terminal, already translated. */
  log: (line: string) => void;
  messages: { building: string; built: string };
  build?: RendererBuilder;
}

/** Builds dist-renderer when stale. Returns whether it built. Throws when it must build and cannot. */
export async function ensureRendererBuilt(options: EnsureRendererOptions): Promise<boolean> {
  if (!(await isRendererStale(options.root))) return false;
  const configFile = path.join(options.root, 'vite.config.ts');
  if (!existsSync(configFile) || !existsSync(path.join(options.root, 'src-renderer'))) {
    throw new Error(`cannot build the renderer: ${configFile} or src-renderer/ is missing`);
  }
  options.log(options.messages.building);
  await (options.build ?? viteBuilder)(configFile);
  options.log(options.messages.built);
  return true;
}
