//! The Rust half of the `<article-reader>` custom element.
//!
//! `static/reader.js` defines the element and, when one is connected, builds a
//! [`ReaderHandle`]: an open shadow root (so host CSS and ours cannot meet), our
//! stylesheet linked inside it (allowed by a strict CSP, unlike inline styles),
//! and a Yew app mounted once that stylesheet has loaded. Mounting only then
//! means the reader never flashes unstyled, and everything that measures the
//! layout (restoring the reading position, the scroll spy) sees the real one.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::app::{App, Bridge, Props};
use crate::web::markup;
use reader_core::article::SourceFormat;
use reader_core::config::{ATTRIBUTES, Config};
use reader_core::reader::{Action, KeywordsBy};
use reader_core::source::{self, ArticleSource};
use reader_core::{api, json};

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

#[wasm_bindgen]
impl ReaderHandle {
    /// Mounts a reader in `host`'s shadow root; `stylesheet` is the URL of reader.css.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, stylesheet: &str) -> Result<ReaderHandle, JsValue> {
        let document = host.owner_document().ok_or("the element has no document")?;
        markup::remember_assets(stylesheet);
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

/// `src` names the article; else what is inside the element is the article
/// (HTML when it holds elements, text when only text); an empty element shows
/// the built-in sample.
fn source_of(host: &HtmlElement) -> ArticleSource {
    if let Some(url) = host.get_attribute("src").filter(|u| !u.trim().is_empty()) {
        return ArticleSource::Url {
            url: url.trim().to_string(),
            format: format_of(host),
            timeout_seconds: source::timeout_from_attribute(
                host.get_attribute("timeout").as_deref(),
            ),
            select: host
                .get_attribute("select")
                .filter(|s| !s.trim().is_empty()),
        };
    }
    if let Some(html) = inline_html(host) {
        return ArticleSource::Inline {
            text: html,
            format: Some(SourceFormat::Html),
        };
    }
    match host.text_content() {
        Some(text) if !text.trim().is_empty() => ArticleSource::Inline {
            text,
            format: format_of(host),
        },
        _ => ArticleSource::Sample,
    }
}

/// The element's children as HTML, when it has child elements and `format`
/// does not say text or Markdown. A lone `<template>` child stands for its
/// content (which the browser keeps inert: nothing in it loads or runs).
fn inline_html(host: &HtmlElement) -> Option<String> {
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
    Some(template.map_or_else(|| host.inner_html(), |t| t.inner_html()))
}

/// The `format` attribute, if it names one.
fn format_of(host: &HtmlElement) -> Option<SourceFormat> {
    host.get_attribute("format")
        .and_then(|f| source::format_from_attribute(&f))
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
        |name| host.get_attribute(name),
        std::iter::once(page_lang.as_str()).chain(browser_langs.iter().map(String::as_str)),
    )
}
