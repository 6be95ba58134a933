//! The instructions carried out as render.js does, into markup to read.

use super::*;
use crate::article::{ParseOptions, SourceFormat};
use crate::html::{HtmlOptions, markup::from_simple_html};
use crate::matcher::{self, Keyword};
use crate::sample::SEED_ARTICLE;

/// What render.js would build, as markup; `texts` collects the DOM text of
/// each element marked as a block (what highlights are placed in).
struct Built {
    markup: String,
    texts: Vec<(u32, String)>,
    sections: Vec<u32>,
}

fn run(ops: &Ops) -> Built {
    let units: Vec<u16> = ops.text.encode_utf16().collect();
    let mut at = 0usize;
    let mut take = |n: u32| {
        let s = String::from_utf16(&units[at..at + n as usize]).expect("whole characters");
        at += n as usize;
        s
    };
    let mut built = Built {
        markup: String::new(),
        texts: Vec::new(),
        sections: Vec::new(),
    };
    // Open elements: (tag, blocks it holds open, whether its start tag is closed).
    let mut open: Vec<(&str, Option<usize>, bool)> = Vec::new();
    let seal = |open: &mut Vec<(&str, Option<usize>, bool)>, markup: &mut String| {
        if let Some(top) = open.last_mut().filter(|t| !t.2) {
            top.2 = true;
            markup.push('>');
        }
    };
    let mut i = 0;
    let codes = &ops.codes;
    while i < codes.len() {
        match codes[i] {
            op::OPEN => {
                seal(&mut open, &mut built.markup);
                let tag = TAG_NAMES[codes[i + 1] as usize];
                built.markup.push_str(&format!("<{tag}"));
                open.push((tag, None, false));
                i += 2;
            }
            op::ATTR => {
                let value = take(codes[i + 2]);
                built.markup.push_str(&format!(
                    " {}=\"{value}\"",
                    ATTR_NAMES[codes[i + 1] as usize]
                ));
                i += 3;
            }
            op::TEXT => {
                seal(&mut open, &mut built.markup);
                let text = take(codes[i + 1]);
                for (_, block, _) in &open {
                    if let Some(k) = block {
                        built.texts[*k].1.push_str(&text);
                    }
                }
                built.markup.push_str(&text);
                i += 2;
            }
            op::CLOSE => {
                seal(&mut open, &mut built.markup);
                let (tag, _, _) = open.pop().expect("an open element");
                built.markup.push_str(&format!("</{tag}>"));
                i += 1;
            }
            op::BLOCK => {
                open.last_mut().expect("an open element").1 = Some(built.texts.len());
                built.texts.push((codes[i + 1], String::new()));
                i += 2;
            }
            op::SECTION | op::ROW => {
                if codes[i] == op::SECTION {
                    built.sections.push(codes[i + 1]);
                }
                i += 2;
            }
            other => panic!("unknown instruction {other}"),
        }
    }
    assert!(open.is_empty(), "every element closed: {open:?}");
    assert_eq!(at, units.len(), "all the text used");
    built
}

fn everything(article: &Article, marks: Option<Marks>) -> Ops {
    let plan = Plan::new(article);
    let mut ops = Ops::default();
    assert_eq!(
        plan.emit(&article.document, Lang::Zh, marks, 0, usize::MAX, &mut ops),
        plan.len()
    );
    ops
}

fn seed() -> Article {
    Article::parse(SEED_ARTICLE, ParseOptions::default()).expect("the seed parses")
}

fn html(source: &str) -> Article {
    let options = HtmlOptions {
        base: Some("https://example.org/a/"),
        extract: false,
    };
    Article::parse_html(
        source,
        &from_simple_html(source),
        SourceFormat::Html,
        options,
    )
    .expect("an article")
}

#[test]
fn every_block_element_holds_exactly_its_text() {
    let article = seed();
    let doc = &article.document;
    let built = run(&everything(&article, None));
    let drawn: Vec<u32> = built.texts.iter().map(|(b, _)| *b).collect();
    let expected: Vec<u32> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind != BlockKind::Title)
        .map(|(i, _)| i as u32)
        .collect();
    assert_eq!(drawn, expected, "every block but the title, in order");
    for (block, text) in &built.texts {
        assert_eq!(text, doc.text(doc.blocks[*block as usize].span));
    }
}

