// The script a page includes to get <article-reader> elements (README, "Embedding").
// It compiles the WebAssembly next to it once, then defines the element. Everything
// is resolved relative to this file, so the reader works from any path of any host.
//
// Each element gets a WebAssembly instance of its own (README, "Isolation"): the
// module is compiled once, and every reader instantiates it with a fresh copy of
// wasm-bindgen's glue (made a factory at build time by scripts/post-build.mjs).
// So a reader that fails (a trap) stops alone, new readers still start, and a
// removed reader, or the article a reader replaced, leaves no memory behind: a
// new `src` starts the reader again on a fresh instance.

const here = import.meta.url;
const stylesheet = new URL('reader.css', here).href;
const wasm = new URL('article-reader_bg.wasm', here);
/** Where an article fetched early is left on its reader's element. */
const EARLY = Symbol.for('article-reader.early-fetch');
/** Elements whose article fetchEarly asked for. */
const fetchedEarly = [];

// The WebAssembly is fetched and compiled while the glue and the snippets it
// imports load, not after them: a static import would hold this module's
// first line until that whole chain had arrived.
const compiled = compile();
const glueModule = import('./article-reader.js');
// The JavaScript the glue imports, filled in by scripts/post-build.mjs:
// fetched now, in parallel with the glue, rather than after it.
const SNIPPETS = [];
for (const snippet of SNIPPETS) import(snippet).catch(() => {});
// Likewise the stylesheet, which a reader waits for before it shows:
// preloaded now, it is there when the first reader links it in its shadow
// root.
preloadStylesheet();
// And the article of each reader already in the page.
fetchEarly();

