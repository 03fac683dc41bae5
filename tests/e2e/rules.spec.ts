// Reminder rules through the UI: a birthday rule made from its preset, then its preview (a dry run)
// lists the contact whose birthday falls on the next run, with the text as it would be sent; a rule in
// another time zone says so in the list and the preview; the composer's prefix (the sender tag) is
// added unless switched off, and a template that already names the sender is pointed out.
import { expect, test, type Page } from '@playwright/test';
import { gotoRoom, openApp, serverUrl, settle } from './app';

const shots = 'test-results/screenshots';

async function call(page: Page, method: string, input: unknown): Promise<unknown> {
  const res = await page.request.post(new URL(`/api/${method}`, serverUrl()).href, { data: input, headers: { Origin: new URL(serverUrl()).origin } });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

/** The calendar date of the rule's next 10:00 run in Taipei (today before 10:00, else tomorrow). */
function nextRunDate(now = Date.now()): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(now).map((p) => [p.type, p.value]));
  const today = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  return new Date(Number(parts.hour) < 10 ? today : today + 86_400_000).toISOString().slice(0, 10);
}

test('a birthday rule from its preset; the preview shows the contact and the rendered text', async ({ page }) => {
  await openApp(page);
  const day = nextRunDate();
  await call(page, 'contacts.create', { name: '壽星陳', phone: '0911 222 333', birthday: `1990-${day.slice(5)}` });
  await call(page, 'templates.save', { name: '生日祝福範本', body: '【測試店】{姓名}生日快樂！' });

  await gotoRoom(page, '提醒規則');
  await page.getByTestId('rules-new-preset').click();
  await page.getByRole('menuitem', { name: '生日祝福' }).click();
  const editor = page.getByTestId('rule-editor');
  await expect(editor.getByTestId('rule-name')).toHaveValue('生日祝福');
  await editor.getByTestId('rule-template').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '生日祝福範本' }).click();
  // The template names the sender already: the default prefix (【測試店】) would say it twice.
  await expect(editor.getByTestId('rule-use-prefix')).toBeChecked();
  await expect(editor.getByTestId('rule-tag-twice')).toContainText('範本已含有「【測試店】」');
  await settle(page);
  await page.screenshot({ path: `${shots}/rules-editor-tag-twice-zh-TW.png` });
  await editor.getByTestId('rule-tag-twice').getByRole('button', { name: '不加開頭' }).click();
  await expect(editor.getByTestId('rule-use-prefix')).not.toBeChecked();
  await expect(editor.getByTestId('rule-tag-twice')).toBeHidden();
  await editor.getByTestId('rule-editor-save').click();
  await expect(editor).toBeHidden();

  const row = page.getByTestId('rules-table').locator('.ant-table-row').filter({ hasText: '生日祝福' });
  await expect(row).toContainText('每天 10:00');
  await expect(row).toContainText('當天生日');
  await row.getByTestId('rule-preview-open').click();

  const preview = page.getByTestId('rule-preview');
  await expect(preview).toContainText('試算：不會寄出任何簡訊。');
  const sample = preview.getByTestId('rule-preview-sample').filter({ hasText: '壽星陳' });
  await expect(sample.locator('.rules-sample-text')).toHaveText('【測試店】壽星陳生日快樂！');
});

test('a rule in another time zone, with the sender tag added by the default prefix', async ({ page }) => {
  await openApp(page);
  await call(page, 'contacts.create', { name: '東京客', phone: '0911 333 444' });
  const template = (await call(page, 'templates.save', { name: '東京問候範本', body: '{姓名}您好，本週六休息。' })) as { id: number };
  // A rule in the shop's own zone beside it (made here, so this test does not lean on the one above).
  await call(page, 'rules.create', { name: '門市時區通知', target: { filter: {}, conditions: [] }, templateId: template.id, cadence: { kind: 'daily' }, time: '10:00' });

  await gotoRoom(page, '提醒規則');
  await page.getByTestId('rules-new').getByRole('button', { name: '新增規則' }).click();
  const editor = page.getByTestId('rule-editor');
  await editor.getByTestId('rule-name').fill('東京分店通知');
  await editor.getByTestId('rule-template').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '東京問候範本' }).click();
  await editor.getByTestId('rule-time').fill('09:00');
  // The zone starts as the shop's; picking another says the time is read there.
  const zone = editor.getByTestId('rule-time-zone');
  await expect(zone).toContainText('Asia/Taipei（門市時區）');
  await expect(editor.getByTestId('rule-zone-differs')).toBeHidden();
  await zone.click();
  await page.keyboard.type('Asia/Tokyo');
  await page.locator('.ant-select-item-option').filter({ hasText: /^Asia\/Tokyo$/ }).click();
  await expect(zone).toContainText('Asia/Tokyo');
  await expect(editor.getByTestId('rule-zone-differs')).toContainText('與門市時區（Asia/Taipei）不同');
  await expect(editor.getByTestId('rule-use-prefix')).toBeChecked();
  await expect(editor.getByTestId('rule-tag-twice')).toBeHidden();
  await settle(page);
  await page.screenshot({ path: `${shots}/rules-editor-zone-zh-TW.png` });

  // The preview of the rule as typed: the Tokyo wall clock, the text with the sender tag.
  await editor.getByTestId('rule-editor-preview').click();
  const preview = page.getByTestId('rule-preview');
  await expect(preview.getByTestId('rule-preview-zone')).toHaveText('Asia/Tokyo');
  await expect(preview).toContainText('09:00');
  // The rule goes to everyone and the preview shows a few samples: other tests' customers share this
  // server, so any sample shows the shape (the sender tag, the name filled in, the template's text).
  await expect(preview.getByTestId('rule-preview-sample').first().locator('.rules-sample-text')).toHaveText(/^【測試店】[^{}]*您好，本週六休息。$/);
  await settle(page);
  await page.screenshot({ path: `${shots}/rules-preview-zone-zh-TW.png` });
  await page.getByRole('dialog', { name: '下次執行預覽' }).getByRole('button', { name: '關閉' }).click();
  await expect(preview).toBeHidden();

  await editor.getByTestId('rule-editor-save').click();
  await expect(editor).toBeHidden();
  const row = page.getByTestId('rules-table').locator('.ant-table-row').filter({ hasText: '東京分店通知' });
  await expect(row.getByTestId('rule-when')).toHaveText('每天 09:00 Asia/Tokyo');
  await expect(row.getByTestId('rule-next')).toContainText(/09:00 Asia\/Tokyo$/);
  // A rule in the shop's zone does not repeat it.
  await expect(page.getByTestId('rules-table').locator('.ant-table-row').filter({ hasText: '門市時區通知' }).getByTestId('rule-when')).toHaveText('每天 10:00');
  await settle(page);
  await page.screenshot({ path: `${shots}/rules-list-zone-zh-TW.png` });

  // Opened again, the editor shows the rule's own zone and its switches as saved.
  await row.getByRole('button', { name: /編\s*輯/ }).click();
  await expect(editor.getByTestId('rule-time-zone')).toContainText('Asia/Tokyo');
  await expect(editor.getByTestId('rule-use-prefix')).toBeChecked();
  await editor.getByTestId('rule-use-prefix').click();
  await editor.getByTestId('rule-editor-save').click();
  await expect(editor).toBeHidden();
  await row.getByTestId('rule-preview-open').click();
  // Prefix off: the template exactly, with no sender tag in front.
  await expect(page.getByTestId('rule-preview').getByTestId('rule-preview-sample').first().locator('.rules-sample-text')).toHaveText(/^[^【{}]*您好，本週六休息。$/);
});