#[test]
fn sections_are_containers_with_their_ids_and_a_fold_button() {
    let article = seed();
    let doc = &article.document;
    let built = run(&everything(&article, None));
    let sections: Vec<u32> = doc.sections().map(|n| n as u32).collect();
    assert_eq!(built.sections, sections);
    let first = doc.sections().next().expect("a section");
    let id = &doc.nodes[first].id;
    let opening = format!(
        "<section class=\"ar-section ar-level-1\" aria-labelledby=\"{heading}\"><div class=\"ar-heading-row\"><button class=\"ar-fold\" type=\"button\" aria-expanded=\"true\" aria-controls=\"{body}\" aria-label=\"展开或收起本节\" data-node=\"{first}\"></button><h2 class=\"ar-heading\" id=\"{heading}\" data-block=\"{block}\" tabindex=\"-1\">",
        heading = dom_ids::node(id),
        body = dom_ids::section_body(id),
        block = doc.nodes[first].block,
    );
    assert!(built.markup.contains(&opening), "{}", &built.markup[..600]);
    assert!(built.markup.contains(&format!(
        "<div class=\"ar-section-body\" id=\"{}\" data-node=\"{first}\">",
        dom_ids::section_body(id)
    )));
    // Points are anchors with their lead in bold.
    let point = doc
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Point)
        .expect("a point");
    assert!(built.markup.contains(&format!(
        "<span class=\"ar-point\" id=\"{}\" tabindex=\"-1\"><strong class=\"ar-point-lead\">",
        dom_ids::node(&point.id)
    )));
}

#[test]
fn batches_continue_where_they_stopped() {
    let article = seed();
    let doc = &article.document;
    let plan = Plan::new(&article);
    let whole = everything(&article, None);
    let mut pieces = Ops::default();
    let mut at = 0;
    let mut batches = 0;
    while at < plan.len() {
        let next = plan.emit(doc, Lang::Zh, None, at, 200, &mut pieces);
        assert!(next > at, "every batch moves on");
        at = next;
        batches += 1;
    }
    assert!(batches > 5, "{batches} batches");
    assert_eq!(pieces, whole);
    // Where a batch stops is known by block, for what waits for a block.
    let blocks: Vec<usize> = (0..plan.len())
        .filter_map(|s| plan.block_at(doc, s))
        .collect();
    assert!(blocks.windows(2).all(|w| w[0] < w[1]), "ascending");
}

#[test]
fn marks_where_the_browser_cannot_paint_highlights() {
    let article = seed();
    let doc = &article.document;
    let keywords = vec![Keyword::parse("干部").expect("a keyword")];
    let matches = matcher::find(doc, &article.folded, &keywords, false);
    let current = matches.all[1].span;
    let marks = Marks {
        paint: &matches.paint,
        current: Some(current),
    };
    let built = run(&everything(&article, Some(marks)));
    let count = built
        .markup
        .matches("<mark class=\"ar-mark ar-kw-0")
        .count();
    let in_title = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .map(|b| doc.text(b.span).matches("干部").count())
        .sum::<usize>();
    assert_eq!(count + in_title, matches.counts[0]);
    assert_eq!(
        built
            .markup
            .matches("<mark class=\"ar-mark ar-kw-0 ar-current-match\" id=\"ar-current-match\">干部</mark>")
            .count(),
        1
    );
    // Marks do not change the text.
    for (block, text) in &built.texts {
        assert_eq!(text, doc.text(doc.blocks[*block as usize].span));
    }
}

#[test]
fn rich_blocks_keep_their_elements() {
    let article = html(
        "<h1>T</h1><h2>Links</h2><p>See <a href=\"https://x.org/\">x</a>, <a href=\"mailto:a@b.c\">mail</a> and <strong>bold <em>both</em></strong>.<br>Next <code>c</code><img src=\"i.png\" alt=\"pic\"></p>\
         <pre>let x = 1;</pre><ol start=\"3\"><li>three</li></ol><table><tr><th>h</th><td>d</td></tr></table><hr>",
    );
    let markup = run(&everything(&article, None)).markup;
    for piece in [
        "<a class=\"ar-link\" href=\"https://x.org/\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>",
        "<a class=\"ar-link\" href=\"mailto:a@b.c\" rel=\"noopener noreferrer\">mail</a>",
        "<strong>bold <em>both</em></strong>",
        "<br></br>",
        "<code class=\"ar-inline-code\">c</code>",
        "<img class=\"ar-image\" src=\"https://example.org/a/i.png\" alt=\"pic\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\"></img>",
        "<pre class=\"ar-code\"><code data-block=",
        "<ol class=\"ar-list\" start=\"3\"><li><div class=\"ar-list-item\" data-block=",
        "<div class=\"ar-table-wrap\"><table class=\"ar-table\"><tr><th data-block=",
        "<hr class=\"ar-rule\"></hr>",
    ] {
        assert!(markup.contains(piece), "{piece} in {markup}");
    }
}

