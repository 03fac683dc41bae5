// Shared steps: open the app with the printed address, move between rooms, find a log row, write to
// the server's database as another process.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * How long to wait for a message to reach its final status. The sandbox reports after 300 ms, but the
 * dispatcher polls delivery reports with backoff, so on a busy machine it can take several seconds.
 * This bounds the wait; it asserts nothing about speed.
 */
export const FINAL = 30_000;

export function serverUrl(): string {
  const url = process.env.SMSDESK_E2E_URL;
  if (!url) throw new Error('SMSDESK_E2E_URL is not set: run through playwright.config.ts (global setup starts the server)');
  return url;
}

/** The shared server's data dir (global setup made it). */
export function serverDataDir(): string {
  const dir = process.env.SMSDESK_E2E_DATA_DIR;
  if (!dir) throw new Error('SMSDESK_E2E_DATA_DIR is not set: run through playwright.config.ts');
  return dir;
}

/** The shared server's database on a connection of its own, written as another process would. */
export function withServerDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(serverDataDir(), 'smsdesk.db'));
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Opens the printed address (which sets the session cookie) and waits for the composer. */
export async function openApp(page: Page, extraQuery = ''): Promise<void> {
  await page.goto(serverUrl() + extraQuery);
  await expect(page.getByTestId('compose-recipients')).toBeFocused();
}

export async function gotoRoom(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('menuitem', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** The log row whose message text contains `text`. */
export function logRow(page: Page, text: string): Locator {
  return page.getByTestId('log-table').locator('.ant-table-row').filter({ hasText: text });
}

/** Waits until every finite CSS animation and transition has finished (for steady screenshots). */
export async function settle(page: Page): Promise<void> {
  // A string, because this file is type-checked as Node code (no DOM types). Endless animations
  // (the "sending" pulse, spinners) never finish, so they are left out.
  await page.evaluate(`Promise.all(
    document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined)))`);
}
