// Every literal 'providers.…' / 'accounts.…' key in core, CLI and the shared account rules exists in every language.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli';
import { expectTranslated } from './catalog-check';

function literalKeys(dir: string): string[] {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/['"`](providers\.[A-Za-z0-9_.]+|accounts\.(?:error|cli|ui|field|help)\.[A-Za-z0-9_.]+|accounts\.passwordNeeded)['"`]/g)) found.add(m[1]!);
  }
  return [...found];
}

describe('provider explanation keys', () => {
  it('finds keys (the scan works) and each exists in every language', () => {
    const keys = [...literalKeys(path.join(REPO_ROOT, 'src-main/core')), ...literalKeys(path.join(REPO_ROOT, 'src-main/cli')), ...literalKeys(path.join(REPO_ROOT, 'src-shared/accounts'))];
    expect(keys).toEqual(expect.arrayContaining(['providers.http.refused', 'providers.code.noCredit', 'accounts.error.hasWaiting', 'accounts.cli.added']));
    expectTranslated(keys);
  });
});