#[test]
fn text_lengths_count_utf16_units() {
    assert_eq!(utf16_len(""), 0);
    assert_eq!(utf16_len("abc"), 3);
    assert_eq!(utf16_len("干部é"), 3);
    assert_eq!(utf16_len("😀x"), 3);
    let mut ops = Ops::default();
    ops.text("a😀");
    assert_eq!(ops.codes, vec![op::TEXT, 3]);
}

#[test]
fn a_block_drawn_again_is_its_content_alone() {
    let article = seed();
    let doc = &article.document;
    let block = doc
        .blocks
        .iter()
        .position(|b| matches!(&b.kind, BlockKind::Paragraph { points } if !points.is_empty()))
        .expect("a paragraph with points");
    let mut ops = Ops::default();
    ops.open(Tag::P);
    block_content(doc, block, None, &mut ops);
    ops.close();
    let markup = run(&ops).markup;
    assert!(markup.starts_with("<p>"), "{markup}");
    assert!(markup.contains("<span class=\"ar-point\""));
    assert!(!markup.contains("data-block"));
}

#[test]
fn the_contents_list_nests_like_the_outline() {
    let article = seed();
    let doc = &article.document;
    let mut ops = Ops::default();
    contents_list(doc, &mut ops);
    let markup = run(&ops).markup;
    assert_eq!(markup.matches("<li>").count(), doc.nodes.len());
    assert_eq!(
        markup
            .matches("<ul class=\"ar-print-contents-list\">")
            .count(),
        1 + doc.nodes.iter().filter(|n| !n.children.is_empty()).count()
    );
}

#[test]
fn spans_become_offsets_in_their_blocks() {
    let article = html("<h1>T</h1><p>a😀b <strong>干部</strong>c</p><p>second one</p>");
    let doc = &article.document;
    let first = doc
        .blocks
        .iter()
        .position(|b| doc.text(b.span).starts_with('a'))
        .expect("block");
    let start = doc.blocks[first].span.start;
    let at = |s: &str| {
        start
            + doc
                .text(doc.blocks[first].span)
                .find(s)
                .expect("in the text")
    };
    // "b" after the astral character, then 干部, UTF-16 units from the block's start.
    let spans = [
        Span::new(at("b"), at("b") + 1),
        Span::new(at("干部"), at("干部") + 6),
    ];
    assert_eq!(
        block_offsets(doc, &spans),
        vec![first as u32, 3, 4, first as u32, 5, 7]
    );
    // A span across two blocks is cut at their edges.
    let second = first + 1;
    let across = Span::new(at("c"), doc.blocks[second].span.start + 6);
    assert_eq!(
        block_offsets(doc, &[across]),
        vec![first as u32, 7, 8, second as u32, 0, 6]
    );
    assert!(block_offsets(doc, &[]).is_empty());
    // Spans of several highlights at once: each in its own list, as if
    // painted alone.
    let in_second = Span::new(
        doc.blocks[second].span.start,
        doc.blocks[second].span.start + 6,
    );
    let mixed = [spans[0], spans[1], in_second];
    let groups = [1, 0, 1];
    assert_eq!(
        block_offsets_grouped(doc, &mixed, &|i| groups[i], 3),
        vec![
            vec![first as u32, 5, 7],
            vec![first as u32, 3, 4, second as u32, 0, 6],
            vec![],
        ]
    );
}

#[test]
fn long_levels_come_in_chunks_short_ones_do_not() {
    assert!(!run(&everything(&seed(), None)).markup.contains("ar-chunk"));
    let text = crate::synthetic::chinese_article(300_000, 5);
    let article = Article::parse(&text, ParseOptions::default()).expect("parses");
    let built = run(&everything(&article, None));
    let chunks = built.markup.matches("<div class=\"ar-chunk\">").count();
    assert!(chunks > 300_000 / CHUNK_BYTES / 2, "{chunks} chunks");
    // Chunks change nothing else: every block is there with its text.
    let doc = &article.document;
    for (block, text) in &built.texts {
        assert_eq!(text, doc.text(doc.blocks[*block as usize].span));
    }
    // 500 short lines: chunks of 64 at most.
    let lines: String = (0..500).map(|i| format!("第{i}行\n")).collect();
    let article =
        Article::parse(&format!("标题\n\n{lines}"), ParseOptions::default()).expect("parses");
    let markup = run(&everything(&article, None)).markup;
    assert_eq!(
        markup.matches("<div class=\"ar-chunk\">").count(),
        500_usize.div_ceil(CHUNK_ITEMS)
    );
}

