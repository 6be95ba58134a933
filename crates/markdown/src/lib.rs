//! Markdown → HTML, for the article reader.
//!
//! CommonMark (pulldown-cmark) with GFM tables. The parser is about 66 KB
//! gzipped, a third of the reader, so it is not part of the reader's own
//! WebAssembly: Trunk builds this crate into `markdown_bg.wasm`, which the
//! reader loads only when an article is Markdown. The HTML it writes is not
//! trusted any more than any other HTML (raw HTML in Markdown passes through
//! here): the reader parses it inertly and rebuilds it from its allowlist
//! (`reader_core::html`), as it does for HTML articles.

use pulldown_cmark::{Options, Parser, html};

/// The HTML of a Markdown text.
pub fn markdown_to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

/// The WebAssembly export (`markdown.js` → `markdownToHtml`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = markdownToHtml)]
pub fn markdown_to_html_export(markdown: &str) -> String {
    markdown_to_html(markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_becomes_elements() {
        assert_eq!(
            markdown_to_html("本杂志[开源](https://github.com/x)，**加粗** *斜体* `code`"),
            "<p>本杂志<a href=\"https://github.com/x\">开源</a>，<strong>加粗</strong> <em>斜体</em> <code>code</code></p>\n"
        );
    }

    #[test]
    fn blocks_tables_and_images() {
        let html = markdown_to_html(
            "# Title\n\n- a\n  - b\n\n1. one\n\n> quote\n\n```\n<b>x</b>\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n![alt](p.png)\n\n---\n",
        );
        for part in [
            "<h1>Title</h1>",
            "<ul>\n<li>a\n<ul>\n<li>b</li>",
            "<ol>\n<li>one</li>",
            "<blockquote>\n<p>quote</p>",
            "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>",
            "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>",
            "<img src=\"p.png\" alt=\"alt\" />",
            "<hr />",
        ] {
            assert!(html.contains(part), "{part} not in {html}");
        }
    }

    #[test]
    fn raw_html_passes_through_for_the_reader_to_clean() {
        // The reader's allowlist removes it; here it is only carried.
        assert!(markdown_to_html("<script>alert(1)</script>\n").contains("<script>"));
        assert!(
            markdown_to_html("[x](javascript:alert(1))").contains("href=\"javascript:alert(1)\"")
        );
    }
}
