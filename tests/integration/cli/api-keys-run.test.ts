// `smsdesk api-keys` (create shows the key once, list never shows it, revoke), and `smsdesk run` doing
// the scheduler's work in another process: catch-up at start (a message long overdue becomes missed,
// not sent), and the integration API while it holds the lease — its port released when it stops.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCore, systemClock, type Core } from '../../../src-main/core';
import { collect, json, runCli, spawnCliViaTsx } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('smsdesk api-keys', () => {
  it('creates a key shown once, lists keys without it, and revokes one', async () => {
    const dataDir = tempDir();
    const created = await runCli(dataDir, ['api-keys', 'create', 'POS']);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^smsd_[A-Za-z0-9_-]{43}$/);
    const listed = await runCli(dataDir, ['api-keys', 'list', '--json']);
    expect(listed.stdout).not.toContain(secret);
    expect(json<{ id: number; name: string; revokedAt: string | null }[]>(listed)).toMatchObject([{ id: 1, name: 'POS', revokedAt: null }]);
    const revoked = await runCli(dataDir, ['api-keys', 'revoke', '1']);
    expect(revoked.code).toBe(0);
    expect(json<{ revokedAt: string | null }[]>(await runCli(dataDir, ['api-keys', 'list', '--json']))[0]!.revokedAt).not.toBeNull();
    const missing = await runCli(dataDir, ['api-keys', 'revoke', '9']);
    expect(missing.code).toBe(2);
  }, 60_000);
});

describe('smsdesk run', () => {
  it('catches up at start and serves the integration API while it holds the lease', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const core: Core = await createCore({ dataDir, clock: systemClock, dispatch: false, log: () => {} });
    try {
      await core.call('settings.set', { key: 'integration.enabled', value: true });
      await core.call('settings.set', { key: 'integration.port', value: port });
      const { secret } = await core.api['integration.keys.create']({ name: 'ERP' });
      // A message that came due five hours ago while nothing ran (past the 2 h grace window).
      const { messages } = await core.api['messages.send']({ to: '0912345678', text: 'hi', at: new Date(Date.now() + 3600_000).toISOString(), origin: 'composer' });
      const overdue = Date.now() - 5 * 3600_000;
      withDb(dataDir, (db) => db.prepare('update messages set scheduled_at = ?, next_action_at = ? where id = ?').run(overdue, overdue, messages[0]!.id));

      const child = spawnCliViaTsx(dataDir, ['run']);
      const exited = collect(child, 60_000);
      try {
        await waitFor(async () => (await core.api['messages.get']({ id: messages[0]!.id })).status === 'missed', { what: 'catch-up to mark the overdue message missed' });
        const answer = await waitFor(async () => {
          const res = await fetch(`http://127.0.0.1:${port}/v1/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: JSON.stringify({ to: '0922333444', text: 'from the ERP', idempotencyKey: 'erp-1' }),
          }).catch(() => null);
          return res?.status === 201 ? ((await res.json()) as { messages: { id: number }[] }) : null;
        }, { what: 'smsdesk run to open the integration API' });
        expect((await core.api['messages.get']({ id: answer.messages[0]!.id })).origin).toBe('api');
      } finally {
        child.kill('SIGTERM');
      }
      const result = await exited;
      expect(result.code, JSON.stringify(result)).toBe(0);
      expect(result.stderr).toContain(`http://127.0.0.1:${port}`);
      // The port went with the process and its lease.
      await expect(fetch(`http://127.0.0.1:${port}/v1/messages/1`)).rejects.toThrow();
      expect((await core.api['dispatcher.status']({})).holder).toBeNull();
    } finally {
      await core.close();
    }
  }, 90_000);
});
