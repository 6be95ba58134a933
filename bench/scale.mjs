// The reader at scale (README "Benchmarks"), in one run of headless Chromium,
// on the seed and on generated 1 MB and 10 MB articles:
//   1. opening: navigation → first screen usable, and → the whole article
//      findable with Ctrl+F, for the reader and for the same text as plain <p>
//      paragraphs; the longest main-thread task while opening (a `longtask`
//      PerformanceObserver); memory after load
//      (`performance.measureUserAgentSpecificMemory()`: the JavaScript heap
//      and the DOM; the server sends COOP/COEP for it), and with the
//      reader's WebAssembly memory added, which that measure leaves out;
//   2. keyword highlighting, 1 / 10 / 100 keywords: from the change to the
//      highlights painted, by the reader, by a plain-JavaScript reference
//      (text nodes, indexOf, StaticRange, CSS.highlights), by advanced-mark.js
//      2.7.1 and by mark.js 8.11.1 (capped);
//   3. typing a keyword into the reader's bar on 1 MB (per keystroke);
// and the ratio of each reader figure to its reference, against the targets.
// Usage: node bench/scale.mjs <dist dir> <dir with article-1mb.txt, article-10mb.txt>

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, launch, repoRoot } from '../tests/e2e/support.mjs';

const [distDir = join(repoRoot, 'dist'), outDir = join(repoRoot, 'bench/out')] = process.argv.slice(2).map((p) => resolve(p));
const LIB_CAP_MS = 30_000;
/** Libraries run as often as the reader while one run takes less than this. */
const REPEAT_BELOW_MS = 1_000;
const SIZES = [
  { name: 'seed', file: join(repoRoot, 'static/articles/seed.txt'), url: '/seed/seed.txt', opens: 15, repeats: 5 },
  { name: '1 MB', file: join(outDir, 'article-1mb.txt'), url: '/articles/article-1mb.txt', opens: 5, repeats: 3 },
  { name: '10 MB', file: join(outDir, 'article-10mb.txt'), url: '/articles/article-10mb.txt', opens: 2, repeats: 2 },
];
const COUNTS = [1, 10, 100];

