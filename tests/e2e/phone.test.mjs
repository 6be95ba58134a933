// The reader's chrome on a phone (375 px, touch) and a desktop (1280 px):
// toolbar height, target sizes, how the drawer and sheets close and where
// focus goes, the `?` and `/` keys, long unbreakable strings, no layout shift,
// and screenshots of the phone in light, dark and sepia.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testBed, openReader, strictPage, inReader, screenshot, dist, fixtures } from './support.mjs';

const bed = testBed({ mounts: { '/': dist, '/fixtures/': fixtures } });
const phone = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };
const desktop = { viewport: { width: 1280, height: 800 } };

const toolbarHeight = (page) => inReader(page, (root) => root.querySelector('.ar-toolbar').getBoundingClientRect().height);
const drawerShown = (page) => page.locator('.ar-outline-panel').isVisible();

/** What has keyboard focus: an element of the reader (its id, else its
 * class), "reader" for the reader itself, or "BODY" when focus fell out. */
const focused = (page) => page.evaluate(() => {
  const root = document.querySelector('article-reader').shadowRoot;
  const active = root.activeElement;
  if (!active) return document.activeElement?.tagName ?? 'none';
  if (active.classList.contains('ar-reader')) return 'reader';
  return active.id || active.className;
});

/** Controls on screen smaller than `min` px either way, as "what w×h". */
const smallTargets = (page, min) => inReader(page, (root, min) => {
  const targets = root.querySelectorAll(
    'button, input:not([type=radio]):not([type=checkbox]), .ar-segment > span, .ar-check, .ar-tree-row',
  );
  return [...targets]
    .filter((e) => e.getClientRects().length && e.getBoundingClientRect().bottom < innerHeight)
    .map((e) => [e.id || e.className || e.tagName, e.getBoundingClientRect()])
    .filter(([, r]) => r.width < min - 0.5 || r.height < min - 0.5)
    .map(([what, r]) => `${what} ${Math.round(r.width)}×${Math.round(r.height)}`);
}, min);

