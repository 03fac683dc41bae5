// Two PROCESSES on one data dir: `smsdesk run` (headless dispatcher) in a child, and this process
// writing messages through its own core and the CLI. The child sends what we queue, and on SIGTERM
// exits 0 having released the lease.
import { describe, expect, it } from 'vitest';
import { createCore, systemClock, type Core } from '../../../src-main/core';
import { createI18n } from '../../../src-shared/i18n';
import { collect, runCli, spawnCliViaTsx } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';

describe('smsdesk run in another process', () => {
  it('sends what this process queues, and exits 0 on SIGTERM releasing the lease', async () => {
    const dataDir = tempDir();
    const core: Core = await createCore({ dataDir, clock: systemClock, dispatch: false, log: () => {} });
    try {
      await core.call('settings.set', { key: 'sandbox.deliveryDelayMs', value: 200 });
      const child = spawnCliViaTsx(dataDir, ['run']);
      const exited = collect(child, 60_000);
      try {
        const holder = await waitFor(async () => (await core.api['dispatcher.status']({})).holder, { what: 'smsdesk run to take the lease' });
        expect(holder.pid).not.toBe(process.pid);
        expect((await core.api['dispatcher.status']({})).active).toBe(false);

        const mine = await core.api['messages.send']({ to: '0912345678, 0922333444', text: '【測試店】您好', origin: 'composer' });
        // The CLI without --wait sees a live dispatcher, so it does not say "leaves when one runs".
        const viaCli = await runCli(dataDir, ['send', '--to', '0933444555', '--text', 'hi', '--json']);
        expect(viaCli.code).toBe(0);
        expect(viaCli.stderr).not.toContain(createI18n('zh-TW').t('cli.noDispatcher'));
        const cliId = (JSON.parse(viaCli.stdout) as { messages: { id: number }[] }).messages[0]!.id;

        const ids = [...mine.messages.map((m) => m.id), cliId];
        await waitFor(async () => {
          const statuses = await Promise.all(ids.map(async (id) => (await core.api['messages.get']({ id })).status));
          return statuses.every((s) => s === 'delivered');
        }, { timeoutMs: 20_000, what: 'the run process to deliver the messages' });
        const sends = withDb(dataDir, (db) => db.prepare(`select count(*) as n from message_events where to_status = 'sending'`).get());
        expect(sends).toEqual({ n: 3 });
      } finally {
        child.kill('SIGTERM');
      }
      const result = await exited;
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(createI18n('zh-TW').t('cli.stopped'));
      expect((await core.api['dispatcher.status']({})).holder).toBeNull();
    } finally {
      await core.close();
    }
  });
});
