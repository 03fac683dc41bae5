// Opening the real core on a temp data dir with a fake clock, and closing it when the test ends.
import { onTestFinished } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import type { CoreEvent } from '../../src-shared/api/events';
import { FakeClock } from './fake-clock';
import { tempDir } from './temp-dir';

export interface TestCore {
  core: Core;
  clock: FakeClock;
  dataDir: string;
  /** Every event the core emitted since it was opened. */
  events: CoreEvent[];
  logs: string[];
}

export type TestCoreOptions = Partial<CoreOptions> & { migrationsDir?: string; clock?: FakeClock };

/** The real createCore with a FakeClock (unless one is given); closed after the current test. */
export async function openCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const clock = options.clock ?? new FakeClock();
  const dataDir = options.dataDir ?? tempDir();
  const logs: string[] = [];
  // Scheduled backups only where a test asks for them: they would write beside the temp dir.
  const core = await createCore({ scheduledBackups: false, ...options, dataDir, clock, log: (line) => logs.push(line) });
  const events: CoreEvent[] = [];
  core.onEvent((e) => events.push(e));
  // Sending starts once the start-up database check has passed (a worker thread, real time).
  await core.whenChecked();
  onTestFinished(async () => {
    await core.close();
    // A dispatcher pass that threw is a bug even when the test's own assertions passed.
    const failures = logs.filter((line) => /failed/.test(line));
    if (failures.length) throw new Error(`the core logged failures:\n${failures.join('\n')}`);
  });
  return { core, clock, dataDir, events, logs };
}

/** Sets the sandbox's delivery delay through the API, as the Settings page would. */
export async function setDeliveryDelay(core: Core, ms: number): Promise<void> {
  await core.call('settings.set', { key: 'sandbox.deliveryDelayMs', value: ms });
}

