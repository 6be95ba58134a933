//! Whole-pipeline tests: the seed article and small articles in each format.

use super::*;

const SEED: &str = crate::sample::SEED_ARTICLE;

fn labels(doc: &Document, indexes: &[usize]) -> Vec<String> {
    indexes
        .iter()
        .map(|&i| doc.nodes[i].label.clone())
        .collect()
}

fn section_tree(doc: &Document) -> Vec<(String, Vec<String>)> {
    doc.roots()
        .map(|r| {
            (
                doc.nodes[r].label.clone(),
                labels(doc, &doc.nodes[r].children),
            )
        })
        .collect()
}

#[test]
fn seed_has_four_sections_with_their_points() {
    let doc = parse(SEED);
    let tree = section_tree(&doc);
    let headings: Vec<&str> = tree.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(headings.len(), 4, "{headings:#?}");
    for (heading, number) in headings.iter().zip(["一、", "二、", "三、", "四、"]) {
        assert!(heading.starts_with(number), "{heading}");
    }
    let counts: Vec<usize> = tree.iter().map(|(_, points)| points.len()).collect();
    assert_eq!(counts, [3, 6, 3, 3]);
    assert_eq!(
        tree[0].1,
        [
            "一是要对标对表带头学",
            "二是要持之以恒带动学",
            "三是要坚持不懈引领学"
        ]
    );
    assert_eq!(
        tree[1].1,
        [
            "坚持人民至上",
            "坚持自信自立",
            "坚持守正创新",
            "坚持问题导向",
            "坚持系统观念",
            "坚持胸怀天下"
        ]
    );
    assert_eq!(
        tree[2].1,
        [
            "一是涵养良好政治生态",
            "二是夯实基层政治基础",
            "三是提升党员政治能力"
        ]
    );
    assert_eq!(
        tree[3].1,
        [
            "一是要全面提升党组织政治功能和组织功能",
            "二是要大力建设堪当大任的高素质干部队伍",
            "三是要深入推进新时代人才强县战略"
        ]
    );
}

#[test]
fn seed_title_metadata_and_byline() {
    let doc = parse(SEED);
    assert_eq!(doc.title, "在新征程中书写组织工作新答卷");
    assert_eq!(doc.metadata.source.as_deref(), Some("红星网"));
    assert_eq!(doc.metadata.published.as_deref(), Some("2022-12-05 17:37"));
    assert_eq!(
        doc.metadata.author.as_deref(),
        Some("中共祁东县委常委、组织部部长 黄灵杰")
    );
}

#[test]
fn seed_footer_and_signature_are_not_body_text() {
    let doc = parse(SEED);
    for junk in [
        "黄灵杰",
        "主办单位",
        "技术支持",
        "ICP",
        "欢迎您访问",
        "来访者",
        "Baidu",
        "map",
        "文章来源",
    ] {
        assert!(!doc.body.contains(junk), "body still has {junk}");
    }
    let last = doc.blocks.last().unwrap();
    assert!(
        doc.text(last.span)
            .ends_with("着力把各方面优秀人才集聚到祁东经济社会发展事业中来。")
    );
}

#[test]
fn every_point_span_is_exact_and_inside_its_paragraph() {
    let doc = parse(SEED);
    for node in doc.nodes.iter().filter(|n| n.kind == NodeKind::Point) {
        let paragraph = doc.blocks[node.block].span;
        assert!(paragraph.contains(node.span), "{}", node.label);
        assert!(
            doc.text(node.span).starts_with(node.label.as_str()),
            "{}",
            node.label
        );
        let BlockKind::Paragraph { points } = &doc.blocks[node.block].kind else {
            panic!("point outside a paragraph");
        };
        assert!(points.iter().any(|&p| doc.nodes[p].id == node.id));
    }
    let people = &doc.nodes[doc.node_by_id("坚持人民至上").unwrap()];
    assert!(doc.text(people.span).ends_with("强大引擎。"));
}

