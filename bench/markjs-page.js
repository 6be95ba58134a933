// The same article as plain paragraphs, for mark.js to highlight.
const article = new URL(location.href).searchParams.get('article');
const text = await (await fetch(article)).text();
const main = document.getElementById('article');
for (const line of text.split('\n')) {
  if (!line.trim()) continue;
  const p = document.createElement('p');
  p.textContent = line;
  main.append(p);
}
window.articleReady = true;
