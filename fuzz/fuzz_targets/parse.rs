//! The article parser, in each format (plain text, Markdown, or detected):
//! never panics, and every span of the document falls inside its body on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_core::article::{ParseOptions, SourceFormat};
use reader_core::reader::Article;

fuzz_target!(|input: (Option<bool>, &str)| {
    let (markdown, text) = input;
    let format = markdown.map(|m| {
        if m {
            SourceFormat::Markdown
        } else {
            SourceFormat::PlainText
        }
    });
    let Ok(article) = Article::parse(text, ParseOptions { format }) else {
        return;
    };
    let doc = &article.document;
    let on_boundaries = |start: usize, end: usize| {
        start <= end
            && end <= doc.body.len()
            && doc.body.is_char_boundary(start)
            && doc.body.is_char_boundary(end)
    };
    for block in &doc.blocks {
        assert!(on_boundaries(block.span.start, block.span.end), "{block:?}");
    }
    for (i, node) in doc.nodes.iter().enumerate() {
        assert!(on_boundaries(node.span.start, node.span.end), "{node:?}");
        assert_eq!(article.node_by_id(&node.id), Some(i), "ids are unique");
    }
});
