// smsdesk segments TEXT [--json] — the same counter as the composer.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { createI18n, toLanguage, type Language } from '../../../src-shared/i18n';
import { DB_FILE } from '../../core';
import { openRaw } from '../../core/db/client';
import { resolveDataDir } from '../../core/paths';
import type { GlobalOptions } from '../context';
import { countSegments } from '../../../src-shared/sms/segments';

/** The shop's language, read without creating or changing anything (the counter needs no database). */
function shopLanguage(globals: GlobalOptions): Language {
  const file = path.join(resolveDataDir(globals.dataDir), DB_FILE);
  if (!fs.existsSync(file)) return toLanguage(null);
  try {
    const db = openRaw(file, { readonly: true });
    try {
      const row = db.prepare(`select value from settings where key = 'ui.language'`).get() as { value: string } | undefined;
      return toLanguage(row ? (JSON.parse(row.value) as string) : null);
    } finally {
      db.close();
    }
  } catch {
    return toLanguage(null);
  }
}

export function registerSegments(program: Command, globals: () => GlobalOptions): void {
  program
    .command('segments <text>')
    .description('count the SMS segments and encoding of a text')
    .option('--json', 'print JSON')
    .action((text: string, opts: { json?: boolean }) => {
      const c = countSegments(text);
      if (opts.json) {
        process.stdout.write(JSON.stringify(c) + '\n');
        return;
      }
      const { t } = createI18n(shopLanguage(globals()));
      process.stdout.write(t('cli.segments', { encoding: c.encoding, units: c.units, segments: c.segments, perSegment: c.unitsPerSegment, remaining: c.remainingInSegment }) + '\n');
    });
}
