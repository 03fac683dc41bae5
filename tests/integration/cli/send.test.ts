// `smsdesk send` as a script runs it: the real CLI in a child process on a temp data dir, checking the
// --json shapes, the exit codes of the CLI contract (0 / 2 / 124) and how --to is split.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/db';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';
import { cliDataDir, expectSendShape, send } from './send-helpers';

const t = createI18n('zh-TW').t;
const dataDir = cliDataDir;


describe('smsdesk send', () => {
  it('the issue’s "done means": send --wait --json → delivered; log --json → delivered, 1 segment', async () => {
    const dir = tempDir();
    expect((await runCli(dir, ['settings', 'set', 'sandbox.deliveryDelayMs', '200'])).code).toBe(0);
    const result = await send(dir, ['--to', '0912345678', '--text', '【測試店】您好', '--wait', '--json']);
    expect(result.code).toBe(0);
    expect(expectSendShape(result)).toEqual({ messages: [{ id: 1, to: '+886912345678', status: 'delivered' }], rejected: [] });

    const log = await runCli(dir, ['log', '--json']);
    expect(log.code).toBe(0);
    const { messages } = json<{ messages: Record<string, unknown>[] }>(log);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(Object.keys(m).sort()).toEqual(
      ['id', 'to', 'text', 'status', 'segments', 'encoding', 'account', 'providerMessageId', 'error', 'origin', 'memo', 'createdAt', 'scheduledAt', 'sentAt', 'deliveredAt'].sort(),
    );
    expect(m).toMatchObject({ id: 1, to: '+886912345678', text: '【測試店】您好', status: 'delivered', segments: 1, encoding: 'UCS-2', account: 'sandbox', error: null, origin: 'cli', memo: null, scheduledAt: null });
    const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    for (const key of ['createdAt', 'sentAt', 'deliveredAt'] as const) expect(m[key]).toMatch(isoUtc);
    expect(Date.parse(m.deliveredAt as string)).toBeGreaterThanOrEqual(Date.parse(m.sentAt as string));
    expect(m.providerMessageId).toEqual(expect.any(String));
  });

  it('waits for a failure too (final), exit 0, and log explains it in words', async () => {
    const dir = await dataDir(0);
    const result = await send(dir, ['--to', '0912340000', '--text', 'hi', '--wait', '--json', '--memo', 'test range']);
    expect(result.code).toBe(0);
    expect(expectSendShape(result).messages).toEqual([{ id: 1, to: '+886912340000', status: 'failed' }]);
    const m = json<{ messages: Record<string, unknown>[] }>(await runCli(dir, ['log', '--json'])).messages[0]!;
    expect(m.error).toEqual({ code: 'sandbox_undeliverable', message: t('errors.provider.sandboxUndeliverable', { to: '0912 340 000' }) });
    expect(m.memo).toBe('test range');
  });

  it('splits --to as documented: spaced numbers stay whole, a space-separated pair is two, repeats are one', async () => {
    const dir = await dataDir();
    const [spacedTw, spacedJp, pair, repeated] = await Promise.all([
      send(dir, ['--to', '0912 345 678', '--text', 'a', '--json']),
      send(dir, ['--to', '+81 90 1234 5678', '--text', 'b', '--json']),
      send(dir, ['--to', '0912345678 0922333444', '--text', 'c', '--json']),
      send(dir, ['--to', '0912345678, 0912-345-678', '--text', 'd', '--json']),
    ]);
    for (const r of [spacedTw, spacedJp, pair, repeated]) expect(r.code).toBe(0);
    expect(expectSendShape(spacedTw).messages.map((m) => m.to)).toEqual(['+886912345678']);
    expect(expectSendShape(spacedJp).messages.map((m) => m.to)).toEqual(['+819012345678']);
    expect(expectSendShape(pair).messages.map((m) => m.to)).toEqual(['+886912345678', '+886922333444']);
    const dup = expectSendShape(repeated);
    expect(dup.messages.map((m) => m.to)).toEqual(['+886912345678']);
    expect(dup.rejected).toEqual([{ to: '0912-345-678', code: 'duplicate', reason: t('common.rejection.duplicate') }]);
  });

  it('without --wait and no dispatcher: queued, exit 0, and stderr says it leaves when one runs', async () => {
    const dir = await dataDir();
    const result = await send(dir, ['--to', '0912345678', '--text', 'hi']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(t('cli.noDispatcher'));
    expect(result.stdout).toContain(t('common.status.queued'));
  });

  it('still says so when the last sender crashed moments ago (fresh heartbeat, dead process)', async () => {
    const dir = await dataDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    withDb(dir, (db) =>
      db.prepare(`insert into dispatcher_lease (id, holder_id, host, pid, process_started_at, acquired_at, heartbeat_at) values (1, 'crashed', ?, ?, 0, ?, ?)`)
        .run(os.hostname(), dead, Date.now() - 5000, Date.now() - 1000),
    );
    const result = await send(dir, ['--to', '0912345678', '--text', 'hi']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(t('cli.noDispatcher'));
  });

  it('is validated against the contract like every host: a memo over 500 characters is refused, nothing created', async () => {
    const dir = await dataDir();
    const result = await send(dir, ['--to', '0912345678', '--text', 'hi', '--memo', 'a'.repeat(501)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(t('errors.validation.invalidInput'));
    const log = await runCli(dir, ['log', '--json']);
    expect(json<{ messages: unknown[] }>(log).messages).toHaveLength(0);
  });

  it('schedules with --at in the shop time zone (no dispatcher needed to accept it)', async () => {
    const dir = await dataDir(200, { 'shop.timeZone': 'Asia/Taipei' });
    const result = await send(dir, ['--to', '0912345678', '--text', 'hi', '--at', '2099-06-01T09:30', '--json']);
    expect(result.code).toBe(0);
    expect(expectSendShape(result).messages).toEqual([{ id: 1, to: '+886912345678', status: 'scheduled' }]);
    const m = json<{ messages: Record<string, unknown>[] }>(await runCli(dir, ['log', '--json'])).messages[0]!;
    expect(m.scheduledAt).toBe('2099-06-01T01:30:00.000Z');
  });
});
