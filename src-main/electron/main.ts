// Electron's entry point (bundled by scripts/build-electron.js into dist-electron/main.cjs). The only
// file of the main process that imports 'electron': it hands the real API to runApp(), whose parts
// are unit-tested with a fake (tests/unit/electron).
import fs from 'node:fs';
import path from 'node:path';
import * as electron from 'electron';
import { createCore } from '../core';
import { runApp } from './app';

// main.cjs sits in <appRoot>/dist-electron/, in a checkout and inside app.asar alike.
const mainDir = __dirname;

runApp(electron, {
  createCore,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  appRoot: path.resolve(mainDir, '..'),
  mainDir,
  resourcesPath: process.resourcesPath,
  electronVersion: process.versions.electron ?? '',
  fileExists: (file) => fs.existsSync(file),
});
