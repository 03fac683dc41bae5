#!/usr/bin/env node
// The `smsdesk` command: runs the TypeScript CLI through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';

register();
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src-main', 'cli', 'index.ts');
const { runFromProcess } = await import(pathToFileURL(entry).href);
runFromProcess();
