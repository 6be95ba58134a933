// Rich articles end to end: inline HTML, a whole page named by `src` (with and
// without `select`), a Chinese page whose headings are bold paragraphs,
// Markdown, a keyword across <strong>, and pasted rich text. All under the
// README's strict Content-Security-Policy (with img-src for the images).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testBed, strictPage, screenshot, dist, fixtures } from './support.mjs';

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' blob:; img-src 'self'";

const bed = testBed({
  mounts: { '/': dist, '/fixtures/': fixtures },
  headers: { 'content-security-policy': CSP },
});

// The page forbids eval, so page functions are passed to Playwright as they
// are (never rebuilt with `new Function`), with the shadow root as a handle.
const rootOf = (page, selector = 'article-reader') => page.evaluateHandle((sel) => document.querySelector(sel).shadowRoot, selector);

/** Runs `fn(shadowRoot, arg)` in the page. */
async function inShadow(page, fn, arg) {
  const root = await rootOf(page);
  return root.evaluate(fn, arg);
}

/** The title, byline and text the reader shows, with what `more(root)` finds. */
async function readArticle(page, more = () => ({})) {
  const basics = await inShadow(page, (root) => ({
    title: root.querySelector('.ar-title').textContent,
    byline: root.querySelector('.ar-byline')?.textContent ?? '',
    text: root.querySelector('.ar-article').innerText,
  }));
  return { ...basics, ...(await inShadow(page, more)) };
}

/** Waits until the reader shows an article. */
const shown = (page) => page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'), null, { timeout: 15000 });

/** Waits until `fn(shadowRoot)` is truthy. */
async function until(page, fn) {
  await page.waitForFunction(fn, await rootOf(page), { timeout: 15000 });
}

/** A page with one reader made with `attributes` (on the empty fixture page). */
async function readerWith(attributes, viewport = { width: 1280, height: 900 }) {
  const page = await strictPage(bed.browser, { viewport });
  await page.goto(`${bed.server.origin}/fixtures/empty.html`);
  await page.evaluate((attributes) => {
    const reader = document.createElement('article-reader');
    for (const [k, v] of Object.entries(attributes)) reader.setAttribute(k, v);
    document.body.append(reader);
  }, attributes);
  await shown(page);
  return page;
}

const outlineOf = (nodes) => nodes.map((n) => [n.level, n.label, outlineOf(n.children.filter((c) => c.kind === 'section'))]);

test('inline HTML: title, byline, outline from h2/h3, formatting as elements', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${bed.server.origin}/fixtures/rich-english.html`);
  await shown(page);

  assert.equal(await inShadow(page, (root) => root.querySelector('.ar-title').textContent), 'How Rivers Shape Cities');
  assert.ok((await inShadow(page, (root) => root.querySelector('.ar-byline').textContent)).includes('Sam Lee'));
  const outline = await page.evaluate(() => document.querySelector('article-reader').outline());
  assert.deepEqual(outlineOf(outline), [[1, 'Trade', [[2, 'Tolls', []]]], [1, 'Defence', []]]);

  const dom = await inShadow(page, (root) => ({
    strong: [...root.querySelectorAll('.ar-paragraph strong')].map((e) => e.textContent),
    links: [...root.querySelectorAll('a.ar-link')].map((a) => [a.textContent, a.getAttribute('href'), a.rel, a.target]),
    code: [...root.querySelectorAll('.ar-inline-code')].map((e) => e.textContent),
    pre: root.querySelector('pre.ar-code')?.textContent,
    nested: root.querySelectorAll('ul.ar-list ul.ar-list > li').length,
    olStart: root.querySelector('ol.ar-list')?.getAttribute('start'),
    cells: [...root.querySelectorAll('.ar-table th, .ar-table td')].map((e) => e.textContent),
    caption: root.querySelector('.ar-table caption')?.textContent,
    quote: root.querySelector('blockquote.ar-quote')?.textContent,
    figure: root.querySelector('figure.ar-figure figcaption')?.textContent,
    image: (() => {
      const img = root.querySelector('figure img');
      return img && [img.getAttribute('src'), img.getAttribute('loading'), img.alt];
    })(),
    rule: root.querySelectorAll('hr.ar-rule').length,
  }));
  assert.deepEqual(dom.strong, ['trade', 'own']);
  assert.deepEqual(dom.links, [
    ['river', 'https://en.wikipedia.org/wiki/River', 'noopener noreferrer', '_blank'],
    ['Sam', 'mailto:sam@example.com', 'noopener noreferrer', ''],
  ]);
  assert.deepEqual(dom.code, ['toll = weight * rate']);
  assert.equal(dom.pre, 'fn toll(weight: u32, rate: u32) -> u32 {\n    weight * rate\n}');
  assert.equal(dom.nested, 2);
  assert.equal(dom.olStart, '3');
  assert.deepEqual(dom.cells, ['Town', 'Toll', 'Riverbend', '3 coins', 'Fordham', '5 coins']);
  assert.equal(dom.caption, 'Tolls per ton');
  assert.equal(dom.quote, 'A river is a wall that feeds you.');
  assert.equal(dom.figure, 'A river bends, and a market grows at the bend.');
  assert.deepEqual(dom.image, [`${bed.server.origin}/fixtures/river.svg`, 'lazy', 'A river bending through fields']);
  assert.equal(dom.rule, 1);
  await inShadow(page, (root) => root.querySelector('figure img').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('figure img')?.naturalWidth > 0);
  const fits = await inShadow(page, (root) => {
    const img = root.querySelector('figure img');
    return img.getBoundingClientRect().width <= root.querySelector('.ar-article').getBoundingClientRect().width;
  });
  assert.ok(fits, 'the image is wider than the column');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'rich-english-article', { fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('a keyword across <strong> matches and counts once, and its highlight spans the boundary', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${bed.server.origin}/fixtures/rich-english.html`);
  await shown(page);
  await page.evaluate(() => document.querySelector('article-reader').setKeywords(['ownership']));
  await page.waitForFunction(() => document.querySelector('article-reader').matchCounts().ownership === 2);
  // The first keyword's ranges, in this reader's own highlight (its name
  // ends in `-0`), as live ranges (highlights hold static ones) to read.
  const firstKeyword = () => {
    const root = document.querySelector('article-reader').shadowRoot;
    const ranges = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.endsWith('-0')) ranges.push(...[...highlight].filter((r) => root.contains(r.startContainer)));
    });
    return ranges.map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live;
    });
  };
  const painted = await page.evaluate(`(${firstKeyword})().map((r) => r.toString())`);
  assert.deepEqual(painted, ['ownership', 'ownership']);
  const straddles = await page.evaluate(`(() => {
    const [range] = (${firstKeyword})();
    return range.startContainer.parentElement.tagName + '>' + range.endContainer.parentElement.tagName;
  })()`);
  assert.equal(straddles, 'STRONG>P');
  assert.deepEqual(page.problems, []);
});

