// The Data room: a backup made from the page appears in the list, intact, with what it holds.
import { expect, test } from '@playwright/test';
import { gotoRoom, openApp, serverUrl } from './app';

test('Back up now makes a verified backup that is listed with its date, size and contents', async ({ page }) => {
  await openApp(page);
  // Keep this run's backups inside the server's temp data dir (removed when the run ends).
  const api = (method: string, data: unknown) => page.request.post(new URL(`/api/${method}`, serverUrl()).href, { data });
  const info = (await (await api('app.info', {})).json()) as { dataDir: string };
  expect((await api('settings.set', { key: 'data.backupDir', value: `${info.dataDir}/e2e-backups` })).ok()).toBe(true);

  await gotoRoom(page, '資料');
  await expect(page.getByText('請定期把備份複製到另一個磁碟或隨身碟')).toBeVisible();
  await expect(page.getByTestId('data-backup-dir')).toContainText('e2e-backups');
  const list = page.getByTestId('data-backup-list');
  const rows = list.locator('.ant-table-row');
  const before = await rows.count();

  await page.getByTestId('data-backup-now').click();
  await expect(page.getByText(/^備份完成：smsdesk-.*-manual\.smsbak$/)).toBeVisible();
  await expect(page.getByTestId('data-progress-backup')).toContainText('完成');
  await expect(rows).toHaveCount(before + 1);
  const newest = rows.first();
  await expect(newest).toContainText('手動');
  await expect(newest).toContainText('完整');
  await expect(newest).toContainText(/\d+ 則簡訊/);
  await expect(newest).toContainText(/kB|KB|MB/);
  await expect(page.getByText(/^上次備份：/)).toBeVisible();
});
