// The few command-line switches the Electron host reads. Chromium and Electron add switches of their
// own to argv, so this scans for ours instead of parsing strictly.

/** `--data-dir DIR` or `--data-dir=DIR`; undefined when absent or given without a value. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
  }
  return undefined;
}

/** `--hidden`: start in the tray without showing the window (e.g. when launched at login). */
export function startHidden(argv: readonly string[]): boolean {
  return argv.includes('--hidden');
}
