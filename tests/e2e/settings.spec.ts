// The Settings page: a refused value is explained on its field, and the language switches the whole
// UI at once (antd's own words included).
import { expect, test, type Locator } from '@playwright/test';
import { gotoRoom, openApp } from './app';

test('a value the registry refuses is explained on the field and not saved', async ({ page }) => {
  await openApp(page);
  await gotoRoom(page, '設定');
  const field = page.getByTestId('setting-shop-name');
  const input = field.getByRole('textbox');
  await input.fill('店'.repeat(41));
  await input.press('Enter');
  await expect(field.locator('.ant-form-item-explain-error')).toHaveText('內容不符合要求，請檢查長度。');
  await page.reload();
  await expect(page.getByTestId('setting-shop-name').getByRole('textbox')).toHaveValue('測試店');
});

test('changing the language switches the UI live', async ({ page }) => {
  await openApp(page);
  await gotoRoom(page, '設定');
  try {
    await page.getByTestId('setting-ui-language').locator('.ant-select').click();
    await page.locator('.ant-select-dropdown').getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('menuitem', { name: 'Compose' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('test-mode-banner')).toHaveText('Test mode: the default account is the sandbox, so nothing is really sent.');

    await gotoRoom(page, 'Compose');
    await page.getByTestId('compose-text').fill('您好歡迎光臨');
    await expect(page.getByTestId('segment-counter')).toHaveText('Characters 6/70 · 1 part');
  } finally {
    // The server is shared by every test: put the language back.
    const res = await page.request.post(new URL('/api/settings.set', process.env.SMSDESK_E2E_URL).href, { data: { key: 'ui.language', value: 'zh-TW' } });
    expect(res.ok()).toBe(true);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '撰寫' })).toBeVisible();
});

test('the Contacts group of Settings adds a category the Contacts page then offers', async ({ page }) => {
  await openApp(page);
  await gotoRoom(page, '設定');
  const card = page.getByTestId('settings-contacts');
  const name = `設定分類${Date.now() % 100000}`;
  await card.getByTestId('category-new-name').fill(name);
  await card.getByTestId('category-new-name').press('Enter');
  const names = (scope: Locator) => () => scope.locator('input.manage-name').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  await expect.poll(names(card)).toContain(name);
  await gotoRoom(page, '客戶');
  await page.getByTestId('contacts-more').hover();
  await page.getByRole('menuitem', { name: '分類、欄位與篩選' }).click();
  await expect.poll(names(page.getByRole('dialog', { name: '分類、欄位與篩選' }))).toContain(name);
});
