//! Rich articles in the browser: HTML parsed inertly and walked into the flat
//! form `reader_core::html` reads (`markup.js`), and Markdown converted to
//! HTML by the `markdown` module, loaded the first time an article needs it.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/markup.js")]
extern "C" {
    #[wasm_bindgen(js_name = flatten)]
    fn flatten_js(html: &str, select: Option<String>) -> js_sys::Array;
    #[wasm_bindgen(js_name = absoluteUrl)]
    fn absolute_url_js(url: &str) -> String;
    #[wasm_bindgen(js_name = markdownToHtml, catch)]
    async fn markdown_to_html_js(url: &str, text: &str) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// The URL of `markdown.js`, beside reader.css (see [`remember_assets`]).
    static MARKDOWN_MODULE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Notes where the reader's files are, from the URL of its stylesheet.
pub fn remember_assets(stylesheet: &str) {
    let dir = &stylesheet[..stylesheet.rfind('/').map_or(0, |i| i + 1)];
    MARKDOWN_MODULE.with(|m| *m.borrow_mut() = Some(format!("{dir}markdown.js")));
}

/// The flat form of an HTML text, and whether `select` picked its container.
pub fn flatten(html: &str, select: Option<&str>) -> (String, bool) {
    let result = flatten_js(html, select.map(str::to_string));
    let flat = result.get(0).as_string().unwrap_or_default();
    (flat, result.get(1).is_truthy())
}

/// `url` made absolute against the page.
pub fn absolute_url(url: &str) -> String {
    absolute_url_js(url)
}

/// The HTML of a Markdown text; `None` if the markdown module cannot load.
pub async fn markdown_to_html(text: &str) -> Option<String> {
    let url = MARKDOWN_MODULE.with(|m| m.borrow().clone())?;
    markdown_to_html_js(&url, text).await.ok()?.as_string()
}
