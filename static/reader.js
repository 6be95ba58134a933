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
    return this.#shown ? this.#handle.matchCounts() : Object.create(null);
  }

  /** `{ sectionId: { keyword: count } }`. */
  sectionMatchCounts() {
    return this.#shown ? this.#handle.sectionMatchCounts() : Object.create(null);
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
