// Puts the article named by ?article= into the reader before the reader starts.
const article = new URL(location.href).searchParams.get('article');
const text = await (await fetch(article)).text();
document.querySelector('article-reader').textContent = text;
await import('/reader.js');
