// Timed messages overdue beyond the grace window when the app starts (the PC was off): they become
// `missed`, nothing goes out on its own, and the operator sees the notice listing them with "send
// now" and "cancel". Pressing each: the sent one goes out as a new, linked message and is delivered;
// the cancelled one stays missed in the log and never goes. A server of its own, on a data dir seeded
// before it starts (the shared server's outbox has other tests' messages in it).
import { expect, test } from '@playwright/test';
import { FINAL, gotoRoom, logRow, settle } from './app';
import { seedSync, startServer, type RunningServer } from './server';

const shots = 'test-results/screenshots';
const SEND = { to: '0911 555 661', text: `【測試店】錯過補發測試 ${Date.now()}` };
const CANCEL = { to: '0911 555 662', text: `【測試店】錯過取消測試 ${Date.now()}` };

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({
    'sandbox.deliveryDelayMs': '300',
    'shop.timeZone': 'Asia/Taipei',
    'shop.name': '測試店',
    'sending.quietHours.enabled': 'false',
    // The default grace window (2 hours): the seeded messages are 2½ hours late.
  }, (dataDir) => seedSync('missed-messages.ts', [dataDir, SEND.to, SEND.text, CANCEL.to, CANCEL.text]));
});

test.afterAll(async () => {
  await server?.stop();
});

test('missed timed messages: the notice lists them; send now and cancel each do what they say', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('compose-recipients')).toBeFocused();

  // The header says something needs the operator; the notice lists both, with their original time.
  await expect(page.getByTestId('scheduler-state')).toHaveAttribute('data-state', 'attention');
  const banner = page.getByTestId('missed-banner');
  await expect(banner).toContainText('2 則預約簡訊錯過了時間，沒有自動送出。');
  const sendRow = banner.getByTestId('missed-row').filter({ hasText: '0911 555 661' });
  const cancelRow = banner.getByTestId('missed-row').filter({ hasText: '0911 555 662' });
  await expect(sendRow).toContainText(SEND.text);
  await expect(sendRow).toContainText('原定');
  await expect(cancelRow).toContainText(CANCEL.text);
  await settle(page);
  await page.screenshot({ path: `${shots}/missed-notice-zh-TW.png` });

  // In the log both are missed, and nothing was sent behind the operator's back.
  await gotoRoom(page, '記錄');
  await expect(logRow(page, SEND.text)).toHaveCount(1);
  await expect(logRow(page, SEND.text).locator('.status-tag')).toHaveText('已錯過');
  await expect(logRow(page, CANCEL.text).locator('.status-tag')).toHaveText('已錯過');

  // Send now: a new message for the same number and text goes out and is delivered.
  // It goes through the pre-send check first (the log's resend confirm): acknowledge what it warns of.
  await sendRow.getByRole('button', { name: '立即發送' }).click();
  const check = page.getByTestId('resend-dialog');
  await expect(check.getByTestId('resend-sample')).toBeVisible();
  for (const ack of await check.locator('[data-testid^="check-ack-"]').all()) await ack.click();
  await check.getByTestId('resend-confirm').click();
  await expect(page.getByText('已重新排入發送。')).toBeVisible();
  await expect(check).toHaveCount(0);
  await expect(sendRow).toBeHidden();
  await expect(banner).toContainText('1 則預約簡訊錯過了時間');
  const sendRows = logRow(page, SEND.text);
  await expect(sendRows).toHaveCount(2);
  await expect(sendRows.locator('.status-tag').filter({ hasText: '已送達' })).toHaveCount(1, { timeout: FINAL });
  await expect(sendRows.locator('.status-tag').filter({ hasText: '已錯過' })).toHaveCount(1);

  // Cancel: the notice empties; the message stays missed in the log and no copy of it is made.
  await cancelRow.getByRole('button', { name: /^取\s*消$/ }).click();
  await expect(page.getByText('已取消，不會發送。')).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(logRow(page, CANCEL.text)).toHaveCount(1);
  await expect(logRow(page, CANCEL.text).locator('.status-tag')).toHaveText('已錯過');

  // Nothing asks for attention any more.
  await expect(page.getByTestId('scheduler-state')).not.toHaveAttribute('data-state', 'attention');
  await settle(page);
  await page.screenshot({ path: `${shots}/missed-resolved-log-zh-TW.png` });

  // After a reload the decision holds: the notice does not come back.
  await page.reload();
  await expect(page.getByTestId('scheduler-state')).toBeVisible();
  const missed = await page.request.post(new URL('/api/scheduler.missed', server.url).href, { data: {}, headers: { Origin: new URL(server.url).origin } });
  expect(missed.ok(), await missed.text()).toBe(true);
  expect(((await missed.json()) as { total: number }).total).toBe(0);
  await expect(page.getByTestId('missed-banner')).toBeHidden();
});