/** The n most frequent two-character Han sequences of a text: keywords that occur. */
function keywordsOf(text, n) {
  const counts = new Map();
  const han = /^[\u4e00-\u9fff]{2}$/;
  for (let i = 0; i + 2 <= text.length; i += 1) {
    const pair = text.slice(i, i + 2);
    if (han.test(pair)) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x) => (x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const mb = (x) => (x == null ? '—' : `${(x / 1024 / 1024).toFixed(1)} MB`);
const ratio = (a, b) => (a == null || b == null ? '—' : `${(a / b).toFixed(2)}×`);

// COOP and COEP make the pages cross-origin isolated, which
// measureUserAgentSpecificMemory() needs.
const server = await serve({
  mounts: {
    '/': distDir,
    '/bench/': join(repoRoot, 'bench'),
    '/node_modules/': join(repoRoot, 'node_modules'),
    '/articles/': outDir,
    '/seed/': join(repoRoot, 'static/articles'),
  },
  headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
});
// Memory is measured at once rather than at the next garbage collection.
const browser = await launch(['--enable-blink-features=ForceEagerMeasureMemory']);

/** Opens `page` (reader.html or plain.html) on an article; returns its
 * opening figures and the page, still open. */
async function open(pagePath, size, query = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.origin}/bench/${pagePath}?article=${encodeURIComponent(size.url)}${query}`);
  await page.waitForFunction(() => window.bench?.findable != null, null, { timeout: 600_000, polling: 100 });
  // Whatever the page still does after it is findable (suggestions, say) is
  // part of opening, and so are its long tasks: a second to settle.
  await page.waitForTimeout(1000);
  const figures = await page.evaluate(async () => {
    const memory = globalThis.crossOriginIsolated ? (await performance.measureUserAgentSpecificMemory()).bytes : null;
    // That measure leaves out WebAssembly memory (Chromium 156 counts the
    // JavaScript heap and the DOM): the reader's own is added to it.
    const reader = document.querySelector('article-reader');
    const wasm = reader ? reader[Symbol.for('article-reader.internals')].memory.buffer.byteLength : 0;
    const longest = Math.max(0, ...bench.longtasks.map((t) => t.duration));
    return { firstScreen: bench.firstScreen, findable: bench.findable, longest, memory, withWasm: memory == null ? null : memory + wasm };
  });
  return { figures, page };
}

/** The reader's highlighting times for `list`; null once one passes `cap` ms. */
async function readerHighlight(page, list, repeats, cap) {
  return page.evaluate(async ({ list, repeats, cap }) => {
    const reader = document.querySelector('article-reader');
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    // The reader's keyword highlights: `ar-hl-<its own part>-<colour>`.
    const painted = () => {
      let ranges = 0;
      for (const [name, highlight] of CSS.highlights) if (/^ar-hl-\w+-\d$/.test(name)) ranges += highlight.size;
      return ranges;
    };
    const times = [];
    for (let i = 0; i < repeats; i += 1) {
      reader.setKeywords([]);
      for (let f = 0; f < 3; f += 1) await frame();
      const start = performance.now();
      reader.setKeywords(list);
      // Done at the frame where the highlights last changed.
      let last = -1;
      let stable = 0;
      let done = start;
      while (stable < 3) {
        const at = await frame();
        if (at - start > cap) return null;
        const count = painted();
        if (count === last && count > 0) stable += 1;
        else {
          stable = 0;
          last = count;
          done = at;
        }
      }
      times.push(done - start);
    }
    return times;
  }, { list, repeats, cap });
}

async function typingLatency(page, word, rounds) {
  await page.evaluate(() => {
    const input = document.querySelector('article-reader').shadowRoot.querySelector('.ar-keyword-input');
    window.latencies = [];
    // From the keystroke's event to after the next frame: what the reader waits.
    input.addEventListener('input', (event) => {
      const t = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.latencies.push(performance.now() - t)));
    });
  });
  const input = page.locator('.ar-keyword-input');
  for (let r = 0; r < rounds; r += 1) {
    await input.fill('');
    for (const ch of word) {
      await input.pressSequentially(ch);
      await page.waitForTimeout(30);
    }
  }
  await page.waitForTimeout(100);
  return page.evaluate(() => window.latencies);
}

const results = [];
let typing = null;
try {
  for (const size of SIZES) {
    const text = await readFile(size.file, 'utf8');
    const lists = COUNTS.map((n) => keywordsOf(text, n));
    const row = { size: size.name, reader: [], plain: [], highlight: {} };
    let readerPage = null;
    for (let i = 0; i < size.opens; i += 1) {
      const opened = await open('reader.html', size);
      row.reader.push(opened.figures);
      if (readerPage) await readerPage.close();
      readerPage = opened.page;
      const plain = await open('plain.html', size, '&lib=none');
      row.plain.push(plain.figures);
      await plain.page.close();
    }
    // Highlighting: the reader on the page it opened, each library on a page of its own.
    let readerCapped = false;
    for (const list of lists) {
      const times = readerCapped ? null : await readerHighlight(readerPage, list, size.repeats, LIB_CAP_MS);
      readerCapped = times === null;
      row.highlight[list.length] = { reader: times && median(times) };
    }
    if (size.name === '1 MB') {
      await readerPage.evaluate(() => document.querySelector('article-reader').setKeywords([]));
      typing = await typingLatency(readerPage, '组织工作建设', 4);
    }
    await readerPage.close();
    for (const lib of ['reference', 'advanced', 'markjs']) {
      const { page } = await open('plain.html', size, `&lib=${lib}`);
      let capped = false;
      for (const list of lists) {
        let time = null;
        if (!capped) {
          const times = [];
          try {
            // The reference as often as the reader; a library too while a
            // run is quick: one run of a frame-quantised time is noise.
            do times.push(await page.evaluate(([l, cap]) => window.highlight(l, cap), [list, LIB_CAP_MS]));
            while (times.length < size.repeats && (lib === 'reference' || times[times.length - 1] < REPEAT_BELOW_MS));
          } catch (error) {
            // A library can take the tab down on 10 MB (out of memory): that
            // counts as not finishing, and the run goes on.
            console.error(`${size.name}, ${lib}, ${list.length} keywords: ${error.message.split('\n')[0]}`);
            times.push(null);
          }
          capped = times.includes(null);
          time = capped ? null : median(times);
        }
        row.highlight[list.length][lib] = time;
      }
      await page.close().catch(() => {});
    }
    results.push(row);
    console.error(`${size.name}: done`);
  }
} finally {
  await browser.close();
  await server.close();
}

// The tables, in Markdown.
const opening = results.map((row) => {
  const pick = (runs, key) => median(runs.map((r) => r[key]).filter((v) => v != null));
  return {
    size: row.size,
    firstScreen: pick(row.reader, 'firstScreen'),
    plainFirst: pick(row.plain, 'firstScreen'),
    findable: pick(row.reader, 'findable'),
    plainFindable: pick(row.plain, 'findable'),
    longest: Math.max(...row.reader.map((r) => r.longest)),
    plainLongest: Math.max(...row.plain.map((r) => r.longest)),
    memory: pick(row.reader, 'memory'),
    withWasm: pick(row.reader, 'withWasm'),
    plainMemory: pick(row.plain, 'memory'),
  };
});
console.log('\n| opening | reader | plain `<p>` page | ratio (target) |');
console.log('| --- | --- | --- | --- |');
for (const o of opening) {
  console.log(`| ${o.size}: first screen usable | ${ms(o.firstScreen)} | ${ms(o.plainFirst)} | ${ratio(o.firstScreen, o.plainFirst)} (≤ 1.5×) |`);
  console.log(`| ${o.size}: whole article findable | ${ms(o.findable)} | ${ms(o.plainFindable)} | ${ratio(o.findable, o.plainFindable)} (≤ 3×) |`);
  console.log(`| ${o.size}: longest main-thread task | ${ms(o.longest)} | ${ms(o.plainLongest)} | ${o.size === '10 MB' ? '(≤ 200 ms)' : ''} |`);
  console.log(`| ${o.size}: memory after load (JavaScript heap and DOM) | ${mb(o.memory)} | ${mb(o.plainMemory)} | ${ratio(o.memory, o.plainMemory)} |`);
  console.log(`| ${o.size}: memory after load, with WebAssembly memory | ${mb(o.withWasm)} | ${mb(o.plainMemory)} | ${ratio(o.withWasm, o.plainMemory)} (≤ 3×) |`);
}
const [one, ten] = ['1 MB', '10 MB'].map((s) => opening.find((o) => o.size === s));
if (one && ten) {
  console.log(`| 10 MB against 1 MB: whole article findable | ${ratio(ten.findable, one.findable)} | ${ratio(ten.plainFindable, one.plainFindable)} | (reader ≤ 12×) |`);
}
console.log('\n| highlighting | reader | reference | ratio (≤ 1.5×) | advanced-mark.js | reader faster? | mark.js |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of results) {
  for (const n of COUNTS) {
    const h = row.highlight[n];
    const capped = `> ${LIB_CAP_MS / 1000} s`;
    const faster = h.reader == null ? 'no' : h.advanced == null ? 'yes' : h.reader < h.advanced ? `yes (${(h.advanced / h.reader).toFixed(1)}×)` : 'no';
    console.log(`| ${row.size}, ${n} keyword${n > 1 ? 's' : ''} | ${h.reader == null ? capped : ms(h.reader)} | ${ms(h.reference)} | ${ratio(h.reader, h.reference)} | ${h.advanced == null ? capped : ms(h.advanced)} | ${faster} | ${h.markjs == null ? capped : ms(h.markjs)} |`);
  }
}
if (typing) {
  console.log(`\nTyping a keyword on 1 MB (input event to the next frame): median ${median(typing).toFixed(1)} ms, p95 ${percentile(typing, 0.95).toFixed(1)} ms, max ${Math.max(...typing).toFixed(1)} ms (${typing.length} keystrokes; target: median under 16 ms)`);
}
