// The shapes the hosts see of the core. Hosts (electron, web, cli) depend on these, never on internals.
import type { ApiHandlers, CoreEvent, ProviderName } from '../../src-shared/api';
import type { ProviderFactory } from './providers/types';

/** Time, injectable: tests pass a fake clock and advance it; nothing in core reads Date.now() directly. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /**
   * A clock that only moves forward and ignores changes of the wall clock (performance.now()); the
   * scheduler compares it with now() to notice a clock jump. Optional: a Clock without it is only
   * judged by how late its timers fire.
   */
  monotonic?(): number;
}

/** Seals provider passwords and tokens (AES-256-GCM under the data dir's key, DESIGN.md §4). */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  secrets?: SecretBox;
  /** Path of a better-sqlite3 native build (the Electron host passes its Electron build). */
  nativeBinding?: string;
  /** Take part in dispatching (the lease, sending, status polling). The CLI's one-shot commands pass false. */
  dispatch?: boolean;
  /** How often to look for writes by other processes (PRAGMA data_version). */
  watchIntervalMs?: number;
  /** Provider adapters by name; default the built-in ones. Tests pass loopback or scripted ones. */
  providers?: Partial<Record<ProviderName, ProviderFactory>>;
  /**
   * Which of these numbers opted out (contacts). The dispatcher checks it when it claims a message;
   * until contacts exist, nobody has.
   */
  optedOut?: (e164s: string[]) => Set<string>;
  /** Make the daily scheduled backups when this process holds the lease (default true). */
  scheduledBackups?: boolean;
  /** App version reported by app.info. */
  version?: string;
  /** Who sends from this process (recorded on each message); default the OS user. */
  operator?: string | null;
}

export interface Core {
  readonly dataDir: string;
  /** Typed, already-validated handlers (for code inside the process that is trusted: the CLI). */
  readonly api: ApiHandlers;
  /** Untrusted entry point for hosts: validates input and output against the contract; throws ApiError. */
  call(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Runs the dispatcher now (tests, `send --wait`): claims due work and polls due status checks. */
  tick(): Promise<void>;
  /** Resolves when the start-up database check has finished (sending starts only after it passed). */
  whenChecked(): Promise<void>;
  close(): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  monotonic: () => performance.now(),
};