function preloadStylesheet() {
  if (document.querySelector(`link[rel=preload][href="${CSS.escape(stylesheet)}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'style';
  link.href = stylesheet;
  document.head.append(link);
}

/** `url` made absolute against the page, or null when it is no URL. */
function absolute(url) {
  try {
    return new URL(url.trim(), document.baseURI).href;
  } catch {
    return null;
  }
}

/** Starts fetching the article of each reader already in the page (its
 * `src`, or the sample article for an empty one) while the WebAssembly loads,
 * rather than once the reader has started. The reader takes the answer when
 * it fetches that same URL (src/web/fetch.rs: its time limit, size limit and
 * abort then apply); asking for another URL aborts it, and so does a reader
 * stopped before it asked. Readers already defined (a second copy of this
 * script) fetch their own. */
function fetchEarly() {
  if (customElements.get('article-reader')) return;
  // Once readers are defined, no callback ever runs for an element removed
  // before: its fetch is aborted then (dropUntaken).
  for (const element of document.querySelectorAll('article-reader')) {
    // As the reader reads them: an empty `src` is none.
    const src = element.getAttribute('src')?.trim() || null;
    const empty = src === null && element.childElementCount === 0 && element.textContent.trim() === '';
    const url = src === null ? (empty ? new URL('articles/seed.txt', here).href : null) : absolute(src);
    if (!url) continue;
    const controller = new AbortController();
    let answer = null;
    const drop = () => {
      delete element[EARLY];
      controller.abort();
    };
    const record = {
      take(wanted, signal) {
        if (absolute(wanted) !== url) return drop();
        delete element[EARLY];
        if (signal.aborted) controller.abort();
        signal.addEventListener('abort', () => controller.abort(), { once: true });
        return answer;
      },
      drop,
    };
    try {
      element[EARLY] = record;
    } catch {
      continue; // a host that locked its elements: that reader fetches its own
    }
    answer = fetch(url, { signal: controller.signal });
    answer.catch(() => {}); // the reader tells a failure, if it asks
    fetchedEarly.push(element);
  }
}

/** Aborts the early fetches no reader will take: those of elements no longer
 * in the page once readers are defined, or all when no reader can start. */
function dropUntaken(all) {
  for (const element of fetchedEarly.splice(0)) {
    if (all || !element.isConnected) element[EARLY]?.drop();
  }
}

/** Attributes whose change means another article: the reader starts again on a
 * fresh instance, so the memory the last article took goes with it. */
const SOURCE_ATTRIBUTES = ['src', 'format', 'timeout', 'max-size'];

/** The page's language for messages shown without the reader (it could not start). */
function speaksEnglish(element) {
  const lang = element.getAttribute('ui-lang') || document.documentElement.lang || navigator.language || 'zh';
  return lang.toLowerCase().startsWith('en');
}

/** Shows why the reader is not there, in its label language, styled by reader.css
 * where that loads; `retry` (if given) gets a button that starts it again. */
function showFailure(element, { zh, en }, retry) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const english = speaksEnglish(element);
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  const reader = document.createElement('div');
  reader.className = 'ar-reader ar-theme-auto';
  reader.lang = english ? 'en' : 'zh-CN';
  const status = document.createElement('div');
  status.className = 'ar-status ar-status-problem';
  status.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.className = 'ar-status-message';
  message.textContent = english ? en : zh;
  status.append(message);
  if (retry) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ar-button';
    button.textContent = english ? 'Start again' : '重新启动';
    button.addEventListener('click', retry, { once: true });
    status.append(button);
  }
  reader.append(status);
  root.replaceChildren(link, reader);
}

function showStartFailure(element, error) {
  const reason = error?.message ?? String(error);
  showFailure(element, {
    zh: `文章阅读器无法启动：${reason}`,
    en: `The article reader could not start: ${reason}`,
  });
}

/** `[[key, value], …]` as an object without a prototype, so that any key
 * (even `__proto__`) is just a key. */
function dictionary(pairs, value = (v) => v) {
  const object = Object.create(null);
  for (const [key, v] of pairs) object[key] = value(v);
  return object;
}

/** Compiles the reader's WebAssembly, streaming where the server sends it as
 * `application/wasm`. */
async function compile() {
  try {
    return await WebAssembly.compileStreaming(fetch(wasm));
  } catch (error) {
    // Served with another content type: compile from the bytes instead.
    if (!(error instanceof TypeError)) throw error;
    const response = await fetch(wasm);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${wasm}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** A fresh copy of the glue around a fresh instance of the compiled module. */
async function instantiate() {
  const { createInstance } = await glueModule;
  const glue = createInstance();
  await glue.init({ module_or_path: await compiled });
  return { glue, memory: glue.memory() };
}

/** The first instance: it tells the element's attributes and limits, then
 * serves the first reader, so a page with one reader makes one instance. */
let spare = instantiate();
const ready = spare.then(({ glue }) => ({
  attributes: glue.observedAttributes(),
  limits: glue.keywordLimits(),
}));

function takeInstance() {
  const taken = spare ?? instantiate();
  spare = null;
  return taken;
}

/** What `setKeywords` was given, as a list of strings: one string is one
 * keyword; numbers become their text; anything else is a TypeError. More
 * keywords or characters than the reader takes is a RangeError, thrown before
 * anything reaches the reader. */
function keywordList(value, [most, mostChars]) {
  if (typeof value === 'string') value = [value];
  if (value == null || typeof value[Symbol.iterator] !== 'function') {
    throw new TypeError('setKeywords takes an array of strings (or one string)');
  }
  const list = [];
  let chars = 0;
  for (const item of value) {
    if (list.length === most) throw new RangeError(`setKeywords takes at most ${most} keywords`);
    const text = typeof item === 'string' ? item
      : (typeof item === 'number' && Number.isFinite(item)) || typeof item === 'bigint' ? String(item)
      : null;
    if (text === null) {
      const kind = item === null ? 'null' : typeof item;
      throw new TypeError(`setKeywords: keyword ${list.length + 1} is ${kind}, not a string`);
    }
    chars += text.length;
    if (chars > mostChars) throw new RangeError(`setKeywords takes at most ${mostChars} characters in all`);
    list.push(text);
  }
  return list;
}

ready.then(
  ({ attributes, limits }) => {
    class ArticleReaderElement extends HTMLElement {
      static get observedAttributes() {
        return attributes;
      }

      /** The running reader: `{ glue, memory, handle }`. */
      #reader = null;
      /** Counts starts and stops, so a start that finishes late knows it is stale. */
      #generation = 0;
      /** Connected, and so meant to run (or starting). */
      #active = false;
      #shown = false;
      #pendingKeywords = null;

      constructor() {
        super();
        // Calls made before the article is on screen are kept until it is.
        this.addEventListener('reader-ready', () => {
          this.#shown = true;
          if (this.#pendingKeywords) {
            const list = this.#pendingKeywords;
            this.#pendingKeywords = null;
            this.#call((handle) => handle.setKeywords(list));
          }
        });
      }

      connectedCallback() {
        if (this.#active) return;
        this.#active = true;
        this.#start();
      }

      disconnectedCallback() {
        // Moving an element disconnects and reconnects it at once: keep the reader then.
        queueMicrotask(() => {
          if (!this.isConnected && this.#active) {
            this.#active = false;
            this.#stop();
          }
        });
      }

      attributeChangedCallback(name, oldValue, newValue) {
        if (oldValue === newValue) return;
        if (SOURCE_ATTRIBUTES.includes(name)) {
          if (!this.#active) return;
          this.#stop();
          this.#start();
        } else if (this.#reader) {
          // A reader still starting reads the attributes as it starts.
          this.#call((handle) => handle.attributeChanged());
        }
      }

      async #start() {
        const generation = ++this.#generation;
        let instance;
        try {
          instance = await takeInstance();
        } catch (error) {
          if (generation === this.#generation) showStartFailure(this, error);
          return;
        }
        // Removed or started again meanwhile: this instance is simply dropped.
        if (generation !== this.#generation || !this.#active) return;
        try {
          // A release build traps at once on a panic (the glue tells onTrap);
          // a debug build's panic hook says so first.
          const onPanic = () => queueMicrotask(() => this.#failed(generation));
          instance.glue.onTrap(onPanic);
          const handle = new instance.glue.ReaderHandle(this, stylesheet, onPanic);
          this.#reader = { ...instance, handle, generation };
        } catch (error) {
          showStartFailure(this, error);
        }
      }

      #stop() {
        this[EARLY]?.drop();
        this.#generation += 1;
        const reader = this.#reader;
        this.#reader = null;
        this.#shown = false;
        if (!reader) return;
        try {
          reader.handle.destroy();
          reader.handle.free();
        } catch {
          // An instance that failed may fail again; it is dropped all the same.
        }
      }

      /** This reader's instance trapped: nothing more goes to it. The widget
       * says so and offers a fresh start; other readers never noticed. */
      #failed(generation) {
        if (this.#reader?.generation !== generation) return;
        // Its highlights stay in the page's registry (the instance cannot take
        // them back): take out those painted in this reader.
        const root = this.shadowRoot;
        const painted = [];
        globalThis.CSS?.highlights?.forEach((highlight, name) => {
          if ([...highlight].some((range) => root.contains(range.startContainer))) painted.push(name);
        });
        for (const name of painted) CSS.highlights.delete(name);
        this.#stop();
        showFailure(this, {
          zh: '文章阅读器出错，已经停止。页面上的其他内容不受影响。',
          en: 'The article reader ran into an error and stopped. The rest of the page is not affected.',
        }, () => this.#start());
      }

      /** Calls the reader's instance; a trap there stops this reader only. */
      #call(use) {
        const reader = this.#reader;
        try {
          return use(reader.handle);
        } catch (error) {
          if (error instanceof WebAssembly.RuntimeError) this.#failed(reader.generation);
          throw error;
        }
      }

      /** Replaces the keywords; returns the ones accepted. */
      setKeywords(keywords) {
        const list = keywordList(keywords, limits);
        if (this.#shown) return this.#call((handle) => handle.setKeywords(list));
        this.#pendingKeywords = list;
        return list;
      }

      /** The current keywords, in order. */
      getKeywords() {
        return this.#shown ? this.#call((handle) => handle.getKeywords()) : [...(this.#pendingKeywords ?? [])];
      }

      /** `{ keyword: count }`. */
      matchCounts() {
        return dictionary(this.#shown ? JSON.parse(this.#call((handle) => handle.matchCounts())) : []);
      }

      /** `{ sectionId: { keyword: count } }`. */
      sectionMatchCounts() {
        return dictionary(this.#shown ? JSON.parse(this.#call((handle) => handle.sectionMatchCounts())) : [], dictionary);
      }

      /** The outline: `[{ id, kind: "section" | "point", level, label, children }]`. */
      outline() {
        return this.#shown ? JSON.parse(this.#call((handle) => handle.outline())) : [];
      }

      /** `{ title, author, source, published }`, `null` where the article has none;
       * `null` until the article is shown. */
      metadata() {
        return this.#shown ? JSON.parse(this.#call((handle) => handle.metadata())) : null;
      }

      /** For the project's own tests, not an API: this reader's instance
       * (its memory, a way to make it panic). */
      get [Symbol.for('article-reader.internals')]() {
        const reader = this.#reader;
        return reader && {
          memory: reader.memory,
          panic: (later = false) => this.#call((handle) => handle.panicForTests(later)),
        };
      }
    }

    if (!customElements.get('article-reader')) {
      customElements.define('article-reader', ArticleReaderElement);
    }
    dropUntaken(false);
  },
  (error) => {
    dropUntaken(true);
    for (const element of document.querySelectorAll('article-reader')) {
      showStartFailure(element, error);
    }
  },
);
