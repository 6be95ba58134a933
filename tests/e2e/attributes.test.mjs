// Every attribute in the README's table takes effect when it changes after the
// reader has started: src, format, timeout, article-title, keywords, theme,
// outline, ui-lang and hash.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testBed, strictPage, dist, fixtures } from './support.mjs';

const respond = (type, body) => (req, res) => {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

const bed = testBed({
  mounts: { '/': dist, '/fixtures/': fixtures },
  routes: {
    '/src/one.txt': respond('text/plain; charset=utf-8', '第一篇\n\n一、开头\n正文。\n二、结尾\n正文。'),
    '/src/two.txt': respond('text/plain; charset=utf-8', '第二篇\n\n一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。'),
    '/src/slow.txt': () => {}, // never answers
  },
});

/** A page with one reader, `#late`, made with `attributes` (and `text` inside). */
async function readerWith(attributes, text = '') {
  const page = await strictPage(bed.browser, { viewport: { width: 1200, height: 800 } });
  await page.goto(`${bed.server.origin}/fixtures/empty.html`);
  await page.evaluate(([attributes, text]) => {
    const reader = document.createElement('article-reader');
    reader.id = 'late';
    reader.textContent = text;
    for (const [k, v] of Object.entries(attributes)) reader.setAttribute(k, v);
    document.body.append(reader);
  }, [attributes, text]);
  return page;
}

const setAttributes = (page, attributes) => page.evaluate((attributes) => {
  const reader = document.getElementById('late');
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null) reader.removeAttribute(k);
    else reader.setAttribute(k, v);
  }
}, attributes);

/** Waits until `fn(shadowRoot)` is truthy, and returns it. */
async function until(page, fn, arg) {
  const handle = await page.waitForFunction(
    ([source, arg]) => new Function('root', 'arg', `return (${source})(root, arg)`)(document.getElementById('late')?.shadowRoot, arg),
    [fn.toString(), arg],
    { timeout: 10000 },
  );
  return handle.jsonValue();
}

const title = (root) => root?.querySelector('.ar-title')?.textContent;
const chips = (root) => [...(root?.querySelectorAll('.ar-chip-text') ?? [])].map((c) => c.textContent).join(',');

test('src loads a new article, and format decides how inline text is read', async () => {
  const page = await readerWith({ src: '/src/one.txt' });
  await until(page, (root) => root?.querySelector('.ar-title')?.textContent === '第一篇');
  await setAttributes(page, { src: '/src/two.txt' });
  await until(page, (root) => root.querySelectorAll('.ar-level-1').length === 3);
  assert.equal(await until(page, title), '第二篇');
  await page.close();

  const inline = await readerWith({ format: 'text' }, '# Markdown title\n\n## Part one\n\nText.\n\n## Part two\n\nText.');
  await until(inline, (root) => root?.querySelector('.ar-title')?.textContent === '# Markdown title');
  await setAttributes(inline, { format: 'markdown' });
  await until(inline, (root) => root.querySelector('.ar-title')?.textContent === 'Markdown title');
  assert.equal(await until(inline, (root) => String(root.querySelectorAll('.ar-level-1').length)), '2');
  assert.deepEqual(inline.problems, []);
  await inline.close();
});

test('timeout applies to the fetch under way', async () => {
  const page = await readerWith({ src: '/src/slow.txt', timeout: '600' });
  await until(page, (root) => root?.querySelector('[role=status]'));
  const started = Date.now();
  await setAttributes(page, { timeout: '1' });
  const message = await until(page, (root) => root.querySelector('[role=alert]')?.textContent);
  assert.equal(message, '载入文章“/src/slow.txt”超过 1 秒，已经停止。');
  assert.ok(Date.now() - started < 8000, 'the new limit applied, not the old one');
  page.problems.length = 0; // the browser logs the aborted fetch itself
  await page.close();
});

test('article-title, theme and ui-lang apply at once', async () => {
  const page = await readerWith({ src: '/src/one.txt' });
  await until(page, (root) => root?.querySelector('.ar-title')?.textContent === '第一篇');
  await setAttributes(page, { 'article-title': 'A new title', theme: 'dark', 'ui-lang': 'en' });
  await until(page, (root) => root.querySelector('.ar-theme-dark'));
  assert.equal(await until(page, title), 'A new title');
  assert.equal(await until(page, (root) => root.querySelector('.ar-outline-toggle').textContent.trim()), 'Contents');
  await setAttributes(page, { 'article-title': null, theme: 'light', 'ui-lang': 'zh' });
  await until(page, (root) => root.querySelector('.ar-theme-light') && root.querySelector('.ar-title').textContent === '第一篇');
  assert.equal(await until(page, (root) => root.querySelector('.ar-outline-toggle').textContent.trim()), '目录');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('keywords replace the ones shown when the attribute changes', async () => {
  const page = await readerWith({ src: '/src/two.txt', keywords: '正文' });
  assert.equal(await until(page, chips), '正文');
  await setAttributes(page, { keywords: '甲，乙' });
  await until(page, (root) => root.querySelectorAll('.ar-chip').length === 2);
  assert.equal(await until(page, chips), '甲,乙');
  const counts = await page.evaluate(() => document.getElementById('late').matchCounts());
  assert.deepEqual({ ...counts }, { 甲: 1, 乙: 1 });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('outline opens, closes and goes back to the layout\'s choice', async () => {
  const page = await readerWith({ src: '/src/two.txt', outline: 'closed' });
  await until(page, (root) => root?.querySelector('.ar-reader.ar-outline-hidden .ar-article'));
  await setAttributes(page, { outline: 'open' });
  await until(page, (root) => root.querySelector('.ar-reader.ar-outline-shown'));
  await setAttributes(page, { outline: 'closed' });
  await until(page, (root) => root.querySelector('.ar-reader.ar-outline-hidden'));
  await setAttributes(page, { outline: null });
  // 1200 px wide: the layout keeps the outline beside the text.
  await until(page, (root) => root.querySelector('.ar-reader.ar-outline-shown'));
  await page.close();
});

test('hash renames this reader\'s keys in the URL, or turns them off', async () => {
  const page = await readerWith({ src: '/src/two.txt', hash: 'a' });
  await until(page, title);
  const goTo = (label) => page.evaluate((label) => {
    const rows = document.getElementById('late').shadowRoot.querySelectorAll('[role=treeitem] .ar-tree-row');
    [...rows].find((r) => r.textContent.includes(label)).click();
  }, label);
  await goTo('二、乙');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('a.s=二-乙'));
  await setAttributes(page, { hash: 'b' });
  await goTo('三、丙');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('b.s=三-丙'));
  await setAttributes(page, { hash: 'off' });
  const before = await page.evaluate(() => location.hash);
  await goTo('一、甲');
  await until(page, (root) => root.querySelector('[role=treeitem][aria-current]')?.textContent.includes('一、甲'));
  assert.equal(await page.evaluate(() => location.hash), before, 'hash="off" leaves the URL alone');
  assert.deepEqual(page.problems, []);
  await page.close();
});
