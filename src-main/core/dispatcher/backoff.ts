// Retry and polling delays. Retries back off exponentially with full jitter, so many shop PCs
// recovering from one outage do not hit the provider in step.

export const MAX_SEND_ATTEMPTS = 5;
const RETRY_BASE_MS = 2000;
const RETRY_CAP_MS = 5 * 60_000;
const POLL_FIRST_MS = 1000;
const POLL_CAP_MS = 10 * 60_000;

/** Delay before attempt `attempts + 1`, after `attempts` failed ones (≥ 1). */
export function retryDelayMs(attempts: number, random: () => number = Math.random, baseMs = RETRY_BASE_MS, capMs = RETRY_CAP_MS): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(60, Math.max(0, attempts - 1)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Delay before the next delivery-report query: 1 s after acceptance, then doubling up to 10 min. */
export function statusPollDelayMs(checksDone: number): number {
  return Math.min(POLL_CAP_MS, POLL_FIRST_MS * 2 ** checksDone);
}
