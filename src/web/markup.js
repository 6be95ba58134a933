// The browser half of rich articles (src/web/markup.rs): HTML is parsed inertly
// in a document made with createHTMLDocument (nothing in it runs or loads: the
// document has no browsing context) and walked into the flat form of
// reader_core::html::markup, one string that crosses into WebAssembly once.
// The allowlist is applied in Rust. A long article is parsed a piece at a time
// (document.write into that document, which parses as it is given) and walked
// in slices, each in a task of its own, so the page keeps painting and
// answering input; Markdown comes from the markdown module a piece at a time.

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

/** How long one slice of work may hold the page before it yields. */
const SLICE_MS = 30;
/** How much HTML is parsed, and how many Markdown parser events are
 * converted, between two looks at the clock. */
const HTML_PIECE = 64 * 1024;
const MARKDOWN_EVENTS = 8192;

/** A clock for a long piece of work: `due()` says when the slice is used up,
 * `turn()` lets the page paint and answer input before the next one. For a
 * short article there is one slice, with no turns (they would only add to
 * its first screen). */
function slices(long) {
  let start = performance.now();
  return {
    due: () => long && performance.now() - start > SLICE_MS,
    turn: async () => {
      await new Promise((resolve) => setTimeout(resolve));
      start = performance.now();
    },
  };
}

/** `html` in pieces that end before a tag, so that `quiet` sees each tag
 * whole (but for a tag with `<` inside a quoted value, which then only logs). */
function* htmlPieces(html) {
  for (let start = 0; start < html.length; ) {
    let end = start + HTML_PIECE;
    if (end < html.length) {
      const tag = html.lastIndexOf('<', end);
      end = tag > start ? tag : end;
    }
    yield html.slice(start, end);
    start = end;
  }
}

let markdown = null;

/** The markdown module at `url`, loaded (with its WebAssembly) once. */
function markdownModule(url) {
  markdown ??= import(url)
    .then(async (module) => {
      await module.default({ module_or_path: new URL('markdown_bg.wasm', url) });
      return module;
    })
    .catch((error) => {
      markdown = null; // let a later article try again
      throw error;
    });
  return markdown;
}

/** The HTML of a Markdown text, a few top-level blocks at a time. */
function* markdownPieces(module, text) {
  const converter = new module.Converter(text);
  try {
    for (let piece; (piece = converter.nextHtml(MARKDOWN_EVENTS)) !== undefined; ) yield piece;
  } finally {
    converter.free();
  }
}

/** The flat form of `root`'s tree. What the walk touches is let go young,
 * where a scavenge frees it cheaply: it goes from node to node by
 * firstChild, nextSibling and parentNode (a stack of siblings for later would
 * hold a whole table's row wrappers), and joins its parts at each turn (the
 * text nodes' strings are external ones). Held until the end, hundreds of
 * thousands of them reached a major garbage collection that paused the page
 * for ~200 ms at once (a Markdown table of 100,000 rows). */
async function flat(root, clock) {
  const done = [];
  const parts = [];
  let node = root;
  for (let visited = 1; ; visited += 1) {
    if (visited % 4096 === 0 && clock.due()) {
      done.push(parts.join(''));
      parts.length = 0;
      await clock.turn();
    }
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.data.replace(CONTROLS, ''));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      let open = `\x01${node.localName.replace(CONTROLS, '')}`;
      for (const { name, value } of node.attributes) {
        if (KEPT.has(name)) open += `\x02${name.replace('data-ar-', '')}\x03${value.replace(CONTROLS, '')}`;
      }
      parts.push(`${open}\x04`);
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      parts.push('\x05');
    }
    // Done with `node`: on to its next sibling, closing the elements it ends.
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      parts.push('\x05');
    }
    if (node === root) return done.join('') + parts.join('');
    node = node.nextSibling;
  }
}

/** `[flat, selected]`: the flat form of `source`, HTML, or Markdown when
 * `markdownUrl` names the markdown module; with a `select`or that matches,
 * only the head and the chosen element, and `selected` true. A `long` source
 * is read in slices. Rejects when the markdown module cannot load. */
export async function flatten(source, markdownUrl, select, long) {
  const clock = slices(long);
  const pieces = markdownUrl ? markdownPieces(await markdownModule(markdownUrl), source) : htmlPieces(source);
  const doc = document.implementation.createHTMLDocument('');
  doc.open();
  for (const piece of pieces) {
    // A Markdown piece ends between blocks or table rows, so it may be one
    // long block (code, a paragraph): it is parsed in pieces too.
    for (const part of markdownUrl ? htmlPieces(piece) : [piece]) {
      if (clock.due()) await clock.turn();
      doc.write(quiet(part));
    }
  }
  doc.close();
  let chosen = null;
  if (select) {
    try {
      chosen = doc.querySelector(select);
    } catch {
      chosen = null; // not a selector: read the page as if there were none
    }
  }
  if (chosen && !chosen.contains(doc.body)) doc.body.replaceChildren(chosen);
  return [await flat(doc.documentElement, clock), chosen !== null];
}

/** `url` made absolute against the page (`document.baseURI`). */
export function absoluteUrl(url) {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}
