// Accessibility: axe-core (through @axe-core/playwright, every rule it runs
// by default, shadow roots included) finds no violation on the standalone
// page and on the host-page example, with the reader's panels open or not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { testBed, openReader, readerReady, strictPage, dist } from './support.mjs';

const bed = testBed({ mounts: { '/': dist } });

/** axe's violations on the page, one line each, so a failure says what and where. */
async function violations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' >>> ')).slice(0, 3).join(', ')}`);
}

for (const [name, options] of [
  ['1280 px', { viewport: { width: 1280, height: 900 } }],
  ['375 px, dark', { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, colorScheme: 'dark' }],
]) {
  test(`the standalone page has no axe violation at ${name}, with keywords, settings and help`, async () => {
    const page = await openReader(bed, '/', options);
    assert.deepEqual(await violations(page), [], 'as it opens');

    await page.evaluate(() => document.querySelector('article-reader').setKeywords(['人才', '干部']));
    // Phones show the keyword bar on demand.
    if (!(await page.locator('.ar-keyword-input').isVisible())) await page.locator('#ar-search-toggle').click();
    await page.locator('#ar-suggestions-toggle').click();
    await page.locator('.ar-suggestion').first().waitFor();
    assert.deepEqual(await violations(page), [], 'with keywords and suggestions');

    await page.locator('#ar-settings-toggle').click();
    await page.locator('.ar-settings').waitFor();
    await page.locator('.ar-segment', { hasText: '米黄' }).click();
    assert.deepEqual(await violations(page), [], 'with the settings open, in sepia');

    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.locator('.ar-help').waitFor();
    assert.deepEqual(await violations(page), [], 'with the help open');

    await page.keyboard.press('Escape');
    await page.locator('#ar-outline-toggle').click();
    assert.deepEqual(await violations(page), [], 'with the outline open');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('the host-page example has no axe violation', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1400, height: 900 } });
  await page.goto(`${bed.server.origin}/examples/host-page/`);
  await readerReady(page, '#left');
  await readerReady(page, '#right');
  // Before axe, which applies inline styles the page's policy refuses.
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await violations(page), []);
  await page.close();
});
