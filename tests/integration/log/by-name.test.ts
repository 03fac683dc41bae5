// issue #9: the log's "rule or template" filter by name — the screen picks one by name from a list,
// the CLI takes --template NAME / --rule NAME; the list, the counts and the export agree.
import { describe, expect, it } from 'vitest';
import { openCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';

describe('log filter by template and rule name', () => {
  it('matches the messages of the template (or every rule) with that exact name, nothing else', async () => {
    const t = await openCore({ dispatch: false });
    const { core } = t;
    const a = await core.api['templates.save']({ name: '驗車提醒', body: '【測試店】驗車 A', purpose: 'notification' });
    const b = await core.api['templates.save']({ name: '生日祝福', body: '【測試店】生日 B', purpose: 'notification' });
    const send = async (templateId: number, text: string) =>
      (await core.call('compose.send', { draft: { recipients: { numbers: '0912345678' }, text, templateId }, acknowledged: ['quiet_hours', 'template_repeat'] })) as { messages: { id: number }[] };
    const first = (await send(a.id, '【測試店】驗車 A')).messages[0]!.id;
    const second = (await send(b.id, '【測試店】生日 B')).messages[0]!.id;
    const plain = (await core.api['messages.send']({ to: '0922333444', text: 'hi', origin: 'composer' })).messages[0]!.id;

    const ids = async (filter: Record<string, unknown>) => (await core.api['messages.list']({ ...filter, limit: 50 })).messages.map((m) => m.id);
    expect(await ids({ template: '驗車提醒' })).toEqual([first]);
    expect(await ids({ template: '生日祝福' })).toEqual([second]);
    expect(await ids({ template: '驗車' })).toEqual([]);
    expect((await core.api['messages.counts']({ template: '驗車提醒' })).total).toBe(1);
    expect((await core.api['messages.export']({ format: 'csv', filter: { template: '生日祝福' } })).count).toBe(1);

    // Two rules may share a name: both count.
    const rule = { preset: 'birthday', target: { conditions: [{ kind: 'birthdayToday' }] }, templateId: a.id, cadence: { kind: 'daily' }, time: '10:00' };
    const r1 = (await core.call('rules.create', { ...rule, name: '每日提醒' })) as { id: number };
    const r2 = (await core.call('rules.create', { ...rule, name: '每日提醒' })) as { id: number };
    const r3 = (await core.call('rules.create', { ...rule, name: '別的規則' })) as { id: number };
    withDb(t.dataDir, (db) => {
      const set = db.prepare('update messages set rule_id = ? where id = ?');
      set.run(r1.id, first);
      set.run(r2.id, second);
      set.run(r3.id, plain);
    });
    expect(await ids({ rule: '每日提醒' })).toEqual([second, first]);
    expect(await ids({ rule: '每日提醒', template: '生日祝福' })).toEqual([second]);
    expect(await ids({ rule: '別的規則' })).toEqual([plain]);
    expect(await ids({ rule: '沒有這個' })).toEqual([]);
  });
});
