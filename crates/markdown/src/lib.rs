//! Markdown → HTML, for the article reader.
//!
//! CommonMark (pulldown-cmark) with GFM tables. The parser is about 66 KB
//! gzipped, a third of the reader, so it is not part of the reader's own
//! WebAssembly: Trunk builds this crate into `markdown_bg.wasm`, which the
//! reader loads only when an article is Markdown. The HTML it writes is not
//! trusted any more than any other HTML (raw HTML in Markdown passes through
//! here): the reader parses it inertly and rebuilds it from its allowlist
//! (`reader_core::html`), as it does for HTML articles.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd, html};
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
/// piece in a task of its own. A piece ends between top-level blocks, where
/// the HTML writer keeps no state, or between two rows of a table's body: the
/// writer writes a body's cells (`<td>`, with the columns' alignments) from
/// what it saw of the table's start and head, so the next piece's writer is
/// shown them again first, and what that makes it write is taken off.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub struct Converter {
    reading: Reading,
    /// How many blocks are open where the last piece ended.
    depth: usize,
    /// The alignments of the table inside whose body the last piece ended.
    table_body: Option<Vec<Alignment>>,
}

/// What the HTML writer writes for a table's start and an empty head.
const TABLE_START: &str = "<table><thead><tr></tr></thead><tbody>\n";

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
            depth: 0,
            table_body: None,
        }
    }

    /// The HTML of about `events` more parser events, up to the next end of
    /// a top-level block or of a table's row; `None` once the text is all
    /// written.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen(js_name = nextHtml))]
    pub fn next_html(&mut self, events: usize) -> Option<String> {
        let mut piece: Vec<Event> = Vec::new();
        let resumed = self.table_body.is_some();
        if let Some(alignments) = self.table_body.clone() {
            piece.push(Event::Start(Tag::Table(alignments)));
            piece.push(Event::Start(Tag::TableHead));
            piece.push(Event::End(TagEnd::TableHead));
        }
        let shown_again = piece.len();
        // The alignments of the table being read, once its head is passed.
        let mut table: Option<Vec<Alignment>> = self.table_body.take();
        let mut head: Vec<Alignment> = Vec::new();
        let depth = &mut self.depth;
        self.reading.with_dependent_mut(|_, parser| {
            for event in parser.by_ref() {
                match &event {
                    Event::Start(tag) => {
                        *depth += 1;
                        if let Tag::Table(alignments) = tag {
                            head.clone_from(alignments);
                        }
                    }
                    Event::End(end) => {
                        *depth = depth.saturating_sub(1);
                        match end {
                            TagEnd::TableHead => table = Some(std::mem::take(&mut head)),
                            TagEnd::Table => table = None,
                            _ => {}
                        }
                    }
                    _ => {}
                }
                let row_ended = table.is_some() && matches!(event, Event::End(TagEnd::TableRow));
                piece.push(event);
                if piece.len() >= events && (*depth == 0 || row_ended) {
                    break;
                }
            }
        });
        self.table_body = table;
        if piece.len() == shown_again {
            return None;
        }
        let mut out = String::new();
        html::push_html(&mut out, piece.into_iter());
        if resumed && out.starts_with(TABLE_START) {
            out.drain(..TABLE_START.len());
        }
        Some(out)
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
    fn pieces_end_between_blocks_or_rows_and_join_to_the_whole() {
        let rows: String = (0..200).map(|i| format!("| {i} | *v{i}* |\n")).collect();
        let text = format!("# T\n\n| A | B |\n|:--|--:|\n{rows}\n- a\n  - b\n\npara *x*\n");
        let mut converter = Converter::new(text.clone());
        let mut pieces = Vec::new();
        while let Some(piece) = converter.next_html(20) {
            pieces.push(piece);
        }
        // The table comes in many pieces, each ending after a row, and its
        // body cells are still `td`: the whole is what one piece would be.
        assert!(pieces.len() > 20, "{} pieces", pieces.len());
        assert!(
            pieces[2..pieces.len() - 3]
                .iter()
                .all(|p| p.ends_with("</tr>\n"))
        );
        assert_eq!(pieces.concat(), markdown_to_html(&text));
        let whole = pieces.concat();
        assert_eq!(whole.matches("</th>").count(), 2);
        assert_eq!(whole.matches("</td>").count(), 400);
        assert_eq!(converter.next_html(20), None);
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