test('a whole page as src: the article without navigation, header, footer, asides, share and comments', async () => {
  const page = await readerWith({ src: '/fixtures/pages/news.html', 'ui-lang': 'en' });
  const read = await readArticle(page, (root) => ({
    headings: [...root.querySelectorAll('.ar-heading')].map((h) => h.firstChild.textContent),
  }));
  assert.equal(read.title, 'The Quiet Engineering of Bridges');
  assert.deepEqual(read.headings, ['Arches', 'Suspension']);
  for (const part of ['Ada Park', '2024-05-14 08:30', 'Daily Planet']) assert.ok(read.byline.includes(part), read.byline);
  for (const junk of ['World', 'Most read', 'Share this', 'First comment', 'Copyright', 'window.alertedByPage', 'color: red']) {
    assert.ok(!read.text.includes(junk), `"${junk}" is shown`);
  }
  assert.ok(read.text.includes('Tacoma Narrows'));
  assert.equal(await page.evaluate(() => window.alertedByPage), undefined, 'a script of the page ran');
  assert.deepEqual(page.problems, []);
});

test('select picks the container explicitly', async () => {
  const page = await readerWith({ src: '/fixtures/pages/news.html', select: '#comments', 'ui-lang': 'en' });
  const text = await inShadow(page, (root) => root.querySelector('.ar-article').innerText);
  assert.ok(text.includes('First comment'), text);
  assert.ok(!text.includes('Tacoma'), text);
  // A selector that matches nothing reads the page as if there were none.
  await page.evaluate(() => document.querySelector('article-reader').setAttribute('select', '.no-such-thing'));
  await until(page, (root) => root.querySelector('.ar-article')?.innerText.includes('Tacoma'));
  assert.deepEqual(page.problems, []);
});

