// A rule in a time zone other than the shop's runs on that zone's wall clock (next run, the runs
// themselves, the preview, "{date}" as that zone's calendar day); a rule's texts carry the composer's
// default prefix (the sender tag) and suffix (the signature) when its switches are on, and are the
// template exactly when they are off. Real core, fake clock.
import { describe, expect, it } from 'vitest';
import { openCore } from '../../helpers/core';
import { FakeClock } from '../../helpers/fake-clock';
import { addRule, contact, occurrences, ruleMessages, runUntil, shop } from './helpers';

const at = (iso: string) => Date.parse(iso);
const everyone = { filter: {}, conditions: [] };

describe('a rule in a zone other than the shop\'s', () => {
  it('runs at 09:00 Tokyo time (00:00 UTC), not at 09:00 in Taipei (01:00 UTC)', async () => {
    // 2026-06-01 08:30 in Taipei, 09:30 in Tokyo: Tokyo's 09:00 has passed today.
    const clock = new FakeClock(at('2026-06-01T00:30:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core, 'Asia/Taipei');
    await contact(core, '王小明', '0912345678');
    const tokyo = await addRule(core, { name: 'jp', target: everyone, templateId, cadence: { kind: 'daily' }, time: '09:00', timeZone: 'Asia/Tokyo' });
    const taipei = await addRule(core, { name: 'tw', target: everyone, templateId, cadence: { kind: 'daily' }, time: '09:00' });
    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    expect(taipei.timeZone).toBe('Asia/Taipei');
    expect(tokyo.nextRunAt).toBe('2026-06-02T00:00:00.000Z');
    expect(taipei.nextRunAt).toBe('2026-06-01T01:00:00.000Z');

    const preview = await core.api['rules.preview']({ id: tokyo.id, limit: 5 });
    expect(preview.occurrenceAt).toBe('2026-06-02T00:00:00.000Z');
    expect(preview.upcoming[0]).toBe('2026-06-03T00:00:00.000Z');
    expect(preview.samples.map((s) => s.text)).toEqual(['【測試店】王小明生日快樂']);

    // A second before Tokyo's 09:00 on 2 June nothing of the Tokyo rule has gone; at it, one message.
    await runUntil(core, clock, at('2026-06-01T23:59:59Z'));
    expect(ruleMessages(dataDir, tokyo.id)).toEqual([]);
    expect(ruleMessages(dataDir, taipei.id).map((m) => new Date(m.created_at).toISOString())).toEqual(['2026-06-01T01:00:00.000Z']);
    await runUntil(core, clock, at('2026-06-02T00:00:01Z'));
    expect(ruleMessages(dataDir, tokyo.id).map((m) => new Date(m.created_at).toISOString())).toEqual(['2026-06-02T00:00:00.000Z']);
    expect(occurrences(dataDir, tokyo.id).map((o) => new Date(o.occurrence_at).toISOString())).toEqual(['2026-06-02T00:00:00.000Z']);
  });

  it('reads "today" in its own zone: a birthday rule at 00:30 Tokyo time greets the Tokyo date', async () => {
    // 2026-06-01 15:00 UTC: 23:00 on 1 June in Taipei, 00:00 on 2 June in Tokyo.
    const clock = new FakeClock(at('2026-06-01T15:00:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core, 'Asia/Taipei');
    await contact(core, '一日生', '0912345678', { birthday: '1990-06-01' });
    await contact(core, '二日生', '0922333444', { birthday: '1990-06-02' });
    const rule = await addRule(core, { name: 'b', target: { filter: {}, conditions: [{ kind: 'birthdayToday' }] }, templateId, cadence: { kind: 'daily' }, time: '00:30', timeZone: 'Asia/Tokyo' });
    // 00:30 in Tokyo on 2 June is 23:30 on 1 June in Taipei: still the Tokyo date is what counts.
    expect(rule.nextRunAt).toBe('2026-06-01T15:30:00.000Z');
    const preview = await core.api['rules.preview']({ id: rule.id, limit: 5 });
    expect(preview.localDate).toBe('2026-06-02');
    await runUntil(core, clock, at('2026-06-01T15:31:00Z'));
    expect(ruleMessages(dataDir, rule.id).map((m) => m.to_e164)).toEqual(['+886922333444']);
  });

  it('a cron expression is read in the rule\'s zone too, and a bad zone is refused with its key', async () => {
    const clock = new FakeClock(at('2026-06-01T00:30:00Z'));
    const { core } = await openCore({ clock });
    const { templateId } = await shop(core, 'Asia/Taipei');
    const rule = await addRule(core, { name: 'c', target: everyone, templateId, cadence: { kind: 'cron', expression: '0 9 * * *' }, timeZone: 'America/New_York' });
    // 09:00 in New York in June (EDT, UTC−4) is 13:00 UTC.
    expect(rule.nextRunAt).toBe('2026-06-01T13:00:00.000Z');
    await expect(core.call('rules.create', { name: 'x', target: everyone, templateId, cadence: { kind: 'daily' }, time: '09:00', timeZone: 'Asia/Nowhere' }))
      .rejects.toMatchObject({ key: 'rules.errors.timeZone' });
  });
});

describe('the composer\'s default prefix and suffix', () => {
  async function setUp() {
    const { core, clock, dataDir } = await openCore();
    const { templateId } = await shop(core);
    await core.api['settings.set']({ key: 'compose.suffix', value: ' 測試店 {shopPhone}' });
    await core.api['settings.set']({ key: 'shop.phone', value: '02-1234-5678' });
    await contact(core, '王小明', '0912345678');
    return { core, clock, dataDir, templateId };
  }

  it('are on for a new rule: its run queues the sender tag, the text and the signature', async () => {
    const { core, clock, dataDir, templateId } = await setUp();
    const rule = await addRule(core, { name: 'w', target: everyone, templateId, cadence: { kind: 'daily' }, time: '10:00' });
    expect([rule.usePrefix, rule.useSuffix]).toEqual([true, true]);
    const preview = await core.api['rules.preview']({ id: rule.id, limit: 5 });
    expect(preview.samples.map((s) => s.text)).toEqual(['【測試店】王小明生日快樂 測試店 02-1234-5678']);
    await runUntil(core, clock, at('2026-06-01T02:00:01Z'));
    expect(ruleMessages(dataDir, rule.id).map((m) => m.text)).toEqual(['【測試店】王小明生日快樂 測試店 02-1234-5678']);
    // Run now (a few minutes later: another occurrence) goes the same way.
    await clock.advanceAsync(5 * 60_000);
    await core.api['rules.runNow']({ id: rule.id });
    expect(ruleMessages(dataDir, rule.id).map((m) => m.text)).toEqual(['【測試店】王小明生日快樂 測試店 02-1234-5678', '【測試店】王小明生日快樂 測試店 02-1234-5678']);
  });

  it('switched off, the message is exactly the template; each switch alone adds only its part', async () => {
    const { core, dataDir, templateId } = await setUp();
    const plain = await addRule(core, { name: 'p', target: everyone, templateId, cadence: { kind: 'daily' }, time: '10:00', usePrefix: false, useSuffix: false });
    const tagOnly = await addRule(core, { name: 't', target: everyone, templateId, cadence: { kind: 'daily' }, time: '10:00', usePrefix: true, useSuffix: false });
    const signOnly = await addRule(core, { name: 's', target: everyone, templateId, cadence: { kind: 'daily' }, time: '10:00', usePrefix: false, useSuffix: true });
    for (const r of [plain, tagOnly, signOnly]) await core.api['rules.runNow']({ id: r.id });
    expect(ruleMessages(dataDir, plain.id).map((m) => m.text)).toEqual(['王小明生日快樂']);
    expect(ruleMessages(dataDir, tagOnly.id).map((m) => m.text)).toEqual(['【測試店】王小明生日快樂']);
    expect(ruleMessages(dataDir, signOnly.id).map((m) => m.text)).toEqual(['王小明生日快樂 測試店 02-1234-5678']);
    // Changing the switch on a saved rule changes what the next run sends.
    await core.call('rules.update', { id: plain.id, rule: { name: 'p', target: everyone, templateId, cadence: { kind: 'daily' }, time: '10:00', usePrefix: true, useSuffix: false } });
    expect((await core.api['rules.preview']({ id: plain.id, limit: 1 })).samples[0]!.text).toBe('【測試店】王小明生日快樂');
  });
});
