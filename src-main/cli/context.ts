// What every command needs: the data dir, a core opened on it, a translator in the shop's language,
// and the exit codes of the CLI contract.
import { ApiError } from '../../src-shared/api/errors';
import { createI18n, type Language } from '../../src-shared/i18n';
import { createCore, type Core } from '../core';
import { resolveDataDir } from '../core/paths';
import { readPackageVersion } from './version';

export const EXIT = { ok: 0, failure: 1, badInput: 2, timeout: 124 } as const;

/** Thrown by commands to end with an exit code after printing what they had to say. */
export class CliExit extends Error {
  constructor(readonly code: number, readonly line?: string) {
    super(line ?? `exit ${code}`);
  }
}

export interface GlobalOptions {
  dataDir?: string;
}

export interface CliContext {
  core: Core;
  t: ReturnType<typeof createI18n>['t'];
  language: Language;
  out: (text: string) => void;
  err: (line: string) => void;
}

export async function openContext(globals: GlobalOptions, options: { dispatch: boolean }): Promise<CliContext> {
  const core = await createCore({
    dataDir: resolveDataDir(globals.dataDir),
    dispatch: options.dispatch,
    version: readPackageVersion(),
    log: (line) => process.stderr.write(`[smsdesk] ${line}\n`),
  });
  const info = await core.api['app.info']({});
  const i18n = createI18n(info.language);
  return {
    core,
    t: i18n.t,
    language: info.language,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  };
}

/** Runs a command body with a context, closing the core however it ends. */
export async function withContext<T>(globals: GlobalOptions, options: { dispatch: boolean }, body: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(globals, options);
  try {
    return await body(ctx);
  } finally {
    await ctx.core.close();
  }
}

/** An ApiError → its translated one-line message, and the exit code it deserves. */
export function describeError(err: unknown, t: CliContext['t']): { line: string; code: number } {
  if (err instanceof CliExit) return { line: err.line ?? '', code: err.code };
  if (err instanceof ApiError) {
    const message = t(err.key, { ...(err.params ?? {}), defaultValue: err.key });
    // An issue that only points at the field the message already names (key = the error's key) adds nothing.
    const details = err.issues?.filter((i) => i.key !== err.key || i.message).map((i) => `${i.path}: ${i.message ?? t(i.key)}`).join('; ');
    return { line: details ? `${message} (${details})` : message, code: err.kind === 'validation' || err.kind === 'not_found' ? EXIT.badInput : EXIT.failure };
  }
  return { line: (err as Error)?.message ?? String(err), code: EXIT.failure };
}
