// The standalone page (index.html): read another article by dropping a file
// on the page, pasting a file or text, or choosing a file. Files go through
// the reader's `src` (a blob: URL), so size limits and encodings (UTF-8, GBK…)
// are handled exactly as for any other URL.

const reader = () => document.querySelector('article-reader');
let objectUrl = null;

function readFile(file) {
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = URL.createObjectURL(file);
  const element = reader();
  element.setAttribute('format', /\.(md|markdown|mdown)$/i.test(file.name) ? 'markdown' : 'text');
  element.setAttribute('src', objectUrl);
}

function readText(text) {
  const old = reader();
  const fresh = document.createElement('article-reader');
  for (const { name, value } of old.attributes) {
    if (name !== 'src' && name !== 'format') fresh.setAttribute(name, value);
  }
  fresh.textContent = text;
  old.replaceWith(fresh);
}

function isTextField(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable;
}

document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) {
    event.preventDefault();
    document.body.classList.add('page-dropping');
  }
});
document.addEventListener('dragleave', () => document.body.classList.remove('page-dropping'));
document.addEventListener('drop', (event) => {
  document.body.classList.remove('page-dropping');
  const file = event.dataTransfer?.files?.[0];
  if (file) {
    event.preventDefault();
    readFile(file);
  }
});
document.addEventListener('paste', (event) => {
  // Pasting into the keyword bar (or any text field) is typing, not a new article.
  if (isTextField(event.composedPath()[0])) return;
  const file = event.clipboardData?.files?.[0];
  if (file) {
    event.preventDefault();
    readFile(file);
    return;
  }
  const text = event.clipboardData?.getData('text/plain');
  if (text?.trim()) {
    event.preventDefault();
    readText(text);
  }
});
document.getElementById('page-file').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) readFile(file);
});
