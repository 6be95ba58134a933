//! The Rust half of the `<article-reader>` custom element.
//!
//! `static/reader.js` defines the element and, when one is connected, builds a
//! [`ReaderHandle`]: an open shadow root (so host CSS and ours cannot meet), our
//! stylesheet linked inside it (allowed by a strict CSP, unlike inline styles),
//! and a Yew app mounted in a container that stays hidden until the stylesheet
//! has loaded, so the reader never flashes unstyled.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::app::{App, Props};
use crate::config::Config;
use crate::source::ArticleSource;

/// One mounted reader. Dropping it (or calling `destroy`) unmounts the app.
#[wasm_bindgen]
pub struct ReaderHandle {
    app: Option<AppHandle<App>>,
    _reveal: [EventListener; 2],
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Mounts a reader in `host`'s shadow root; `stylesheet` is the URL of reader.css.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, stylesheet: &str) -> Result<ReaderHandle, JsValue> {
        let document = host.owner_document().ok_or("the element has no document")?;
        let shadow = shadow_root(&host)?;

        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", stylesheet)?;
        shadow.append_child(&link)?;

        let root = document.create_element("div")?;
        root.set_attribute("hidden", "")?;
        shadow.append_child(&root)?;
        let reveal = |event: &'static str, root: &Element| {
            let root = root.clone();
            EventListener::once(&link, event, move |_| {
                let _ = root.remove_attribute("hidden");
            })
        };
        // On error we still show the reader: unstyled beats invisible.
        let listeners = [reveal("load", &root), reveal("error", &root)];

        let props = Props {
            source: source_of(&host),
            config: config_of(&host),
            host: Some(host),
        };
        let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
        Ok(ReaderHandle {
            app: Some(app),
            _reveal: listeners,
        })
    }

    /// Unmounts the app; the element can be connected again later.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
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

/// Text inside the element is the article; an empty element shows the sample.
fn source_of(host: &HtmlElement) -> ArticleSource {
    match host.text_content() {
        Some(text) if !text.trim().is_empty() => ArticleSource::Inline(text),
        _ => ArticleSource::Sample,
    }
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
