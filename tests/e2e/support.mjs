// Shared pieces of the end-to-end tests: a static server on 127.0.0.1 and
// Debian's Chromium driven by playwright-core.

import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = join(repoRoot, 'dist');
export const artifacts = join(repoRoot, 'tests/e2e/artifacts');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  // No charset, as many servers send it: the reader detects the encoding
  // (a declared charset is honoured, so a GBK file must not claim UTF-8).
  '.txt': 'text/plain',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `mounts` ({ '/url/prefix/': '/dir' }) on a free port of 127.0.0.1.
 * `routes` ({ '/path': (req, res) => … }) answer first, for error cases;
 * `prefixes` ({ '/prefix/': (req, res, rest) => … }) answer every path below;
 * `fallback` (req, res) answers what nothing else has (else a 404).
 * `headers` are added to every file response (a CSP, for instance).
 */
export async function serve({ mounts, routes = {}, prefixes = {}, fallback = (req, res) => notFound(res), headers = {} }) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (routes[path]) return routes[path](req, res);
    const routed = Object.keys(prefixes).find((p) => path.startsWith(p));
    if (routed) return prefixes[routed](req, res, path.slice(routed.length));
    const prefix = Object.keys(mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) return fallback(req, res);
    let file = normalize(join(mounts[prefix], path.slice(prefix.length)));
    if (!file.startsWith(mounts[prefix])) return notFound(res);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      fallback(req, res);
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((done) => server.close(done)) };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

/** Headless Chromium from Debian, with the flags this machine needs (and
 * `extraArgs`, for a benchmark that needs more). */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** A page that records console errors, uncaught exceptions and dialogs (an
 * alert() would mean injected script ran) in `page.problems`. It has a
 * context of its own (closed with it), where axe can open its helper page. */
export async function strictPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  page.problems = problems;
  return page;
}

/** A server (see `serve`) and a browser for one test file, started before its
 * tests and closed after them. */
export function testBed(serveOptions) {
  const bed = {};
  before(async () => {
    bed.server = await serve(serveOptions);
    bed.browser = await launch();
  });
  after(async () => {
    await bed.browser?.close();
    await bed.server?.close();
  });
  return bed;
}

/** A strict page at `path` of the test bed's server, once its reader is shown. */
export async function openReader(bed, path = '/', options = {}) {
  const page = await strictPage(bed.browser, { viewport: { width: 1280, height: 800 }, ...options });
  await page.goto(`${bed.server.origin}${path}`);
  await readerReady(page);
  return page;
}

export async function screenshot(page, name, options = {}) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), ...options });
}

/** Waits for a reader's `reader-ready` event (or finds it already shown). */
export async function readerReady(page, selector = 'article-reader') {
  // The article's element shows before the reader is ready for API calls
  // (it fills in slices): `metadata()` answers only once it is.
  await page.waitForFunction((sel) => {
    const reader = document.querySelector(sel);
    return reader?.shadowRoot?.querySelector('.ar-article') && reader.metadata?.() != null;
  }, selector);
}

export const fixtures = join(repoRoot, 'tests/e2e/fixtures');

/** Reads `read()` every 50 ms until `accept` takes its value (at most
 * `timeout` ms), and returns the last value read, for the assertion that
 * follows to check and report: what settles after a smooth scroll or a frame
 * is waited for, not guessed with a fixed pause. */
export async function eventually(read, accept, timeout = 5000) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** The reader's shadow root, for checks Playwright's locators cannot express. */
export function inReader(page, fn, arg) {
  return page.evaluate(
    ([source, arg]) => {
      const root = document.querySelector('article-reader').shadowRoot;
      return new Function('root', 'arg', `return (${source})(root, arg)`)(root, arg);
    },
    [fn.toString(), arg],
  );
}

/** Text of the outline node marked as being read. */
export function currentNode(page) {
  return inReader(page, (root) => root.querySelector('[role=treeitem][aria-current] > .ar-tree-row .ar-tree-label')?.textContent ?? null);
}

/** Label of the tree item that has keyboard focus. */
export function focusedNode(page) {
  return inReader(page, (root) => {
    const active = root.activeElement;
    return active?.getAttribute('role') === 'treeitem' ? active.querySelector('.ar-tree-label').textContent : null;
  });
}
