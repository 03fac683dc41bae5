// vitest globalSetup: builds the test CLI bundle once for the whole run (see cli-bundle.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli, CLI_BUNDLE_ENV } from './cli-bundle';

export default async function setup(): Promise<() => void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const file = await bundleCli(root);
  process.env[CLI_BUNDLE_ENV] = file;
  return () => fs.rmSync(file, { force: true });
}
