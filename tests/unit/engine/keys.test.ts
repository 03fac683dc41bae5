// Every literal 'sending.…' i18n key the core uses exists in every language (the shared i18n test
// scans only errors/cli/common). Setting keys share the prefix and are left out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { languages } from '../../../src-shared/i18n/languages';
import { isSettingKey } from '../../../src-shared/settings/registry';

const root = path.resolve(__dirname, '../../..');

function sendingKeys(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name)) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`](sending\.[A-Za-z0-9_.]+)['"`]/g)) if (!isSettingKey(m[1]!)) found.add(m[1]!);
      }
    }
  };
  ['src-main/core', 'src-main/cli', 'src-renderer'].forEach((d) => walk(path.join(root, d)));
  return [...found].sort();
}

describe('sending.* keys', () => {
  it('finds the keys (the scan works)', () => {
    expect(sendingKeys()).toEqual(expect.arrayContaining(['sending.blocked.frequencyCap', 'sending.paused.noCredit']));
  });

  it.each(languages)('all exist in %s', (lang) => {
    const t = createI18n(lang).t;
    expect(sendingKeys().filter((k) => t(k, { defaultValue: '\u0000' }) === '\u0000')).toEqual([]);
  });
});
