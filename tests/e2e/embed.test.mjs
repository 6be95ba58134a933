// Embedding: two readers on a hostile page under a strict CSP, every article
// source and its failures, encodings, sub-path hosting, and the standalone
// page's drop and paste. Attribute changes are in attributes.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testBed, strictPage, screenshot, eventually, dist, fixtures, repoRoot } from './support.mjs';

const SUB = '/site/sub/';
// Served with every file, on top of the host page's own <meta> policy. `blob:`
// lets the standalone page read dropped files (README, "Deploying").
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' blob:; img-src 'self'";
const gbk = await readFile(join(repoRoot, 'examples/host-page/articles/notice-gbk.txt'));
const text = (type, body, extra = {}) => (req, res) => {
  res.writeHead(200, { 'content-type': type, ...extra });
  res.end(body);
};

// A page whose readers are there before reader.js: their articles are fetched
// while the WebAssembly loads, which this page's requests hold back until the
// first article has been asked for (or 5 s have passed).
const early = { asked: [], articleBeforeWasm: null };
let articleAsked;
const articleRequested = new Promise((resolve) => { articleAsked = resolve; });
let firstAborted;
const firstGone = new Promise((resolve) => { firstAborted = resolve; });
let removedAborted;
const removedGone = new Promise((resolve) => { removedAborted = resolve; });
const EARLY_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
  <script type="module" src="${SUB}reader.js"></script><script type="module" src="/early/change.js"></script></head>
  <body><article-reader id="early" src="/early/article.txt"></article-reader>
  <article-reader id="changed" src="/early/first.txt"></article-reader>
  <article-reader id="sample"> </article-reader>
  <article-reader id="stalled" src="/early/stalled.txt" timeout="1"></article-reader>
  <article-reader id="removed" src="/early/removed.txt"></article-reader></body></html>`;
const heldWasm = async (req, res) => {
  if (req.headers.referer?.includes('/early/')) {
    early.articleBeforeWasm = await Promise.race([articleRequested.then(() => true), new Promise((r) => setTimeout(r, 5000, false))]);
  }
  text('application/wasm', await readFile(join(dist, 'article-reader_bg.wasm')))(req, res);
};

const bed = testBed({
  mounts: { [SUB]: dist, [`${SUB}fixtures/`]: fixtures },
  headers: { 'content-security-policy': CSP },
  routes: {
    [`${SUB}article-reader_bg.wasm`]: heldWasm,
    [`${SUB}articles/seed.txt`]: async (req, res) => {
      if (req.headers.referer?.includes('/early/')) early.asked.push('sample');
      text('text/plain', await readFile(join(dist, 'articles/seed.txt')))(req, res);
    },
    '/early/page.html': text('text/html; charset=utf-8', EARLY_PAGE),
    // Runs after reader.js, before any reader has started: this reader's
    // article is not the one fetched early any more, and that reader is gone.
    '/early/change.js': text('text/javascript', "document.getElementById('changed').setAttribute('src', '/early/second.txt');"
      + "document.getElementById('removed').remove();"),
    '/early/article.txt': (req, res) => {
      early.asked.push('article');
      articleAsked();
      text('text/plain; charset=utf-8', '早取的文章\n\n一、第一部分\n正文。\n二、第二部分\n正文。')(req, res);
    },
    '/early/first.txt': (req, res) => {
      early.asked.push('first');
      // Never answered: the reader that wanted it wants another now.
      res.on('close', () => firstAborted(!res.writableEnded));
    },
    '/early/removed.txt': (req, res) => {
      early.asked.push('removed');
      res.on('close', () => removedAborted(!res.writableEnded)); // never answered
    },
    '/early/stalled.txt': (req, res) => {
      early.asked.push('stalled'); // and never answered
    },
    '/early/second.txt': (req, res) => {
      early.asked.push('second');
      text('text/plain; charset=utf-8', '后来的文章\n\n正文。')(req, res);
    },
    '/src/missing.txt': (req, res) => { res.writeHead(404); res.end('no'); },
    '/src/slow.txt': () => {}, // never answers
    '/src/big.txt': text('text/plain', Buffer.alloc(6 * 1024 * 1024, 0x61), { 'content-length': String(6 * 1024 * 1024) }),
    '/src/big-unannounced.txt': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 6; i += 1) res.write(Buffer.alloc(1024 * 1024, 0x62));
      res.end();
    },
    '/src/picture.png': text('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    '/src/program.bin': text('application/octet-stream', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])),
    '/src/notice.txt': text('text/plain', gbk),
    '/src/bom.txt': text('text/plain; charset=utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('带 BOM 的标题\n\n一、第一\n正文。\n二、第二\n正文。')])),
    '/src/notes': text('text/markdown', '# Markdown by content type\n\n## One\n\ntext\n\n## Two\n\ntext\n'),
    '/src/dropped': (req, res) => req.socket.destroy(),
    // A page whose policy forbids WebAssembly: the reader cannot start, and says so.
    '/no-wasm.html': text('text/html; charset=utf-8', `<!doctype html><html lang="zh-CN"><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'">
      <script type="module" src="${SUB}reader.js"></script></head>
      <body><article-reader id="late">标题\n\n正文。</article-reader></body></html>`),
  },
});

const hostUrl = () => `${bed.server.origin}${SUB}examples/host-page/`;
const inShadow = (page, id, fn, arg) => page.evaluate(
  ([id, source, arg]) => new Function('root', 'arg', `return (${source})(root, arg)`)(document.getElementById(id).shadowRoot, arg),
  [id, fn.toString(), arg],
);
const ready = (page, id) => page.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector('.ar-article'), id);

async function openHost() {
  const page = await strictPage(bed.browser, { viewport: { width: 1400, height: 900 } });
  await page.goto(hostUrl());
  await ready(page, 'left');
  await ready(page, 'right');
  return page;
}

test('two readers under hostile CSS and a strict CSP render, with no console errors', async () => {
  const page = await openHost();
  assert.equal(await inShadow(page, 'left', (r) => r.querySelector('.ar-title').textContent), 'Reading Long Texts on the Web');
  assert.equal(await inShadow(page, 'right', (r) => r.querySelector('.ar-title').textContent), '关于加强基层干部队伍建设的通知', 'GBK decoded');
  const looks = await inShadow(page, 'left', (root) => {
    const p = getComputedStyle(root.querySelector('.ar-paragraph'));
    const button = getComputedStyle(root.querySelector('.ar-button'));
    return {
      fontSize: parseFloat(p.fontSize),
      lineHeight: parseFloat(p.lineHeight) / parseFloat(p.fontSize),
      transform: p.textTransform,
      color: p.color,
      buttonBorder: button.borderTopWidth,
      layout: getComputedStyle(root.querySelector('.ar-layout')).display,
    };
  });
  assert.ok(looks.fontSize > 15 && looks.fontSize < 22, `text is ${looks.fontSize}px, not the host's 40px`);
  assert.ok(looks.lineHeight > 1.5, 'the host line-height: 1 did not reach the text');
  assert.equal(looks.transform, 'none');
  assert.notEqual(looks.color, 'rgb(255, 0, 0)', 'the host p { color: red !important } did not reach the text');
  assert.equal(looks.buttonBorder, '1px', 'button { all: unset } did not reach our buttons');
  assert.notEqual(looks.layout, 'flex', 'div { display: flex } did not reach our layout');
  // Our styles do not reach the host: its .ar-paragraph keeps the host's look.
  const note = await page.evaluate(() => getComputedStyle(document.getElementById('host-note')).textIndent);
  assert.equal(note, '0px');
  await screenshot(page, 'host-page', { fullPage: false });
  assert.deepEqual(page.problems, [], 'no console errors, so no CSP violations either');
  await page.close();
});

