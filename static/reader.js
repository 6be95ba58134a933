// The script a page includes to get <article-reader> elements (README, "Embedding").
// It loads the WebAssembly next to it, then defines the element. Everything is
// resolved relative to this file, so the reader works from any path of any host.

import init, { ReaderHandle, observedAttributes } from './article-reader.js';

const here = import.meta.url;
const stylesheet = new URL('reader.css', here).href;

/** Shows a plain-text message inside an element whose reader could not start
 * (no WebAssembly, a blocked file…), in its label language. */
function showStartFailure(element, error) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  const lang = element.getAttribute('ui-lang') || document.documentElement.lang || navigator.language || 'zh';
  const reason = error?.message ?? String(error);
  message.textContent = lang.toLowerCase().startsWith('en')
    ? `The article reader could not start: ${reason}`
    : `文章阅读器无法启动：${reason}`;
  root.replaceChildren(message);
}

/** `[[key, value], …]` as an object without a prototype, so that any key
 * (even `__proto__`) is just a key. */
function dictionary(pairs, value = (v) => v) {
  const object = Object.create(null);
  for (const [key, v] of pairs) object[key] = value(v);
  return object;
}

const ready = init({ module_or_path: new URL('article-reader_bg.wasm', here) });

class ArticleReaderElement extends HTMLElement {
  static get observedAttributes() {
    return observedAttributes();
  }

  #handle = null;
  #shown = false;
  #pendingKeywords = null;

  constructor() {
    super();
    // Calls made before the article is on screen are kept until it is.
    this.addEventListener('reader-ready', () => {
      this.#shown = true;
      if (this.#pendingKeywords) {
        this.#handle.setKeywords(this.#pendingKeywords);
        this.#pendingKeywords = null;
      }
    });
  }

  connectedCallback() {
    if (this.#handle) return;
    try {
      this.#handle = new ReaderHandle(this, stylesheet);
    } catch (error) {
      showStartFailure(this, error);
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.#handle && oldValue !== newValue) this.#handle.attributeChanged();
  }

  disconnectedCallback() {
    // Moving an element disconnects and reconnects it at once: keep the reader then.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle.free();
        this.#handle = null;
        this.#shown = false;
      }
    });
  }

  /** Replaces the keywords; returns the ones accepted. */
  setKeywords(keywords) {
    const list = Array.from(keywords ?? [], String);
    if (this.#shown) return this.#handle.setKeywords(list);
    this.#pendingKeywords = list;
    return list;
  }

  /** The current keywords, in order. */
  getKeywords() {
    return this.#shown ? this.#handle.getKeywords() : [...(this.#pendingKeywords ?? [])];
  }

  /** `{ keyword: count }`. */
  matchCounts() {
    return dictionary(this.#shown ? JSON.parse(this.#handle.matchCounts()) : []);
  }

  /** `{ sectionId: { keyword: count } }`. */
  sectionMatchCounts() {
    return dictionary(this.#shown ? JSON.parse(this.#handle.sectionMatchCounts()) : [], dictionary);
  }

  /** The outline: `[{ id, kind: "section" | "point", level, label, children }]`. */
  outline() {
    return this.#shown ? JSON.parse(this.#handle.outline()) : [];
  }

  /** `{ title, author, source, published }`, `null` where the article has none;
   * `null` until the article is shown. */
  metadata() {
    return this.#shown ? JSON.parse(this.#handle.metadata()) : null;
  }
}

ready.then(
  () => {
    if (!customElements.get('article-reader')) {
      customElements.define('article-reader', ArticleReaderElement);
    }
  },
  (error) => {
    for (const element of document.querySelectorAll('article-reader')) {
      showStartFailure(element, error);
    }
  },
);
