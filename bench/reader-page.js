// The reader showing the article named by ?article= (fetched by the reader
// itself, as `src`), with the times the benchmark reads: the first screen
// (`reader-ready`, then a painted frame) and the whole article findable (the
// article no longer `aria-busy`, then a painted frame). The page loads
// reader.js as the README's embedding snippet does, with a script element of
// its own, fetched alongside this one; module scripts run in order, so the
// element is there when reader.js runs and its article is fetched at once
// (a top-level await here would let reader.js run first).
const article = new URL(location.href).searchParams.get('article');
const reader = document.createElement('article-reader');
reader.setAttribute('hash', 'off');
// The generated 10 MB article is over the default limit of 5 MB.
reader.setAttribute('max-size', '20');
reader.setAttribute('src', article);
reader.addEventListener('reader-ready', async () => {
  bench.firstScreen = await bench.afterPaint();
  const busy = () => reader.shadowRoot.querySelector('.ar-article')?.getAttribute('aria-busy') === 'true';
  while (busy()) await new Promise((resolve) => requestAnimationFrame(resolve));
  bench.findable = await bench.afterPaint();
}, { once: true });
document.querySelector('main').append(reader);
