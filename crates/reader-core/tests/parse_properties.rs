//! Property tests: parsing never panics and keeps its invariants on any input,
//! from random bytes to pathological structure.
//!
//! `PROPTEST_CASES=10000 cargo test --test parse_properties` runs a longer search.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use reader_core::article::text::is_word_char;
mod support;

use reader_core::article::{BlockKind, Document, NodeKind, parse};
use reader_core::synthetic;

/// Every invariant the UI relies on.
fn check_invariants(doc: &Document) {
    let body = &doc.body;
    let mut previous_end = 0;
    for block in &doc.blocks {
        assert!(
            block.span.start >= previous_end,
            "blocks overlap or go backwards"
        );
        assert!(block.span.end <= body.len());
        assert!(body.is_char_boundary(block.span.start) && body.is_char_boundary(block.span.end));
        previous_end = block.span.end;
        if let BlockKind::Heading { node } = block.kind {
            assert!(matches!(doc.nodes[node].kind, NodeKind::Section { .. }));
            assert_eq!(
                doc.nodes[node].block,
                doc.blocks.iter().position(|b| b == block).unwrap()
            );
        }
    }
    let mut ids = std::collections::HashSet::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        assert!(!node.id.is_empty());
        assert!(
            node.id.chars().all(|c| is_word_char(c) || c == '-'),
            "{:?}",
            node.id
        );
        assert!(
            !node.id.contains(['#', '&', '=', ',', '%', '?', '/', ' ']),
            "{:?}",
            node.id
        );
        assert!(ids.insert(node.id.clone()), "duplicate id {}", node.id);
        assert!(node.span.end <= body.len() && node.span.start <= node.span.end);
        assert!(body.is_char_boundary(node.span.start) && body.is_char_boundary(node.span.end));
        if let Some(parent) = node.parent {
            assert!(parent < i, "parents come before children");
            assert!(doc.nodes[parent].span.contains(node.span));
            assert_eq!(node.depth, doc.nodes[parent].depth + 1);
        }
        if node.kind == NodeKind::Point {
            assert!(doc.blocks[node.block].span.contains(node.span));
        }
    }
}

/// Pieces that trigger every rule of the parser, glued at random.
fn structured_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、"),
        Just("二、"),
        Just("三、"),
        Just("（一）"),
        Just("（二）"),
        Just("(1)"),
        Just("1."),
        Just("2."),
        Just("1.1 "),
        Just("第一章 "),
        Just("第二条 "),
        Just("Chapter 2"),
        Just("一是"),
        Just("二是"),
        Just("三是"),
        Just("首先，"),
        Just("最后，"),
        Just("①"),
        Just("②"),
        Just("坚持"),
        Just("坚持人民至上，"),
        Just("。"),
        Just("；"),
        Just("，"),
        Just("："),
        Just("\n"),
        Just("\n\n"),
        Just("# "),
        Just("## "),
        Just("```"),
        Just("---"),
        Just("> "),
        Just("- "),
        Just("[a](b)"),
        Just("**"),
        Just("("),
        Just(")"),
        Just("（"),
        Just("）"),
        Just("ICP备"),
        Just("1"),
        Just("文章来源: "),
        Just("时间: 2022-12-05"),
        Just("\u{3000}"),
        Just("\r\n"),
        Just("正文内容"),
        Just("Text words here. "),
        Just("\u{0}"),
        Just("\u{FEFF}"),
        Just("—— "),
        Just("——"),
        Just("第一条体会是"),
        Just("Appendix A. "),
        Just("附录一 "),
        Just("<!-- "),
        Just(" -->"),
        Just("====="),
        Just("| "),
        Just("【打印】"),
        Just("• "),
        Just("地址：0571-88886666"),
        Just("某某市长 王明"),
        Just("2024年3月1日"),
        Just("Short Title"),
        Just("I went home. "),
        Just("（来源：日报）"),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn any_string_parses_with_invariants(text in any::<String>()) {
        check_invariants(&parse(&text));
    }

    #[test]
    fn any_bytes_parse_with_invariants(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        check_invariants(&parse(&String::from_utf8_lossy(&bytes)));
    }

    #[test]
    fn structured_text_parses_with_invariants(text in structured_text()) {
        check_invariants(&parse(&text));
    }

    #[test]
    fn parsing_is_deterministic(text in structured_text()) {
        prop_assert_eq!(parse(&text), parse(&text));
    }
}

#[test]
fn ten_thousand_headings() {
    let mut text = String::from("标题\n");
    for i in 1..=10_000 {
        text.push_str(&format!("第{i}章 标题\n正文。\n"));
    }
    let doc = parse(&text);
    assert_eq!(doc.sections().count(), 10_000);
    check_invariants(&doc);
}

#[test]
fn ten_thousand_identical_headings_get_unique_ids() {
    let mut text = String::from("# T\n\n");
    for _ in 0..10_000 {
        text.push_str("## Same\n\ntext\n\n");
    }
    let doc = support::parse_markdown(&text);
    assert_eq!(doc.sections().count(), 10_000);
    check_invariants(&doc);
}

#[test]
fn numbering_out_of_order_is_text() {
    let doc = parse("标题\n三、丙\n正文\n一、甲\n正文\n四、丁\n二、乙\n");
    assert_eq!(doc.sections().count(), 0);
    check_invariants(&doc);
}

#[test]
fn a_ten_megabyte_article() {
    let text = synthetic::chinese_article(10 << 20, 42);
    let doc = parse(&text);
    assert!(doc.sections().count() > 1000);
    check_invariants(&doc);
}

#[test]
fn one_ten_megabyte_paragraph_without_punctuation_or_newlines() {
    let text = "坚持[".repeat(3 << 20);
    check_invariants(&parse(&text));
    let text = "坚持人民至上，好。".repeat(1 << 20);
    check_invariants(&parse(&text));
}
