// The XSS corpus (tests/xss/payloads.txt) through every source: inline HTML
// (text with format="html", and children in a <template>), a page named by
// `src`, Markdown (raw HTML blocks and Markdown links), and paste on the
// standalone page. Under the README's strict Content-Security-Policy. Pass
// means: no dialog, no script ran, no `on…` attribute and no URL other than
// http(s) or mailto anywhere in the shadow root, none of the dropped elements
// there, and no console error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testBed, strictPage, dist, repoRoot } from './support.mjs';

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";
const corpus = (await readFile(join(repoRoot, 'tests/xss/payloads.txt'), 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.replaceAll('\\n', '\n'));

const htmlPage = (n) => `<!doctype html><html><head><title>XSS ${n}</title></head><body><article><h1>XSS ${n}</h1><p>An opening paragraph, long enough to be the article.</p>${corpus[n]}<p>The end.</p></article></body></html>`;
const markdown = (n) => `# XSS ${n}\n\nAn opening paragraph.\n\n${corpus[n]}\n\nThe end.\n`;
const fragment = (n) => `<h1>XSS ${n}</h1><p>An opening paragraph.</p>${corpus[n]}<p>The end.</p>`;
const host = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/xss/icon.png"><script type="module" src="/reader.js"></script></head><body>${body}</body></html>`;
// A tiny PNG for every image a payload names, so that no load fails.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const send = (type, body) => (res) => {
  res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP });
  res.end(body);
};

const bed = testBed({
  mounts: { '/': dist },
  // Images the payloads name, wherever they resolve.
  fallback: (req, res) => send('image/png', png)(res),
  headers: { 'content-security-policy': CSP },
  prefixes: {
    '/xss/': (req, res, rest) => {
      const [kind, name] = rest.split('/');
      const n = Number.parseInt(name, 10);
      if (kind === 'page' && corpus[n] !== undefined) return send('text/html; charset=utf-8', htmlPage(n))(res);
      if (kind === 'md' && corpus[n] !== undefined) return send('text/markdown; charset=utf-8', markdown(n))(res);
      if (kind === 'inline' && corpus[n] !== undefined) {
        // The payload inside a <template>: the host page's parser keeps it inert.
        return send('text/html; charset=utf-8', host(`<article-reader><template>${fragment(n)}</template></article-reader>`))(res);
      }
      if (kind === 'host') return send('text/html; charset=utf-8', host(''))(res);
      return send('image/png', png)(res);
    },
  },
});

/** What is wrong in the reader's shadow root, if anything. */
function problemsInShadow() {
  const root = document.querySelector('article-reader').shadowRoot;
  const found = [];
  const dropped = 'script, iframe, object, embed, form, input, button, textarea, select, svg, math, style, template, noscript, base, meta, frame, video, audio, source, area, map';
  for (const element of root.querySelectorAll(`.ar-article :is(${dropped})`)) found.push(`<${element.localName}> in the article`);
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on')) found.push(`${name} on <${element.localName}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcset', 'background'].includes(name)
        && !/^(https?:|mailto:)/i.test(value)) found.push(`${name}="${value}" on <${element.localName}>`);
    }
  }
  if (root.querySelector('.ar-article [style], .ar-article [id]:not([id^="ar-"])')) found.push('a style or foreign id in the article');
  if (window.xss) found.push('window.xss was set');
  return found;
}

/** Title of the article a reader shows, once it shows one. */
const shownTitle = (page, n) => page.waitForFunction(
  (n) => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-title')?.textContent === `XSS ${n}`,
  n,
  { timeout: 15000 },
);

async function check(page, source, n, { console = true } = {}) {
  const found = await page.evaluate(problemsInShadow);
  const problems = console ? page.problems : page.problems.filter((p) => !p.startsWith('console:'));
  assert.deepEqual([...found, ...problems], [], `${source}, payload ${n}: ${corpus[n]}`);
}

/** On a blank host page, `make(n)` shows payload `n` in a reader; each is checked. */
async function eachPayload(source, make) {
  const page = await strictPage(bed.browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(`${bed.server.origin}/xss/host/`);
  for (let n = 0; n < corpus.length; n += 1) {
    await page.evaluate(make, n);
    await shownTitle(page, n);
    await check(page, source, n);
  }
  await page.close();
}

test(`the corpus has at least 60 payloads (${corpus.length})`, () => {
  assert.ok(corpus.length >= 60);
});

test('every payload as a page named by src', async () => {
  await eachPayload('src page', (n) => {
    const reader = document.querySelector('article-reader') ?? document.body.appendChild(document.createElement('article-reader'));
    reader.setAttribute('src', `/xss/page/${n}`);
  });
});

test('every payload in Markdown named by src (raw HTML and Markdown links)', async () => {
  await eachPayload('Markdown', (n) => {
    const reader = document.querySelector('article-reader') ?? document.body.appendChild(document.createElement('article-reader'));
    reader.setAttribute('src', `/xss/md/${n}`);
  });
});

test('every payload as inline HTML text (format="html")', async () => {
  const fragments = corpus.map((_, n) => fragment(n));
  const page = await strictPage(bed.browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(`${bed.server.origin}/xss/host/`);
  for (let n = 0; n < corpus.length; n += 1) {
    await page.evaluate((html) => {
      const reader = document.createElement('article-reader');
      reader.setAttribute('format', 'html');
      reader.textContent = html;
      const old = document.querySelector('article-reader');
      if (old) old.replaceWith(reader);
      else document.body.append(reader);
    }, fragments[n]);
    await shownTitle(page, n);
    await check(page, 'inline HTML text', n);
  }
  await page.close();
});

test('every payload as inline HTML children (in a <template>)', async () => {
  const page = await strictPage(bed.browser, { viewport: { width: 1000, height: 800 } });
  for (let n = 0; n < corpus.length; n += 1) {
    page.problems.length = 0;
    await page.goto(`${bed.server.origin}/xss/inline/${n}`);
    await shownTitle(page, n);
    // The host page's own parser reports its markup's inline handlers and
    // styles to the console before the reader ever reads it: not the reader's.
    await check(page, 'inline HTML children', n, { console: false });
  }
  await page.close();
});

test('every payload pasted as rich text on the standalone page', async () => {
  const fragments = corpus.map((_, n) => fragment(n));
  const page = await strictPage(bed.browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(`${bed.server.origin}/`);
  await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-article'));
  for (let n = 0; n < corpus.length; n += 1) {
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'plain');
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, fragments[n]);
    await shownTitle(page, n);
    await check(page, 'paste', n);
  }
  await page.close();
});