#[test]
fn sections_cover_their_blocks_and_children() {
    let doc = parse(SEED);
    for (i, node) in doc.nodes.iter().enumerate() {
        for &child in &node.children {
            assert!(node.span.contains(doc.nodes[child].span));
            assert_eq!(doc.nodes[child].parent, Some(i));
        }
    }
    for block in &doc.blocks {
        if let Some(section) = block.section {
            assert!(doc.nodes[section].span.contains(block.span));
        }
    }
    let first = doc.sections().next().unwrap();
    let offset = doc.body.find("继续完善好部务会").unwrap();
    let at = doc.node_at(offset).unwrap();
    assert_eq!(doc.nodes[at].label, "一是要对标对表带头学");
    assert_eq!(doc.nodes[at].parent, Some(first));
}

#[test]
fn ids_are_unique_stable_and_url_safe() {
    let a = parse(SEED);
    let b = parse(SEED);
    let ids: Vec<&str> = a.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        b.nodes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>()
    );
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    for id in ids {
        assert!(!id.is_empty());
        assert!(id.chars().all(|c| c.is_alphanumeric() || c == '-'), "{id}");
    }
}

#[test]
fn headings_that_read_alike_get_distinct_ids() {
    let doc = parse("标题\n\n一、总结\n正文一。\n二、总结\n正文二。\n三、总结\n正文三。");
    let ids: Vec<&str> = doc.sections().map(|i| doc.nodes[i].id.as_str()).collect();
    assert_eq!(ids, ["一-总结", "二-总结", "三-总结"]);
    // Markdown headings alike: tests/markdown.rs.
}

#[test]
fn empty_and_whitespace_inputs_give_empty_documents() {
    for input in ["", "   ", "\n\n\u{3000}\n", "\u{FEFF}"] {
        let doc = parse(input);
        assert!(doc.title.is_empty());
        assert!(doc.nodes.is_empty());
        assert!(doc.blocks.is_empty());
    }
}

#[test]
fn a_title_given_apart_and_printed_again_is_not_a_section_and_the_byline_under_it_is_read() {
    // Markdown with a front matter title and date, its `# Title` again, then a byline.
    let rich = RichBlocks {
        blocks: vec![
            blocks::RawBlock::new(blocks::RawKind::FrontMatter("title".into()), "Field Notes"),
            blocks::RawBlock::new(blocks::RawKind::FrontMatter("date".into()), "2024-03-05"),
            blocks::RawBlock::new(blocks::RawKind::TaggedHeading(1), "Field Notes"),
            blocks::RawBlock::text("By Jane Doe"),
            blocks::RawBlock::text(
                "The river rose in the night, and by morning the road was gone.",
            ),
        ],
        containers: Vec::new(),
    };
    let doc = parse_rich(rich, SourceFormat::Markdown);
    assert_eq!(doc.title, "Field Notes");
    assert_eq!(doc.metadata.author.as_deref(), Some("Jane Doe"));
    assert_eq!(doc.metadata.published.as_deref(), Some("2024-03-05"));
    assert!(doc.nodes.is_empty());
    assert_eq!(doc.body.matches("Field Notes").count(), 1);
}

#[test]
fn plain_english_article() {
    let doc = parse(
        "How Rivers Shape Cities\n\nBy Sam Lee\n\nRivers drew the first settlers. Water meant trade and food.\n\n1. Trade\n\nBoats carried goods upstream, and markets grew at every bend.\n\n2. Defence\n\nWe built walls along the banks. We built bridges that could be raised. We built towers on the islands.\n",
    );
    assert_eq!(doc.title, "How Rivers Shape Cities");
    let tree = section_tree(&doc);
    assert_eq!(tree.len(), 2);
    assert_eq!(tree[0].0, "1. Trade");
    assert_eq!(
        tree[1].1,
        [
            "We built walls along the banks",
            "We built bridges that could be raised",
            "We built towers on the islands"
        ]
    );
}

