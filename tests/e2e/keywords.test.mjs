// Keyword highlighting: the bar, counts, find-bar stepping, folded sections,
// the URL, odd keywords, suggestions and the embedding API.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testBed, openReader, strictPage, screenshot, readerReady, inReader, eventually, dist, fixtures } from './support.mjs';

const bed = testBed({ mounts: { '/': dist, '/fixtures/': fixtures } });
const open = (path, options) => openReader(bed, path, options);

const input = (page) => page.locator('.ar-keyword-input');
const chips = (page) => page.locator('.ar-chip-text').allTextContents();
const position = (page) => page.locator('.ar-find-count').textContent();

async function addKeyword(page, keyword) {
  await input(page).fill(keyword);
  await input(page).press('Enter');
}

/** Ranges painted for keyword `k` (Custom Highlight API, in this reader's own
 * highlights: their names end in `-k`), or its marks without the API. */
function painted(page, k) {
  return inReader(page, (root, k) => {
    if (!window.CSS?.highlights) return root.querySelectorAll(`.ar-article .ar-mark.ar-kw-${k}`).length;
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.endsWith(`-${k}`)) count += [...highlight].filter((r) => root.contains(r.startContainer)).length;
    });
    return count;
  }, k);
}

/** The current match: its text, where it starts in the article's text, and whether it is on screen. */
function currentMatch(page) {
  return inReader(page, (root) => {
    let range;
    if (window.CSS?.highlights) {
      CSS.highlights.forEach((highlight, name) => {
        if (name.endsWith('-current')) range ??= [...highlight].find((r) => root.contains(r.startContainer));
      });
      // Highlights hold static ranges: a live one measures and reads the text.
      if (range) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        range = live;
      }
    } else {
      range = document.createRange();
      range.selectNodeContents(root.querySelector('#ar-current-match'));
    }
    if (!range) return null;
    const before = document.createRange();
    before.selectNodeContents(root.querySelector('.ar-article'));
    before.setEnd(range.startContainer, range.startOffset);
    const rect = range.getBoundingClientRect();
    return { text: range.toString(), at: before.toString().length, onScreen: rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight };
  });
}

/** Occurrences of `keyword` in the article's text, counted independently of the reader. */
function trueCount(page, keyword) {
  return inReader(page, (root, k) => root.querySelector('.ar-article').textContent.split(k).length - 1, keyword);
}

