// "Send at": a time picked in the shop's time zone schedules the message; the Log shows it as
// scheduled with its time, and the operator can cancel it there.
import { expect, test } from '@playwright/test';
import { gotoRoom, logRow, openApp } from './app';

test('schedule a message with Send at, see it in the Log, and cancel it', async ({ page }) => {
  const text = `【測試店】預約測試 ${Date.now()}`;
  await openApp(page);
  await page.getByTestId('compose-recipients').fill('0911 222 333');
  await page.getByTestId('compose-text').fill(text);

  const at = page.locator('#compose-at');
  await at.click();
  await at.fill('2030-01-02 09:30');
  await at.press('Enter');
  await expect(at).toHaveValue('2030-01-02 09:30');

  await page.getByTestId('send-at').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('確認預約發送');
  await expect(dialog).toContainText('2030/01/02 09:30');
  await page.locator('#confirm-send').click();
  await expect(page.getByTestId('send-result')).toContainText('已預約 1 則簡訊，將於 2030/01/02 09:30 發送');

  await gotoRoom(page, '記錄');
  const row = logRow(page, text);
  await expect(row.locator('.status-tag')).toHaveText('已預約');
  await expect(row).toContainText('2030/01/02 09:30:00');
  await row.getByRole('button', { name: '取消' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '取消發送' }).click();
  await expect(row.locator('.status-tag')).toHaveText('已取消');
});