test('the two readers work independently, keywords and hashes included', async () => {
  const page = await openHost();
  await page.evaluate(() => document.getElementById('left').setKeywords(['reading', 'text']));
  await page.waitForFunction(() => document.getElementById('left').shadowRoot.querySelectorAll('.ar-chip').length === 2);
  assert.deepEqual(await page.evaluate(() => document.getElementById('right').getKeywords()), ['干部']);
  assert.deepEqual(await inShadow(page, 'right', (r) => [...r.querySelectorAll('.ar-chip-text')].map((c) => c.textContent)), ['干部']);

  // Each reader steps through its own matches only.
  await inShadow(page, 'left', (r) => r.querySelector('.ar-next').click());
  const counts = await page.evaluate(() => ['left', 'right'].map((id) => document.getElementById(id).shadowRoot.querySelector('.ar-find-count').textContent));
  assert.match(counts[0], /^1 \//);
  assert.match(counts[1], /^11 matches$/);

  const hash = decodeURIComponent(await page.evaluate(() => location.hash));
  assert.match(hash, /left\.kw=reading,text/);
  assert.match(hash, /right\.kw=干部/);
  await page.reload();
  await ready(page, 'left');
  await ready(page, 'right');
  assert.deepEqual(await page.evaluate(() => document.getElementById('left').getKeywords()), ['reading', 'text']);
  assert.deepEqual(await page.evaluate(() => document.getElementById('right').getKeywords()), ['干部']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a reader inside the host page\'s own scrolling container tracks its position', async () => {
  const page = await openHost();
  await inShadow(page, 'right', (r) => r.querySelector('.ar-outline-toggle').click());
  // The whole scroller in view, then its own end.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(300);
  const leftCurrent = () => inShadow(page, 'left', (r) => r.querySelector('[aria-current] .ar-tree-label')?.textContent ?? null);
  const leftBefore = await leftCurrent();
  const before = await page.evaluate(() => location.hash);
  await page.evaluate(() => {
    const scroller = document.getElementById('scroller');
    scroller.scrollTop = scroller.scrollHeight;
  });
  const rightCurrent = () => inShadow(page, 'right', (r) => r.querySelector('[aria-current] .ar-tree-label')?.textContent);
  const current = await eventually(rightCurrent, (label) => /^三、组织保障/.test(label ?? ''));
  assert.match(current ?? '', /^三、组织保障/);
  assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /right\.s=三-组织保障/);
  assert.equal(await leftCurrent(), leftBefore, 'the left reader did not move');
  assert.notEqual(before, await page.evaluate(() => location.hash));
  await page.close();
});

async function readerWith(attributes) {
  const page = await strictPage(bed.browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(`${bed.server.origin}${SUB}fixtures/empty.html`);
  await page.evaluate((attributes) => {
    const reader = document.createElement('article-reader');
    reader.id = 'late';
    for (const [k, v] of Object.entries(attributes)) reader.setAttribute(k, v);
    document.body.append(reader);
  }, attributes);
  return page;
}

async function shownMessage(page) {
  await page.waitForFunction(() => document.getElementById('late')?.shadowRoot?.querySelector('[role=alert], .ar-title'), null, { timeout: 15000 });
  return inShadow(page, 'late', (r) => r.querySelector('[role=alert], .ar-title').textContent);
}

test('src failures each say what went wrong', async () => {
  const cases = [
    [{ src: '/src/missing.txt' }, '无法载入文章“/src/missing.txt”：服务器回应 404（找不到这个文件）。'],
    [{ src: '/src/slow.txt', timeout: '1' }, '载入文章“/src/slow.txt”超过 1 秒，已经停止。'],
    [{ src: '/src/big.txt' }, '文章“/src/big.txt”太大（6.0 MB），最多 5.0 MB。'],
    [{ src: '/src/big-unannounced.txt' }, '文章“/src/big-unannounced.txt”超过 5.0 MB，太大了，已停止载入。'],
    [{ src: '/src/picture.png' }, '“/src/picture.png”不是文本文件（image/png），无法阅读。'],
    [{ src: '/src/program.bin' }, '“/src/program.bin”不是文本文件（application/octet-stream），无法阅读。'],
    [{ src: '/src/dropped' }, '无法载入文章“/src/dropped”：没有连上服务器，或者这个网页不允许读取它。'],
    [{ src: '/src/missing.txt', 'ui-lang': 'en' }, 'Could not load “/src/missing.txt”: the server answered 404 (not found).'],
  ];
  for (const [attributes, message] of cases) {
    const page = await readerWith(attributes);
    assert.equal(await shownMessage(page), message, JSON.stringify(attributes));
    page.problems.length = 0; // the browser logs failed loads itself
    await page.close();
  }
});

test('readers already in the page get their articles fetched while the WebAssembly loads, once', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(`${bed.server.origin}/early/page.html`);
  await page.waitForFunction(() => ['early', 'changed', 'sample'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.ar-title')));
  // A time limit applies to an answer asked for early, from when the reader takes it.
  await page.waitForFunction(() => document.getElementById('stalled')?.shadowRoot?.querySelector('[role=alert]'), null, { timeout: 5000 });
  assert.equal(await inShadow(page, 'stalled', (r) => r.querySelector('[role=alert]').textContent), '载入文章“/early/stalled.txt”超过 1 秒，已经停止。');
  assert.equal(early.articleBeforeWasm, true, 'the article was asked for before the WebAssembly came');
  assert.equal(await inShadow(page, 'early', (r) => r.querySelector('.ar-title').textContent), '早取的文章');
  assert.equal(await inShadow(page, 'early', (r) => r.querySelectorAll('.ar-level-1').length), 2);
  assert.equal(await inShadow(page, 'changed', (r) => r.querySelector('.ar-title').textContent), '后来的文章');
  assert.match(await inShadow(page, 'sample', (r) => r.querySelector('.ar-title').textContent), /组织工作/);
  assert.equal(await firstGone, true, 'the article no longer wanted was aborted');
  const removed = await Promise.race([removedGone, new Promise((r) => setTimeout(r, 3000, 'still asked for'))]);
  assert.equal(removed, true, 'the article of a reader removed before it started was aborted');
  assert.deepEqual(early.asked.sort(), ['article', 'first', 'removed', 'sample', 'second', 'stalled'], 'each article asked for once');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a reader that cannot start says why, in the widget', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1000, height: 600 } });
  await page.goto(`${bed.server.origin}/no-wasm.html`);
  await page.waitForFunction(() => document.getElementById('late')?.shadowRoot?.querySelector('[role=alert]'));
  assert.match(await inShadow(page, 'late', (r) => r.querySelector('[role=alert]').textContent), /^文章阅读器无法启动：/);
  await page.close();
});

test('a slow src shows a loading indicator first', async () => {
  const page = await readerWith({ src: '/src/slow.txt', timeout: '3' });
  await page.waitForFunction(() => document.getElementById('late')?.shadowRoot?.querySelector('[role=status]'));
  const status = await inShadow(page, 'late', (r) => r.querySelector('[role=status]').textContent);
  assert.match(status, /正在载入“\/src\/slow.txt”/);
  await page.close();
});

test('encodings and formats: GBK, UTF-8 with a BOM, Markdown by content type', async () => {
  for (const [src, title, headings] of [
    ['/src/notice.txt', '关于加强基层干部队伍建设的通知', 3],
    ['/src/bom.txt', '带 BOM 的标题', 2],
    ['/src/notes', 'Markdown by content type', 2],
  ]) {
    const page = await readerWith({ src });
    assert.equal(await shownMessage(page), title);
    assert.equal(await inShadow(page, 'late', (r) => r.querySelectorAll('.ar-level-1').length), headings, src);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the build served from a sub-path works, and its standalone page reads dropped and pasted files', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${bed.server.origin}${SUB}`);
  await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-title'));
  assert.equal(await page.evaluate(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-title').textContent), '在新征程中书写组织工作新答卷');

  // Drop a GBK file on the page.
  await page.evaluate((bytes) => {
    const file = new File([new Uint8Array(bytes)], 'notice.txt', { type: 'text/plain' });
    const data = new DataTransfer();
    data.items.add(file);
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [...gbk]);
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-title')?.textContent === '关于加强基层干部队伍建设的通知');

  // Paste text.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Pasted Title\n\nFirst paragraph.\n');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot?.querySelector('.ar-title')?.textContent === 'Pasted Title');
  assert.deepEqual(page.problems, []);
  await page.close();
});
