// `smsdesk send` exit codes (the CLI contract): 2 for bad input with nothing done — a past or unreadable
// --at, every number rejected (the JSON is still printed), bad arguments — and 124 when --wait runs out.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { cliDataDir as dataDir, expectSendShape, send } from './send-helpers';

const t = createI18n('zh-TW').t;

describe('smsdesk send exit codes', () => {
  it('exit 2 and the JSON with reasons when every number is rejected', async () => {
    const dir = await dataDir();
    const result = await send(dir, ['--to', '02-2722-1234; 123', '--text', 'hi', '--json']);
    expect(result.code).toBe(2);
    expect(expectSendShape(result)).toEqual({
      messages: [],
      rejected: [
        { to: '02-2722-1234', code: 'not_mobile', reason: t('common.rejection.not_mobile') },
        { to: '123', code: 'invalid_number', reason: t('common.rejection.invalid_number') },
      ],
    });
    expect(result.stderr).toContain(t('errors.recipients.allRejected'));
  });

  it('exit 2 for a past --at, an unreadable --at and bad arguments — and nothing is created', async () => {
    const dir = await dataDir();
    const results = await Promise.all([
      send(dir, ['--to', '0912345678', '--text', 'hi', '--at', '2020-01-01T09:00:00+08:00', '--json']),
      send(dir, ['--to', '0912345678', '--text', 'hi', '--at', 'tomorrow']),
      send(dir, ['--to', '0912345678', '--text', 'hi', '--wait', 'abc']),
      send(dir, ['--to', '0912345678', '--text', 'hi', '--wait', '-5']),
      send(dir, ['--to', '0912345678']),
      send(dir, ['--text', 'hi']),
      send(dir, ['--to', '0912345678', '--text', 'hi', '--bogus']),
      send(dir, ['--to', '0912345678', '--text', 'hi', '--account', 'nobody']),
      send(dir, ['--to', '0912345678', '--text', '   ']),
    ]);
    expect(results.map((r) => r.code)).toEqual(results.map(() => 2));
    expect(results[0]!.stderr).toContain(t('errors.time.past', { at: '2020-01-01T09:00:00+08:00' }));
    expect(results[1]!.stderr).toContain(t('errors.time.invalid', { at: 'tomorrow' }));
    expect(results[7]!.stderr).toContain(t('errors.notFound.account', { name: 'nobody' }));
    for (const r of results) expect(r.stderr.trim()).not.toBe('');
    const log = json<{ messages: unknown[] }>(await runCli(dir, ['log', '--json']));
    expect(log.messages).toEqual([]);
  });

  it('exit 124 when --wait runs out, with the JSON still printed', async () => {
    const dir = await dataDir(600_000);
    const result = await send(dir, ['--to', '0912345678', '--text', 'hi', '--wait', '1', '--json']);
    expect(result.code).toBe(124);
    expect(expectSendShape(result)).toEqual({ messages: [{ id: 1, to: '+886912345678', status: 'sent' }], rejected: [] });
    expect(result.stderr).toContain(t('cli.waitTimeout', { seconds: 1 }));
  });

});