test('keywords are added, counted, removed and refused', async () => {
  const page = await open();
  for (const k of ['人才', '干部', '基层党组织']) await addKeyword(page, k);
  assert.deepEqual(await chips(page), ['人才', '干部', '基层党组织']);

  const shown = await page.locator('.ar-chip-count').allTextContents();
  for (const [i, k] of ['人才', '干部', '基层党组织'].entries()) {
    const truth = await trueCount(page, k);
    assert.ok(truth > 0);
    assert.equal(Number(shown[i]), truth, `count of ${k}`);
  }
  assert.equal(await painted(page, 2), await trueCount(page, '基层党组织'), 'every match of the last keyword is painted');

  await page.locator('.ar-chip-remove').nth(1).click();
  assert.deepEqual(await chips(page), ['人才', '基层党组织']);
  await input(page).focus();
  await input(page).press('Backspace');
  assert.deepEqual(await chips(page), ['人才'], 'Backspace in the empty input removes the last');

  await addKeyword(page, '   ');
  assert.match(await page.locator('.ar-keyword-problem').textContent(), /关键词不能为空/);
  assert.equal(await input(page).getAttribute('aria-invalid'), 'true');
  await addKeyword(page, '人才');
  assert.match(await page.locator('[role=alert]').textContent(), /已经在关键词里/);
  assert.deepEqual(await chips(page), ['人才']);

  // While typing, the bar shows how often the draft occurs.
  await input(page).fill('组织工作');
  assert.equal(await page.locator('.ar-draft-count').textContent(), `共 ${await trueCount(page, '组织工作')} 处`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('next and previous step in document order and wrap around', async () => {
  const page = await open();
  await addKeyword(page, '基层党组织');
  const total = await trueCount(page, '基层党组织');
  assert.equal(await position(page), `共 ${total} 处`);
  const starts = [];
  for (let i = 0; i < total; i += 1) {
    await input(page).press('Enter');
    assert.equal(await position(page), `第 ${i + 1} / ${total} 处`);
    const current = await currentMatch(page);
    assert.equal(current.text, '基层党组织');
    starts.push(current.at);
  }
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'matches come in document order');
  await input(page).press('Enter');
  assert.equal(await position(page), `第 1 / ${total} 处`, 'after the last comes the first');
  await input(page).press('Shift+Enter');
  assert.equal(await position(page), `第 ${total} / ${total} 处`, 'and back');
  await page.locator('.ar-prev').click();
  assert.equal(await position(page), `第 ${total - 1} / ${total} 处`);
  await page.locator('.ar-title').click();
  await page.keyboard.press('F3');
  assert.equal(await position(page), `第 ${total} / ${total} 处`, 'F3 steps while focus is in the reader');
  await page.keyboard.press('Shift+F3');
  assert.equal(await position(page), `第 ${total - 1} / ${total} 处`);
  // The current match is scrolled into view (smoothly: it takes a moment).
  assert.ok((await eventually(() => currentMatch(page), (m) => m?.onScreen))?.onScreen);
  await page.close();
});

test('choosing a keyword steps through its matches only', async () => {
  const page = await open();
  await addKeyword(page, '人才');
  await addKeyword(page, '干部');
  const both = (await trueCount(page, '人才')) + (await trueCount(page, '干部'));
  assert.equal(await position(page), `共 ${both} 处`);
  await page.locator('.ar-chip-label', { hasText: '干部' }).click();
  assert.equal(await page.locator('.ar-chip-label', { hasText: '干部' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await position(page), `共 ${await trueCount(page, '干部')} 处`);
  await page.locator('.ar-next').click();
  assert.equal((await currentMatch(page)).text, '干部');
  await page.close();
});

test('a match in a folded section unfolds it', async () => {
  const page = await open();
  await page.locator('.ar-level-1:nth-of-type(4) .ar-fold').click();
  assert.equal(await page.locator('.ar-level-1:nth-of-type(4) .ar-fold').getAttribute('aria-expanded'), 'false');
  await addKeyword(page, '人才强县');
  await input(page).press('Enter');
  // The section opens as the reader goes to the match (a render after the key).
  await page.locator('.ar-level-1:nth-of-type(4) .ar-fold[aria-expanded="true"]').waitFor();
  assert.ok((await eventually(() => currentMatch(page), (m) => m?.onScreen))?.onScreen, 'the match is on screen');
  await page.close();
});

test('keywords travel in the URL and come back from it', async () => {
  const page = await open();
  await addKeyword(page, '人才');
  await addKeyword(page, 'a,b&c');
  const hash = await page.evaluate(() => location.hash);
  assert.match(decodeURIComponent(hash), /kw=人才,a,b&c$/);
  const shared = await open(`/${hash}`);
  assert.deepEqual(await chips(shared), ['人才', 'a,b&c']);
  const linked = await open(`/#kw=${encodeURIComponent('干部')},${encodeURIComponent('组织')}`);
  assert.deepEqual(await chips(linked), ['干部', '组织']);
  for (const p of [page, shared, linked]) await p.close();
});

test('a keyword made of markup or regex characters is plain text', async () => {
  const page = await open();
  const evil = '<img src=x onerror=alert(1)>';
  await addKeyword(page, evil);
  await addKeyword(page, '.*');
  assert.deepEqual(await chips(page), [evil, '.*']);
  assert.equal(await inReader(page, (root) => root.querySelectorAll('img').length), 0);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.equal(await page.locator('.ar-chip-count').first().textContent(), '0');
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, [], 'nothing ran');
  await page.close();
});

test('suggestions come from the article and add with one click', async () => {
  const page = await open();
  await page.locator('.ar-button', { hasText: '建议' }).click();
  await page.locator('.ar-suggestion').first().waitFor();
  const offered = await page.locator('.ar-suggestion').allTextContents();
  for (const phrase of ['党的二十大', '组织工作', '基层党组织', '干部', '人才']) {
    assert.ok(offered.includes(phrase), `${phrase} offered: ${offered}`);
  }
  assert.ok(!offered.includes('的二十') && !offered.includes('党的二'));
  await page.locator('.ar-suggestion', { hasText: '党的二十大' }).click();
  assert.deepEqual(await chips(page), ['党的二十大']);
  await page.close();
});

test('whole words and case folding in English', async () => {
  const page = await open('/fixtures/english.html');
  await addKeyword(page, 'river');
  const loose = Number(await page.locator('.ar-chip-count').textContent());
  await page.locator('.ar-button', { hasText: 'Whole words' }).click();
  const strict = Number(await page.locator('.ar-chip-count').textContent());
  assert.ok(strict < loose, `${strict} < ${loose}: "rivers" no longer counts`);
  assert.equal(strict, 4, 'River, RIVER, river, ｒｉｖｅｒ as whole words');
  await page.close();
});

test('the embedding API reads and sets keywords', async () => {
  const page = await open();
  const api = await page.evaluate(() => {
    const reader = document.querySelector('article-reader');
    const accepted = reader.setKeywords(['人才', '  ', '干部']);
    return {
      accepted,
      keywords: reader.getKeywords(),
      counts: { ...reader.matchCounts() },
      sections: JSON.parse(JSON.stringify(reader.sectionMatchCounts())),
    };
  });
  assert.deepEqual(api.accepted, ['人才', '干部']);
  assert.deepEqual(api.keywords, ['人才', '干部']);
  assert.equal(api.counts['人才'], await trueCount(page, '人才'));
  assert.equal(Object.keys(api.sections).length, 4);
  const fourth = Object.keys(api.sections)[3];
  assert.ok(fourth.startsWith('四-'));
  const inFourth = await inReader(page, (root) => root.querySelector('.ar-level-1:nth-of-type(4)').textContent.split('人才').length - 1);
  assert.equal(api.sections[fourth]['人才'], inFourth);
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelectorAll('.ar-chip').length === 2);
  await page.close();
});

test('the outline shows each section\'s matches, and none without keywords', async () => {
  const page = await open();
  // The numbers the outline shows on its top-level rows, by section id.
  await page.evaluate(() => {
    window.shownCounts = () => {
      const root = document.querySelector('article-reader').shadowRoot;
      const counts = {};
      for (const count of root.querySelectorAll('.ar-tree > [role=treeitem] > .ar-tree-row > .ar-tree-count')) {
        if (count.checkVisibility()) counts[count.closest('[role=treeitem]').id.replace(/^ar-o_/, '')] = Number(count.firstChild.textContent);
      }
      return counts;
    };
  });
  // What the API counts per section, all keywords together.
  const truth = () => page.evaluate(() => {
    const totals = {};
    for (const [section, counts] of Object.entries(document.querySelector('article-reader').sectionMatchCounts())) {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (total) totals[section] = total;
    }
    return totals;
  });
  // The rows take their counts after the highlights' frame: wait for them.
  const shows = async (want, what) => {
    await page.waitForFunction((want) => JSON.stringify(window.shownCounts()) === want, JSON.stringify(want), { timeout: 2000 }).catch(() => {});
    assert.deepEqual(await page.evaluate(() => window.shownCounts()), want, what);
  };
  for (const list of [['人才'], ['干部', '基层党组织'], ['人才']]) {
    await page.evaluate((list) => document.querySelector('article-reader').setKeywords(list), list);
    const want = await truth();
    assert.ok(Object.keys(want).length >= 2, `${list} occurs in several sections`);
    await shows(want, `counts for ${list}`);
  }
  await page.evaluate(() => document.querySelector('article-reader').setKeywords([]));
  await shows({}, 'no count left without keywords');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the API queues calls made before the reader is ready', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    customElements.whenDefined('article-reader').then(() => {
      const reader = document.querySelector('article-reader');
      reader.addEventListener('reader-ready', () => { window.readyCounts = { ...reader.matchCounts() }; });
      window.early = reader.setKeywords(['干部']);
    });
  });
  await page.goto(`${bed.server.origin}/`);
  await page.waitForFunction(() => window.readyCounts);
  assert.deepEqual(await page.evaluate(() => window.early), ['干部']);
  await page.waitForFunction(() => document.querySelector('article-reader').getKeywords()[0] === '干部');
  await page.close();
});

