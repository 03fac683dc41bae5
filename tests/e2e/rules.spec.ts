// Reminder rules through the UI: a birthday rule made from its preset, then its preview (a dry run)
// lists the contact whose birthday falls on the next run, with the text as it would be sent.
import { expect, test, type Page } from '@playwright/test';
import { gotoRoom, openApp, serverUrl } from './app';

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
  await editor.getByTestId('rule-editor-save').click();
  await expect(editor).toBeHidden();

  const row = page.getByTestId('rules-table').locator('.ant-table-row').filter({ hasText: '生日祝福' });
  await expect(row).toContainText('每天 10:00');
  await expect(row).toContainText('當天生日');
  await row.getByTestId('rule-preview-open').click();

  const preview = page.getByTestId('rule-preview');
  await expect(preview).toContainText('試算：不會寄出任何簡訊。');
  const sample = preview.getByTestId('rule-preview-sample').filter({ hasText: '壽星陳' });
  await expect(sample).toContainText('【測試店】壽星陳生日快樂！');
});
