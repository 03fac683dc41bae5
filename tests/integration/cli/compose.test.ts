// `smsdesk templates …` and `smsdesk send --template / --contact / --category` in a child process
// (issue 5): templates add/list/remove; a template personalised per contact; errors of the check as
// `rejected` entries with codes; warnings on stderr; exit codes 0 / 2; and `send --text` to numbers
// still sends TEXT exactly as given (no placeholder filled, no prefix).
import { describe, expect, it } from 'vitest';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';

type SendJson = {
  messages: { id: number; to: string; status: string }[];
  rejected: { to: string; code: string; reason: string; params?: Record<string, string | number> }[];
  warnings?: { code: string; count: number }[];
};

async function shop(): Promise<string> {
  const dir = tempDir();
  expect((await runCli(dir, ['settings', 'set', 'shop.name', '測試店'])).code).toBe(0);
  expect((await runCli(dir, ['contacts', 'add', '--name', '王小明', '--phone', '0912345678', '--category', 'VIP'])).code).toBe(0);
  expect((await runCli(dir, ['contacts', 'add', '--name', '李大華', '--phone', '0922333444', '--category', 'VIP'])).code).toBe(0);
  return dir;
}

const texts = (dir: string) => withDb(dir, (db) => db.prepare('select to_e164, text, origin, template_id from messages order by id').all() as { to_e164: string; text: string; origin: string; template_id: number | null }[]);

describe('smsdesk templates', { timeout: 60_000 }, () => {
  it('adds, lists and removes templates; a clash ends with exit 1, an unknown name with exit 2, each with a translated line', async () => {
    const dir = tempDir();
    const added = await runCli(dir, ['templates', 'add', '驗車', '--body', '{姓名} 您好', '--category', '通知', '--json']);
    expect(added.code).toBe(0);
    expect(json<{ id: number; name: string; category: string }>(added)).toMatchObject({ name: '驗車', category: '通知' });
    const clash = await runCli(dir, ['templates', 'add', '驗車', '--body', 'x']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('驗車');
    const list = await runCli(dir, ['templates', 'list', '--json']);
    expect(json<{ name: string }[]>(list).map((x) => x.name)).toEqual(['驗車']);
    expect((await runCli(dir, ['templates', 'remove', '驗車'])).code).toBe(0);
    const gone = await runCli(dir, ['templates', 'remove', '驗車']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('找不到名為「驗車」的範本');
  });
});

describe('smsdesk send with templates and contacts', { timeout: 60_000 }, () => {
  it('takes a category and typed numbers together; errors of the check become rejected entries with codes and reasons', async () => {
    const dir = await shop();
    expect((await runCli(dir, ['templates', 'add', '問候', '--body', '{姓名} {稱謂} 您好'])).code).toBe(0);
    const result = await runCli(dir, ['send', '--template', '問候', '--category', 'VIP', '--to', '0933555666, 12', '--prefix', '--json']);
    // Nothing could be sent: exit 2, as for `send --text` when every number is rejected.
    expect(result.code).toBe(2);
    const out = json<SendJson>(result);
    // Nobody has an honorific: every recipient lacks a value, and the bad number is invalid.
    expect(out.messages).toEqual([]);
    expect(out.rejected.map((r) => [r.to, r.code]).sort()).toEqual([
      ['0912345678', 'missing_value'], ['0922333444', 'missing_value'], ['0933555666', 'missing_value'], ['12', 'invalid_number'],
    ]);
    expect(out.rejected.find((r) => r.to === '0933555666')!.reason).toBe('{姓名} {稱謂} 沒有資料');
    expect(out.rejected.find((r) => r.to === '0912345678')).toMatchObject({ params: { field: '{稱謂}' } });
  });

  it('sends different texts to each contact and prints warnings to stderr', async () => {
    const dir = await shop();
    expect((await runCli(dir, ['templates', 'add', '問候', '--body', '{姓名} 您好'])).code).toBe(0);
    const result = await runCli(dir, ['send', '--template', '問候', '--contact', '1,2']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toContain('簡訊沒有標示發送者');
    expect(texts(dir)).toEqual([
      { to_e164: '+886912345678', text: '王小明 您好', origin: 'cli', template_id: 1 },
      { to_e164: '+886922333444', text: '李大華 您好', origin: 'cli', template_id: 1 },
    ]);
  });

  it('refuses with exit 2: an unknown template or category, no recipients, an error about the whole send', { timeout: 120_000 }, async () => {
    const dir = await shop();
    for (const args of [
      ['send', '--template', '沒有這個', '--contact', '1'],
      ['send', '--text', 'x', '--category', '沒有這個'],
      ['send', '--template', '問候'],
      ['send', '--text', '{姓明} 您好', '--contact', '1'],
      ['send', '--text', '【測試店】特價', '--marketing', '--contact', '1'],
    ]) {
      const r = await runCli(dir, args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr.trim()).not.toBe('');
    }
    expect(texts(dir)).toEqual([]);
  });

  it('send --text to numbers sends TEXT exactly as given: no placeholder filled, no prefix', async () => {
    const dir = await shop();
    const r = await runCli(dir, ['send', '--to', '0912345678', '--text', '{姓名} 您好 {店名}', '--prefix']);
    expect(r.code).toBe(0);
    expect(texts(dir)).toEqual([{ to_e164: '+886912345678', text: '{姓名} 您好 {店名}', origin: 'cli', template_id: null }]);
  });
});