test('a Chinese page whose headings are bold paragraphs', async () => {
  const page = await readerWith({ src: '/fixtures/pages/zh-gov.html' }, { width: 1280, height: 1000 });
  const read = await readArticle(page);
  assert.equal(read.title, '关于进一步加强基层组织建设的实施意见');
  for (const part of ['某某县委组织部', '2024-03-05 10:30']) assert.ok(read.byline.includes(part), read.byline);
  for (const junk of ['政务公开', '当前位置', '主办单位', 'ICP备']) assert.ok(!read.text.includes(junk), `"${junk}" is shown`);
  const outline = await page.evaluate(() => document.querySelector('article-reader').outline());
  assert.deepEqual(outlineOf(outline), [
    [1, '一、总体要求', [[2, '（一）指导思想。', []], [2, '（二）基本原则。', []]]],
    [1, '二、主要任务', [[2, '（一）建强组织体系。', []], [2, '（二）锻造干部队伍。', []]]],
    [1, '三、保障措施', []],
  ]);
  const points = outline[0].children[0].children.filter((c) => c.kind === 'point').map((c) => c.label);
  assert.deepEqual(points, ['一是要加强政治建设', '二是要加强思想建设', '三是要加强组织建设']);
  await screenshot(page, 'chinese-html-article', { fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('a school CMS page: the headline from its h2, the byline from the property line above the text, the headline not repeated', async () => {
  const page = await readerWith({ src: '/fixtures/pages/zh-school.html' });
  const read = await readArticle(page);
  assert.equal(read.title, '扎实推进课程改革 全面提升育人质量');
  for (const part of ['李明', '2023年09月01日']) assert.ok(read.byline.includes(part), read.byline);
  assert.ok(read.text.includes('新学期开始了'), read.text);
  for (const junk of ['——全面提升育人质量', '学习专栏', '推荐阅读', '点击数', '打印正文', '上一篇', '版权所有', '今天是']) {
    assert.ok(!read.text.includes(junk), `"${junk}" is shown`);
  }
  const outline = await page.evaluate(() => document.querySelector('article-reader').outline());
  assert.deepEqual(outline.map((node) => node.label), ['一、统一思想认识', '二、抓好重点任务', '三、加强组织保障']);
  assert.deepEqual(page.problems, []);
});

test('Markdown: links, emphasis, code, images and tables render as elements; raw markup never shows', async () => {
  const page = await readerWith({ src: '/fixtures/notes.md', 'ui-lang': 'en' });
  const read = await readArticle(page, (root) => ({
    link: [...root.querySelectorAll('a.ar-link')].map((a) => [a.textContent, a.getAttribute('href')]),
    strong: [...root.querySelectorAll('.ar-article strong')].map((e) => e.textContent),
    em: [...root.querySelectorAll('.ar-article em')].map((e) => e.textContent),
    code: [...root.querySelectorAll('.ar-inline-code')].map((e) => e.textContent),
    image: root.querySelector('.ar-media img')?.getAttribute('src'),
    cells: root.querySelectorAll('.ar-table td, .ar-table th').length,
    items: root.querySelectorAll('ol.ar-list > li').length,
    onclick: root.querySelectorAll('[onclick]').length,
  }));
  assert.equal(read.title, 'Notes on Reading Long Texts');
  assert.ok(read.byline.includes('Lin Wei'), read.byline);
  assert.deepEqual(read.link, [['开源', 'https://github.com/example/magazine'], ['reader', 'https://example.com/reader']]);
  assert.deepEqual(read.strong, ['投稿', 'outline', 'HTML']);
  assert.deepEqual(read.em, ['讨论']);
  assert.deepEqual(read.code, ['cargo run --release', 'keywords']);
  assert.equal(read.image, `${bed.server.origin}/fixtures/river.svg`);
  assert.equal(read.cells, 6);
  assert.equal(read.items, 2);
  assert.equal(read.onclick, 0);
  for (const raw of ['**', '](', '![', '`', '<b>', '<p', 'alert', '|---']) assert.ok(!read.text.includes(raw), `"${raw}" is shown`);
  assert.ok(read.text.includes('Raw HTML paragraph.'));
  // The Markdown module is a file of its own, fetched for Markdown only.
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()));
  assert.ok(loaded.includes('markdown_bg.wasm'), loaded.join(' '));
  assert.deepEqual(page.problems, []);
});

test('a plain-text article never loads the Markdown module', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${bed.server.origin}/fixtures/english.html`);
  await shown(page);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()));
  assert.ok(!loaded.some((name) => name.startsWith('markdown')), loaded.join(' '));
  assert.deepEqual(page.problems, []);
});

test('pasting rich text on the standalone page reads it as HTML', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${bed.server.origin}/`);
  await shown(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Pasted plain text');
    data.setData('text/html', '<meta charset="utf-8"><h1>Pasted <em>rich</em> title</h1><h2>First part</h2><p>Some <strong>bold</strong> words and <a href="https://example.com/x" onclick="alert(1)">a link</a>.</p><img src="fixtures/river.svg" onerror="alert(1)"><h2>Second part</h2><p>More.</p>');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  // The page puts a fresh reader in place of the old one.
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot?.querySelector('.ar-title')?.textContent === 'Pasted rich title');
  const read = await inShadow(page, (root) => ({
    headings: [...root.querySelectorAll('.ar-heading')].map((h) => `${h.tagName}:${h.firstChild.textContent}`),
    strong: root.querySelector('.ar-paragraph strong')?.textContent,
    link: root.querySelector('a.ar-link')?.getAttribute('href'),
    handlers: [...root.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => a.name.startsWith('on'))),
  }));
  assert.deepEqual(read.headings, ['H2:First part', 'H2:Second part']);
  assert.equal(read.strong, 'bold');
  assert.equal(read.link, 'https://example.com/x');
  assert.equal(read.handlers, false);
  assert.deepEqual(page.problems, []);
});

