// Browser benchmark of keyword highlighting (README "Benchmarks"). In one run of
// headless Chromium, on the seed and on a generated 1 MB Chinese article:
//   1. time from a keyword change to the highlights painted, 1 / 10 / 100 keywords;
//   2. per-keystroke latency while typing a keyword into the bar;
//   3. mark.js 8.11.1 highlighting the same keywords in the same text and
//      browser, as the baseline; with the ratio of each figure to it.
// Usage: node bench/highlight.mjs <dist dir> <generated article>

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, launch, repoRoot } from '../tests/e2e/support.mjs';

const [distDir = join(repoRoot, 'dist'), generated = join(repoRoot, 'bench/out/article-1mb.txt')] = process.argv.slice(2);
const REPEATS = 3;
const MARKJS_CAP_MS = 180_000;

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
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

async function readerTimes(page, lists) {
  return page.evaluate(async ({ lists, repeats }) => {
    const reader = document.querySelector('article-reader');
    const root = reader.shadowRoot;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    // What is painted: Custom Highlight API ranges, or <mark>s without it.
    const painted = () => {
      if (!window.CSS?.highlights) return root.querySelectorAll('mark').length;
      let ranges = 0;
      // The reader's keyword highlights: `ar-hl-<its own part>-<colour>`.
      for (const [name, highlight] of CSS.highlights) if (/^ar-hl-\w+-\d$/.test(name)) ranges += highlight.size;
      return ranges;
    };
    const times = {};
    for (const list of lists) {
      times[list.length] = [];
      for (let i = 0; i < repeats; i += 1) {
        reader.setKeywords([]);
        for (let f = 0; f < 3; f += 1) await frame();
        const start = performance.now();
        reader.setKeywords(list);
        // Done when the marks stop changing: the frame where they last changed.
        let last = -1;
        let stableFrames = 0;
        let done = start;
        while (stableFrames < 3) {
          const at = await frame();
          const count = painted();
          if (count === last && count > 0) stableFrames += 1;
          else {
            stableFrames = 0;
            last = count;
            done = at;
          }
        }
        times[list.length].push(done - start);
      }
    }
    return times;
  }, { lists, repeats: REPEATS });
}

async function markjsTime(page, list, cap) {
  return page.evaluate(async ({ list, cap }) => {
    const context = new Mark(document.getElementById('article'));
    await new Promise((r) => context.unmark({ done: r }));
    await new Promise((r) => requestAnimationFrame(r));
    const start = performance.now();
    const finished = new Promise((r) => context.mark(list, { separateWordSearch: false, done: r }));
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), cap));
    if ((await Promise.race([finished, timeout])) === 'timeout') return null;
    return (await new Promise((r) => requestAnimationFrame(r))) - start;
  }, { list, cap });
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

const articles = [
  ['seed', join(repoRoot, 'static/articles/seed.txt')],
  ['generated 1 MB', resolve(generated)],
];
const server = await serve({ mounts: { '/': distDir, '/bench/': join(repoRoot, 'bench'), '/node_modules/': join(repoRoot, 'node_modules'), '/articles/': join(repoRoot, 'bench/out'), '/seed/': join(repoRoot, 'static/articles') } });
const browser = await launch();
const rows = [];
const typing = [];
try {
  for (const [name, path] of articles) {
    const text = await readFile(path, 'utf8');
    const url = path.endsWith('seed.txt') ? '/seed/seed.txt' : `/articles/${path.split('/').pop()}`;
    const lists = [1, 10, 100].map((n) => keywordsOf(text, n));
    const readerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await readerPage.goto(`${server.origin}/bench/reader.html?article=${encodeURIComponent(url)}`);
    await readerPage.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'), null, { timeout: 120_000 });
    const ours = await readerTimes(readerPage, lists);
    await readerPage.evaluate(() => document.querySelector('article-reader').setKeywords([]));
    const latencies = await typingLatency(readerPage, '组织工作建设', 4);
    typing.push([name, latencies]);
    await readerPage.close();

    const markPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await markPage.goto(`${server.origin}/bench/markjs.html?article=${encodeURIComponent(url)}`);
    await markPage.waitForFunction(() => window.articleReady);
    for (const list of lists) {
      const theirs = [];
      const repeats = name === 'seed' ? REPEATS : 1;
      for (let i = 0; i < repeats; i += 1) theirs.push(await markjsTime(markPage, list, MARKJS_CAP_MS));
      const mine = median(ours[list.length]);
      const base = theirs.includes(null) ? null : median(theirs);
      rows.push({ name, n: list.length, mine, base });
      console.log(`${name.padEnd(16)} ${String(list.length).padStart(3)} keywords  reader ${ms(mine).padStart(10)}   mark.js ${(base === null ? `> ${MARKJS_CAP_MS / 1000} s` : ms(base)).padStart(10)}   ${base === null ? `> ${(MARKJS_CAP_MS / mine).toFixed(0)}` : (base / mine).toFixed(1)}× faster`);
    }
    await markPage.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log('\nTyping a keyword into the bar (input event to the next frame), ms:');
for (const [name, latencies] of typing) {
  console.log(`${name.padEnd(16)} median ${median(latencies).toFixed(1)}   p95 ${percentile(latencies, 0.95).toFixed(1)}   max ${Math.max(...latencies).toFixed(1)}   (${latencies.length} keystrokes; target: median under 16)`);
}
const big = rows.find((r) => r.name === 'generated 1 MB' && r.n === 100);
if (big) {
  const ratio = big.base === null ? MARKJS_CAP_MS / big.mine : big.base / big.mine;
  console.log(`\n100 keywords on 1 MB: ${ratio.toFixed(1)}× mark.js (target: at least 50×)`);
}
