//! The Rust half of the `<article-reader>` custom element.
//!
//! `static/reader.js` defines the element and, when one is connected, builds a
//! [`ReaderHandle`]: an open shadow root (so host CSS and ours cannot meet), our
//! stylesheet linked inside it (allowed by a strict CSP, unlike inline styles),
//! and a Yew app mounted once that stylesheet has loaded. Mounting only then
//! means the reader never flashes unstyled, and everything that measures the
//! layout (restoring the reading position, the scroll spy) sees the real one.
//!
//! Each reader has a WebAssembly instance of its own (reader.js makes one per
//! element), so this module's statics are one reader's. Nothing from the page
//! is copied into the instance before it is measured: attributes over
//! [`MAX_ATTRIBUTE_CHARS`] and text inside the element over the article size
//! limit are refused at the cost of reading their length.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::{Function, JsString};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::app::{App, Bridge, Props};
use crate::web::assets;
use reader_core::article::SourceFormat;
use reader_core::config::{ATTRIBUTES, Config, MAX_ATTRIBUTE_CHARS, TooLong};
use reader_core::reader::{Action, KeywordsBy};
use reader_core::source::{self, ArticleSource, Problem};
use reader_core::{api, json};

#[wasm_bindgen]
extern "C" {
    /// An element seen through methods that leave its strings on the
    /// JavaScript side, so they can be measured before they are copied.
    #[wasm_bindgen(extends = Element)]
    type Measured;

    /// `Element.getAttribute`.
    #[wasm_bindgen(method, js_name = getAttribute)]
    fn attribute_text(this: &Measured, name: &str) -> Option<JsString>;

    /// `Node.textContent`.
    #[wasm_bindgen(method, getter, js_name = textContent)]
    fn text_content_text(this: &Measured) -> Option<JsString>;

    /// `Element.innerHTML`.
    #[wasm_bindgen(method, getter, js_name = innerHTML)]
    fn inner_html_text(this: &Measured) -> JsString;

    /// The browser's `TextEncoder`, which measures a JavaScript string in
    /// UTF-8 without copying it into this instance.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8;

    #[wasm_bindgen(constructor, js_class = TextEncoder)]
    fn new() -> Utf8;

    #[wasm_bindgen(method)]
    fn encode(this: &Utf8, text: &JsString) -> js_sys::Uint8Array;
}

/// The app once mounted; `Closed` after `destroy`, so a late stylesheet
/// load does not mount a reader that is gone.
enum Mount {
    Waiting,
    Mounted(AppHandle<App>),
    Closed,
}

/// One reader. Dropping it (or calling `destroy`) unmounts the app.
#[wasm_bindgen]
pub struct ReaderHandle {
    host: HtmlElement,
    mount: Rc<RefCell<Mount>>,
    /// The props the app will mount with, until it has mounted.
    pending: Rc<RefCell<Props>>,
    bridge: Bridge,
    _stylesheet: [EventListener; 2],
}

/// The attribute names the element observes: the loader passes them to
/// `customElements.define`.
#[wasm_bindgen(js_name = observedAttributes)]
pub fn observed_attributes() -> Vec<String> {
    ATTRIBUTES.iter().map(|a| a.to_string()).collect()
}

/// What `setKeywords` may be given, `[most keywords, most characters in
/// all]`: reader.js throws a `RangeError` beyond them, before calling in.
#[wasm_bindgen(js_name = keywordLimits)]
pub fn keyword_limits() -> Vec<u32> {
    api::SET_KEYWORDS_LIMITS.map(|n| n as u32).to_vec()
}

