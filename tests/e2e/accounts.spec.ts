// Settings → accounts: add a TwSMS account against the loopback fake (a wrong password is refused with
// the provider's code), test it, see that the password is never shown again, then remove it.
import { expect, test } from '@playwright/test';
import { startTwsmsFake } from '../fakes/twsms';
import { gotoRoom, openApp, serverUrl } from './app';

const PASSWORD = 'e2e-pa55 word';

test('add, test, edit and remove a TwSMS account', async ({ page }) => {
  const fake = await startTwsmsFake({ username: 'shop01', password: PASSWORD, credits: 321 });
  try {
    await openApp(page);
    await gotoRoom(page, '設定');
    await page.getByTestId('account-add').click();
    const form = page.getByRole('dialog');
    await expect(form).toContainText('新增簡訊帳號');
    await form.getByLabel('名稱').fill('門市 TwSMS');
    await form.getByLabel('帳號', { exact: true }).fill('shop01');
    await form.getByLabel('密碼', { exact: true }).fill('wrong');
    await form.getByLabel('伺服器網址（選填）').fill(fake.url);
    await form.getByRole('button', { name: /儲\s?存/ }).click();
    await expect(page.getByTestId('account-form-error')).toContainText('TwSMS 回覆 00010');

    await form.getByLabel('密碼', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: /儲\s?存/ }).click();
    await expect(form).toBeHidden();
    const row = page.locator('.ant-list-item').filter({ hasText: '門市 TwSMS' });
    await expect(row.getByTestId('account-balance')).toContainText('321');

    await page.getByTestId('account-test-門市 TwSMS').click();
    await expect(page.locator('.ant-message')).toContainText('帳號密碼正確，餘額 321');

    await page.getByTestId('account-edit-門市 TwSMS').click();
    await expect(page.getByRole('dialog').getByLabel('密碼', { exact: true })).toHaveValue('');
    await expect(page.getByRole('dialog')).toContainText('留白表示沿用已儲存的密碼。');
    await expect(page.locator('body')).not.toContainText(PASSWORD);
    await page.getByRole('dialog').getByRole('button', { name: /取\s?消/ }).click();

    await page.getByTestId('account-remove-門市 TwSMS').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /移\s?除/ }).click();
    await expect(row).toHaveCount(0);
  } finally {
    await page.request.post(new URL('/api/accounts.remove', serverUrl()).href, { data: { name: '門市 TwSMS' } });
    await fake.close();
  }
});
