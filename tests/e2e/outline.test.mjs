// The collapsible outline: keyboard, clicks, scroll spy, deep links, folding
// with the browser's find, and remembered state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  testBed, openReader, strictPage, screenshot, readerReady, inReader, currentNode, focusedNode, eventually, dist, fixtures,
} from './support.mjs';

const bed = testBed({ mounts: { '/': dist, '/fixtures/': fixtures } });
const open = (path, options) => openReader(bed, path, options);

const sectionTitles = ['一、', '二、', '三、', '四、'];
const expanded = (page, label) => page.locator(`[role=treeitem]:has(> .ar-tree-row .ar-tree-label:text-matches("^${label}"))`).getAttribute('aria-expanded');

/** Distance from the bottom of the sticky toolbar to the top of an element. */
function gapBelowToolbar(page, selector) {
  return inReader(page, (root, sel) => {
    const bar = root.querySelector('.ar-toolbar').getBoundingClientRect();
    return root.querySelector(sel).getBoundingClientRect().top - bar.bottom;
  }, selector);
}

test('the tree follows the WAI-ARIA pattern and has one tab stop', async () => {
  const page = await open();
  const items = await inReader(page, (root) => [...root.querySelectorAll('[role=treeitem]')].map((li) => ({
    level: li.getAttribute('aria-level'),
    pos: li.getAttribute('aria-posinset'),
    size: li.getAttribute('aria-setsize'),
    expanded: li.getAttribute('aria-expanded'),
    tabindex: li.getAttribute('tabindex'),
    inGroup: li.parentElement.getAttribute('role'),
  })));
  assert.equal(items.length, 19);
  assert.deepEqual(items[0], { level: '1', pos: '1', size: '4', expanded: 'true', tabindex: '0', inGroup: 'tree' });
  assert.deepEqual(items[1], { level: '2', pos: '1', size: '3', expanded: null, tabindex: '-1', inGroup: 'group' });
  assert.equal(items.filter((i) => i.tabindex === '0').length, 1);
  assert.equal(items.filter((i) => i.expanded !== null).length, 4, 'aria-expanded only on parents');
  await page.close();
});

test('a leaf\'s label lines up with its parent siblings\' labels, by mouse and by touch', async () => {
  for (const options of [{}, { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true }]) {
    const page = await open(undefined, options);
    if (options.hasTouch) await page.locator('#ar-outline-toggle').click();
    // Where each row's label starts, from the row's own start (its depth aside).
    const starts = await inReader(page, (root) => [...root.querySelectorAll('.ar-tree-row')].map((row) => {
      const label = row.querySelector('.ar-tree-label').getBoundingClientRect().left;
      return { parent: row.querySelector('.ar-twisty') !== null, start: Math.round(label - row.getBoundingClientRect().left) };
    }));
    const parents = new Set(starts.filter((s) => s.parent).map((s) => s.start));
    const leaves = new Set(starts.filter((s) => !s.parent).map((s) => s.start));
    assert.equal(parents.size, 1, JSON.stringify(starts));
    assert.deepEqual([...leaves], [...parents], `${options.hasTouch ? 'touch' : 'mouse'}: leaves start where parents' labels do`);
    assert.ok([...parents][0] > (options.hasTouch ? 44 : 10), 'past the twisty');
    await page.close();
  }
});

test('keyboard: arrows, Home/End, type-ahead, star and Enter', async () => {
  const page = await open();
  await page.locator('[role=treeitem][tabindex="0"]').focus();
  assert.match(await focusedNode(page), /^一、/);

  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedNode(page), '一是要对标对表带头学');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedNode(page), '一是要对标对表带头学', 'Right on a leaf stays');
  await page.keyboard.press('ArrowLeft');
  assert.match(await focusedNode(page), /^一、/, 'Left moves to the parent');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await expanded(page, '一、'), 'false', 'Left closes an open node');
  assert.equal(await inReader(page, (r) => r.querySelector('.ar-section-body[hidden]')?.dataset.node !== undefined), true, 'its section folds too');
  await page.keyboard.press('ArrowDown');
  assert.match(await focusedNode(page), /^二、/, 'Down skips the hidden children');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  assert.equal(await expanded(page, '一、'), 'true', 'Right opens a closed node');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedNode(page), '一是要对标对表带头学', 'Right on an open node enters it');

  await page.keyboard.press('End');
  assert.equal(await focusedNode(page), '三是要深入推进新时代人才强县战略');
  await page.keyboard.press('Home');
  assert.match(await focusedNode(page), /^一、/);

  // Type-ahead: a tree item is no text field, so Chinese numbering is typed as digits.
  await page.keyboard.type('3');
  assert.equal(await focusedNode(page), '三是要坚持不懈引领学', 'type-ahead on the first characters');
  await page.waitForTimeout(800);
  await page.keyboard.type('3');
  assert.match(await focusedNode(page), /^三、/, 'the same key again finds the next match');

  await page.locator('.ar-outline .ar-button', { hasText: '全部收起' }).click();
  await page.locator('[role=treeitem][tabindex="0"]').focus();
  await page.keyboard.press('*');
  for (const title of sectionTitles) assert.equal(await expanded(page, title), 'true', `* opens ${title}`);

  const historyLength = await page.evaluate(() => history.length);
  await page.keyboard.press('Home');
  await page.waitForTimeout(800);
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.activeElement?.classList.contains('ar-point'));
  assert.match(await inReader(page, (r) => r.activeElement.textContent), /^二是要持之以恒带动学/, 'focus moved to the point');
  const under = (gap) => gap >= 0 && gap < 40;
  const gap = await eventually(() => gapBelowToolbar(page, '.ar-point:focus'), under);
  assert.ok(under(gap), `the point sits under the toolbar (gap ${gap}px)`);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState, not new entries');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a click scrolls the section to the top and moves focus there', async () => {
  const page = await open();
  await page.locator('.ar-tree-label', { hasText: /^三、/ }).click();
  const clear = (gap) => gap >= 0 && gap < 24;
  const gap = await eventually(() => gapBelowToolbar(page, '.ar-level-1:nth-of-type(3) .ar-heading'), clear);
  assert.ok(clear(gap), `heading clear of the sticky toolbar (gap ${gap}px)`);
  assert.match(await inReader(page, (r) => r.activeElement?.textContent ?? ''), /^三、/);
  assert.match(await currentNode(page), /^三、/);
  assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /^#s=三-深入推进/);
  await page.close();
});

