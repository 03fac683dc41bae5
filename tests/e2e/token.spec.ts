// issue #3 item 6: the one-time token leaves the address bar once the page has loaded, other
// parameters stay, and the session cookie keeps the app working after a reload.
import { expect, test } from '@playwright/test';
import { openApp, serverUrl } from './app';

test('the token is gone from the address bar after load', async ({ page }) => {
  await openApp(page, '&view=counter#/compose');
  const url = new URL(page.url());
  expect(url.searchParams.has('token')).toBe(false);
  expect(url.searchParams.get('view')).toBe('counter');
  expect(url.hash).toBe('#/compose');
  expect(page.url()).not.toContain(new URL(serverUrl()).searchParams.get('token'));

  await page.reload();
  await expect(page.getByTestId('compose-recipients')).toBeFocused();
  await expect(page.getByTestId('test-mode-banner')).toHaveText('測試模式：目前使用測試帳號，簡訊不會真的送出。');
});

test('when the session is no longer valid, the page says to open the printed address', async ({ page, context }) => {
  await openApp(page);
  // As after a restart of `smsdesk serve`: the cookie no longer matches the server's token.
  await context.clearCookies();
  await page.getByRole('navigation').getByRole('menuitem', { name: '設定' }).click();
  await expect(page.getByText('請用終端機上的網址開啟')).toBeVisible();
  await expect(page.getByText('http://127.0.0.1:…/?token=…')).toBeVisible();
});
