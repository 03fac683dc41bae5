// issue #9: "resend" in the log goes through the pre-send check. A failed message to a customer who
// has since opted out cannot be resent (the check's error, the button stays off); one without the
// shop's sender tag shows the warning, which needs its click before the new, linked message is queued.
import { expect, test, type Page } from '@playwright/test';
import { gotoRoom, logRow, openApp, serverUrl, settle, withServerDb } from './app';

function insertFailed(text: string, e164: string): void {
  withServerDb((db) => {
    const now = Date.now();
    db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, test_mode,
      error_code, error_key, created_at, updated_at, final_at, attempts)
      values (?, 1, ?, ?, ?, 'UCS-2', 1, 'failed', 'composer', 1, 'x', 'errors.provider.rejected', ?, ?, ?, 1)`)
      .run(`e2e-resend-${now}-${e164}`, e164, e164, text, now, now, now);
  });
}

async function call(page: Page, method: string, input: Record<string, unknown>): Promise<void> {
  const res = await page.request.post(new URL(`/api/${method}`, serverUrl()).href, { data: input });
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true);
}

test('resend from the log: an opted-out number is refused by the check; a warning needs its click, then it goes', async ({ page }) => {
  const stamp = Date.now();
  const tail = String(stamp).slice(-6);
  const optedOutText = `【測試店】已退訂的客戶 ${stamp}`;
  const warnedText = `沒有店名的通知 ${stamp}`;
  await openApp(page);
  await call(page, 'contacts.create', { name: `退訂客${tail}`, phone: `0933${tail}`, optOut: { flag: true } });
  insertFailed(optedOutText, `+886933${tail}`);
  insertFailed(warnedText, `+886944${tail}`);
  await gotoRoom(page, '記錄');

  // Opted out since: the check's error, and nothing can be queued.
  await logRow(page, optedOutText).click();
  const drawer = page.getByRole('dialog', { name: /簡訊 #/ });
  await drawer.getByTestId('resend').click();
  const check = page.getByTestId('resend-dialog');
  await expect(check.getByTestId('resend-errors')).toContainText('已退訂');
  await expect(check.getByTestId('resend-confirm')).toBeDisabled();
  await expect(check.getByTestId('resend-blocked')).toContainText('沒有可以重新發送的簡訊');
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/resend-check-opted-out-zh-TW.png' });
  await check.getByTestId('resend-cancel').click();
  await expect(check).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(logRow(page, optedOutText)).toHaveCount(1);

  // No sender tag: a warning, one click, then the new message linked to the original.
  await logRow(page, warnedText).click();
  await drawer.getByTestId('resend').click();
  await expect(check.getByTestId('check-issue-no_sender_tag')).toContainText('沒有標示發送者');
  await expect(check.getByTestId('resend-confirm')).toBeDisabled();
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/resend-check-warning-zh-TW.png' });
  await check.getByTestId('check-ack-no_sender_tag').click();
  await check.getByTestId('resend-confirm').click();
  await expect(page.locator('.ant-message')).toContainText('已建立新簡訊');
  await expect(check).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(logRow(page, warnedText)).toHaveCount(2);
  await logRow(page, warnedText).first().click();
  await expect(drawer).toContainText('重新發送自 #');
});
