// Browser benchmark of what one WebAssembly instance per reader costs, and what
// it gives back (README "Isolation"). In headless Chromium, with the release build:
//   1. compiling the module (once per page) and instantiating it (once per reader);
//   2. the WebAssembly memory of a fresh reader, and of 10 readers on one page;
//   3. a reader's memory after a 1 MB article, and after that article is replaced
//      by a short one: the old instance is dropped with its memory.
// Usage: node bench/instances.mjs <dist dir> <generated article>

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, repoRoot } from '../tests/e2e/support.mjs';

const [distDir = join(repoRoot, 'dist'), generated = join(repoRoot, 'bench/out/article-1mb.txt')] = process.argv.slice(2);
const article = await readFile(generated);
const KEY = 'article-reader.internals';
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve({
  mounts: { '/': distDir, '/fixtures/': join(repoRoot, 'tests/e2e/fixtures') },
  routes: {
    '/article-1mb.txt': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(article);
    },
  },
});
const browser = await launch();
const page = await browser.newPage();
await page.goto(`${server.origin}/fixtures/empty.html`);
await page.waitForFunction(() => customElements.get('article-reader'));

// 1. Compile and instantiate, timed in the page like reader.js does it.
const timing = await page.evaluate(async () => {
  const { createInstance } = await import('/article-reader.js');
  const started = performance.now();
  const module = await WebAssembly.compileStreaming(fetch('/article-reader_bg.wasm'));
  const compile = performance.now() - started;
  const instantiate = [];
  for (let i = 0; i < 20; i += 1) {
    const t = performance.now();
    await createInstance().init({ module_or_path: module });
    instantiate.push(performance.now() - t);
  }
  return { compile, instantiate };
});
console.log(`compile the module (once per page):      ${timing.compile.toFixed(1)} ms`);
console.log(`instantiate it (once per reader, median): ${median(timing.instantiate).toFixed(2)} ms`);

// 2. Memory of readers showing a short article.
const memories = await page.evaluate(async (key) => {
  const sizes = [];
  for (let i = 0; i < 10; i += 1) {
    const reader = document.createElement('article-reader');
    reader.setAttribute('hash', 'off');
    reader.textContent = `第 ${i} 篇\n\n一、开头\n正文。\n二、结尾\n正文。`;
    document.body.append(reader);
    await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
    sizes.push(reader[Symbol.for(key)].memory.buffer.byteLength);
  }
  return sizes;
}, KEY);
console.log(`memory of one reader, short article:     ${mb(memories[0])}`);
console.log(`memory of 10 readers, short articles:    ${mb(memories.reduce((a, b) => a + b, 0))}`);

// 3. A 1 MB article, then a short one in its place.
const replaced = await page.evaluate(async (key) => {
  const reader = document.createElement('article-reader');
  reader.setAttribute('hash', 'off');
  reader.setAttribute('src', '/article-1mb.txt');
  document.body.append(reader);
  await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
  reader.setKeywords(['发展', '建设', '工作']);
  const big = reader[Symbol.for(key)].memory;
  window.bigArticle = new WeakRef(big);
  const during = big.buffer.byteLength;
  reader.removeAttribute('src');
  reader.textContent = '短文\n\n正文。';
  reader.setAttribute('format', 'text');
  await new Promise((r) => reader.addEventListener('reader-ready', r, { once: true }));
  return { during, after: reader[Symbol.for(key)].memory.buffer.byteLength };
}, KEY);
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
const collected = await page.evaluate(() => window.bigArticle.deref() === undefined);
console.log(`memory with a 1 MB article and keywords: ${mb(replaced.during)}`);
console.log(`memory once a short article replaced it: ${mb(replaced.after)} (the old instance ${collected ? 'was collected' : 'is still held'})`);

await browser.close();
await server.close();
