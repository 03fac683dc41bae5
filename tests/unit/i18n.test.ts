// Every visible string goes through i18n, zh-TW first: every language of every catalog area has exactly
// zh-TW's keys and, per key, the same {{placeholders}}; and every key the core and the CLI use exists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src-shared/i18n/catalogs';
import type { Messages } from '../../src-shared/i18n/catalog';
import { buildResources, createI18n, toLanguage } from '../../src-shared/i18n';
import { defaultLanguage, languages } from '../../src-shared/i18n/languages';
import { messageStatuses, providerNames, rejectionCodes } from '../../src-shared/api/schemas';
import { REPO_ROOT } from '../helpers/cli';

/** i18next plural forms: languages differ in which they need (ja and zh have only _other). */
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** key path → text, for every leaf. Values that are neither strings nor objects are reported as such. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, `<<not a string: ${typeof v}>>`);
  }
  return out;
}

/** Keys with their plural suffix folded away, so `count_one` + `count_other` compare equal to `count_other`. */
const familyOf = (key: string) => key.replace(PLURAL, '');

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();

describe('catalog completeness', () => {
  const areas = Object.entries(catalogs);

  it('has the areas the foundation needs', () => {
    expect(Object.keys(catalogs)).toEqual(expect.arrayContaining(['errors', 'common', 'cli']));
  });

  for (const [area, catalog] of areas) {
    describe(area, () => {
      const reference = flatten(catalog[defaultLanguage]);
      const referenceFamilies = [...new Set([...reference.keys()].map(familyOf))].sort();

      it('zh-TW (the reference) has no empty text', () => {
        expect([...reference].filter(([, v]) => v.trim() === '' || v.startsWith('<<not a string')).map(([k]) => `${area}.${k}`)).toEqual([]);
      });

      for (const lang of languages.filter((l) => l !== defaultLanguage)) {
        it(`${lang} has exactly the keys of zh-TW`, () => {
          const messages = flatten(catalog[lang] ?? {});
          const families = [...new Set([...messages.keys()].map(familyOf))].sort();
          const missing = referenceFamilies.filter((k) => !families.includes(k)).map((k) => `${area}.${k}`);
          const extra = families.filter((k) => !referenceFamilies.includes(k)).map((k) => `${area}.${k}`);
          expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        });

        it(`${lang} uses the same {{placeholders}} as zh-TW in every key, and no empty text`, () => {
          const messages = flatten(catalog[lang] ?? {});
          const mismatches: string[] = [];
          const empty: string[] = [];
          const byFamily = (map: Map<string, string>) => {
            const out = new Map<string, string[]>();
            for (const [k, v] of map) out.set(familyOf(k), [...new Set([...(out.get(familyOf(k)) ?? []), ...placeholders(v)])].sort());
            return out;
          };
          const ref = byFamily(reference);
          const mine = byFamily(messages);
          for (const [family, names] of ref) {
            const other = mine.get(family);
            if (!other) continue; // reported by the key test
            // Placeholders are compared per family: a plural form may leave {{count}} out ("one message").
            if (JSON.stringify(other) !== JSON.stringify(names)) mismatches.push(`${area}.${family}: zh-TW {{${names.join(', ')}}} vs ${lang} {{${other.join(', ')}}}`);
          }
          for (const [k, v] of messages) if (v.trim() === '' || v.startsWith('<<not a string')) empty.push(`${area}.${k}`);
          expect({ mismatches, empty }).toEqual({ mismatches: [], empty: [] });
        });
      }
    });
  }
});

describe('keys the code uses', () => {
  const t = createI18n('en').t;
  const exists = (key: string) => t(key, { defaultValue: '\u0000missing' }) !== '\u0000missing';

  /** Every literal i18n key ('errors.…', 'cli.…', 'common.…') in the core, the contract and the CLI. */
  function literalKeys(): string[] {
    const roots = ['src-main/core', 'src-main/cli', 'src-shared/api'].map((r) => path.join(REPO_ROOT, r));
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.ts')) {
          for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`]((?:errors|cli|common)\.[A-Za-z0-9_.]+)['"`]/g)) found.add(m[1]!);
        }
      }
    };
    roots.forEach(walk);
    return [...found].sort();
  }

  it('finds the keys it checks (the scan works)', () => {
    expect(literalKeys()).toEqual(expect.arrayContaining(['errors.time.past', 'errors.provider.sandboxUndeliverable', 'cli.noDispatcher']));
  });

  it('every literal key in core, contract and CLI exists in the catalogs', () => {
    expect(literalKeys().filter((k) => !exists(k))).toEqual([]);
  });

  it('every status, rejection code and provider has its words', () => {
    const keys = [
      ...messageStatuses.map((s) => `common.status.${s}`),
      ...rejectionCodes.map((c) => `common.rejection.${c}`),
      ...providerNames.map((p) => `common.provider.${p}`),
    ];
    expect(keys.filter((k) => !exists(k))).toEqual([]);
  });
});

describe('createI18n', () => {
  it('speaks zh-TW by default, and each language when asked', () => {
    expect(createI18n().t('errors.time.past', { at: 'X' })).toContain('X');
    expect(createI18n().language).toBe('zh-TW');
    const en = createI18n('en').t('errors.database.newer', { found: 3, supported: 1 });
    expect(en).toContain('3');
    expect(en).toContain('1');
    expect(createI18n('ja').t('errors.time.past', { at: 'X' })).not.toBe(en);
  });

  it('builds one translation namespace per language with every area', () => {
    const resources = buildResources();
    expect(Object.keys(resources).sort()).toEqual([...languages].sort());
    for (const lang of languages) expect(Object.keys(resources[lang].translation).sort()).toEqual(Object.keys(catalogs).sort());
  });

  it('maps OS and browser language tags to ours', () => {
    expect(toLanguage('zh_TW')).toBe('zh-TW');
    expect(toLanguage('zh-Hant-HK')).toBe('zh-TW');
    expect(toLanguage('zh-CN')).toBe('zh-CN');
    expect(toLanguage('zh-Hans')).toBe('zh-CN');
    expect(toLanguage('ja-JP')).toBe('ja');
    expect(toLanguage('en-GB')).toBe('en');
    expect(toLanguage('fr-FR')).toBe('zh-TW');
    expect(toLanguage(undefined)).toBe('zh-TW');
  });
});