#[test]
fn regulations_with_chapters_and_articles() {
    let doc = parse(
        "某某条例\n\n第一章 总则\n第一条 为了规范管理，根据有关法律，制定本条例。\n第二条 本条例适用于本省行政区域。\n第二章 职责\n第三条 县级以上人民政府应当加强领导。\n第四条 有关部门按照职责分工负责。\n",
    );
    let tree = section_tree(&doc);
    assert_eq!(tree.len(), 2);
    assert_eq!(tree[0].0, "第一章 总则");
    // An article's outline label is its number and the start of its text.
    assert_eq!(
        tree[0].1,
        ["第一条 为了规范管理", "第二条 本条例适用于本省行政区域"]
    );
    assert_eq!(
        tree[1].1,
        [
            "第三条 县级以上人民政府应当加强领导",
            "第四条 有关部门按照职责分工负责"
        ]
    );
    let article = &doc.nodes[doc.roots().next().unwrap()].children[0];
    assert_eq!(
        doc.text(doc.blocks[doc.nodes[*article].block].span),
        "第一条"
    );
    assert!(doc.body.contains("为了规范管理"));
}

#[test]
fn a_lone_sentence_with_a_common_opening_is_not_a_run() {
    let doc = parse(
        "标题\n\n坚持A原则，做好工作。我们要努力。坚持B原则，做好工作。坚持C原则，做好工作。",
    );
    assert!(
        doc.nodes.is_empty(),
        "{:?}",
        labels(&doc, &(0..doc.nodes.len()).collect::<Vec<_>>())
    );
    let doc = parse("标题\n\n材料一：一是加强领导。后来又说到一是与否的问题。");
    assert!(
        doc.nodes.is_empty(),
        "{:?}",
        labels(&doc, &(0..doc.nodes.len()).collect::<Vec<_>>())
    );
}

#[test]
fn runs_across_paragraph_openings() {
    let doc = parse("标题\n\n坚持一，内容。补充。\n坚持二，内容。补充。\n坚持三，内容。补充。");
    let points: Vec<&str> = doc.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(points, ["坚持一", "坚持二", "坚持三"]);
}

#[test]
#[ignore = "debug helper"]
fn dump_seed() {
    let doc = parse(SEED);
    for n in &doc.nodes {
        println!("{}{} [{}]", "  ".repeat(n.depth as usize), n.label, n.id);
    }
}

#[test]
fn contents_nest_blocks_under_their_sections() {
    let doc = parse(
        "标题\n导语。\n一、甲\n甲的正文。\n（一）子\n子的正文。\n（二）子二\n正文。\n二、乙\n乙的正文。",
    );
    let contents = doc.contents();
    let top = contents.of(None);
    assert!(
        matches!(top[0], Content::Block(0)),
        "the title block comes first"
    );
    assert!(matches!(top[1], Content::Block(1)));
    let sections: Vec<&str> = top
        .iter()
        .filter_map(|c| match c {
            Content::Section(n) => Some(doc.nodes[*n].label.as_str()),
            Content::Block(_) => None,
        })
        .collect();
    assert_eq!(sections, ["一、甲", "二、乙"]);
    let first = doc.sections().next().unwrap();
    let inside = contents.of(Some(first));
    assert_eq!(inside.len(), 3, "{inside:?}");
    assert!(matches!(inside[0], Content::Block(b) if doc.text(doc.blocks[b].span) == "甲的正文。"));
}

#[test]
fn interleaved_runs_come_out_in_text_order() {
    let doc = parse(
        "标题\n\n坚持一，甲。\n坚持二，乙。我们要一，丙。我们要二，丁。我们要三，戊。\n坚持三，己。",
    );
    let labels: Vec<&str> = doc.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "坚持一",
            "坚持二",
            "我们要一",
            "我们要二",
            "我们要三",
            "坚持三"
        ]
    );
    let starts: Vec<usize> = doc.nodes.iter().map(|n| n.span.start).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]));
}

fn point_labels(doc: &Document) -> Vec<&str> {
    doc.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Point)
        .map(|n| n.label.as_str())
        .collect()
}

#[test]
fn dash_runs_are_points() {
    let doc = parse(
        "标题\n\n五年来主要成绩：\n——经济实力明显增强，总量再上台阶。\n——民生福祉持续改善，收入稳步增长。\n——生态环境更加优美，空气质量提升。\n成绩来之不易。",
    );
    assert_eq!(
        point_labels(&doc),
        [
            "——经济实力明显增强",
            "——民生福祉持续改善",
            "——生态环境更加优美"
        ]
    );
}

