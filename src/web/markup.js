// The browser half of rich articles (src/web/markup.rs): HTML is parsed inertly
// with DOMParser (nothing in it runs or loads: the document has no browsing
// context) and walked into the flat form of reader_core::html::markup, one
// string that crosses into WebAssembly once. The allowlist is applied in Rust.

// Attributes the core may look at; everything else is never even passed.
const KEPT = new Set([
  'href', 'src', 'data-src', 'data-original', 'data-lazy-src', 'alt', 'start',
  'class', 'id', 'role', 'hidden', 'aria-hidden', 'data-ar-style', 'name', 'property', 'content',
]);

// Chrome checks inline styles and event handlers against the page's
// Content-Security-Policy even in an inert document, and logs an error for
// each one (nothing runs). So before parsing, `style` and `on…` attributes
// are renamed, and <style> elements become <xmp> (also raw text, also
// dropped). This only keeps the host's console quiet: safety does not rest on
// it, since the allowlist in Rust never keeps any of them.
// Two passes, since only the parser knows where a tag ends: one reads quoted
// values whole (`<img alt="a>b" onerror=…>`), the other does not (`<a
// id="</style><img onerror=…>">` ends the id early inside a raw-text element).
// Quoted values are bounded and `<` ends a try, so both stay linear.
const TAG = /<([a-zA-Z][^\s/<>]*)((?:"[^"]{0,4096}"|'[^']{0,4096}'|[^'"<>])*)>/g;
const BARE_TAG = /<([a-zA-Z][^\s/<>]*)([^<>]*)>/g;
const NOISY_ATTRIBUTE = /("[^"]*"|'[^']*')|(^|[\s/])(on\w*|style)(?=[\s/=>]|$)/gi;
const NOISY_ASSIGNMENT = /()(^|[\s/"'])(on\w*|style)(?=\s*=)/gi;

const renamed = (noisy) => (tag, name, rest) => `<${name}${rest.replace(noisy, (match, quoted, before, attribute) =>
  quoted || `${before}data-ar-${attribute.toLowerCase() === 'style' ? 'style' : 'on'}`)}>`;

function quiet(html) {
  return html
    .replace(/<(\/?)style(?=[\s/>])/gi, '<$1xmp')
    .replace(TAG, renamed(NOISY_ATTRIBUTE))
    .replace(BARE_TAG, renamed(NOISY_ASSIGNMENT));
}
// C0 controls but tab and newline: the flat form's markup characters are among them.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f]/g;
const CLOSE = {};

function flat(root) {
  const parts = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === CLOSE) {
      parts.push('\x05');
    } else if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.data.replace(CONTROLS, ''));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      let open = `\x01${node.localName.replace(CONTROLS, '')}`;
      for (const { name, value } of node.attributes) {
        if (KEPT.has(name)) open += `\x02${name.replace('data-ar-', '')}\x03${value.replace(CONTROLS, '')}`;
      }
      parts.push(`${open}\x04`);
      stack.push(CLOSE);
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
    }
  }
  return parts.join('');
}

/** `[flat, selected]`: the flat form of `html`; with a `select`or that
 * matches, only the head and the chosen element, and `selected` true. */
export function flatten(html, select) {
  const doc = new DOMParser().parseFromString(quiet(html), 'text/html');
  let chosen = null;
  if (select) {
    try {
      chosen = doc.querySelector(select);
    } catch {
      chosen = null; // not a selector: read the page as if there were none
    }
  }
  if (!chosen) return [flat(doc.documentElement), false];
  if (!chosen.contains(doc.body)) doc.body.replaceChildren(chosen);
  return [flat(doc.documentElement), true];
}

/** `url` made absolute against the page (`document.baseURI`). */
export function absoluteUrl(url) {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}

let markdown = null;

/** The HTML of a Markdown text, by the markdown module at `url`, which is
 * loaded (with its WebAssembly) the first time only. */
export async function markdownToHtml(url, text) {
  markdown ??= import(url).then(async (module) => {
    await module.default({ module_or_path: new URL('markdown_bg.wasm', url) });
    return module;
  });
  try {
    return (await markdown).markdownToHtml(text);
  } catch (error) {
    markdown = null; // let a later article try again
    throw error;
  }
}