test('without the Custom Highlight API, matches are <mark> elements', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    delete window.Highlight;
    Object.defineProperty(CSS, 'highlights', { value: undefined });
  });
  await page.goto(`${bed.server.origin}/`);
  await readerReady(page);
  await addKeyword(page, '人才');
  await addKeyword(page, '基层党组织');
  assert.equal(await painted(page, 0), await trueCount(page, '人才'));
  assert.equal(await painted(page, 1), await trueCount(page, '基层党组织'));
  await input(page).press('Enter');
  const first = await inReader(page, (root) => {
    const text = root.querySelector('.ar-article').textContent;
    return text.indexOf('人才') < text.indexOf('基层党组织') ? '人才' : '基层党组织';
  });
  assert.equal((await currentMatch(page)).text, first, 'the first match in the text');
  assert.ok((await eventually(() => currentMatch(page), (m) => m?.onScreen))?.onScreen);
  await screenshot(page, 'keywords-fallback-marks');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('screenshots with three keywords, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(`/#kw=${encodeURIComponent('人才')},${encodeURIComponent('干部')},${encodeURIComponent('基层党组织')}`, { colorScheme });
    await input(page).press('Enter');
    await input(page).press('Enter');
    await page.waitForTimeout(500);
    await screenshot(page, `keywords-${colorScheme}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('a hundred keywords scroll in their own box: the toolbar stays short and the article in view', async () => {
  const page = await openReader(bed);
  const chips = await page.evaluate(() => {
    const reader = document.querySelector('article-reader');
    const text = reader.shadowRoot.querySelector('.ar-article').textContent;
    const keywords = new Set();
    for (let i = 0; keywords.size < 100 && i + 2 <= text.length; i += 3) {
      const pair = text.slice(i, i + 2);
      if (/^[\u4e00-\u9fff]{2}$/.test(pair)) keywords.add(pair);
    }
    return reader.setKeywords([...keywords]).length;
  });
  assert.equal(chips, 100);
  await page.locator('.ar-chip').nth(99).waitFor({ state: 'attached' });
  const layout = await inReader(page, (root) => {
    const box = root.querySelector('.ar-chips');
    return {
      toolbar: root.querySelector('.ar-toolbar').getBoundingClientRect().height,
      scrolls: box.scrollHeight > box.clientHeight,
      input: root.querySelector('.ar-keyword-input').getBoundingClientRect().bottom,
    };
  });
  assert.ok(layout.toolbar < 240, `toolbar ${layout.toolbar}px tall`);
  assert.ok(layout.scrolls, 'the chips scroll in their box');
  assert.ok(layout.input < 240, 'the keyword input stays in view');
  // The last chip is reached by scrolling its box, and still works.
  await page.locator('.ar-chip-label').nth(99).scrollIntoViewIfNeeded();
  await page.locator('.ar-chip-label').nth(99).click();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a click beside the text goes to the nearest tick\'s match; the ticks are a path per colour', async () => {
  const page = await openReader(bed);
  await page.evaluate(() => document.querySelector('article-reader').setKeywords(['人才', '组织']));
  await page.locator('.ar-tick').first().waitFor({ state: 'attached' });
  const map = await inReader(page, (root) => {
    const svg = root.querySelector('.ar-ticks-svg');
    const paths = [...svg.querySelectorAll('path')];
    const ticks = paths.flatMap((p) => [...p.getAttribute('d').matchAll(/M0 (\d+)/g)].map((m) => Number(m[1])));
    const box = svg.getBoundingClientRect();
    return { paths: paths.length, ticks: ticks.sort((a, b) => a - b), top: box.top, left: box.left + box.width / 2, height: box.height, view: innerHeight };
  });
  const yOf = (permille) => map.top + (permille / 1000) * map.height;
  assert.equal(map.paths, 2, 'one path per keyword colour');
  assert.ok(map.ticks.length > 5, `${map.ticks.length} ticks`);
  // The last tick on screen: its match is as far down the text as it is down the map.
  const last = map.ticks.filter((t) => yOf(t + 4) < map.view).at(-1);
  await page.mouse.click(map.left, yOf(last + 2));
  await page.waitForFunction(() => /^第 \d+ \/ \d+ 处$/.test(document.querySelector('article-reader').shadowRoot.querySelector('.ar-find-count')?.textContent ?? ''));
  const far = await currentMatch(page);
  assert.ok(['人才', '组织'].includes(far.text), far.text);
  const text = await inReader(page, (root) => root.querySelector('.ar-article').textContent);
  assert.ok(Math.abs(far.at / text.length - last / 1000) < 0.1, `tick at ${last}‰, its match at ${far.at} of ${text.length}`);
  // A click far from any tick goes nowhere.
  const gaps = map.ticks.slice(1).map((t, i) => [map.ticks[i], t]).filter(([a, b]) => b - a > 30);
  assert.ok(gaps.length > 0, 'the seed has stretches without ticks');
  const [a, b] = gaps[0];
  // Measured again once still: the map (sticky) moves while the first
  // click's scroll goes on.
  const box = await page.evaluate(async () => {
    const svg = document.querySelector('article-reader').shadowRoot.querySelector('.ar-ticks-svg');
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let top = NaN; top !== svg.getBoundingClientRect().top; await frames()) top = svg.getBoundingClientRect().top;
    const rect = svg.getBoundingClientRect();
    return { top: rect.top, height: rect.height };
  });
  await page.mouse.click(map.left, box.top + (((a + b) / 2) / 1000) * box.height);
  assert.equal((await currentMatch(page)).at, far.at, 'no jump from a click between ticks');
  assert.deepEqual(page.problems, []);
  await page.close();
});
