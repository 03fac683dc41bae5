// A minimal Core (src-main/core/types.ts) for the Electron host's unit tests: a few handlers behind
// the real contract validation (dispatchCall), and an event stream the test drives. The host only
// forwards calls and reacts to events; the real core has its own tests.
import { ApiError, dispatchCall, isMethodName, type ApiHandlers, type CoreEvent, type DispatcherStatus, type SchedulerStatus } from '../../../src-shared/api';
import type { Language } from '../../../src-shared/i18n';
import type { Core } from '../../../src-main/core/types';

export interface FakeCore extends Core {
  paused: boolean;
  language: Language;
  closed: boolean;
  /** When set, close() waits for it: a test can look at the app while the database is closing. */
  closeGate: Promise<void> | null;
  readonly calls: Array<{ method: string; input: unknown }>;
  emit(event: CoreEvent): void;
  listenerCount(): number;
}

export function createFakeCore(initial: {
  paused?: boolean;
  language?: Language;
  dataDir?: string;
  /** When given, the core answers scheduler.status (issue 7); otherwise the method is unknown, as in an older core. */
  schedulerStatus?: SchedulerStatus;
  /** Stored settings (settings.list), e.g. scheduler.startMinimised. */
  settings?: Record<string, string | number | boolean | null>;
} = {}): FakeCore {
  const listeners = new Set<(event: CoreEvent) => void>();
  const status = (): DispatcherStatus => ({
    paused: core.paused,
    active: true,
    holder: null,
    counts: { queued: 0, scheduled: 0, sending: 0, sent: 0 },
  });

  const handlers: Partial<ApiHandlers> = {
    'app.info': () => ({
      version: '0.1.0-test',
      dataDir: core.dataDir,
      testMode: true,
      defaultAccount: 'sandbox',
      timeZone: 'Asia/Taipei',
      region: 'TW',
      language: core.language,
    }),
    'dispatcher.status': () => status(),
    'dispatcher.setPaused': ({ paused }) => {
      core.paused = paused;
      core.emit({ type: 'dispatcher.changed' });
      return status();
    },
    ...(initial.schedulerStatus ? { 'scheduler.status': () => initial.schedulerStatus! } : {}),
    'settings.list': () => ({ settings: Object.entries(initial.settings ?? {}).map(([key, value]) => ({ key, value, isDefault: false })) }),
    'messages.get': ({ id }) => {
      if (id === 404) throw new ApiError('not_found', 'errors.notFound.message', { id });
      throw new Error(`disk on fire at /secret/path for #${id}`);
    },
  };

  const core: FakeCore = {
    dataDir: initial.dataDir ?? '/tmp/smsdesk-fake',
    paused: initial.paused ?? false,
    language: initial.language ?? 'zh-TW',
    closed: false,
    closeGate: null,
    calls: [],
    api: handlers as ApiHandlers,
    async call(method, input) {
      core.calls.push({ method, input });
      if (!isMethodName(method) || !handlers[method]) throw new ApiError('not_found', 'errors.unknownMethod', { method });
      return dispatchCall(handlers as ApiHandlers, method, input);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of [...listeners]) l(event);
    },
    listenerCount: () => listeners.size,
    async tick() {},
    async whenChecked() {},
    async close() {
      await core.closeGate;
      core.closed = true;
    },
  };
  return core;
}

/** Lets every pending promise callback run (the fakes never wait on real I/O). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
