/** Resolves on the first SIGINT or SIGTERM, so long-running commands can close cleanly. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    // Signal handlers do not keep Node's event loop alive, and the core's timers are unref'd: without
    // this ref'd timer `smsdesk run` would exit at once (code 0, lease still held) instead of waiting.
    const keepAlive = setInterval(() => {}, 1 << 30);
    const on = (signal: NodeJS.Signals) => {
      clearInterval(keepAlive);
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/**
 * For the long-running commands (serve, run): a stray rejected promise is logged rather than ending
 * the process, since the dispatcher re-arms itself and a shop's sending must not stop over one error.
 */
export function logUnhandledRejections(log: (line: string) => void): void {
  process.on('unhandledRejection', (reason) => {
    log(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
  });
}
