// issue #3: a message sent from the Compose screen with the keyboard alone ends "delivered" in the Log.
import { expect, test } from '@playwright/test';
import { FINAL, gotoRoom, logRow, openApp } from './app';

test('send from Compose using only the keyboard, then see it delivered in the Log', async ({ page }) => {
  const text = `【測試店】您好，鍵盤發送測試 ${Date.now()}`;
  await openApp(page);

  await page.keyboard.type('0912 345 678');
  await expect(page.getByTestId('recipient-count')).toHaveText('收件人 1 位');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('compose-text')).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('確認發送');
  await expect(dialog.getByTestId('summary-total')).toHaveText('1 則');
  await expect(dialog.locator('#confirm-send')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('send-result')).toContainText('已將 1 則簡訊排入發送佇列');
  // The form is ready for the next customer.
  await expect(page.getByTestId('compose-recipients')).toBeFocused();
  await expect(page.getByTestId('compose-recipients')).toHaveValue('');

  await gotoRoom(page, '記錄');
  const row = logRow(page, text);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('log-status').locator('.status-tag')).toHaveText('已送達', { timeout: FINAL });
  await expect(row).toContainText('0912 345 678');
  await expect(row).toContainText('測試');
});
