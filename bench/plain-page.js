// The same article as plain <p> paragraphs: what the reader's opening time
// and memory are compared with, and where the highlighting baselines run:
//   ?lib=reference  plain JavaScript: walk the text nodes, indexOf, one
//                   StaticRange per match, CSS.highlights (about the least
//                   work a browser can do to paint highlights);
//   ?lib=advanced   advanced-mark.js 2.7.1 (combinePatterns, cacheTextNodes);
//   ?lib=markjs     mark.js 8.11.1.
const params = new URL(location.href).searchParams;
const text = await (await fetch(params.get('article'))).text();
const main = document.getElementById('article');
for (const line of text.split('\n')) {
  if (!line.trim()) continue;
  const p = document.createElement('p');
  p.textContent = line;
  main.append(p);
}
bench.firstScreen = bench.findable = await bench.afterPaint();

const PALETTE = 8;
const names = Array.from({ length: PALETTE }, (_, i) => `bench-${i}`);

/** Highlights every occurrence of each keyword, and returns how many. */
function reference(keywords) {
  for (const name of names) CSS.highlights.delete(name);
  const highlights = names.map(() => new Highlight());
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    keywords.forEach((keyword, i) => {
      for (let at = data.indexOf(keyword); at >= 0; at = data.indexOf(keyword, at + keyword.length)) {
        highlights[i % PALETTE].add(new StaticRange({ startContainer: node, startOffset: at, endContainer: node, endOffset: at + keyword.length }));
        count += 1;
      }
    });
  }
  names.forEach((name, i) => CSS.highlights.set(name, highlights[i]));
  return count;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

const lib = params.get('lib');
if (lib === 'advanced') await loadScript('/node_modules/advanced-mark.js/dist/mark.min.js');
if (lib === 'markjs') await loadScript('/node_modules/mark.js/dist/mark.min.js');

/** Highlights `keywords` with the page's library; resolves with the time from
 * the call to the next frame (ms), or null past `cap` ms. */
window.highlight = async (keywords, cap) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  if (lib === 'reference') {
    for (const name of names) CSS.highlights.delete(name);
    await frame();
    const start = performance.now();
    reference(keywords);
    return (await frame()) - start;
  }
  const context = new Mark(main);
  await new Promise((resolve) => context.unmark({ done: resolve }));
  await frame();
  const options = lib === 'advanced'
    ? { separateWordSearch: false, combinePatterns: true, cacheTextNodes: true }
    : { separateWordSearch: false };
  const start = performance.now();
  const finished = new Promise((resolve) => context.mark(keywords, { ...options, done: resolve }));
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), cap));
  if ((await Promise.race([finished, timeout])) === 'timeout') return null;
  return (await frame()) - start;
};
window.pageReady = true;