/** A page with one reader of `text` given inside the element, in `format`. */
async function readerOf(text, format) {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${bed.server.origin}/fixtures/empty.html`);
  await page.evaluate(([text, format]) => {
    const reader = document.createElement('article-reader');
    reader.setAttribute('format', format);
    reader.setAttribute('hash', 'off');
    reader.textContent = text;
    document.body.append(reader);
  }, [text, format]);
  // The shadow root exists once the element is defined; then the whole article.
  await shown(page);
  await until(page, (root) => root.querySelector('.ar-article:not([aria-busy])') && !root.querySelector('.ar-rendering'));
  return page;
}

test('a long table shows as tables of 64 rows whose columns line up, every cell once', async () => {
  const rows = Array.from({ length: 150 }, (_, i) => `| ${i} | 名称${i} | ${i % 9 ? '短' : '一段更长的说明文字'} |`).join('\n');
  const page = await readerOf(`# 大表\n\n前言。\n\n| 序号 | 名称 | 说明 |\n|---|---|---|\n${rows}\n\n后记。\n`, 'markdown');
  const tables = await inShadow(page, (root) => [...root.querySelectorAll('.ar-table')].map((table) => ({
    rows: table.rows.length,
    first: table.rows[0].cells[1].textContent,
    lefts: [...table.rows[0].cells].map((c) => Math.round(c.getBoundingClientRect().left)),
  })));
  assert.deepEqual(tables.map((t) => t.rows), [64, 64, 23]);
  assert.deepEqual(tables.map((t) => t.first), ['名称', '名称63', '名称127']);
  for (const table of tables) assert.deepEqual(table.lefts, tables[0].lefts, 'the columns line up');
  const count = await page.evaluate(() => {
    const reader = document.querySelector('article-reader');
    reader.setKeywords(['名称']);
    return reader.matchCounts().名称;
  });
  assert.equal(count, 151);
  assert.deepEqual(page.problems, []);
});

test('a text without line breaks reads as paragraphs, with nothing lost', async () => {
  const sentences = Array.from({ length: 3000 }, (_, i) => `这是第${i}句话，内容照常。`);
  const page = await readerOf(`一段很长的文字\n\n${sentences.join('')}\n`, 'text');
  const shown = await inShadow(page, (root) => [...root.querySelectorAll('.ar-paragraph')].map((p) => p.textContent));
  assert.ok(shown.length > 3, `${shown.length} paragraphs`);
  assert.ok(shown.every((p) => p.endsWith('。')), 'each ends a sentence');
  assert.equal(shown.join(''), sentences.join(''));
  assert.deepEqual(page.problems, []);
});

test('when the Markdown module cannot load, the article shows as text with a notice, and the next Markdown article tries again', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 900 } });
  let refused = 0;
  await page.route('**/markdown_bg.wasm', (route) => {
    if (refused === 0) {
      refused += 1;
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${bed.server.origin}/fixtures/empty.html`);
  await page.evaluate(() => {
    const reader = document.createElement('article-reader');
    reader.setAttribute('format', 'markdown');
    reader.setAttribute('ui-lang', 'en');
    reader.setAttribute('hash', 'off');
    reader.textContent = '# Notes\n\nSome **bold** text.';
    document.body.append(reader);
  });
  await shown(page);
  await until(page, (root) => root.querySelector('.ar-notice'));
  const first = await inShadow(page, (root) => ({
    notice: root.querySelector('.ar-notice').textContent,
    text: root.querySelector('.ar-article').innerText,
  }));
  assert.match(first.notice, /Markdown module could not load/);
  assert.ok(first.text.includes('Some **bold** text.'), 'nothing lost');
  // A second reader on the page: the module is fetched again, and loads.
  await page.evaluate(() => {
    const reader = document.createElement('article-reader');
    reader.id = 'second';
    reader.setAttribute('format', 'markdown');
    reader.setAttribute('hash', 'off');
    reader.textContent = '# Notes\n\nSome **bold** text again.';
    document.body.append(reader);
  });
  await page.waitForFunction(() => document.getElementById('second')?.shadowRoot?.querySelector('.ar-article strong')?.textContent === 'bold', null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => document.getElementById('second').shadowRoot.querySelector('.ar-notice')), null);
  assert.equal(refused, 1);
});