thread_local! {
    /// What to call if this instance panics (see [`report_panics`]).
    static ON_PANIC: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Has a panic anywhere in this instance (in an event handler as much as in
/// an API call) call `on_panic` before the instance traps, so reader.js can
/// say so in the widget and offer a fresh start. The release build aborts
/// on panic: the instance is not used again. The panic is still written to
/// the console, as Yew's own hook (which this one replaces) does.
fn report_panics(on_panic: Function) {
    ON_PANIC.with(|slot| *slot.borrow_mut() = Some(on_panic));
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let on_panic = ON_PANIC.with(|slot| slot.try_borrow().ok().and_then(|f| f.clone()));
        if let Some(on_panic) = on_panic {
            let _ = on_panic.call0(&JsValue::NULL);
        }
    }));
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Mounts a reader in `host`'s shadow root; `stylesheet` is the URL of
    /// reader.css; `on_panic` is called should this instance panic.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        stylesheet: &str,
        on_panic: Function,
    ) -> Result<ReaderHandle, JsValue> {
        report_panics(on_panic);
        let document = host.owner_document().ok_or("the element has no document")?;
        assets::remember(stylesheet);
        let shadow = shadow_root(&host)?;

        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", stylesheet)?;
        shadow.append_child(&link)?;
        let root = document.create_element("div")?;
        shadow.append_child(&root)?;

        let mount = Rc::new(RefCell::new(Mount::Waiting));
        let bridge = Bridge::default();
        let pending = Rc::new(RefCell::new(props_of(&host, &bridge)));
        let start = |event: &'static str| {
            let (mount, root, pending) = (mount.clone(), root.clone(), pending.clone());
            EventListener::once(&link, event, move |_| {
                start_app(&mount, root, pending.borrow().clone())
            })
        };
        // Without our stylesheet the reader still starts: unstyled beats absent.
        let listeners = [start("load"), start("error")];
        Ok(ReaderHandle {
            host,
            mount,
            pending,
            bridge,
            _stylesheet: listeners,
        })
    }

    /// Reads the attributes again after one changed: a new `src` loads a new
    /// article; theme, language, title and the rest apply at once.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&mut self) {
        let props = props_of(&self.host, &self.bridge);
        match &mut *self.mount.borrow_mut() {
            Mount::Mounted(app) => app.update(props),
            Mount::Waiting => *self.pending.borrow_mut() = props,
            Mount::Closed => {}
        }
    }

    /// Replaces the keywords; returns those accepted (blank ones are refused,
    /// and the reader shows why). Every value is plain text. The reader's own
    /// remembered keywords are left as they are.
    #[wasm_bindgen(js_name = setKeywords)]
    pub fn set_keywords(&self, keywords: Vec<String>) -> Vec<String> {
        self.bridge.state().map_or_else(Vec::new, |state| {
            state.dispatch(Action::SetKeywords {
                list: keywords,
                by: KeywordsBy::Host,
            });
            state.keyword_texts()
        })
    }

    #[wasm_bindgen(js_name = getKeywords)]
    pub fn get_keywords(&self) -> Vec<String> {
        self.bridge
            .state()
            .map_or_else(Vec::new, |state| state.keyword_texts())
    }

    /// JSON `[[keyword, count], …]`, each keyword counted on its own;
    /// reader.js makes it `{ keyword: count }`.
    #[wasm_bindgen(js_name = matchCounts)]
    pub fn match_counts(&self) -> String {
        let counts = self
            .bridge
            .state()
            .map(|state| api::match_counts(&state.keywords, &state.matches));
        json::to_json(&counts.unwrap_or_default())
    }

    /// JSON `[[sectionId, [[keyword, count], …]], …]`; a section counts its
    /// subsections. reader.js makes it `{ sectionId: { keyword: count } }`.
    #[wasm_bindgen(js_name = sectionMatchCounts)]
    pub fn section_match_counts(&self) -> String {
        let counts = self.bridge.state().and_then(|state| {
            let article = state.article()?;
            Some(api::section_match_counts(
                &article.document,
                &state.keywords,
                &state.matches,
            ))
        });
        json::to_json(&counts.unwrap_or_default())
    }

    /// JSON `[{ id, kind, level, label, children }]`: sections and points.
    pub fn outline(&self) -> String {
        let outline = self
            .bridge
            .state()
            .and_then(|state| Some(api::outline(&state.article()?.document)));
        json::to_json(&outline.unwrap_or_default())
    }

    /// JSON `{ title, author, source, published }`, `null` for what the
    /// article lacks; `null` as a whole before the article is shown.
    pub fn metadata(&self) -> String {
        let metadata = self
            .bridge
            .state()
            .and_then(|state| Some(api::metadata(&state.article()?.document)));
        json::to_json(&metadata)
    }

    /// Unmounts the app; the element can be connected again later.
    pub fn destroy(&mut self) {
        if let Mount::Mounted(app) = self.mount.replace(Mount::Closed) {
            app.destroy();
        }
        // The app's state holds the bridge, and the bridge the state.
        self.bridge.clear();
    }

    /// Panics, as a bug would: at once (in this call), or `later` in a task
    /// of its own, as in an event handler. What the tests use to check that
    /// one reader's failure stops no other reader and that this one says so.
    #[wasm_bindgen(js_name = panicForTests)]
    pub fn panic_for_tests(&self, later: bool) {
        if later {
            gloo::timers::callback::Timeout::new(0, || panic!("a panic asked for by a test"))
                .forget();
        } else {
            panic!("a panic asked for by a test");
        }
    }
}

fn start_app(mount: &RefCell<Mount>, root: Element, props: Props) {
    let mut mount = mount.borrow_mut();
    if matches!(*mount, Mount::Waiting) {
        *mount = Mount::Mounted(yew::Renderer::<App>::with_root_and_props(root, props).render());
    }
}

/// The element's open shadow root, emptied if the element was mounted before.
fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    if let Some(shadow) = host.shadow_root() {
        while let Some(child) = shadow.first_child() {
            shadow.remove_child(&child)?;
        }
        return Ok(shadow);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
}

