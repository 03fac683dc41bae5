// Runs the integration API in whichever process holds the dispatcher lease (the app, browser mode or
// `smsdesk run`), and only while the setting has it on: it opens the port when this process takes
// the lease and closes it when the lease goes (so the next holder can open it), when the API is
// turned off, or when the port setting changes.
import type { Language } from '../../src-shared/i18n';
import type { Core } from '../core/types';
import { startIntegrationServer, type IntegrationServer } from './server';

export interface IntegrationHost {
  /** The address while serving, else null. */
  url(): string | null;
  /** Looks again now (tests, after a change the host knows of); resolves when the server matches. */
  reconcile(): Promise<void>;
  stop(): Promise<void>;
}

interface Wanted {
  serve: boolean;
  port: number;
  language: Language;
}

export function serveIntegrationWhileLeased(options: {
  core: Pick<Core, 'call' | 'onEvent'>;
  /** Lines for the terminal or the log: already translated by the caller's `describe`. */
  log: (event: { kind: 'listening'; url: string } | { kind: 'stopped' } | { kind: 'failed'; port: number; reason: string }) => void;
}): IntegrationHost {
  const { core } = options;
  let server: IntegrationServer | null = null;
  let language: Language = 'zh-TW';
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  /** The port that failed to open, so a busy port is reported once, not on every event. */
  let failedPort: number | null = null;
  /** A port still held by the previous holder (it closes it as it notices the lease is gone): try again soon. */
  let retry: NodeJS.Timeout | null = null;
  const RETRY_MS = 1000;

  async function wanted(): Promise<Wanted> {
    const [status, list, info] = await Promise.all([
      core.call('dispatcher.status', {}) as Promise<{ active: boolean }>,
      core.call('settings.list', {}) as Promise<{ settings: { key: string; value: unknown }[] }>,
      core.call('app.info', {}) as Promise<{ language: Language }>,
    ]);
    const value = (key: string) => list.settings.find((s) => s.key === key)?.value;
    return { serve: status.active && value('integration.enabled') === true, port: Number(value('integration.port') ?? 8787), language: info.language };
  }

  async function apply(): Promise<void> {
    let want: Wanted;
    try {
      want = stopped ? { serve: false, port: 0, language } : await wanted();
    } catch {
      // The core is closing or busy: serve nothing rather than a port nobody answers behind.
      want = { serve: false, port: 0, language };
    }
    language = want.language;
    if (server && (!want.serve || server.port !== want.port)) {
      const old = server;
      server = null;
      await old.close();
      options.log({ kind: 'stopped' });
    }
    if (want.serve && !server && !stopped) {
      try {
        server = await startIntegrationServer({ core, port: want.port, language: () => language });
        failedPort = null;
        options.log({ kind: 'listening', url: server.url });
      } catch (err) {
        if (failedPort !== want.port) options.log({ kind: 'failed', port: want.port, reason: (err as Error).message });
        failedPort = want.port;
        if (!retry) {
          retry = setTimeout(() => {
            retry = null;
            void reconcile();
          }, RETRY_MS);
          retry.unref();
        }
      }
    }
  }

  const reconcile = (): Promise<void> => (chain = chain.then(apply, apply));
  const unsubscribe = core.onEvent((event) => {
    if (event.type === 'dispatcher.changed' || event.type === 'settings.changed') void reconcile();
  });
  void reconcile();

  return {
    url: () => server?.url ?? null,
    reconcile,
    async stop() {
      stopped = true;
      unsubscribe();
      if (retry) clearTimeout(retry);
      retry = null;
      await reconcile();
    },
  };
}