#[test]
fn lead_sentences_of_consecutive_paragraphs_are_points() {
    let explained = "这一点需要长期坚持，各部门要结合实际制定具体措施，确保取得实效，让群众满意。";
    let text = format!(
        "标题\n\n一、主要任务\n开场白，说明总体考虑。\n稳定农业生产。{explained}\n提升产业水平。{explained}\n改善城乡环境。{explained}\n二、回忆\n他们笑了起来。{explained}\n我们出发了。{explained}\n她点了点头。{explained}\n三、结语\n大家都来了！{explained}\n时间到了！{explained}\n会议结束了！{explained}"
    );
    let doc = parse(&text);
    assert_eq!(
        point_labels(&doc),
        [
            "稳定农业生产",
            "提升产业水平",
            "改善城乡环境",
            "他笑了",
            "天黑了"
        ][..3]
    );
}

#[test]
fn enumerations_after_a_comma_and_counted_with_a_measure_word() {
    let doc = parse(
        "标题\n\n我们在加强管理的同时，一是完善了制度。内容很多。二是加强了培训。内容也多。\n第一条体会是：规划要先行。\n第二条体会是：落实要到位。",
    );
    assert_eq!(
        point_labels(&doc),
        [
            "一是完善了制度",
            "二是加强了培训",
            "第一条体会是",
            "第二条体会是"
        ]
    );
    assert!(
        doc.sections().next().is_none(),
        "第一条体会 is no law article"
    );
}

#[test]
fn an_essay_told_in_the_first_person_has_no_invented_points() {
    let doc = parse(
        "My Year\n\nI moved to a new city in spring. It rained a lot.\n\nI found a job at a bakery. The hours were long.\n\nI learned to bake bread. It took months.\n\nI met my neighbours in summer. They were kind.\n",
    );
    assert!(point_labels(&doc).is_empty(), "{:?}", point_labels(&doc));
    let doc = parse(
        "Rules\n\nWe agree to listen first. We agree to speak plainly. We agree to decide together.\n",
    );
    assert_eq!(point_labels(&doc).len(), 3);
}

#[test]
fn markdown_copied_without_its_marks_keeps_its_outline() {
    let doc = parse_with(
        "Widget Handbook\n\nAuthor: Sam Lee\n\nThis handbook explains how widgets are built and shipped, in two parts.\n\nBuilding\n\nFrames\n\nEvery widget starts as a frame cut from one sheet of steel.\n\n```\ncut --sheet 3\nWeld(frame, bolt)\n```\n\nPaint\n\nFrames are painted twice, once by hand and once by machine.\n\nShipping\n\nWidgets leave the plant in crates of twelve, every Monday morning.\n\nAppendix: Part numbers\n\nThe numbers below are the ones used in the plant since last year.\n",
        ParseOptions {
            format: Some(SourceFormat::PlainText),
        },
    );
    assert_eq!(doc.metadata.author.as_deref(), Some("Sam Lee"));
    let sections: Vec<(String, u8)> = doc
        .nodes
        .iter()
        .filter_map(|n| match n.kind {
            NodeKind::Section { level } => Some((n.label.clone(), level)),
            NodeKind::Point => None,
        })
        .collect();
    let expected = [
        ("Building", 1),
        ("Frames", 2),
        ("Paint", 2),
        ("Shipping", 2),
        ("Appendix: Part numbers", 1),
    ];
    let expected: Vec<(String, u8)> = expected.iter().map(|&(l, n)| (l.to_string(), n)).collect();
    assert_eq!(sections, expected);
    assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Code));
}

#[test]
fn a_report_with_a_byline_and_a_site_footer() {
    let doc = parse(
        "某某区政府工作报告\n来源：某某日报\n某某区区长 李明华\n各位代表：\n一、过去一年的工作\n过去一年，我们做了很多工作，取得了明显成效。\n二、今年的主要任务\n今年要继续努力，推动各项事业再上新台阶。\n【打印正文】\n网站地图 | 联系我们 | 无障碍\n某某区人民政府 版权所有\n",
    );
    assert_eq!(doc.metadata.author.as_deref(), Some("某某区区长 李明华"));
    assert_eq!(doc.metadata.source.as_deref(), Some("某某日报"));
    assert!(doc.body.ends_with("推动各项事业再上新台阶。"));
    assert_eq!(doc.sections().count(), 2);
}
