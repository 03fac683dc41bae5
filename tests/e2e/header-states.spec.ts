// The tray's states in the header of browser mode, each brought about for real on a server of its
// own: idle (nothing to do), paused (the operator paused), sending (a message is with a provider that
// has not answered yet), needs attention (the provider then refused it: a failure). The tooltip says
// what needs attention.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { settle } from './app';
import { startServer, type RunningServer } from './server';

const shots = 'test-results/screenshots';
let server: RunningServer;
// A loopback TwSMS that holds every request without answering until the test lets it answer, then
// refuses the number (code 00100, providers.md §1.9): the message fails.
let blackHole: http.Server;
const held: http.ServerResponse[] = [];
let answering = false;
let requests = 0;
const refuse = (res: http.ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ code: '00100', text: '手機號碼格式錯誤' }));
};

test.beforeAll(async () => {
  blackHole = http.createServer((req, res) => {
    requests++;
    req.resume();
    if (answering) refuse(res);
    else held.push(res);
  });
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  server = await startServer({ 'shop.timeZone': 'Asia/Taipei', 'shop.name': '測試店', 'sending.quietHours.enabled': 'false' });
});

test.afterAll(async () => {
  blackHole?.closeAllConnections();
  await new Promise((resolve) => blackHole?.close(resolve));
  await server?.stop();
});

async function call(page: Page, method: string, input: unknown): Promise<unknown> {
  const res = await page.request.post(new URL(`/api/${method}`, server.url).href, { data: input, headers: { Origin: new URL(server.url).origin } });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

test('idle, paused, sending and needs attention show in the header as they happen', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await expect(page.getByTestId('compose-recipients')).toBeFocused();
  const state = page.getByTestId('scheduler-state');

  // Nothing to do.
  await expect(state).toHaveAttribute('data-state', 'idle');
  await expect(state).toHaveText('待命');

  // Paused by the operator, and back.
  const sending = page.getByTestId('sending-state');
  await sending.getByRole('button', { name: '暫停發送' }).click();
  await expect(state).toHaveAttribute('data-state', 'paused');
  await expect(state).toHaveText('已暫停');
  // Said once: the sending control beside it does not repeat it.
  await expect(sending).not.toContainText('已暫停發送');
  await settle(page);
  await page.locator('.header-bar').screenshot({ path: `${shots}/header-paused-zh-TW.png` });
  await sending.getByRole('button', { name: '恢復發送' }).click();
  await expect(state).toHaveAttribute('data-state', 'idle');

  // A message handed to a provider that has not answered: sending.
  const address = blackHole.address() as AddressInfo;
  await call(page, 'accounts.add', { provider: 'twsms', name: 'slow', username: 'shop', password: 'secret', baseUrl: `http://127.0.0.1:${address.port}`, noVerify: true });
  await call(page, 'messages.send', { to: '0911 777 888', text: '【測試店】等待回應測試', account: 'slow', origin: 'composer' });
  await expect.poll(() => requests).toBeGreaterThan(0);
  await expect(state).toHaveAttribute('data-state', 'sending');
  await expect(state).toHaveText('發送中');
  await expect(sending).not.toContainText('發送中');
  await expect(sending).toContainText('待發 1 則');
  await settle(page);
  await page.locator('.header-bar').screenshot({ path: `${shots}/header-sending-zh-TW.png` });

  // The provider answers at last and refuses the number: a failure, which needs the operator.
  answering = true;
  held.splice(0).forEach(refuse);
  await expect(state).toHaveAttribute('data-state', 'attention');
  await expect(state).toHaveText('需要處理');
  await expect(page.getByTestId('failed-banner')).toBeVisible();
  await state.hover();
  await expect(page.getByRole('tooltip')).toContainText('失敗');
  await settle(page);
  await page.screenshot({ path: `${shots}/header-attention-zh-TW.png` });
});
