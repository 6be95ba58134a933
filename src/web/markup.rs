//! Rich articles in the browser: HTML parsed inertly and walked into the flat
//! form `reader_core::html` reads (`markup.js`), and Markdown converted to
//! HTML by the `markdown` module, loaded the first time an article needs it;
//! a long article in slices, each a task of its own.

use wasm_bindgen::prelude::*;

use crate::web::assets;

#[wasm_bindgen(module = "/src/web/markup.js")]
extern "C" {
    #[wasm_bindgen(js_name = flatten, catch)]
    async fn flatten_js(
        source: &str,
        markdown_url: Option<String>,
        select: Option<String>,
        long: bool,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = absoluteUrl)]
    fn absolute_url_js(url: &str) -> String;
}

/// The flat form of an HTML text, or of a Markdown one's HTML, and whether
/// `select` picked its container; `None` when the markdown module cannot
/// load. A `long` text is read in slices.
pub async fn flatten(
    source: &str,
    markdown: bool,
    select: Option<&str>,
    long: bool,
) -> Option<(String, bool)> {
    let markdown_url = match markdown {
        true => Some(assets::url("markdown.js")?),
        false => None,
    };
    let result: js_sys::Array = flatten_js(source, markdown_url, select.map(str::to_string), long)
        .await
        .ok()?
        .into();
    let flat = result.get(0).as_string().unwrap_or_default();
    Some((flat, result.get(1).is_truthy()))
}

/// `url` made absolute against the page.
pub fn absolute_url(url: &str) -> String {
    absolute_url_js(url)
}
