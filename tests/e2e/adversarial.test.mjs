// Nothing one page does can break the reader (issue 14): API abuse, oversized
// and odd inputs through every channel, a reader that fails, removed readers,
// keywords from links and from a second reader, bad bytes, hostile host CSS,
// odd hash names and superseded fetches.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testBed, strictPage, dist, fixtures, repoRoot } from './support.mjs';

const INTERNALS = 'article-reader.internals';
const MB = 1024 * 1024;
const gbk = await readFile(join(repoRoot, 'examples/host-page/articles/notice-gbk.txt'));
const SHORT = '关于测试的通知\n\n一、第一部分\n正文甲。\n二、第二部分\n正文乙。';
const withBadByte = Buffer.concat([Buffer.from('关于测试的通知\n\n一、第一部分\n正文甲'), Buffer.from([0xff]), Buffer.from('。\n二、第二部分\n正文乙。')]);

const respond = (type, body) => (req, res) => {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

/** What the server saw of the requests the tests make. */
const server = { waiting: 0, abandoned: 0, endlessMegabytes: 0 };

const page = (head, body) => respond('text/html; charset=utf-8', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
  <link rel="icon" href="/favicon.svg">${head}<script type="module" src="/reader.js"></script></head><body>${body}</body></html>`);

const bed = testBed({
  mounts: { '/': dist, '/fixtures/': fixtures },
  routes: {
    '/src/one.txt': respond('text/plain', SHORT),
    '/src/bad-byte-declared.txt': respond('text/plain; charset=utf-8', withBadByte),
    '/src/bad-byte.txt': respond('text/plain', withBadByte),
    '/src/declared-gbk.txt': respond('text/plain; charset=GBK', gbk),
    // A charset the browser does not know counts as none: the bytes are guessed.
    '/src/unknown-charset-utf8.txt': respond('text/plain; charset=x-no-such', SHORT),
    '/src/unknown-charset-gbk.txt': respond('text/plain; charset=x-no-such', gbk),
    '/src/one-nul.txt': respond('text/plain', Buffer.from('有一个空字符的文章\n\n一、开头\n正文\0。\n二、结尾\n正文。')),
    // Answers only once the client goes away: each request is either abandoned or waiting.
    '/src/wait': (req, res) => {
      server.waiting += 1;
      res.on('close', () => { server.abandoned += 1; });
    },
    // 200 MB without a length, as fast as the client reads.
    '/src/endless': async (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(MB, 0x61);
      server.endlessMegabytes = 0;
      while (server.endlessMegabytes < 200 && !res.destroyed) {
        server.endlessMegabytes += 1;
        if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      res.end();
    },
    '/two-named.html': page('', `<article-reader id="a" hash="a">${SHORT}</article-reader><article-reader id="b" hash="b">${SHORT}</article-reader>`),
    '/odd-name.html': page('', `<article-reader id="a" hash="my reader">${SHORT}</article-reader>`),
    // Under a strict policy too: the highlight rules are a constructed stylesheet.
    '/hostile-direction.html': page(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'">
      <link rel="stylesheet" href="/fixtures/hostile-reset.css">`,
      '<div class="row"><article-reader id="a" hash="a"></article-reader></div><div class="row"><article-reader id="b" hash="b"></article-reader></div>',
    ),
    '/hostile-unset.html': page(
      '<link rel="stylesheet" href="/fixtures/hostile-unset.css">',
      '<div class="row"><article-reader id="a" hash="a"></article-reader></div>',
    ),
  },
});

const origin = () => bed.server.origin;

/** A strict page at `path`. */
async function open(path = '/fixtures/empty.html') {
  const p = await strictPage(bed.browser, { viewport: { width: 1280, height: 800 } });
  await p.goto(`${origin()}${path}`);
  return p;
}

/** Adds a reader `#id` with `attributes` and `text` inside to the page. */
function addReader(p, id, attributes = {}, text = SHORT) {
  return p.evaluate(([id, attributes, text]) => {
    const reader = document.createElement('article-reader');
    reader.id = id;
    reader.textContent = text;
    for (const [k, v] of Object.entries(attributes)) reader.setAttribute(k, v);
    document.body.append(reader);
  }, [id, attributes, text]);
}

/** Waits until `fn(shadowRoot of #id)` is truthy, and returns it. */
async function until(p, id, fn, arg) {
  const handle = await p.waitForFunction(
    ([id, source, arg]) => new Function('root', 'arg', `return (${source})(root, arg)`)(document.getElementById(id)?.shadowRoot, arg),
    [id, fn.toString(), arg],
    { timeout: 15000 },
  );
  return handle.jsonValue();
}