test('scroll spy: every section becomes current, the last one at the end of the page', async () => {
  const page = await open();
  for (const [i, title] of sectionTitles.entries()) {
    await inReader(page, (root, i) => {
      const heading = root.querySelectorAll('.ar-level-1 > .ar-heading-row .ar-heading')[i];
      heading.scrollIntoView({ block: 'start' });
    }, i);
    // The last section cannot scroll to the top: at the page's end the current
    // node is its last point. Either way, the current node is in that section.
    const currentSection = () => inReader(page, (root) => {
      const current = root.querySelector('[role=treeitem][aria-current]');
      return current?.closest('[aria-level="1"]').querySelector('.ar-tree-label').textContent ?? null;
    });
    const section = await eventually(currentSection, (label) => label?.startsWith(title));
    assert.match(section ?? '', new RegExp(`^${title}`), `scrolled to ${title}`);
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = '三是要深入推进新时代人才强县战略';
  assert.equal(await eventually(() => currentNode(page), (node) => node === last), last);
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.equal(await eventually(() => currentNode(page), (node) => node === null), null, 'nothing is current above the first heading');
  await page.close();
});

test('scroll spy: a short final section is current at the very end', async () => {
  const page = await open('/fixtures/short-end.html');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  assert.equal(await eventually(() => currentNode(page), (node) => node === '四、很短的结尾'), '四、很短的结尾');
  // And the current node is kept in view inside the outline.
  const visible = await inReader(page, (root) => {
    const panel = root.querySelector('.ar-outline');
    const row = root.querySelector('[aria-current] > .ar-tree-row').getBoundingClientRect();
    const box = panel.getBoundingClientRect();
    return row.top >= box.top && row.bottom <= box.bottom;
  });
  assert.ok(visible);
  await page.close();
});

test('a deep link opens at its node, unfolding the way there', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 800 } });
  // Remembered: section 二 folded. The link into it must still open it.
  await page.goto(`${bed.server.origin}/`);
  await readerReady(page);
  await page.locator('.ar-level-1:nth-of-type(2) .ar-fold').click();
  // The fold is drawn and settled before the link is followed. (A link
  // followed at once after a fold can still land before the section opens,
  // about one time in ten: a known race, apart from what this test checks.)
  await page.locator('.ar-level-1:nth-of-type(2) .ar-fold[aria-expanded="false"]').waitFor();
  await page.waitForTimeout(300);
  await page.goto(`${bed.server.origin}/#s=${encodeURIComponent('坚持守正创新')}`);
  await page.reload();
  await readerReady(page);
  // Done when the linked point is current and has come to rest at the top.
  await page.waitForFunction(() => {
    const root = document.querySelector('article-reader').shadowRoot;
    const current = root.querySelector('[role=treeitem][aria-current] > .ar-tree-row .ar-tree-label');
    const point = root.getElementById('ar-n_坚持守正创新');
    if (current?.textContent !== '坚持守正创新' || !point) return false;
    const gap = point.getBoundingClientRect().top - root.querySelector('.ar-toolbar').getBoundingClientRect().bottom;
    return gap >= 0 && gap < 40;
  });
  assert.equal(await currentNode(page), '坚持守正创新');
  assert.equal(await expanded(page, '二、'), 'true');
  const gap = await gapBelowToolbar(page, '#ar-n_坚持守正创新');
  assert.ok(gap >= 0 && gap < 40, `linked point at the top (gap ${gap}px)`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the host page keeps its own hash', async () => {
  const page = await open('/#/app/route');
  await page.locator('.ar-tree-label', { hasText: /^二、/ }).click();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => location.hash), '#/app/route');
  await page.close();
});

