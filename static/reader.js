// The script a page includes to get <article-reader> elements (see README, "Embedding").
// It loads the WebAssembly next to it, then defines the element. Everything is
// resolved relative to this file, so the reader works from any path of any host.

import init, { ReaderHandle } from './article-reader.js';

const here = import.meta.url;
const stylesheet = new URL('reader.css', here).href;

/** Shows a plain-text message inside an element whose reader could not start. */
function showStartFailure(element, error) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The article reader could not start: ${error?.message ?? error}`;
  root.replaceChildren(message);
}

const ready = init({ module_or_path: new URL('article-reader_bg.wasm', here) });

class ArticleReaderElement extends HTMLElement {
  #handle = null;

  connectedCallback() {
    if (this.#handle) return;
    try {
      this.#handle = new ReaderHandle(this, stylesheet);
    } catch (error) {
      showStartFailure(this, error);
    }
  }

  disconnectedCallback() {
    // Moving an element disconnects and reconnects it at once: keep the reader then.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle.free();
        this.#handle = null;
      }
    });
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
