// issue #5: templates, personalisation and the pre-send check, driven from the keyboard.
import { expect, test, type Page } from '@playwright/test';
import { FINAL, gotoRoom, logRow, openApp, serverUrl } from './app';

async function call<T>(page: Page, method: string, input: Record<string, unknown>): Promise<T> {
  const res = await page.request.post(new URL(`/api/${method}`, serverUrl()).href, { data: input });
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('a template with {姓名} sent to 3 contacts shows 3 samples and sends 3 different texts', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  // Three customers in a category of their own.
  const category = await call<{ id: number; name: string }>(page, 'contacts.categories.create', { name: `驗車群組${stamp % 100000}` });
  const names = ['林大明', '陳美玲', '張志豪'];
  for (const [i, name] of names.entries()) {
    await call(page, 'contacts.create', { name, phone: `0912 55${i} ${String(stamp).slice(-3)}`, categoryIds: [category.id] });
  }

  // The template, made in the Templates room.
  await gotoRoom(page, '範本');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('template-form')).toBeVisible();
  await page.locator('#template-name').fill(`驗車提醒 ${stamp}`);
  await page.getByTestId('template-body').fill(`【測試店】{姓名}您好，您的愛車即將到期驗車 ${stamp}`);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('template-row').filter({ hasText: `驗車提醒 ${stamp}` })).toHaveCount(1);

  // The composer: the whole category, then the template in one keystroke.
  await gotoRoom(page, '撰寫');
  const categories = page.locator('#compose-categories');
  await categories.click();
  await categories.pressSequentially(category.name);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByTestId('compose-text').focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('template-picker-search')).toBeFocused();
  await page.keyboard.type(String(stamp));
  await expect(page.getByTestId('template-picker-item')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compose-text')).toHaveValue(`【測試店】{姓名}您好，您的愛車即將到期驗車 ${stamp}`);
  await expect(page.getByTestId('compose-text')).toBeFocused();

  // Three different samples, one per customer.
  const samples = page.getByTestId('compose-sample');
  await expect(samples).toHaveCount(3);
  for (const name of names) await expect(samples.filter({ hasText: `${name}您好` })).toHaveCount(1);
  await expect(page.getByTestId('summary-total')).toHaveText('3 則');

  // Ctrl+Enter runs the check; nothing to answer, so Enter sends.
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('確認發送');
  await expect(dialog.getByTestId('check-all-clear')).toBeVisible();
  await expect(dialog.getByTestId('summary-total')).toHaveText('3 則');
  await expect(dialog.locator('#confirm-send')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('send-result')).toContainText('已將 3 則簡訊排入發送佇列');

  // Three different texts in the Log.
  await gotoRoom(page, '記錄');
  for (const name of names) {
    const row = logRow(page, `${name}您好，您的愛車即將到期驗車 ${stamp}`);
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('log-status').locator('.status-tag')).toHaveText('已送達', { timeout: FINAL });
  }
});

test('the check shows an invalid number and a missing sender; leave it out, acknowledge, send — all by keyboard', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  await page.keyboard.type('0912 345 611, 12345');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`您好，沒有店名的通知 ${stamp}`);
  await page.keyboard.press('Control+Enter');

  const dialog = page.getByRole('dialog');
  const errors = dialog.getByTestId('check-errors');
  await expect(errors).toContainText('號碼無效');
  await expect(errors).toContainText('12345');
  await expect(dialog.getByTestId('check-warnings')).toContainText('沒有標示發送者');
  await expect(dialog.locator('#confirm-send')).toBeDisabled();

  // Enter goes to what still needs an answer: first "leave them out", then the warning.
  await expect(dialog.getByTestId('check-leave-out')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('check-ack-no_sender_tag')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(dialog.locator('#confirm-send')).toBeEnabled();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('send-result')).toContainText('已將 1 則簡訊排入發送佇列');
  await expect(page.getByTestId('send-result')).toContainText('12345');
  await gotoRoom(page, '記錄');
  await expect(logRow(page, `沒有店名的通知 ${stamp}`)).toHaveCount(1);
});

test('a typed number is saved as a contact in one step and joins the send by name', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  const number = `0933 ${String(stamp).slice(-3)} 321`;
  await page.getByTestId('compose-recipients').fill(number);
  await page.getByTestId('recipient-save-contact').click();
  await page.getByTestId('save-contact-name').fill(`黃小姐${stamp % 1000}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compose-recipients')).toHaveValue('');
  await expect(page.getByTestId('compose-contacts')).toContainText(`黃小姐${stamp % 1000}`);
  await page.getByTestId('compose-text').fill('【測試店】{姓名}您好');
  await expect(page.getByTestId('compose-sample').first()).toContainText(`黃小姐${stamp % 1000}您好`);
});

test('from the check, a test goes to my own number first; the real send waits', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  await page.getByTestId('compose-recipients').fill('0912 345 622');
  await page.getByTestId('compose-text').fill(`【測試店】測試發送 ${stamp}`);
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('#confirm-send')).toBeFocused();
  await dialog.getByTestId('own-number').fill('0987 654 321');
  await dialog.getByTestId('send-test').click();
  await expect(page.locator('.ant-message')).toContainText('已傳送測試簡訊到');
  // The dialog stays for the real send.
  await expect(dialog.locator('#confirm-send')).toBeEnabled();
  await page.keyboard.press('Escape');

  await gotoRoom(page, '記錄');
  const row = logRow(page, `測試發送 ${stamp}`);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('0987 654 321');
});

test('in quiet hours the check offers to send when they end, and the send is scheduled for then', async ({ page }) => {
  const stamp = Date.now();
  await openApp(page);
  // Quiet hours around the current time in the shop's zone (Asia/Taipei), restored afterwards.
  const hhmm = (offsetMin: number) => new Date(Date.now() + offsetMin * 60_000).toLocaleTimeString('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });
  const end = hhmm(120);
  await call(page, 'settings.set', { key: 'sending.quietHours.start', value: hhmm(-60) });
  await call(page, 'settings.set', { key: 'sending.quietHours.end', value: end });
  await call(page, 'settings.set', { key: 'sending.quietHours.enabled', value: true });
  try {
    await page.getByTestId('compose-recipients').fill('0912 345 633');
    await page.getByTestId('compose-text').fill(`【測試店】勿擾時段測試 ${stamp}`);
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('check-warnings')).toContainText('勿擾時段');
    await expect(dialog.locator('#confirm-send')).toBeDisabled();
    await dialog.getByTestId('send-at-instead').click();

    // Checked again for that time: no warning left, and the dialog now schedules.
    await expect(dialog).toContainText('確認預約發送');
    await expect(dialog.getByTestId('check-warnings')).toHaveCount(0);
    await expect(dialog).toContainText(end);
    await expect(dialog.locator('#confirm-send')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('send-result')).toContainText('已預約 1 則簡訊');
    await expect(page.getByTestId('send-result')).toContainText(end);
  } finally {
    await call(page, 'settings.set', { key: 'sending.quietHours.enabled', value: false });
  }
});