test('a folded section opens when the browser finds text inside it', async () => {
  const page = await open();
  await page.locator('.ar-level-1:nth-of-type(3) .ar-fold').click();
  assert.equal(await expanded(page, '三、'), 'false');
  const hidden = await inReader(page, (r) => r.querySelector('.ar-level-1:nth-of-type(3) > .ar-section-body').getAttribute('hidden'));
  assert.equal(hidden, 'until-found');
  // A text fragment runs the same "reveal the ancestors" steps as Ctrl+F
  // find-in-page, which headless Chromium cannot open: beforematch fires.
  await page.goto(`${bed.server.origin}/#:~:text=${encodeURIComponent('涵养良好政治生态')}`);
  await page.waitForFunction(() => !document.querySelector('article-reader').shadowRoot
    .querySelector('.ar-level-1:nth-of-type(3) > .ar-section-body').hasAttribute('hidden'));
  assert.equal(await eventually(() => expanded(page, '三、'), (open) => open === 'true'), 'true', 'the outline follows');
  assert.equal(await page.locator('.ar-level-1:nth-of-type(3) .ar-fold').getAttribute('aria-expanded'), 'true');
  await page.close();
});

test('fold state, reading times and position come back after a reload', async () => {
  const page = await open();
  await page.locator('.ar-level-1:nth-of-type(2) .ar-fold').click();
  await page.locator('.ar-outline .ar-button', { hasText: '阅读时间' }).click();
  await page.locator('.ar-tree-label', { hasText: /^三、/ }).click();
  await page.waitForTimeout(800);
  await page.goto(`${bed.server.origin}/`); // no hash: the memory alone must bring us back
  await readerReady(page);
  await page.waitForTimeout(300);
  assert.equal(await expanded(page, '二、'), 'false');
  assert.equal(await page.locator('.ar-level-1:nth-of-type(2) .ar-fold').getAttribute('aria-expanded'), 'false');
  // A row's reading time is its data-time, drawn after its label.
  const time = await inReader(page, (root) => getComputedStyle(root.querySelector('.ar-tree-row'), '::after').content);
  assert.match(time, /^"(不到 1|\d+) 分钟"$/, 'reading times shown');
  // In the reader's language, which may change at any time.
  await page.evaluate(() => document.querySelector('article-reader').setAttribute('ui-lang', 'en'));
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-reader[lang=en]'));
  const english = await inReader(page, (root) => [...root.querySelectorAll('.ar-tree-row')].map((row) => getComputedStyle(row, '::after').content));
  assert.ok(english.every((t) => /^"(<1|\d+) min"$/.test(t)), `reading times in English: ${english}`);
  await page.evaluate(() => document.querySelector('article-reader').setAttribute('ui-lang', 'zh'));
  assert.match(await currentNode(page), /^三、/);
  const gap = await gapBelowToolbar(page, '.ar-level-1:nth-of-type(3) .ar-heading');
  assert.ok(Math.abs(gap) < 40, `scrolled back to 三 (gap ${gap}px)`);
  await screenshot(page, 'outline-folded-1280');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('corrupt, foreign, missing or full storage is ignored', async () => {
  const page = await open();
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) localStorage.setItem(key, '{"garbage": ');
    localStorage.setItem('article-reader:v1:0000000000000000', 'article-reader 1\ncollapsed\t<img src=x>');
  });
  await page.reload();
  await readerReady(page);
  assert.equal(await inReader(page, (r) => r.querySelectorAll('.ar-section-body[hidden]').length), 0);

  for (const breakStorage of [
    // No storage at all (a sandboxed frame, blocked cookies).
    () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }),
    // Full storage.
    () => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; },
  ]) {
    const broken = await strictPage(bed.browser, { viewport: { width: 1280, height: 800 } });
    await broken.addInitScript(breakStorage);
    await broken.goto(`${bed.server.origin}/`);
    await readerReady(broken);
    await broken.locator('.ar-level-1:nth-of-type(1) .ar-fold').click();
    assert.equal(await expanded(broken, '一、'), 'false', 'folding still works');
    assert.deepEqual(broken.problems, []);
    await broken.close();
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('screenshots: outline open and folded sections at 1280 px and 375 px', async () => {
  const wide = await open();
  await wide.locator('.ar-level-1:nth-of-type(1) .ar-fold').click();
  await wide.locator('.ar-level-1:nth-of-type(3) .ar-fold').click();
  await screenshot(wide, 'outline-1280');
  await wide.close();

  const phone = await open('/', { viewport: { width: 375, height: 760 } });
  const panel = phone.locator('.ar-outline-panel');
  assert.equal(await panel.isVisible(), false, 'the drawer starts closed and covers nothing');
  await phone.locator('.ar-outline-toggle').click();
  assert.equal(await panel.isVisible(), true);
  await screenshot(phone, 'outline-375-open');
  await phone.locator('.ar-tree-label', { hasText: /^二、/ }).click();
  await panel.waitFor({ state: 'hidden' }); // going to a node closes the drawer
  await phone.locator('.ar-level-1:nth-of-type(2) .ar-fold').click();
  await screenshot(phone, 'outline-375-folded');
  assert.deepEqual(phone.problems, []);
  await phone.close();
});
