// issue #3: the sandbox fails every number ending in 0000, and the Log explains why.
import { expect, test } from '@playwright/test';
import { FINAL, gotoRoom, logRow, openApp } from './app';

test('a number ending in 0000 ends 失敗 with its explanation visible', async ({ page }) => {
  const text = `【測試店】失敗測試 ${Date.now()}`;
  await openApp(page);
  await page.getByTestId('compose-recipients').fill('0912-340-000');
  await page.getByTestId('compose-text').fill(text);
  await page.getByTestId('send-now').click();
  await page.getByRole('dialog').locator('#confirm-send').click();
  await expect(page.getByTestId('send-result')).toContainText('已將 1 則簡訊排入發送佇列');

  await gotoRoom(page, '記錄');
  const row = logRow(page, text);
  await expect(row.getByTestId('log-status').locator('.status-tag')).toHaveText('失敗', { timeout: FINAL });
  const explanation = row.getByTestId('log-error');
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText('結尾 0000');
  await expect(explanation).toContainText('無法送達');
});

test('numbers that cannot receive SMS are marked with the reason before sending', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('compose-recipients').fill('0912345678, 0912345678\n02 2345 6789\n12');
  await expect(page.getByTestId('recipient-count')).toHaveText('收件人 1 位');
  const rejected = page.getByTestId('recipient-rejected');
  await expect(rejected).toHaveCount(3);
  await expect(rejected.filter({ hasText: '重複的號碼' })).toHaveCount(1);
  await expect(rejected.filter({ hasText: '不是手機號碼' })).toHaveCount(1);
  await expect(rejected.filter({ hasText: '號碼無效' })).toHaveCount(1);
});
