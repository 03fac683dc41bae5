#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end tests need a Chromium on this machine, since Playwright cannot
// download its own here. Without one, stop with one line saying so (exit 1); otherwise build the
// renderer so the tests see the current code, then run Playwright.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium} (install the chromium package, or set CHROMIUM_PATH); end-to-end tests not run.`);
  process.exit(1);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (result.error) {
    console.error(`e2e: could not run ${path.basename(command)}: ${result.error.message}`);
    process.exit(1);
  }
  return result.status ?? 1;
}

const built = run(bin('vite'), ['build']);
if (built !== 0) process.exit(built);
process.exit(run(bin('playwright'), ['test', ...process.argv.slice(2)]));
