// The CLI bundled once per test run (esbuild; npm and native modules stay outside), so that the CLI
// tests start plain `node bundle.cjs` instead of transpiling the whole source tree with tsx on every
// spawn — the same program, about a second less per command, which over some hundred commands was
// minutes of `npm test`. vitest's globalSetup builds it and names it in SMSDESK_TEST_CLI_BUNDLE.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const CLI_BUNDLE_ENV = 'SMSDESK_TEST_CLI_BUNDLE';

/**
 * Bundles `entry` (a module, or source text run from the repo root) to one CommonJS file for plain
 * node. CommonJS has no import.meta: code that finds files or modules from its own URL (migrations,
 * package.json, the renderer build, the start-up check's worker and its better-sqlite3) resolves from
 * `sourceFile` instead, as it would under tsx: give a file two folders deep (as src-main/<dir>/<file>.ts).
 */
export async function bundleForNode(repoRoot: string, entry: { file: string } | { source: string }, outfile: string, sourceFile: string): Promise<string> {
  await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: repoRoot, loader: 'ts' as const } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(sourceFile).href) },
  });
  return outfile;
}

export async function bundleCli(repoRoot: string): Promise<string> {
  // Inside the repo, so that node resolves the external packages from its node_modules.
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'smsdesk-test-cli');
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(repoRoot, 'src-main', 'cli', 'index.ts');
  const source = `import { runFromProcess } from ${JSON.stringify(entry)};\nrunFromProcess();\n`;
  return bundleForNode(repoRoot, { source }, path.join(dir, `cli-${process.pid}.cjs`), entry);
}
