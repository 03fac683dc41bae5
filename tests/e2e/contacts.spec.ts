// Contacts through the UI: a Big5 file from a Taiwanese shop imported with the wizard (its preview
// decoded, not mojibake), then the customer found by the last 4 digits of the number; and the form
// refusing a landline on the field, before anything is saved.
import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { gotoRoom, openApp } from './app';

test('a Big5 CSV imported through the wizard, then found by the last 4 digits', async ({ page }) => {
  const csv = '姓名,手機,生日,備註\r\n陳怡君,0933421907,1985-02-28,老客戶\r\n林志明,0955 660 123,,\r\n錯誤號碼,02 2345 6789,,\r\n';
  const bytes = iconv.encode(csv, 'big5');
  // The file must really be Big5: as UTF-8 it does not decode.
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

  await openApp(page);
  await gotoRoom(page, '客戶');
  await page.getByTestId('contacts-import').click();
  const wizard = page.getByTestId('import-wizard');
  await wizard.locator('input[type=file]').setInputFiles({ name: '客戶名單.csv', mimeType: 'text/csv', buffer: bytes });

  // The preview shows the names decoded with the detected encoding.
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('陳怡君');
  await expect(preview).toContainText('林志明');
  await expect(page.getByTestId('import-encoding')).toContainText('Big5');
  await expect(page.getByTestId('import-row-count')).toHaveText('共 3 列資料');

  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('import-imported')).toContainText('2');
  // The landline row is reported with its row number as Excel shows it (header = 1).
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('4');
  await expect(errors).toContainText('市話');
  await page.getByTestId('import-close').click();

  const search = page.getByTestId('contacts-search').locator('input');
  await search.fill('1907');
  const rows = page.getByTestId('contacts-table').getByTestId('contact-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('陳怡君');
  await expect(rows.first()).toContainText('0933 421 907');
});

test('the form refuses a landline on the field and saves a mobile', async ({ page }) => {
  await openApp(page);
  await gotoRoom(page, '客戶');
  await page.getByTestId('contacts-new').click();
  await page.getByTestId('contact-name').locator('input').fill('王小明');
  const phone = page.getByTestId('contact-phone');
  await phone.locator('input').fill('02 2345 6789');
  await expect(phone.locator('.ant-form-item-explain-error')).toHaveText('號碼「02 2345 6789」是市話，無法接收簡訊。');

  // Saving is refused while the field is wrong: nothing is created.
  await page.getByTestId('contact-save').click();
  await expect(phone.locator('.ant-form-item-explain-error')).toBeVisible();
  await expect(page.getByTestId('contact-form')).toBeVisible();

  await phone.locator('input').fill('0912 876 543');
  await expect(phone.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await expect(page.getByTestId('contact-phone-ok')).toContainText('0912 876 543');
  await page.getByTestId('contact-birthday').locator('input').fill('02-29');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('contact-form')).toBeHidden();

  await page.getByTestId('contacts-search').locator('input').fill('王小明');
  const row = page.getByTestId('contacts-table').getByTestId('contact-row').filter({ hasText: '王小明' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('2月29日');
});

test('select all matching, add a category in bulk, delete in bulk and undo', async ({ page }) => {
  await openApp(page);
  const api = async (method: string, data: unknown) => {
    const res = await page.request.post(new URL(`/api/${method}`, process.env.SMSDESK_E2E_URL).href, { data });
    expect(res.ok(), `${method}: ${await res.text()}`).toBe(true);
    return res.json() as Promise<unknown>;
  };
  await api('contacts.categories.create', { name: '批次分類', colour: '#eb2f96' });
  for (const [i, phone] of ['0911 000 101', '0911 000 102', '0911 000 103'].entries()) await api('contacts.create', { name: `批次客戶${i + 1}`, phone });

  await gotoRoom(page, '客戶');
  await page.getByTestId('contacts-search').locator('input').fill('批次客戶');
  const rows = page.getByTestId('contacts-table').getByTestId('contact-row');
  await expect(rows).toHaveCount(3);

  await page.getByTestId('select-all').click();
  await expect(page.getByTestId('selection-count')).toHaveText('已選 3 / 3 位');
  await page.getByTestId('bulk-add-category').hover();
  await page.locator('.ant-dropdown-menu-item').filter({ hasText: '批次分類' }).click();
  for (const row of await rows.all()) await expect(row.locator('.contact-tag')).toHaveText('批次分類');

  // Invert, then invert back: the three are selected again (the selection is by filter, not by rows).
  await page.getByTestId('select-invert').click();
  await expect(page.getByTestId('selection-count')).toHaveText('已選 0 / 3 位');
  await page.getByTestId('select-invert').click();
  await expect(page.getByTestId('selection-count')).toHaveText('已選 3 / 3 位');

  await page.getByTestId('bulk-delete').click();
  // The confirmation opens with its delete button focused: Enter confirms.
  const confirm = page.getByRole('dialog', { name: '刪除 3 位客戶？' });
  await expect(confirm.getByRole('button', { name: /刪\s*除/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(0);
  await page.getByTestId('undo-delete').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('批次分類');
});