/** A swipe from (x0, y) to (x1, y) with a finger, as touch events. */
async function swipe(page, x0, x1, y) {
  const cdp = await page.context().newCDPSession(page);
  const point = (x) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(x0) });
  for (let step = 1; step <= 5; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x0 + ((x1 - x0) * step) / 5) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('phone: one row of at most 56 px while reading; the keyword bar and its sheet only when asked for', async () => {
  const page = await openReader(bed, '/', phone);
  assert.ok(await toolbarHeight(page) <= 56, `toolbar ${await toolbarHeight(page)} px`);
  await page.evaluate(() => document.querySelector('article-reader').setKeywords(['人才', '干部', '组织工作', '基层党组织']));
  await page.locator('.ar-find-short', { hasText: '/' }).waitFor();
  assert.ok(await toolbarHeight(page) <= 56, 'keywords do not make it taller');
  assert.equal(await page.locator('.ar-keyword-input').isVisible(), false, 'the keyword bar waits for the search button');
  assert.equal(await page.locator('.ar-chip').first().isVisible(), false);
  await page.locator('.ar-next').click();
  assert.equal(await page.locator('.ar-find-short').textContent(), `1/${await page.evaluate(() => Object.values(document.querySelector('article-reader').matchCounts()).reduce((a, b) => a + b))}`);
  assert.match(await page.locator('.ar-find-count').textContent(), /^第 1 \/ \d+ 处$/, 'screen readers hear the whole message');

  await page.locator('#ar-search-toggle').click();
  await page.locator('.ar-keyword-input').waitFor();
  const strip = await inReader(page, (root) => {
    const chips = root.querySelector('.ar-chips');
    return { scrolls: getComputedStyle(chips).overflowX, rows: new Set([...chips.children].map((c) => Math.round(c.getBoundingClientRect().top))).size };
  });
  assert.deepEqual(strip, { scrolls: 'auto', rows: 1 }, 'the chips are one strip that scrolls sideways');

  const textTop = () => inReader(page, (root) => root.querySelector('.ar-title').getBoundingClientRect().top);
  const before = await textTop();
  await page.locator('#ar-suggestions-toggle').click();
  await page.locator('.ar-suggestion').first().waitFor();
  assert.equal(await textTop(), before, 'the suggestions sheet covers the text without pushing it');
  await screenshot(page, 'phone-keywords-suggestions');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('phone: every control is at least 44 × 44 px on a touch screen', async () => {
  const page = await openReader(bed, '/', phone);
  assert.deepEqual(await smallTargets(page, 44), [], 'reading');
  await page.locator('#ar-outline-toggle').click();
  assert.deepEqual(await smallTargets(page, 44), [], 'with the outline drawer');
  await page.locator('#ar-outline-toggle').click();
  await page.evaluate(() => document.querySelector('article-reader').setKeywords(['人才', '干部']));
  await page.locator('#ar-search-toggle').click();
  await page.locator('#ar-suggestions-toggle').click();
  await page.locator('.ar-suggestion').first().waitFor();
  assert.deepEqual(await smallTargets(page, 44), [], 'with the keyword bar and suggestions');
  await page.locator('#ar-settings-toggle').click();
  assert.deepEqual(await smallTargets(page, 44), [], 'with the settings');
  await page.close();
});

test('desktop: one row, and every control at least 24 × 24 px', async () => {
  const page = await openReader(bed, '/', desktop);
  await page.evaluate(() => document.querySelector('article-reader').setKeywords(['人才', '干部', '组织工作']));
  await page.locator('.ar-chip').nth(2).waitFor();
  assert.ok(await toolbarHeight(page) <= 56, `toolbar ${await toolbarHeight(page)} px`);
  const rows = await inReader(page, (root) => new Set([...root.querySelector('.ar-toolbar').children]
    .filter((e) => e.getClientRects().length && !e.classList.contains('ar-sheet'))
    .map((e) => Math.round(e.getBoundingClientRect().top))).size);
  assert.equal(rows, 1, 'outline, search, keywords, find bar and tools share one row');
  assert.deepEqual(await smallTargets(page, 24), []);
  await page.locator('#ar-settings-toggle').click();
  assert.deepEqual(await smallTargets(page, 24), [], 'with the settings');
  await page.close();
});

test('the drawer closes with Escape from anywhere, a tap outside or a swipe; focus goes back to its button, never to <body>', async () => {
  const page = await openReader(bed, '/', phone);
  const open = async () => {
    await page.locator('#ar-outline-toggle').click();
    assert.equal(await drawerShown(page), true);
  };

  await open();
  assert.equal(await focused(page), 'ar-outline-toggle');
  await page.keyboard.press('Escape');
  assert.equal(await drawerShown(page), false, 'Escape on the outline button');
  assert.equal(await focused(page), 'ar-outline-toggle');

  await open();
  await page.locator('[role=treeitem][tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  assert.equal(await drawerShown(page), false, 'Escape in the tree');
  assert.equal(await focused(page), 'ar-outline-toggle', 'focus back on the button, not on <body>');

  await open();
  await page.touchscreen.tap(200, 780);
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-outline-panel').checkVisibility());
  assert.notEqual(await focused(page), 'BODY', 'a tap on the text closes it; focus is where the tap put it');

  await open();
  const box = await page.locator('.ar-outline-panel').boundingBox();
  await swipe(page, 300, 120, box.y + 120);
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot.querySelector('.ar-outline-panel').checkVisibility());
  assert.equal(await focused(page), 'ar-outline-toggle', 'a swipe across the drawer');

  await open();
  await page.locator('.ar-tree-label', { hasText: /^二、/ }).click();
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.activeElement?.classList.contains('ar-heading'));
  assert.equal(await drawerShown(page), false, 'going somewhere closes it, and focus goes there');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Escape closes the innermost thing first, and each gives focus back to its button', async () => {
  const page = await openReader(bed, '/', phone);
  await page.locator('#ar-search-toggle').click();
  await page.locator('#ar-suggestions-toggle').click();
  await page.locator('.ar-suggestion').first().waitFor();
  await page.locator('.ar-keyword-input').focus();
  await page.keyboard.type('人才');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.ar-keyword-input').inputValue(), '', 'first what was typed');
  assert.equal(await page.locator('.ar-suggestions').isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.ar-suggestions').isVisible(), false, 'then the suggestions');
  assert.equal(await page.locator('.ar-keyword-input').isVisible(), true);
  assert.equal(await focused(page), 'ar-keyword-input', 'focus stays where it was');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.ar-keyword-input').isVisible(), false, 'then the keyword bar');
  assert.equal(await focused(page), 'ar-search-toggle');

  await page.locator('#ar-settings-toggle').click();
  await page.locator('.ar-segment input').first().focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.ar-settings').count(), 0);
  assert.equal(await focused(page), 'ar-settings-toggle');
  await page.close();
});

test('focus never falls to <body> after a button it was on goes away', async () => {
  const page = await openReader(bed, '/', desktop);
  const input = page.locator('.ar-keyword-input');
  for (const k of ['人才', '干部', '组织']) {
    await input.fill(k);
    await input.press('Enter');
  }
  await page.locator('.ar-chip-remove').nth(1).click();
  assert.deepEqual(await page.locator('.ar-chip-text').allTextContents(), ['人才', '组织']);
  assert.equal(await focused(page), 'ar-chip-remove', 'the next chip\'s remove button');
  assert.equal(await inReader(page, (root) => root.activeElement.getAttribute('aria-label')), '删除关键词“组织”');
  await page.keyboard.press('Enter');
  // Focus moves once the bar has rendered without the chip: press again there.
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.activeElement
    ?.getAttribute('aria-label') === '删除关键词“人才”');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelectorAll('.ar-chip').length === 0);
  assert.deepEqual(await page.locator('.ar-chip-text').allTextContents(), []);
  assert.equal(await focused(page), 'ar-keyword-input', 'the input once no chip is left');

  await page.locator('#ar-suggestions-toggle').click();
  const first = page.locator('.ar-suggestion').first();
  await first.waitFor();
  const second = await page.locator('.ar-suggestion').nth(1).textContent();
  await first.click();
  assert.equal(await inReader(page, (root) => root.activeElement.textContent), second, 'the suggestion that took its place');

  await page.locator('.ar-button', { hasText: '清除' }).click();
  assert.equal(await focused(page), 'ar-keyword-input', 'clearing leaves focus in the input');
  await input.fill('人才');
  await input.press('Enter');
  await input.fill('人才');
  await input.press('Enter');
  await page.locator('.ar-keyword-problem .ar-chip-remove').click();
  assert.equal(await focused(page), 'ar-keyword-input', 'dismissing a problem');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('? opens the help with every shortcut, and / goes to the keyword input', async () => {
  const page = await openReader(bed, '/', desktop);
  await page.locator('.ar-paragraph').first().click();
  await page.keyboard.press('?');
  const help = page.locator('.ar-help');
  await help.waitFor();
  const listed = (await help.locator('.ar-key').allTextContents()).join(' ');
  for (const key of ['?', '/', 'F3', 'Shift+F3', 'Esc', 'Enter', 'Shift+Enter', 'Backspace', '↑', '↓', '→', '←', 'Home', 'End', '*']) {
    assert.ok(listed.split(' ').includes(key), `${key} is listed: ${listed}`);
  }
  await page.keyboard.press('Escape');
  assert.equal(await help.count(), 0);
  assert.notEqual(await focused(page), 'BODY');

  await page.keyboard.press('/');
  assert.equal(await focused(page), 'ar-keyword-input');
  assert.equal(await page.locator('.ar-keyword-input').inputValue(), '', 'the slash is not typed');
  await page.keyboard.type('a/b?');
  assert.equal(await page.locator('.ar-keyword-input').inputValue(), 'a/b?', 'in the input, they are characters');
  assert.equal(await help.count(), 0);

  // In the outline, ? is the reader's, not a type-ahead.
  await page.locator('[role=treeitem][tabindex="0"]').focus();
  await page.keyboard.press('?');
  await help.waitFor();
  await page.keyboard.press('?');
  assert.equal(await help.count(), 0, '? closes it again');
  await page.close();

  const small = await openReader(bed, '/', phone);
  await small.locator('.ar-paragraph').first().click();
  await small.keyboard.press('/');
  assert.equal(await focused(small), 'ar-keyword-input', 'on a phone, / opens the keyword bar first');
  assert.equal(await small.locator('.ar-keyword-input').isVisible(), true);
  await small.close();
});

test('long unbreakable strings wrap: headings, the outline and chips stay on a 375 px screen', async () => {
  // Not `isMobile`: the fixture page has no viewport meta, so a phone would lay it out at 980 px.
  const page = await strictPage(bed.browser, { viewport: phone.viewport, hasTouch: true });
  await page.goto(`${bed.server.origin}/fixtures/empty.html`);
  // A heading (at most 80 characters) that is mostly a URL; a keyword of 50 letters.
  const word = 'abcdefghij'.repeat(5);
  const url = `https://example.com/${word}`;
  await page.evaluate(([url, word]) => {
    const reader = document.createElement('article-reader');
    reader.textContent = `长链接\n\n一、${url}\n\n${'正文。'.repeat(200)}\n\n二、第二节\n\n${'正文。'.repeat(200)}\n\n三、最后一节\n\n正文。`;
    reader.setAttribute('keywords', word);
    document.body.append(reader);
  }, [url, word]);
  await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-chip'));
  await page.locator('#ar-search-toggle').click();
  await page.locator('#ar-outline-toggle').click();
  const widths = await inReader(page, (root) => ({
    page: document.documentElement.scrollWidth,
    heading: root.querySelector('.ar-heading').getBoundingClientRect().right,
    chip: root.querySelector('.ar-chip').getBoundingClientRect().right,
    tree: root.querySelector('.ar-tree-label').getBoundingClientRect().right,
    current: root.querySelector('[aria-current] .ar-tree-label')?.textContent ?? null,
  }));
  for (const [what, right] of Object.entries(widths).filter(([k]) => k !== 'current')) {
    assert.ok(right <= 375, `${what} reaches ${right} px`);
  }
  assert.equal(widths.current, null, 'at the top, no section is marked as being read');
  await screenshot(page, 'phone-long-url');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('no layout shift when the article replaces the loading state', async () => {
  // The last: a page that keeps its reader narrow on a wide screen, so that
  // only the reader's own width says it is narrow, not the window's.
  const keptNarrow = { ...desktop, path: '/kept-narrow.html' };
  for (const options of [phone, desktop, keptNarrow]) {
    const page = await strictPage(bed.browser, options);
    await page.route('**/kept-narrow.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><script type="module" src="/reader.js"></script><main><article-reader style="max-width: 600px"></article-reader></main>',
    }));
    // A slow phone's CPU: frames are painted between the steps of loading
    // (the message changing, the header before its title), as they were on
    // a loaded test machine before those steps stopped moving anything.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${bed.server.origin}${options.path ?? '/'}`);
    await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'));
    // Two frames after the article: any shift it caused has been reported.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const where = `at ${options.viewport.width} px${options.path ? ' in a 600 px reader' : ''}`;
    assert.equal(await page.evaluate(() => window.layoutShift), 0, where);
    const narrow = options !== desktop;
    assert.equal(await page.locator('.ar-keyword-input').isVisible(), !narrow, `keyword bar ${where}`);
    await page.close();
  }
});

test('screenshots: a phone in light, dark and sepia', async () => {
  for (const [theme, colorScheme, background] of [
    ['light', 'light', 'rgb(255, 253, 248)'],
    ['dark', 'dark', 'rgb(22, 24, 28)'],
    ['sepia', 'light', 'rgb(244, 236, 216)'],
  ]) {
    const page = await openReader(bed, '/', { ...phone, colorScheme });
    await page.evaluate(() => document.querySelector('article-reader').setKeywords(['人才', '干部']));
    await page.locator('.ar-find-short', { hasText: '/' }).waitFor();
    if (theme === 'sepia') {
      await page.locator('#ar-settings-toggle').click();
      await page.locator('.ar-segment', { hasText: '米黄' }).click();
      await page.locator('#ar-settings-toggle').click();
    }
    assert.equal(await page.locator('.ar-reader').evaluate((e) => getComputedStyle(e).backgroundColor), background, theme);
    await screenshot(page, `phone-${theme}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});
