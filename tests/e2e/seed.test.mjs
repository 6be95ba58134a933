// The seed article on the standalone page, as a reader sees it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testBed, openReader, screenshot, dist } from './support.mjs';

const bed = testBed({ mounts: { '/': dist } });

test('the seed shows its title, four section headings and byline, and no footer', async () => {
  const page = await openReader(bed, '/', { viewport: { width: 1280, height: 900 } });

  assert.equal(await page.locator('.ar-title').textContent(), '在新征程中书写组织工作新答卷');
  const headings = await page.locator('.ar-level-1 > .ar-heading-row > .ar-heading').allTextContents();
  assert.equal(headings.length, 4);
  ['一、', '二、', '三、', '四、'].forEach((n, i) => assert.ok(headings[i].startsWith(n), headings[i]));

  const byline = await page.locator('.ar-byline').textContent();
  for (const part of ['红星网', '2022-12-05 17:37', '黄灵杰']) assert.ok(byline.includes(part), byline);

  const shown = await page.locator('.ar-reader').innerText();
  for (const junk of ['主办单位', '技术支持', 'ICP备', '欢迎您访问', '来访者', 'Baidu']) {
    assert.ok(!shown.includes(junk), `footer line "${junk}" is shown`);
  }
  assert.ok(!/(^|\n)map(\n|$)/.test(shown), 'stray link word "map" is shown');

  await screenshot(page, 'seed-full-page', { fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('the seed reads well on a 360 px phone', async () => {
  const page = await openReader(bed, '/', { viewport: { width: 360, height: 740 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await screenshot(page, 'seed-phone');
  assert.deepEqual(page.problems, []);
});

test('dark colours when the reader prefers them', async () => {
  const page = await openReader(bed, '/', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  const background = await page.locator('.ar-reader').evaluate((e) => getComputedStyle(e).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `background ${background} is not dark`);
  await screenshot(page, 'seed-dark');
  assert.deepEqual(page.problems, []);
});
