// Shared by the `smsdesk send` tests: a prepared data dir, the command, and the --json shape check.
import { expect } from 'vitest';
import { createCore } from '../../../src-main/core';
import { json, runCli, type CliResult } from '../../helpers/cli';
import { FakeClock } from '../../helpers/fake-clock';
import { tempDir } from '../../helpers/temp-dir';

export interface SendJson {
  messages: { id: number; to: string; status: string }[];
  rejected: { to: string; code: string; reason: string }[];
}

/** A migrated data dir whose sandbox delivers after `delayMs` (set in-process: quicker than a CLI run). */
export async function cliDataDir(delayMs = 200, settings: Record<string, string | number> = {}): Promise<string> {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, clock: new FakeClock(), dispatch: false, log: () => {} });
  await core.call('settings.set', { key: 'sandbox.deliveryDelayMs', value: delayMs });
  for (const [key, value] of Object.entries(settings)) await core.call('settings.set', { key, value });
  await core.close();
  return dir;
}

export const send = (dir: string, args: string[]): Promise<CliResult> => runCli(dir, ['send', ...args]);

/** Parses `send --json` output and checks it has exactly the documented keys. */
export function expectSendShape(result: CliResult): SendJson {
  const body = json<SendJson>(result);
  expect(Object.keys(body).sort()).toEqual(['messages', 'rejected']);
  for (const m of body.messages) expect(Object.keys(m).sort()).toEqual(['id', 'status', 'to']);
  for (const r of body.rejected) expect(Object.keys(r).sort()).toEqual(['code', 'reason', 'to']);
  return body;
}