fn props_of(host: &HtmlElement, bridge: &Bridge) -> Props {
    Props {
        source: source_of(host),
        config: config_of(host),
        host: Some(host.clone()),
        bridge: bridge.clone(),
    }
}

/// An attribute's value, unless it is over [`MAX_ATTRIBUTE_CHARS`].
fn attribute(host: &Element, name: &str) -> Result<Option<String>, TooLong> {
    let Some(value) = host.unchecked_ref::<Measured>().attribute_text(name) else {
        return Ok(None);
    };
    let chars = value.length() as usize;
    if chars > MAX_ATTRIBUTE_CHARS {
        return Err(TooLong { chars });
    }
    Ok(Some(value.into()))
}

/// An attribute's value; one too long to read counts as absent (the widget
/// says so: see `Config::notices`).
fn attribute_or_none(host: &Element, name: &str) -> Option<String> {
    attribute(host, name).ok().flatten()
}

/// `src` names the article; else what is inside the element is the article
/// (HTML when it holds elements, text when only text); an empty element shows
/// the sample article. Inline articles are measured before they are copied
/// into this instance, and refused over the size limit.
fn source_of(host: &HtmlElement) -> ArticleSource {
    let max_bytes =
        source::size_limit_from_attribute(attribute_or_none(host, "max-size").as_deref());
    if let Some(url) = attribute_or_none(host, "src").filter(|u| !u.trim().is_empty()) {
        return ArticleSource::Url {
            url: url.trim().to_string(),
            format: format_of(host),
            timeout_seconds: source::timeout_from_attribute(
                attribute_or_none(host, "timeout").as_deref(),
            ),
            select: attribute_or_none(host, "select").filter(|s| !s.trim().is_empty()),
            max_bytes,
        };
    }
    let (inline, format) = match inline_html(host) {
        Some(html) => (html, Some(SourceFormat::Html)),
        None => match host.unchecked_ref::<Measured>().text_content_text() {
            Some(text) => (text, format_of(host)),
            None => return sample(),
        },
    };
    if let Err(problem) = source::check_inline_size(utf8_len(&inline, max_bytes), max_bytes) {
        return ArticleSource::Refused(problem);
    }
    let text = String::from(inline);
    if text.trim().is_empty() {
        return sample();
    }
    ArticleSource::Inline { text, format }
}

/// The sample article, fetched from beside reader.js for an empty element
/// (an element with nothing to show, were the reader's folder unknown).
fn sample() -> ArticleSource {
    match assets::url(assets::SAMPLE_ARTICLE) {
        Some(url) => ArticleSource::Url {
            url,
            format: Some(SourceFormat::PlainText),
            timeout_seconds: source::DEFAULT_TIMEOUT_SECONDS,
            select: None,
            max_bytes: source::MAX_BYTES,
        },
        None => ArticleSource::Refused(Problem::EmptyArticle),
    }
}

/// The UTF-8 length of a JavaScript string, measured without copying it: a
/// UTF-16 unit is one to three UTF-8 bytes, so a short text is surely within
/// `limit`; a longer one is measured in UTF-8 by the browser.
fn utf8_len(text: &JsString, limit: u64) -> usize {
    let units = text.length() as usize;
    if units.saturating_mul(3) as u64 <= limit {
        units
    } else {
        Utf8::new().encode(text).length() as usize
    }
}

/// The element's children as HTML, when it has child elements and `format`
/// does not say text or Markdown. A lone `<template>` child stands for its
/// content (which the browser keeps inert: nothing in it loads or runs).
fn inline_html(host: &HtmlElement) -> Option<JsString> {
    let as_text = matches!(
        format_of(host),
        Some(SourceFormat::PlainText | SourceFormat::Markdown)
    );
    if host.child_element_count() == 0 || as_text {
        return None;
    }
    let template = host
        .first_element_child()
        .filter(|child| host.child_element_count() == 1 && child.local_name() == "template");
    let holder = template.unwrap_or_else(|| host.clone().into());
    Some(holder.unchecked_ref::<Measured>().inner_html_text())
}

/// The `format` attribute, if it names one.
fn format_of(host: &HtmlElement) -> Option<SourceFormat> {
    attribute_or_none(host, "format").and_then(|f| source::format_from_attribute(&f))
}

fn config_of(host: &HtmlElement) -> Config {
    let page_lang = host
        .owner_document()
        .and_then(|d| d.document_element())
        .map(|html| html.get_attribute("lang").unwrap_or_default())
        .unwrap_or_default();
    let browser_langs: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    Config::from_attributes(
        |name| attribute(host, name),
        std::iter::once(page_lang.as_str()).chain(browser_langs.iter().map(String::as_str)),
    )
}
