// The standalone page (index.html): read another article by dropping a file
// on the page, pasting a file, rich text or text, or choosing a file. Files go
// through the reader's `src` (a blob: URL), so size limits and encodings
// (UTF-8, GBK…) are handled exactly as for any other URL. Rich text (HTML from
// the clipboard or a dragged selection) is handed over as text with
// format="html": the page never parses it, the reader parses it inertly and
// rebuilds it from its allowlist.

const reader = () => document.querySelector('article-reader');
let objectUrl = null;

function readFile(file) {
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = URL.createObjectURL(file);
  const element = reader();
  const format = /\.(md|markdown|mdown)$/i.test(file.name) ? 'markdown' : /\.(html?|xhtml)$/i.test(file.name) ? 'html' : 'text';
  element.setAttribute('format', format);
  element.setAttribute('src', objectUrl);
}

/** A fresh reader in place of the current one, with `fill` giving its content. */
function readInline(fill) {
  const old = reader();
  const fresh = document.createElement('article-reader');
  for (const { name, value } of old.attributes) {
    if (!['src', 'format', 'select'].includes(name)) fresh.setAttribute(name, value);
  }
  fill(fresh);
  old.replaceWith(fresh);
}

const readText = (text) => readInline((element) => { element.textContent = text; });

function readHtml(html) {
  readInline((element) => {
    element.setAttribute('format', 'html');
    element.textContent = html;
  });
}

/** Reads what a clipboard or a drop carries: HTML before plain text. */
function readTransfer(data) {
  const html = data?.getData('text/html');
  if (html?.trim()) {
    readHtml(html);
    return true;
  }
  const text = data?.getData('text/plain');
  if (text?.trim()) {
    readText(text);
    return true;
  }
  return false;
}

function isTextField(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable;
}

document.addEventListener('dragover', (event) => {
  const types = event.dataTransfer?.types ?? [];
  if (types.includes('Files') || types.includes('text/html')) {
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
  } else if (event.dataTransfer?.types.includes('text/html')) {
    event.preventDefault();
    readTransfer(event.dataTransfer);
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
  if (readTransfer(event.clipboardData)) event.preventDefault();
});
document.getElementById('page-file').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) readFile(file);
});
