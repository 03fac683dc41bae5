// The CLI bundled once per test run (esbuild; npm and native modules stay outside), so that the CLI
// tests start plain `node bundle.cjs` instead of transpiling the whole source tree with tsx on every
// spawn — the same program, about a second less per command, which over some hundred commands was
// minutes of `npm test`. vitest's globalSetup builds it and names it in SMSDESK_TEST_CLI_BUNDLE.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const CLI_BUNDLE_ENV = 'SMSDESK_TEST_CLI_BUNDLE';

export async function bundleCli(repoRoot: string): Promise<string> {
  // Inside the repo, so that node resolves the external packages from its node_modules.
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'smsdesk-test-cli');
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `cli-${process.pid}.cjs`);
  const entry = path.join(repoRoot, 'src-main', 'cli', 'index.ts');
  await build({
    stdin: { contents: `import { runFromProcess } from ${JSON.stringify(entry)};\nrunFromProcess();\n`, resolveDir: repoRoot, loader: 'ts' },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    // Code that finds files from its own URL (migrations, package.json, the renderer build, the
    // worker's better-sqlite3) does so from src-main/<dir>/<file>.ts: the CLI's entry is such a file.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
  });
  return out;
}
