// Setting an index aside for the split full check: its CREATE text keeps everything up to the column
// list and gets "WHERE 0" (a partial index no row belongs to), whatever quotes, nesting or comments.
import { describe, expect, it } from 'vitest';
import { setAsideSql } from '../../src-main/core/maintenance/sql-worker';

describe('setAsideSql', () => {
  it('cuts after the column list and adds WHERE 0', () => {
    expect(setAsideSql('CREATE INDEX `messages_to_idx` ON `messages` (`to_e164`,`created_at`)')).toBe('CREATE INDEX `messages_to_idx` ON `messages` (`to_e164`,`created_at`) WHERE 0');
    expect(setAsideSql('CREATE UNIQUE INDEX `a` ON `t` (`x`) WHERE deleted_batch is null')).toBe('CREATE UNIQUE INDEX `a` ON `t` (`x`) WHERE 0');
    expect(setAsideSql('CREATE INDEX `r` ON `messages` (`rule_id`,`id`) WHERE "messages"."rule_id" is not null')).toBe('CREATE INDEX `r` ON `messages` (`rule_id`,`id`) WHERE 0');
  });

  it('is not fooled by parentheses in names, expressions or comments', () => {
    expect(setAsideSql('CREATE INDEX "a(b" ON [t(x] (lower(name), (a + b)) WHERE x > 1')).toBe('CREATE INDEX "a(b" ON [t(x] (lower(name), (a + b)) WHERE 0');
    expect(setAsideSql("CREATE INDEX i -- a ( here\n ON t /* ( */ (a, 'x)') WHERE 1")).toBe("CREATE INDEX i -- a ( here\n ON t /* ( */ (a, 'x)') WHERE 0");
  });

  it('refuses a text that is not an index definition', () => {
    expect(() => setAsideSql('CREATE INDEX broken ON t')).toThrow(/unexpected index definition/);
  });
});
