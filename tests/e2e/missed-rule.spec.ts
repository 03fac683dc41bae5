// A reminder rule's run that fell while nothing ran, older than the grace window: it is recorded as
// missed, not sent on its own; the header asks for attention (its tooltip says why), the Rules room
// lists the run on the rule's own clock (a Tokyo rule in a Taipei shop says so), and "send now" sends
// it — with the sender tag of the default prefix — and the attention goes.
import { expect, test } from '@playwright/test';
import { FINAL, gotoRoom, logRow, settle } from './app';
import { seedSync, startServer, type RunningServer } from './server';

const shots = 'test-results/screenshots';
const RULE = `東京門市提醒 ${Date.now()}`;
let server: RunningServer;
let seeded: { id: number; time: string };

test.beforeAll(async () => {
  server = await startServer({
    'sandbox.deliveryDelayMs': '300',
    'shop.timeZone': 'Asia/Taipei',
    'shop.name': '測試店',
    'sending.quietHours.enabled': 'false',
  }, (dataDir) => {
    seeded = JSON.parse(seedSync('missed-rule.ts', [dataDir, RULE, '王小明', '0911 555 670']).trim()) as { id: number; time: string };
  });
});

test.afterAll(async () => {
  await server?.stop();
});

test('a missed reminder run is listed on the rule\'s clock and sent on request', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('compose-recipients')).toBeFocused();
  const state = page.getByTestId('scheduler-state');
  await expect(state).toHaveAttribute('data-state', 'attention');
  await state.hover();
  await expect(page.getByRole('tooltip')).toContainText('錯過的提醒：1 次');

  await gotoRoom(page, '提醒規則');
  const missed = page.getByTestId('rules-missed');
  await expect(missed).toContainText('有 1 次提醒因電腦關機或休眠而錯過');
  await expect(missed).toContainText(RULE);
  await expect(missed).toContainText(new RegExp(`${seeded.time} Asia/Tokyo`));
  await settle(page);
  await page.screenshot({ path: `${shots}/rules-missed-run-zh-TW.png` });

  await missed.getByRole('button', { name: '現在寄送' }).click();
  await expect(missed).toBeHidden();
  await expect(state).not.toHaveAttribute('data-state', 'attention');

  await gotoRoom(page, '記錄');
  const row = logRow(page, '王小明您好，明天見。');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('【測試店】王小明您好，明天見。');
  await expect(row.locator('.status-tag')).toHaveText('已送達', { timeout: FINAL });
});