#[test]
fn a_long_table_is_drawn_as_tables_of_a_chunk_each_a_short_one_whole() {
    let rows = |n: usize| -> String {
        (0..n)
            .map(|i| format!("<tr><td>r{i}</td><td>v{i}</td></tr>"))
            .collect()
    };
    let short = run(&everything(
        &html(&format!("<p>Text.</p><table>{}</table>", rows(CHUNK_ITEMS))),
        None,
    ));
    assert_eq!(short.markup.matches("<table").count(), 1);
    assert!(!short.markup.contains("ar-table-part"));

    let article = html(&format!(
        "<p>Text.</p><table><tr><th>name</th><th>value</th></tr>{}</table>",
        rows(150)
    ));
    let built = run(&everything(&article, None));
    // 151 rows: three tables of at most CHUNK_ITEMS rows, each in a chunk.
    assert_eq!(
        built
            .markup
            .matches("<div class=\"ar-chunk ar-table-part\"><div class=\"ar-table-wrap\"><table")
            .count(),
        3
    );
    assert_eq!(built.markup.matches("<tr").count(), 151);
    for table in built.markup.split("<table").skip(1) {
        let table = &table[..table.find("</table>").expect("closed")];
        assert!(table.matches("<tr").count() <= CHUNK_ITEMS);
    }
    // Every cell once, in order, with its text.
    let cells: Vec<&str> = built
        .texts
        .iter()
        .map(|(_, t)| t.as_str())
        .filter(|t| t.starts_with('r'))
        .collect();
    assert_eq!(cells, (0..150).map(|i| format!("r{i}")).collect::<Vec<_>>());
}

#[test]
fn a_long_outline_keeps_its_top_level_in_presentational_chunks() {
    let doc = &seed().document;
    let mut ops = Ops::default();
    let plan = OutlinePlan::new(doc);
    plan.emit(doc, &[], 0, usize::MAX, &mut ops);
    let markup = run(&ops).markup;
    assert!(!markup.contains("ar-tree-chunk"));
    assert_eq!(markup.matches("role=\"treeitem\"").count(), doc.nodes.len());
    let text = crate::synthetic::chinese_article(200_000, 9);
    let article = Article::parse(&text, ParseOptions::default()).expect("parses");
    let doc = &article.document;
    assert!(doc.nodes.len() > CHUNK_ROWS);
    let plan = OutlinePlan::new(doc);
    let mut ops = Ops::default();
    let mut at = 0;
    while at < plan.len() {
        let built = plan.next_node(at);
        at = plan.emit(doc, &article.node_seconds, at, 50, &mut ops);
        assert!(built.is_none_or(|n| plan.next_node(at).is_none_or(|next| next > n)));
    }
    let markup = run(&ops).markup;
    assert!(markup.contains(
        "<li class=\"ar-tree-chunk\" role=\"none\"><ul class=\"ar-tree-chunk-list\" role=\"none\">"
    ));
    assert_eq!(markup.matches("role=\"treeitem\"").count(), doc.nodes.len());
}

#[test]
fn outline_rows_carry_their_reading_time_and_a_twisty_only_for_parents() {
    let article = seed();
    let doc = &article.document;
    let mut ops = Ops::default();
    OutlinePlan::new(doc).emit(doc, &article.node_seconds, 0, usize::MAX, &mut ops);
    let markup = run(&ops).markup;
    let parents = doc.nodes.iter().filter(|n| !n.children.is_empty()).count();
    assert!(parents > 0 && parents < doc.nodes.len());
    assert_eq!(markup.matches("ar-twisty-parent").count(), parents);
    assert_eq!(markup.matches("class=\"ar-twisty").count(), parents);
    // Every row says how long its part takes to read, as the outline shows
    // it: rows come in node order.
    let shown: Vec<&str> = markup
        .split("data-time=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("closed")])
        .collect();
    let wanted: Vec<String> = (0..doc.nodes.len())
        .map(|n| reading_time::outline_minutes(article.node_seconds[n]).to_string())
        .collect();
    assert_eq!(shown, wanted);
    assert!(
        wanted.iter().any(|t| t != &wanted[0]),
        "times differ: {wanted:?}"
    );
}
