// issue #9: the log's "rule or template" filter picks a template by name from a searchable list.
import { expect, test, type Page } from '@playwright/test';
import { gotoRoom, openApp, serverUrl, settle } from './app';

async function call<T>(page: Page, method: string, input: Record<string, unknown>): Promise<T> {
  const res = await page.request.post(new URL(`/api/${method}`, serverUrl()).href, { data: input });
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('filter the log by a template picked by name', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  const name = `保養提醒 ${stamp}`;
  const template = await call<{ id: number }>(page, 'templates.save', { name, body: `【測試店】保養 ${stamp}` });
  await call(page, 'compose.send', { draft: { recipients: { numbers: '0912 777 001' }, text: `【測試店】保養 ${stamp}`, templateId: template.id }, acknowledged: ['quiet_hours', 'template_repeat'] });
  await call(page, 'messages.send', { to: '0912 777 002', text: `【測試店】沒有範本 ${stamp}`, origin: 'composer' });

  await gotoRoom(page, '記錄');
  const rows = page.getByTestId('log-table').locator('.ant-table-row');
  await expect(rows.filter({ hasText: `沒有範本 ${stamp}` })).toHaveCount(1);
  await page.getByTestId('log-more').click();
  const picker = page.getByTestId('log-more-filters').getByTestId('log-template');
  await picker.click();
  await page.keyboard.type(`${stamp}`);
  await page.locator('.ant-select-dropdown:visible').getByTitle(name).click();
  await expect(rows.filter({ hasText: `沒有範本 ${stamp}` })).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`保養 ${stamp}`);
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/log-filter-template-zh-TW.png' });
  // The drawer names the template it came from.
  await page.keyboard.press('Escape');
  await rows.first().click();
  await expect(page.getByRole('dialog', { name: /簡訊 #/ }).getByTestId('detail-origin')).toContainText(`範本「${name}」`);
});
