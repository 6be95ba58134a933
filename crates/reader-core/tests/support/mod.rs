//! What several test files share.

use reader_core::article::{Document, SourceFormat, markdown_body};
use reader_core::html::{self, HtmlOptions, markup::from_simple_html};

/// A Markdown article through the whole pipeline as the browser runs it: the
/// `markdown` crate writes HTML, which is read into the flat form (by the
/// browser's parser there, by a reader of simple HTML here) and parsed.
pub fn parse_markdown(text: &str) -> Document {
    let html = markdown::markdown_to_html(markdown_body(text));
    html::document(
        text,
        &from_simple_html(&html),
        SourceFormat::Markdown,
        HtmlOptions::default(),
    )
    .expect("the article has text")
}
