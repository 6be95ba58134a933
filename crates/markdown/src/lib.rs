//! Markdown → HTML, for the article reader.
//!
//! CommonMark (pulldown-cmark) with GFM tables. The parser is about 66 KB
//! gzipped, a third of the reader, so it is not part of the reader's own
//! WebAssembly: Trunk builds this crate into `markdown_bg.wasm`, which the
//! reader loads only when an article is Markdown. The HTML it writes is not
//! trusted any more than any other HTML (raw HTML in Markdown passes through
//! here): the reader parses it inertly and rebuilds it from its allowlist
//! (`reader_core::html`), as it does for HTML articles.

use pulldown_cmark::{Event, Options, Parser, html};
use self_cell::self_cell;

self_cell!(
    /// A Markdown text and the parser reading it.
    struct Reading {
        owner: String,
        #[covariant]
        dependent: Parser,
    }
);

/// A Markdown text converted to HTML a piece at a time, so that a long one
/// never holds the page for the whole of it: the reader asks for the next
/// piece in a task of its own. A piece ends only between top-level blocks,
/// where the HTML writer keeps no state (a table's cells are written by what
/// it saw of the table's head).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub struct Converter {
    reading: Reading,
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
impl Converter {
    /// Reads the text's block structure (CommonMark's first pass); the
    /// HTML comes from [`Converter::next_html`].
    #[cfg_attr(
        target_arch = "wasm32",
        wasm_bindgen::prelude::wasm_bindgen(constructor)
    )]
    pub fn new(markdown: String) -> Converter {
        Converter {
            reading: Reading::new(markdown, |text| {
                Parser::new_ext(text, Options::ENABLE_TABLES)
            }),
        }
    }

    /// The HTML of the next top-level blocks, about `events` parser events
    /// of them; `None` once the text is all written.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen(js_name = nextHtml))]
    pub fn next_html(&mut self, events: usize) -> Option<String> {
        self.reading.with_dependent_mut(|_, parser| {
            let mut piece: Vec<Event> = Vec::new();
            let mut depth = 0usize;
            for event in parser.by_ref() {
                match event {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth = depth.saturating_sub(1),
                    _ => {}
                }
                piece.push(event);
                if depth == 0 && piece.len() >= events {
                    break;
                }
            }
            if piece.is_empty() {
                return None;
            }
            let mut out = String::new();
            html::push_html(&mut out, piece.into_iter());
            Some(out)
        })
    }
}

/// The HTML of a whole Markdown text at once.
pub fn markdown_to_html(markdown: &str) -> String {
    let mut converter = Converter::new(markdown.to_string());
    let mut out = String::new();
    while let Some(piece) = converter.next_html(usize::MAX) {
        out.push_str(&piece);
    }
    out
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
    fn pieces_end_between_blocks_and_join_to_the_whole() {
        let text = "# T\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n- a\n  - b\n\npara *x*\n";
        let mut converter = Converter::new(text.to_string());
        let mut pieces = Vec::new();
        while let Some(piece) = converter.next_html(1) {
            pieces.push(piece);
        }
        // One piece per top-level block, the table whole (its body cells
        // are `td`, which the writer knows only from having seen its head).
        assert_eq!(pieces.len(), 4, "{pieces:?}");
        assert!(pieces[1].starts_with("<table>") && pieces[1].contains("<td>4</td>"));
        assert_eq!(pieces.concat(), markdown_to_html(text));
        assert_eq!(converter.next_html(1), None);
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
