//! Markdown articles: CommonMark (with tables) read into the same document
//! model as HTML, raw markup never left in the text.

mod support;

use reader_core::article::{
    BlockKind, ContainerKind, Document, InlineKind, NodeKind, SourceFormat,
};
use support::parse_markdown;

fn section_tree(doc: &Document) -> Vec<(String, Vec<String>)> {
    doc.roots()
        .map(|r| {
            let children = doc.nodes[r]
                .children
                .iter()
                .map(|&c| doc.nodes[c].label.clone());
            (doc.nodes[r].label.clone(), children.collect())
        })
        .collect()
}

#[test]
fn markdown_article() {
    let doc = parse_markdown(
        "# Reading Rust\n\nBy Jane Doe\n\nIntro paragraph.\n\n## Setup\n\nInstall it. First, fetch the code. Second, build it. Finally, run it.\n\n### Details\n\nMore.\n\n## Use\n\nText with `code` and **bold**.\n",
    );
    assert_eq!(doc.format, SourceFormat::Markdown);
    assert_eq!(doc.title, "Reading Rust");
    assert_eq!(doc.metadata.author.as_deref(), Some("Jane Doe"));
    let tree = section_tree(&doc);
    assert_eq!(tree[0].0, "Setup");
    assert_eq!(tree[0].1, ["First", "Second", "Finally", "Details"]);
    assert_eq!(tree[1].0, "Use");
    assert!(doc.body.contains("Text with code and bold."));
}

#[test]
fn markdown_headings_that_read_alike_get_distinct_ids() {
    let doc = parse_markdown("# T\n\n## Notes\n\ntext\n\n## Notes\n\ntext\n\n## Notes\n");
    let ids: Vec<&str> = doc.sections().map(|i| doc.nodes[i].id.as_str()).collect();
    assert_eq!(ids, ["notes", "notes-2", "notes-3"]);
}

#[test]
fn links_emphasis_code_and_images_are_formatting_not_text() {
    let doc = parse_markdown(
        "# 标题\n\n本杂志[开源](https://github.com/x)，**欢迎**投稿 *参与* `cargo run`。\n\n![封面](cover.png)\n",
    );
    assert_eq!(
        doc.text(doc.blocks[1].span),
        "本杂志开源，欢迎投稿 参与 cargo run。"
    );
    assert!(
        !doc.body.contains(['*', '[', ']', '`', '!']),
        "{}",
        doc.body
    );
    let kinds: Vec<&InlineKind> = doc.blocks[1].inlines.iter().map(|i| &i.kind).collect();
    assert_eq!(
        kinds,
        [
            &InlineKind::Link {
                href: "https://github.com/x".into()
            },
            &InlineKind::Strong,
            &InlineKind::Emphasis,
            &InlineKind::Code
        ]
    );
    // A relative image has no page to be relative to: dropped, never broken.
    assert_eq!(doc.blocks.len(), 2);
}

#[test]
fn front_matter_title_and_author() {
    let doc = parse_markdown(
        "---\ntitle: Front Title\nauthor: Jane\n---\n# Front Title\n\n## Part\n\nText.\n",
    );
    assert_eq!(doc.title, "Front Title");
    assert_eq!(doc.metadata.author.as_deref(), Some("Jane"));
    assert_eq!(section_tree(&doc)[0].0, "Part");
}

#[test]
fn lists_quotes_code_and_tables() {
    let doc = parse_markdown(
        "# T\n\n- a\n  - nested\n- b\n\n> quoted **text**\n\n```\n<b>code</b>\n```\n\n| Name | Size |\n|---|---|\n| x | 1 |\n\n---\n\nEnd.\n",
    );
    let kinds: Vec<&BlockKind> = doc.blocks.iter().skip(1).map(|b| &b.kind).collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::ListItem,
            &BlockKind::ListItem,
            &BlockKind::ListItem,
            &BlockKind::Quote,
            &BlockKind::Code,
            &BlockKind::Cell { header: true },
            &BlockKind::Cell { header: true },
            &BlockKind::Cell { header: false },
            &BlockKind::Cell { header: false },
            &BlockKind::Rule,
            &BlockKind::Paragraph { points: vec![] },
        ]
    );
    assert_eq!(doc.text(doc.blocks[5].span), "<b>code</b>");
    let nested = doc.blocks[2].container.unwrap();
    let list = doc.containers[nested].parent.unwrap();
    assert_eq!(
        doc.containers[list].kind,
        ContainerKind::List {
            ordered: false,
            start: 1
        }
    );
    assert_eq!(
        doc.containers[list].parent,
        Some(doc.blocks[1].container.unwrap())
    );
}

#[test]
fn raw_html_in_markdown_is_cleaned_like_any_html() {
    let doc = parse_markdown(
        "# T\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and [a link](javascript:alert(1)).\n\n<div onclick=\"alert(1)\">div text</div>\n",
    );
    assert!(!doc.body.contains("alert"), "{}", doc.body);
    assert!(doc.blocks.iter().all(|b| b.inlines.is_empty()));
    assert!(doc.body.contains("Text and a link."));
    assert!(doc.body.contains("div text"));
}

#[test]
fn a_link_whose_address_has_parentheses_keeps_them_and_leaves_no_bracket() {
    let doc = parse_markdown(
        "# T\n\nSee [docs](https://en.wikipedia.org/wiki/Foo_(bar)) now, and [a](x(y)z) (b).\n",
    );
    assert_eq!(doc.text(doc.blocks[1].span), "See docs now, and a (b).");
    let hrefs: Vec<&str> = doc.blocks[1]
        .inlines
        .iter()
        .filter_map(|i| match &i.kind {
            InlineKind::Link { href } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(hrefs[0], "https://en.wikipedia.org/wiki/Foo_(bar)");
}

#[test]
fn markdown_law_lists_its_articles() {
    let doc = parse_markdown(
        "# 某某市养犬管理条例\n\n2024年1月1日 某某市人民代表大会常务委员会通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范养犬行为，制定本条例。\n\n第二条 本条例适用于本市行政区域。\n\n## 第二章 管理\n\n第三条 养犬人应当遵守下列规定：\n\n（一）携带犬只出户的，应当束犬链；\n\n（二）及时清除犬只粪便。\n",
    );
    assert_eq!(doc.title, "某某市养犬管理条例");
    assert!(!doc.body.contains("INFO END"));
    let tree = section_tree(&doc);
    assert_eq!(tree.len(), 2);
    assert_eq!(
        tree[1].1,
        ["第三条 养犬人应当遵守下列规定"],
        "an article's enumeration is its text"
    );
    let levels: Vec<u8> = doc
        .nodes
        .iter()
        .filter_map(|n| match n.kind {
            NodeKind::Section { level } => Some(level),
            NodeKind::Point => None,
        })
        .collect();
    assert_eq!(levels, [1, 2, 2, 1, 2]);
}
