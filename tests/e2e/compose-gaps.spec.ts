// issue #5: the counter counts what recipients get (not "{姓名}" as four characters); the composer's
// shortcuts work from anywhere on the page; a character the chosen route cannot carry is underlined
// with its reason; a template is edited and deleted in the Templates room.
import { expect, test, type Page } from '@playwright/test';
import { gotoRoom, openApp, serverUrl, settle } from './app';

async function call<T>(page: Page, method: string, input: Record<string, unknown>): Promise<T> {
  const res = await page.request.post(new URL(`/api/${method}`, serverUrl()).href, { data: input });
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('with {姓名}, the counter shows the range over the recipients, not the placeholder counted literally', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  const category = await call<{ id: number; name: string }>(page, 'contacts.categories.create', { name: `字數群組${stamp % 100000}` });
  // Names of 2 and 6 characters.
  await call(page, 'contacts.create', { name: '王一', phone: `0912 66${stamp % 10} 101`, categoryIds: [category.id] });
  await call(page, 'contacts.create', { name: '歐陽美玲美玲', phone: `0912 66${stamp % 10} 102`, categoryIds: [category.id] });

  // 【測試店】(5) + name + 您好 (2) + space (1) + 13 digits: 23 and 27 characters.
  const text = `【測試店】{姓名}您好 ${stamp}`;
  await page.getByTestId('compose-text').fill(text);
  // No recipient yet: one customer's text as an example (or an estimate), never "{姓名}" counted as 4.
  await expect(page.getByTestId('counter-basis')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/compose-counter-sample-zh-TW.png' });

  const categories = page.locator('#compose-categories');
  await categories.click();
  await categories.pressSequentially(category.name);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('segment-counter')).toHaveText('字數 23–27/70 · 1 則');
  await expect(page.getByTestId('counter-basis')).toHaveText('依 2 位收件人填入資料後計算');
  await expect(page.getByTestId('counter-range')).toContainText('合計 2 則');
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/compose-counter-range-zh-TW.png' });
});

test('Ctrl+K and Ctrl+Enter work with the focus on the side navigation or the page body', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  await page.getByTestId('compose-recipients').fill('0912 345 644');
  await page.getByTestId('compose-text').fill(`【測試店】捷徑 ${stamp}`);

  // From the side navigation.
  await page.getByRole('navigation').getByRole('menuitem', { name: '撰寫' }).focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('template-picker-search')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('template-picker-search')).toHaveCount(0);

  // From the page body.
  await page.locator('body').click({ position: { x: 1400, y: 880 } });
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('確認發送');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Alt+C from the navigation goes to the contact picker.
  await page.getByRole('navigation').getByRole('menuitem', { name: '撰寫' }).focus();
  await page.keyboard.press('Alt+c');
  await expect(page.locator('#compose-contacts')).toBeFocused();
});

test('an emoji on a TwSMS account is underlined with its reason', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  const name = `TwSMS ${stamp % 100000}`;
  // Never sends: the check is of the text, and the address is unreachable on purpose.
  await call(page, 'accounts.add', { provider: 'twsms', name, username: 'u', password: 'p', baseUrl: 'http://127.0.0.1:9', noVerify: true });
  try {
    await page.reload();
    await expect(page.getByTestId('compose-recipients')).toBeFocused();
    await page.locator('#compose-account').click();
    await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
    await page.getByTestId('compose-text').fill(`【測試店】謝謝光臨😀 ${stamp}`);
    const alert = page.getByTestId('route-chars');
    await expect(alert).toContainText('表情符號：這條線路無法傳送');
    const marked = page.getByTestId('char-unsupported');
    await expect(marked).toHaveText('😀');
    await expect(marked).toHaveAttribute('title', '表情符號：這條線路無法傳送');
    await expect(marked).toHaveCSS('text-decoration-line', /underline/);
    await settle(page);
    await page.screenshot({ path: 'test-results/screenshots/compose-route-emoji-zh-TW.png' });
  } finally {
    await call(page, 'accounts.remove', { name });
  }
});

test('a template is edited and deleted in the Templates room', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  await call(page, 'templates.save', { name: `改名前 ${stamp}`, body: `【測試店】舊內容 ${stamp}`, purpose: 'notification' });
  await gotoRoom(page, '範本');
  const row = page.getByTestId('template-row').filter({ hasText: `改名前 ${stamp}` });
  await row.click();
  await expect(page.getByTestId('template-form')).toBeVisible();
  await page.locator('#template-name').fill(`改名後 ${stamp}`);
  await page.getByTestId('template-body').fill(`【測試店】新內容 ${stamp}`);
  await page.getByTestId('template-save').click();
  const edited = page.getByTestId('template-row').filter({ hasText: `改名後 ${stamp}` });
  await expect(edited).toHaveCount(1);
  await expect(edited).toContainText(`新內容 ${stamp}`);
  await expect(page.getByTestId('template-row').filter({ hasText: `改名前 ${stamp}` })).toHaveCount(0);

  await edited.getByTestId('template-remove').click();
  await expect(page.locator('.ant-modal-confirm')).toContainText(`刪除範本「改名後 ${stamp}」？`);
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /^刪\s*除$/ }).click();
  await expect(page.locator('.ant-message')).toContainText(`已刪除範本「改名後 ${stamp}」`);
  await expect(page.getByTestId('template-row').filter({ hasText: `${stamp}` })).toHaveCount(0);
  // Gone for the composer's picker too.
  const { templates } = await call<{ templates: { name: string }[] }>(page, 'templates.list', { search: String(stamp) });
  expect(templates).toEqual([]);
});
