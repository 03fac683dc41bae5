// `smsdesk log`: newest first, filters by status, time, text and account, a limit (default 100, no
// maximum: it pages through), --json with the documented keys, and words for people otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { FakeClock } from '../../helpers/fake-clock';
import { tempDirManual } from '../../helpers/temp-dir';

const t = createI18n('zh-TW').t;
type LogJson = { messages: { id: number; to: string; status: string; text: string; memo: string | null; createdAt: string }[] };

let dir: string;
let remove: () => void;
/** 2026-06-01 09:00 in Taipei. */
const T0 = Date.UTC(2026, 5, 1, 1, 0);

beforeAll(async () => {
  ({ dir, remove } = tempDirManual());
  // The history is written through the core with a fake clock, so every created_at is known exactly.
  const clock = new FakeClock(T0);
  const core = await createCore({ dataDir: dir, clock, log: () => {} });
  await core.whenChecked(); // sending starts once the start-up check has passed
  await core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
  await core.call('settings.set', { key: 'sandbox.deliveryDelayMs', value: 0 });
  await core.api['messages.send']({ to: '0912345678', text: '早安', memo: 'VIP 王先生', origin: 'composer' }); // 1, 09:00
  await clock.advanceAsync(1000); // 1 → delivered
  clock.jump(3600_000 - 1000);
  await core.api['messages.send']({ to: '0922333444, 0912340000', text: '午安', origin: 'cli' }); // 2, 3 at 10:00
  await clock.advanceAsync(1000); // 2 delivered, 3 failed
  clock.jump(3600_000 - 1000);
  await core.api['messages.send']({ to: '0933444555', text: '晚安', origin: 'cli', at: '2026-06-02T09:00' }); // 4 at 11:00, scheduled
  await core.api['messages.send']({ to: '0955666777', text: '取消', origin: 'cli', at: '2026-06-02T09:00' }); // 5
  await core.api['messages.cancel']({ id: 5 });
  // A long tail for paging: 1,150 more, one call.
  clock.jump(3600_000);
  await core.call('dispatcher.setPaused', { paused: true });
  const many = Array.from({ length: 1150 }, (_, i) => `0970${String(1_000_001 + i).slice(1)}`);
  await core.api['messages.send']({ to: many.join('\n'), text: 'bulk', origin: 'cli' }); // 6 … 1155 at 12:00, queued
  await core.close();
});

afterAll(() => remove?.());

const log = async (...args: string[]) => {
  const result = await runCli(dir, ['log', ...args]);
  return { result, body: result.code === 0 && args.includes('--json') ? json<LogJson>(result) : null };
};
const ids = (body: LogJson | null) => body!.messages.map((m) => m.id);

describe('smsdesk log', () => {
  it('filters by status (one or several), by text, number or memo, and limits', async () => {
    const [delivered, several, byText, byNumber, byMemo, limited] = await Promise.all([
      log('--status', 'delivered', '--json'),
      log('--status', 'failed,cancelled,scheduled', '--json'),
      log('--search', '午安', '--json'),
      log('--search', '0922-333', '--json'),
      log('--search', 'VIP', '--json'),
      log('--status', 'delivered,failed,scheduled,cancelled', '--limit', '2', '--json'),
    ]);
    expect(ids(delivered.body)).toEqual([2, 1]);
    expect(ids(several.body)).toEqual([5, 4, 3]);
    expect(ids(byText.body)).toEqual([3, 2]);
    expect(ids(byNumber.body)).toEqual([2]);
    expect(ids(byMemo.body)).toEqual([1]);
    expect(ids(limited.body)).toEqual([5, 4]);
  });

  it('filters by --since/--until: local shop time without an offset, or an instant with one', async () => {
    const [local, instant, window] = await Promise.all([
      log('--status', 'delivered,failed,scheduled,cancelled', '--since', '2026-06-01T10:00', '--json'),
      log('--until', '2026-06-01T02:00:00Z', '--json'),
      log('--since', '2026-06-01T09:30', '--until', '2026-06-01T10:59:59', '--json'),
    ]);
    expect(ids(local.body)).toEqual([5, 4, 3, 2]);
    expect(ids(instant.body)).toEqual([1]); // created_at < 10:00 Taipei
    expect(ids(window.body)).toEqual([3, 2]);
  });

  it('defaults to the newest 100, and has no maximum (pages through more than 1000)', async () => {
    const [byDefault, all] = await Promise.all([log('--json'), log('--limit', '5000', '--json')]);
    expect(ids(byDefault.body)).toHaveLength(100);
    expect(ids(byDefault.body)[0]).toBe(1155);
    expect(ids(all.body)).toHaveLength(1155);
    expect(ids(all.body)).toEqual(Array.from({ length: 1155 }, (_, i) => 1155 - i));
  });

  it('hands all of a long --json log to a slow reader of the pipe (flushes before exiting)', async () => {
    const result = await runCli(dir, ['log', '--limit', '5000', '--json'], { slowReader: 2000 });
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(128 * 1024); // more than a pipe holds
    expect(json<LogJson>(result).messages).toHaveLength(1155);
  });

  it('prints times in ISO UTC and to in E.164', async () => {
    const { body } = await log('--status', 'delivered', '--json');
    expect(body!.messages.at(-1)).toMatchObject({ id: 1, to: '+886912345678', createdAt: '2026-06-01T01:00:00.000Z', memo: 'VIP 王先生' });
  });

  it('says so when nothing matches: empty JSON list, or a line on stderr', async () => {
    const [asJson, asText] = await Promise.all([log('--search', 'nothing like this', '--json'), log('--search', 'nothing like this')]);
    expect(asJson.result.code).toBe(0);
    expect(asJson.body).toEqual({ messages: [] });
    expect(asText.result.code).toBe(0);
    expect(asText.result.stderr).toContain(t('cli.noMessages'));
  });

  it('speaks the shop language without --json', async () => {
    const { result } = await log('--status', 'failed');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('#3');
    expect(result.stdout).toContain(t('common.status.failed'));
    expect(result.stdout).toContain('+886912340000');
  });

  it('refuses bad arguments with exit 2', async () => {
    const results = await Promise.all([
      runCli(dir, ['log', '--status', 'canceled']),
      runCli(dir, ['log', '--limit', '0']),
      runCli(dir, ['log', '--since', 'yesterday']),
      runCli(dir, ['log', '--account', 'nobody']),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(results[2]!.stderr).toContain(t('cli.badTime', { at: 'yesterday' }));
  });
});