const shown = (p, id) => until(p, id, (root) => root?.querySelector('.ar-article .ar-title')?.textContent);
const message = (p, id) => until(p, id, (root) => root?.querySelector('[role=alert]')?.textContent);
const chips = (p, id) => p.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('.ar-chip-text')].map((c) => c.textContent), id);

/** Types `keyword` into reader `#id`'s keyword input and presses Enter,
 * opening the keyword bar first where the reader is narrow. */
async function type(p, id, keyword) {
  const input = p.locator(`#${id} .ar-keyword-input`);
  if (!(await input.isVisible())) await p.locator(`#${id} #ar-search-toggle`).click();
  await input.fill(keyword);
  await input.press('Enter');
}

/** Bytes of reader `#id`'s WebAssembly memory. */
const memoryOf = (p, id) => p.evaluate(([id, key]) => document.getElementById(id)[Symbol.for(key)].memory.buffer.byteLength, [id, INTERNALS]);

/** Polls a condition of this process (what the server saw) until it holds. */
async function eventually(condition, what) {
  const deadline = Date.now() + 15000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function collectGarbage(p) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const counters = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return counters;
}

test('setKeywords refuses what it cannot take with TypeError or RangeError, and the reader goes on', async () => {
  const p = await open();
  await addReader(p, 'a');
  await shown(p, 'a');
  const thrown = await p.evaluate(() => {
    const reader = document.getElementById('a');
    const error = (f) => { try { f(); return 'none'; } catch (e) { return `${e.constructor.name}: ${e.message}`; } };
    return {
      tenMillion: error(() => reader.setKeywords(new Array(1e7).fill('a'))),
      huge: error(() => reader.setKeywords(['长'.repeat(50_000_000)])),
      mixed: error(() => reader.setKeywords([null, 1, {}])),
      notAList: error(() => reader.setKeywords(42)),
      after: reader.getKeywords(),
    };
  });
  assert.match(thrown.tenMillion, /^RangeError: setKeywords takes at most 200 keywords/);
  assert.match(thrown.huge, /^RangeError: setKeywords takes at most \d+ characters/);
  assert.match(thrown.mixed, /^TypeError: setKeywords: keyword 1 is null/);
  assert.match(thrown.notAList, /^TypeError/);
  assert.deepEqual(thrown.after, [], 'nothing was half applied');
  assert.ok(await memoryOf(p, 'a') < 8 * MB, 'nothing of the refused lists reached the reader');

  // One string is one keyword; numbers are their text.
  assert.deepEqual(await p.evaluate(() => document.getElementById('a').setKeywords('人才')), ['人才']);
  assert.deepEqual(await chips(p, 'a'), ['人才']);
  assert.deepEqual(await p.evaluate(() => document.getElementById('a').setKeywords([2024, '正文'])), ['2024', '正文']);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('invisible keywords are refused with a message, typed or set', async () => {
  const p = await open();
  await addReader(p, 'a', { 'ui-lang': 'en' });
  await shown(p, 'a');
  await type(p, 'a', '\u200B');
  assert.match(await message(p, 'a'), /no visible characters/);
  const accepted = await p.evaluate(() => document.getElementById('a').setKeywords(['\u202E', '\0', '正文']));
  assert.deepEqual(accepted, ['正文']);
  assert.deepEqual(await chips(p, 'a'), ['正文']);
  assert.match(await message(p, 'a'), /no visible characters/);
  await p.close();
});

test('a reader that fails stops alone: the others work, new ones start, and it can start again', async () => {
  const p = await open();
  await addReader(p, 'a', { hash: 'a' });
  await addReader(p, 'b', { hash: 'b' });
  await shown(p, 'a');
  await shown(p, 'b');
  const failure = await p.evaluate((key) => {
    try {
      document.getElementById('a')[Symbol.for(key)].panic();
      return 'no failure';
    } catch (error) {
      return error.constructor.name;
    }
  }, INTERNALS);
  assert.equal(failure, 'RuntimeError', 'the panic trapped its instance');
  assert.match(await message(p, 'a'), /文章阅读器出错，已经停止/);

  // The other reader never noticed.
  assert.deepEqual(await p.evaluate(() => document.getElementById('b').setKeywords(['正文'])), ['正文']);
  assert.deepEqual(await chips(p, 'b'), ['正文']);
  await type(p, 'b', '开头');
  assert.deepEqual(await chips(p, 'b'), ['正文', '开头']);
  // A new reader starts.
  await addReader(p, 'c', { hash: 'c' });
  await shown(p, 'c');
  // And the failed one starts again, on a fresh instance.
  await p.locator('#a .ar-status-problem button').click();
  await shown(p, 'a');
  assert.deepEqual(await p.evaluate(() => document.getElementById('a').setKeywords(['正文'])), ['正文']);

  // A panic outside any call (in a timer, as in an event handler) is seen too,
  // and its highlights leave the page's registry.
  await p.evaluate((key) => {
    const reader = document.getElementById('c');
    reader.setKeywords(['正文']);
    window.paintedBefore = reader.shadowRoot.querySelector('.ar-reader');
    reader[Symbol.for(key)].panic(true);
  }, INTERNALS);
  assert.match(await message(p, 'c'), /文章阅读器出错，已经停止/);
  assert.ok(await p.evaluate(() => [...CSS.highlights.values()].every((h) => [...h].every((r) => !window.paintedBefore.contains(r.startContainer)))));
  assert.deepEqual(await p.evaluate(() => document.getElementById('b').setKeywords(['开头'])), ['开头']);
  assert.deepEqual(await chips(p, 'b'), ['开头']);
  // Their own failures were on the console; nothing else was.
  assert.ok(p.problems.every((problem) => /unreachable|panic/i.test(problem)), p.problems.join('\n'));
  await p.close();
});

test('oversized inputs are refused before any work, through every channel', async () => {
  const p = await open();
  // 6 MB of text inside the element: measured, never copied into the reader.
  await p.evaluate(() => {
    const reader = document.createElement('article-reader');
    reader.id = 'inline';
    reader.textContent = `标题\n\n${'正文。'.repeat(700_000)}`;
    document.body.append(reader);
  });
  assert.match(await message(p, 'inline'), /^这篇文章超过 5\.0 MB，太大了/);
  assert.ok(await memoryOf(p, 'inline') < 4 * MB);

  // 200 MB sent without a length: reading stops at the limit.
  await addReader(p, 'endless', { src: '/src/endless' });
  assert.equal(await message(p, 'endless'), '文章“/src/endless”超过 5.0 MB，太大了，已停止载入。');
  assert.ok(server.endlessMegabytes < 50, `${server.endlessMegabytes} MB were sent`);
  assert.ok(await memoryOf(p, 'endless') < 24 * MB);

  // A keywords attribute of 300,000 characters: ignored, and said.
  await addReader(p, 'attribute', { keywords: '人才,'.repeat(100_000), 'ui-lang': 'en' });
  await shown(p, 'attribute');
  const notice = await until(p, 'attribute', (root) => root.querySelector('.ar-notice')?.textContent);
  assert.match(notice, /^The keywords attribute is too long \(300000 characters; at most 100000\)/);
  assert.deepEqual(await chips(p, 'attribute'), []);
  p.problems.length = 0; // the browser logs the cancelled download itself
  await p.close();
});

test('a link with 5,000 keywords and a stored value nested a million deep start the reader normally', async () => {
  const p = await open();
  // The article's memory, as a hostile script on the same site could leave it.
  const key = await p.evaluate(async () => {
    const reader = document.createElement('article-reader');
    reader.id = 'probe';
    reader.setAttribute('hash', 'off');
    reader.textContent = '标题\n\n正文。';
    document.body.append(reader);
    await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
    reader.setKeywords(['正文']);
    reader.remove();
    return Object.keys(localStorage).find((k) => k.startsWith('article-reader:'));
  });
  await p.evaluate((key) => {
    localStorage.setItem(key, `{"version":2,"saved":{"future":${'['.repeat(1e6)}${']'.repeat(1e6)}}}`);
  }, key);
  const keywords = Array.from({ length: 5000 }, (_, i) => `k${i}`).join(',');
  await p.goto(`${origin()}/fixtures/empty.html#kw=${keywords}`);
  await addReader(p, 'a', { 'ui-lang': 'en' }, '标题\n\n正文。');
  await shown(p, 'a');
  assert.equal((await chips(p, 'a')).length, 200, 'the first 200, and no more work');
  const said = await p.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.ar-keyword-problem')?.textContent ?? '');
  assert.match(said, /At most 200 keywords/, 'the rest left out, and said');
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('removed readers leave no nodes, listeners or memory behind; re-adding adds no listeners', async () => {
  const p = await open();
  await p.waitForFunction(() => customElements.get('article-reader'));
  const empty = await collectGarbage(p);
  await p.evaluate(async () => {
    for (let i = 0; i < 200; i += 1) {
      const reader = document.createElement('article-reader');
      reader.setAttribute('hash', 'off');
      reader.textContent = `第 ${i} 篇\n\n一、开头\n正文。`;
      document.body.append(reader);
      await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
      reader.setKeywords(['正文']);
      reader.remove();
    }
  });
  const after = await collectGarbage(p);
  for (const counter of ['nodes', 'jsEventListeners']) {
    assert.ok(after[counter] <= empty[counter] * 1.05, `${counter}: ${empty[counter]} on the empty page, ${after[counter]} after 200 readers`);
  }

  // The memory of a removed reader, and of an article a reader replaced, is collected.
  await p.evaluate(async (key) => {
    const reader = document.createElement('article-reader');
    reader.id = 'kept';
    reader.setAttribute('hash', 'off');
    reader.setAttribute('src', '/src/one.txt');
    document.body.append(reader);
    await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
    window.firstArticle = new WeakRef(reader[Symbol.for(key)].memory);
    reader.setAttribute('src', '/src/bad-byte.txt');
    await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
    const removed = document.createElement('article-reader');
    removed.setAttribute('hash', 'off');
    document.body.append(removed);
    await new Promise((r) => removed.addEventListener('reader-ready', r, { once: true }));
    window.removedReader = new WeakRef(removed[Symbol.for(key)].memory);
    removed.remove();
  }, INTERNALS);
  await p.evaluate(() => new Promise((r) => setTimeout(r, 0))); // the removal is seen a microtask later
  await collectGarbage(p);
  assert.deepEqual(await p.evaluate(() => [window.firstArticle.deref(), window.removedReader.deref()].map((m) => m === undefined)), [true, true]);

  // The same element removed and added again, 100 times.
  await p.evaluate(async () => {
    const reader = document.getElementById('kept');
    for (let i = 0; i < 100; i += 1) {
      reader.remove();
      await new Promise((r) => setTimeout(r, 0));
      document.body.append(reader);
      await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
    }
  });
  const first = await collectGarbage(p);
  await p.evaluate(async () => {
    const reader = document.getElementById('kept');
    reader.remove();
    await new Promise((r) => setTimeout(r, 0));
    document.body.append(reader);
    await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
  });
  const second = await collectGarbage(p);
  assert.ok(second.jsEventListeners <= first.jsEventListeners, `${first.jsEventListeners} listeners, then ${second.jsEventListeners}`);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('a keyword list from a shared link is shown but never replaces the reader\'s own', async () => {
  const p = await open('/');
  const chipsOnPage = () => p.evaluate(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('.ar-chip-text')].map((c) => c.textContent));
  await p.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'));
  await p.locator('.ar-keyword-input').fill('人才');
  await p.locator('.ar-keyword-input').press('Enter');
  assert.deepEqual(await chipsOnPage(), ['人才']);

  await p.goto(`${origin()}/?shared#kw=干部`);
  await p.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-chip-text')?.textContent === '干部');
  const stored = await p.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('article-reader:')).map(([, v]) => JSON.parse(v).saved.keywords));
  assert.deepEqual(stored, [['人才']], 'storage still holds the reader\'s own list');

  await p.goto(`${origin()}/?later`);
  await p.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-chip-text'));
  assert.deepEqual(await chipsOnPage(), ['人才']);
  await p.close();
});

test('two readers of one article with different hash names keep their own keywords', async () => {
  const p = await open('/two-named.html');
  await shown(p, 'a');
  await shown(p, 'b');
  await type(p, 'a', '正文甲');
  await type(p, 'b', '正文乙');
  await p.reload();
  await shown(p, 'a');
  await shown(p, 'b');
  await p.goto(`${origin()}/two-named.html`); // and without the hash the readers wrote
  await shown(p, 'a');
  await p.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot.querySelector('.ar-chip-text')));
  assert.deepEqual(await chips(p, 'a'), ['正文甲']);
  assert.deepEqual(await chips(p, 'b'), ['正文乙']);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('a hash name the URL cannot carry is said, and never shares the unnamed reader\'s keys', async () => {
  const p = await open('/odd-name.html');
  await shown(p, 'a');
  const notice = await until(p, 'a', (root) => root.querySelector('.ar-notice')?.textContent);
  assert.match(notice, /hash 名称“my reader”只能用英文字母、数字、- 和 _/);
  await type(p, 'a', '正文甲');
  assert.deepEqual(await chips(p, 'a'), ['正文甲']);
  assert.equal(await p.evaluate(() => location.hash), '', 'the URL is left alone');
  await p.close();
});

test('a declared charset is honoured (one the browser lacks counts as none), bad bytes become replacement characters, and one NUL is still text', async () => {
  const p = await open();
  await addReader(p, 'declared', { src: '/src/bad-byte-declared.txt' });
  await addReader(p, 'undeclared', { src: '/src/bad-byte.txt' });
  await addReader(p, 'gbk', { src: '/src/declared-gbk.txt' });
  await addReader(p, 'nul', { src: '/src/one-nul.txt' });
  await addReader(p, 'unknown-utf8', { src: '/src/unknown-charset-utf8.txt' });
  await addReader(p, 'unknown-gbk', { src: '/src/unknown-charset-gbk.txt' });
  assert.equal(await shown(p, 'declared'), '关于测试的通知');
  assert.equal(await shown(p, 'undeclared'), '关于测试的通知');
  assert.ok((await until(p, 'declared', (root) => root.querySelector('.ar-article').textContent)).includes('正文甲\uFFFD。'));
  assert.equal(await shown(p, 'gbk'), '关于加强基层干部队伍建设的通知');
  assert.equal(await shown(p, 'nul'), '有一个空字符的文章');
  assert.equal(await shown(p, 'unknown-utf8'), '关于测试的通知');
  assert.equal(await shown(p, 'unknown-gbk'), '关于加强基层干部队伍建设的通知');
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('host CSS cannot get in: direction, all: initial / unset on the host, highlight names', async () => {
  // (No helper that builds functions from text here: the policy forbids it.)
  const shownUnderPolicy = (p, id) => p.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector('.ar-article'), id);
  for (const path of ['/hostile-direction.html', '/hostile-unset.html']) {
    const p = await open(path);
    await shownUnderPolicy(p, 'a');
    await type(p, 'a', '党');
    const looks = await p.evaluate(() => {
      const root = document.getElementById('a').shadowRoot;
      const article = root.querySelector('.ar-article').getBoundingClientRect();
      const names = [];
      CSS.highlights.forEach((highlight, name) => {
        if ([...highlight].some((r) => root.contains(r.startContainer))) names.push(name);
      });
      return {
        width: article.width,
        direction: getComputedStyle(root.querySelector('.ar-paragraph')).direction,
        toolbarFirst: root.querySelector('.ar-outline-toggle').getBoundingClientRect().left < root.querySelector('#ar-search-toggle').getBoundingClientRect().left,
        names,
        sheets: root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
      };
    });
    assert.ok(looks.width > 300, `${path}: the text column is ${looks.width}px wide`);
    assert.equal(looks.direction, 'ltr', path);
    assert.ok(looks.toolbarFirst, `${path}: the toolbar is not mirrored`);
    assert.ok(looks.names.length > 0 && looks.names.every((n) => /^ar-hl-[0-9a-f]+-\d$/.test(n)), looks.names.join());
    assert.ok(looks.names.every((n) => looks.sheets.includes(`::highlight(${n})`)), 'styled from inside the shadow root');
    if (path === '/hostile-direction.html') {
      await shownUnderPolicy(p, 'b');
      await type(p, 'b', '党');
      const other = await p.evaluate(() => {
        const names = [];
        const root = document.getElementById('b').shadowRoot;
        CSS.highlights.forEach((highlight, name) => {
          if ([...highlight].some((r) => root.contains(r.startContainer))) names.push(name);
        });
        return names;
      });
      assert.ok(other.every((n) => !looks.names.includes(n)), 'two readers never share a highlight');
    }
    assert.deepEqual(p.problems, []);
    await p.close();
  }
});

test('a superseded src is aborted, and the last one shows at once', async () => {
  const p = await open();
  server.waiting = 0;
  server.abandoned = 0;
  await addReader(p, 'a', { src: '/src/wait?n=0' });
  for (let n = 1; n <= 10; n += 1) {
    await eventually(() => server.waiting === n, `request ${n}`);
    await p.evaluate((n) => document.getElementById('a').setAttribute('src', `/src/wait?n=${n}`), n);
  }
  await eventually(() => server.waiting === 11, 'the last request');
  await p.evaluate(() => document.getElementById('a').setAttribute('src', '/src/one.txt'));
  assert.equal(await shown(p, 'a'), '关于测试的通知');
  await eventually(() => server.abandoned === 11, 'every superseded request abandoned');
  p.problems.length = 0; // the browser logs aborted fetches itself
  await p.close();
});

test('Markdown links keep balanced parentheses in their address', async () => {
  const p = await open();
  await addReader(p, 'a', { format: 'markdown' }, '# Links\n\nSee [docs](https://en.wikipedia.org/wiki/Foo_(bar)) now.\n');
  await shown(p, 'a');
  const text = await until(p, 'a', (root) => root.querySelector('.ar-paragraph')?.textContent);
  assert.equal(text, 'See docs now.');
  await p.close();
});
