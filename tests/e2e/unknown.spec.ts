// issue #6: a message whose fate is unknown (here written as a crashed sender would leave it) shows
// its history and what the operator can do in the Log's drawer: resend (a new, linked message that
// goes out) or mark failed.
import { expect, test } from '@playwright/test';
import { FINAL, gotoRoom, logRow, openApp, withServerDb } from './app';

function insertUnknown(text: string, to: string): void {
  withServerDb((db) => {
    const now = Date.now();
    const { id } = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, test_mode,
      error_code, error_key, created_at, updated_at, final_at, attempts)
      values (?, 1, ?, ?, ?, 'UCS-2', 1, 'unknown', 'composer', 1, 'interrupted', 'errors.provider.crashed', ?, ?, ?, 1) returning id`)
      .get(`e2e-${now}-${to}`, `+886${to.slice(1)}`, to, text, now, now, now) as { id: number };
    const ev = db.prepare('insert into message_events (message_id, at, from_status, to_status, code, detail) values (?, ?, ?, ?, ?, ?)');
    ev.run(id, now, null, 'queued', null, null);
    ev.run(id, now, 'queued', 'sending', 'claimed', 'attempt 1');
    ev.run(id, now, 'sending', 'unknown', 'interrupted', null);
  });
}

test('an unknown message: history, resend as a new message, mark failed', async ({ page }) => {
  const stamp = Date.now();
  const first = `【測試店】結果不明 A ${stamp}`;
  const second = `【測試店】結果不明 B ${stamp}`;
  insertUnknown(first, '0912000111');
  insertUnknown(second, '0912000222');
  await openApp(page);
  await gotoRoom(page, '記錄');

  await logRow(page, first).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('unknown-actions')).toContainText('無法確定業者是否收到');
  const history = drawer.getByTestId('message-history');
  await expect(history).toContainText('interrupted');
  await expect(history).toContainText('attempt 1');
  await drawer.getByTestId('resend').click();
  // The pre-send check's confirm, with the warning that the original may have arrived after all.
  const check = page.getByTestId('resend-dialog');
  await expect(check.getByTestId('resend-duplicate')).toContainText('對方會收到兩次');
  await check.getByTestId('resend-confirm').click();
  await expect(page.locator('.ant-message')).toContainText('已建立新簡訊');
  // After the confirmation, Escape still closes the drawer (issue 9 fixed the focus leaving it).
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /簡訊 #/ })).toHaveCount(0);

  // The copy goes out through the sandbox; the original stays unknown.
  const rows = logRow(page, first);
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('log-status').locator('.status-tag')).toHaveText('已送達', { timeout: FINAL });

  await logRow(page, second).click();
  await drawer.getByTestId('mark-failed').click();
  await expect(page.locator('.ant-message')).toContainText('已標示為失敗');
  await expect(drawer.getByTestId('unknown-actions').getByTestId('mark-failed')).toHaveCount(0);
});
