// The Log follows the outbox live, also for rows another process wrote (the CLI on the same data dir):
// the server notices the database changed and its event makes the page refetch.
import { expect, test } from '@playwright/test';
import { FINAL, gotoRoom, logRow, openApp, serverDataDir } from './app';
import { cliSync } from './server';

test('a message sent from the command line appears in the open Log and ends delivered', async ({ page }) => {
  const dataDir = serverDataDir();
  const text = `【測試店】命令列發送 ${Date.now()}`;
  await openApp(page);
  await gotoRoom(page, '記錄');
  await expect(logRow(page, text)).toHaveCount(0);

  cliSync(dataDir, ['send', '--to', '0922 333 444', '--text', text]);

  const row = logRow(page, text);
  await expect(row).toHaveCount(1, { timeout: FINAL });
  await expect(row.locator('.status-tag')).toHaveText('已送達', { timeout: FINAL });
});
