// issue #3: the live counter in JSTAR's style, for one part and once the text spans two.
import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('the counter reads 字數 6/70 · 1 則 for six Chinese characters and 2 則 at 71', async ({ page }) => {
  await openApp(page);
  const message = page.getByTestId('compose-text');
  const counter = page.getByTestId('segment-counter');

  await expect(counter).toHaveText('字數 0/160 · 0 則');
  await message.fill('您好歡迎光臨');
  await expect(counter).toHaveText('字數 6/70 · 1 則');
  await expect(page.getByTestId('segment-encoding')).toHaveText('UCS-2（中文）');

  await message.fill('測'.repeat(70));
  await expect(counter).toHaveText('字數 70/70 · 1 則');
  await message.fill('測'.repeat(71));
  await expect(counter).toHaveText('字數 71/134 · 2 則');

  // A plain Latin text stays GSM-7 with 160 characters per part.
  await message.fill('Hello');
  await expect(counter).toHaveText('字數 5/160 · 1 則');
  await expect(page.getByTestId('segment-encoding')).toHaveText('GSM-7');
  await expect(page.getByTestId('stray-chars')).toHaveCount(0);

  // One curly quote in a Latin text forces UCS-2: the counter says so and names the culprit.
  await message.fill('Your order is ready, thank you for shopping with us. See you soon at the shop’s counter!');
  await expect(counter).toHaveText('字數 88/134 · 2 則');
  await expect(page.getByTestId('stray-chars')).toContainText('’');
});
