//! HTML through the whole pipeline, from the flat form to the document.

use super::*;
use crate::article::{
    BlockKind, ContainerKind, Document, InlineKind, NodeKind, SourceFormat, parse_rich,
};
use crate::matcher::Keyword;
use markup::from_simple_html as flat;

/// `html` read into blocks, as the browser's steps do.
fn read_fragment(html: &str, options: HtmlOptions) -> RichBlocks {
    let markup = Markup::parse(&flat(html));
    let found = find_article(&markup, options);
    read(
        &markup,
        &found,
        convert_all(&markup, &found, options),
        Vec::new(),
    )
}

const BASE: &str = "https://news.example/posts/rivers.html";

fn fragment(html: &str) -> Document {
    let options = HtmlOptions {
        base: Some(BASE),
        extract: false,
    };
    parse_rich(read_fragment(html, options), SourceFormat::Html)
}

fn page(html: &str) -> Document {
    let options = HtmlOptions {
        base: Some(BASE),
        extract: true,
    };
    parse_rich(read_fragment(html, options), SourceFormat::Html)
}

fn outline(doc: &Document) -> Vec<(u8, String)> {
    doc.nodes
        .iter()
        .filter_map(|n| match n.kind {
            NodeKind::Section { level } => Some((level, n.label.clone())),
            NodeKind::Point => None,
        })
        .collect()
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().map(|b| doc.text(b.span)).collect()
}

/// The text each inline of a kind covers, in order.
fn covered(doc: &Document, wanted: fn(&InlineKind) -> bool) -> Vec<&str> {
    doc.blocks
        .iter()
        .flat_map(|b| &b.inlines)
        .filter(|i| wanted(&i.kind))
        .map(|i| doc.text(i.span))
        .collect()
}

#[test]
fn inline_html_has_a_title_sections_and_formatting() {
    let doc = fragment(
        r#"<h1>My Post</h1><p>By Jane Doe</p><h2>Introduction</h2>
        <p>It has <strong>ownership</strong> and <a href="https://example.com">links</a>.</p>
        <h3>Details</h3><p>More <em>text</em> with <code>code</code>.</p><h2>End</h2><p>Bye.</p>"#,
    );
    assert_eq!(doc.title, "My Post");
    assert_eq!(doc.metadata.author.as_deref(), Some("Jane Doe"));
    assert_eq!(
        outline(&doc),
        [
            (1, "Introduction".to_string()),
            (2, "Details".to_string()),
            (1, "End".to_string())
        ]
    );
    assert!(texts(&doc).contains(&"It has ownership and links."));
    assert_eq!(covered(&doc, |k| *k == InlineKind::Strong), ["ownership"]);
    assert_eq!(covered(&doc, |k| *k == InlineKind::Emphasis), ["text"]);
    assert_eq!(covered(&doc, |k| *k == InlineKind::Code), ["code"]);
    let link = doc
        .blocks
        .iter()
        .flat_map(|b| &b.inlines)
        .find_map(|i| match &i.kind {
            InlineKind::Link { href } => Some(href.as_str()),
            _ => None,
        });
    assert_eq!(link, Some("https://example.com"));
}

#[test]
fn a_keyword_across_strong_matches_once() {
    let doc =
        fragment("<h1>Rust</h1><p>The <strong>own</strong>ership model, and ownership again.</p>");
    let keywords = [Keyword::parse("ownership").unwrap()];
    let folded = crate::matcher::Folded::new(&doc.body);
    let matches = crate::matcher::find(&doc, &folded, &keywords, false);
    assert_eq!(matches.counts, [2]);
    let strong = &doc.blocks[1].inlines[0];
    assert_eq!(doc.text(strong.span), "own");
    // The first match straddles the end of the <strong>.
    let first = matches.all[0].span;
    assert!(first.start == strong.span.start && first.end > strong.span.end);
}

#[test]
fn dangerous_markup_never_becomes_content() {
    let doc = fragment(
        r#"<p>Safe</p><script>alert(1)</script><style>p{}</style><iframe src="x">frame text</iframe>
        <svg><text>svg text</text></svg><math><mi>x</mi></math><form><input value="v">form text</form>
        <object>object text</object><embed src="x"><noscript>nos</noscript><template>tpl</template>
        <p onclick="alert(1)" style="color:red" class="c" id="i">Kept <a href="javascript:alert(1)">bad link</a>
        <a href=" JaVa	Script:alert(1)">odd link</a> <img src="data:image/png;base64,AAAA" alt="pic">
        <img src="pic.png" onerror="alert(1)" alt="ok"></p>"#,
    );
    assert_eq!(texts(&doc), ["Safe", "Kept bad link odd link"]);
    let inlines: Vec<&InlineKind> = doc
        .blocks
        .iter()
        .flat_map(|b| &b.inlines)
        .map(|i| &i.kind)
        .collect();
    assert_eq!(
        inlines,
        [&InlineKind::Image {
            src: "https://news.example/posts/pic.png".into(),
            alt: "ok".into()
        }]
    );
}

#[test]
fn lists_nest_and_keep_their_numbers() {
    let doc = fragment(
        "<p>Intro.</p><ol start=\"3\"><li>Three<ul><li>Inner a</li><li>Inner b</li></ul></li><li><p>Four</p><p>More four</p></li></ol>",
    );
    assert_eq!(
        texts(&doc)[..],
        ["Intro.", "Three", "Inner a", "Inner b", "Four", "More four"][..]
    );
    let kinds: Vec<ContainerKind> = doc.containers.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ContainerKind::List {
                ordered: true,
                start: 3
            },
            ContainerKind::Item,
            ContainerKind::List {
                ordered: false,
                start: 1
            },
            ContainerKind::Item,
            ContainerKind::Item,
            ContainerKind::Item,
        ]
    );
    assert_eq!(doc.containers[2].parent, Some(1));
    let inner_a = &doc.blocks[2];
    assert_eq!(inner_a.kind, BlockKind::ListItem);
    assert_eq!(inner_a.container, Some(3));
    assert_eq!(doc.blocks[4].container, doc.blocks[5].container);
}

#[test]
fn data_tables_have_cells_and_layout_tables_are_read_as_text() {
    let doc = fragment(
        "<table><caption>Rivers</caption><thead><tr><th>Name</th><th>Length</th></tr></thead>\
         <tbody><tr><td>Nile</td><td></td></tr></tbody></table>\
         <table><tr><td><p>Layout one.</p><p>Layout two.</p></td></tr></table>",
    );
    let kinds: Vec<&BlockKind> = doc.blocks.iter().map(|b| &b.kind).collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::Caption,
            &BlockKind::Cell { header: true },
            &BlockKind::Cell { header: true },
            &BlockKind::Cell { header: false },
            &BlockKind::Cell { header: false },
            &BlockKind::Paragraph { points: vec![] },
            &BlockKind::Paragraph { points: vec![] },
        ]
    );
    assert_eq!(texts(&doc)[4], "", "an empty cell keeps its place");
}

#[test]
fn figures_rules_code_and_line_breaks() {
    let doc = fragment(
        "<figure><img src=\"/a.jpg\" alt=\"A river\"><figcaption>The <em>Nile</em></figcaption></figure>\
         <hr><pre><code>fn main() {\n    println!(\"&lt;b&gt;\");\n}</code></pre>\
         <p>line one<br>line two<br><br>new paragraph</p><blockquote><p>Quoted.</p></blockquote>",
    );
    let kinds: Vec<&BlockKind> = doc.blocks.iter().map(|b| &b.kind).collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::Media,
            &BlockKind::Caption,
            &BlockKind::Rule,
            &BlockKind::Code,
            &BlockKind::Paragraph { points: vec![] },
            &BlockKind::Paragraph { points: vec![] },
            &BlockKind::Quote,
        ]
    );
    assert_eq!(texts(&doc)[3], "fn main() {\n    println!(\"<b>\");\n}");
    assert_eq!(texts(&doc)[4], "line one\nline two");
    assert_eq!(covered(&doc, |k| *k == InlineKind::Break), ["\n"]);
    assert_eq!(texts(&doc)[5], "new paragraph");
    assert_eq!(
        doc.containers[doc.blocks[6].container.unwrap()].kind,
        ContainerKind::Quote
    );
}

#[test]
fn whitespace_collapses_and_chinese_lines_join() {
    let doc = fragment(
        "<p>  a \n\t b  </p><p>中文\n继续，English\nwords</p><p>\u{3000}\u{3000}缩进的段落</p>",
    );
    assert_eq!(
        texts(&doc),
        ["a b", "中文继续，English words", "缩进的段落"]
    );
}

#[test]
fn bidi_overrides_are_removed() {
    let doc = fragment("<p>invoice\u{202E}fdp.exe</p>");
    assert_eq!(texts(&doc), ["invoicefdp.exe"]);
}

#[test]
fn chinese_page_with_bold_paragraph_headings() {
    let body =
        "<p>　　这是一段足够长的正文，用来说明上面的粗体段落是标题，而不是正文的一部分。</p>";
    let html = format!(
        "<html><head><title>关于加强组织建设的意见_某某网</title></head><body>\
         <div class=\"content\"><p><strong>一、总体要求</strong></p>{body}\
         <p><strong>（一）指导思想。</strong>坚持以人民为中心。一是要加强学习。二是要加强实践。</p>\
         <p><strong>（二）基本原则</strong></p>{body}<p><strong>二、主要任务</strong></p>{body}</div></body></html>"
    );
    let doc = page(&html);
    assert_eq!(doc.title, "关于加强组织建设的意见");
    assert_eq!(
        outline(&doc),
        [
            (1, "一、总体要求".to_string()),
            (2, "（一）指导思想。".to_string()),
            (2, "（二）基本原则".to_string()),
            (1, "二、主要任务".to_string())
        ]
    );
    let points: Vec<&str> = doc
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Point)
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(points, ["一是要加强学习", "二是要加强实践"]);
}

#[test]
fn law_articles_in_paragraphs_sit_under_chapter_tags() {
    let doc = fragment(
        "<h1>某某市养犬管理条例</h1><h2>第一章 总则</h2>\
         <p>第一条 为了规范养犬行为，制定本条例。</p><p>第二条 本条例适用于本市。</p>\
         <h2>第二章 管理</h2><p>第三条 养犬人应当遵守下列规定：</p>\
         <p>（一）携带犬只出户的，应当束犬链；</p><p>（二）及时清除犬只粪便。</p>",
    );
    assert_eq!(
        outline(&doc),
        [
            (1, "第一章 总则".to_string()),
            (2, "第一条 为了规范养犬行为".to_string()),
            (2, "第二条 本条例适用于本市".to_string()),
            (1, "第二章 管理".to_string()),
            (2, "第三条 养犬人应当遵守下列规定".to_string()),
        ]
    );
}

#[test]
fn a_page_without_heading_tags_or_numbering_has_headings_by_shape() {
    let prose = "<p>This paragraph is long enough to be prose, and it ends with a period.</p>";
    let doc = fragment(&format!(
        "<p>Field Notes</p><p>Why it matters</p>{prose}<p>What comes next?</p>{prose}"
    ));
    assert_eq!(doc.title, "Field Notes");
    assert_eq!(
        outline(&doc),
        [
            (1, "Why it matters".to_string()),
            (1, "What comes next?".to_string())
        ]
    );
}

const FURNITURE: &str = "<header class=\"site\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\
    <aside><p>Related: another story about something else entirely, with many words.</p></aside>\
    <div class=\"share\">Share on social networks</div>\
    <footer><p>Copyright 2024, the site. All rights reserved, every one of them.</p></footer>\
    <div id=\"comments\"><p>A comment, long enough to count as a paragraph of text.</p></div>";

fn story(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the story, which goes on for a while, with commas, clauses, and enough words to be prose.</p>"
            )
        })
        .collect()
}

#[test]
fn a_whole_page_keeps_only_its_article() {
    let html = format!(
        "<html><head><title>Rivers | The Site</title><meta name=\"author\" content=\"Sam Lee\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T10:30:00Z\"></head><body>{FURNITURE}\
         <article><h1>How Rivers Shape Cities</h1>{}<h2>Trade</h2>{}</article>{FURNITURE}</body></html>",
        story(3),
        story(2)
    );
    let doc = page(&html);
    assert_eq!(doc.title, "How Rivers Shape Cities");
    assert_eq!(doc.metadata.author.as_deref(), Some("Sam Lee"));
    assert_eq!(doc.metadata.published.as_deref(), Some("2024-03-05 10:30"));
    assert_eq!(outline(&doc), [(1, "Trade".to_string())]);
    for furniture in ["Home", "Related", "Share", "Copyright", "comment"] {
        assert!(!doc.body.contains(furniture), "{furniture} in {}", doc.body);
    }
    assert_eq!(doc.blocks.len(), 1 + 3 + 1 + 2);
}

#[test]
fn without_an_article_tag_the_densest_container_wins() {
    let html = format!(
        "<html><head><title>Rivers - The Site</title></head><body>{FURNITURE}\
         <div class=\"wrap\"><div class=\"sidebar\"><p>Links, links, links, and more links to elsewhere.</p></div>\
         <div class=\"main-text\">{}</div></div>{FURNITURE}</body></html>",
        story(5)
    );
    let doc = page(&html);
    assert_eq!(doc.title, "Rivers");
    assert_eq!(doc.blocks.len(), 1 + 5);
    assert!(doc.body.contains("Paragraph 4 of the story"));
    assert!(!doc.body.contains("Links, links"));
}

#[test]
fn a_cms_page_titles_its_article_with_a_heading_and_a_property_line_outside_it() {
    // The shape of many Chinese CMS pages: the headline an `h2` above the text's
    // container, the byline in a property line between them, `<title>` with the
    // column and the site after the headline, and the headline printed again in
    // bold (split into a title and a `——` subtitle) at the top of the text.
    let body = "<p>这是一段足够长的正文，用来说明上面的粗体段落是标题，而不是正文的一部分。</p>";
    let html = format!(
        "<html><head><title>博雅通达 求真力行——学校工作汇报--学习专栏-某某中学</title></head><body>\
         <div class=\"mHd\"><h3>学习专栏</h3></div><div class=\"printArea\">\
         <h2 class=\"title\">博雅通达 求真力行——学校工作汇报</h2>\
         <div class=\"property\"><span>文章来源：本站原创</span> <span>作者：王琛</span> \
         <span>发布时间：2020年11月05日</span> <span>点击数：<script>hits()</script> 次</span></div>\
         <div class=\"conTxt\"><p><strong>博雅通达  求真力行</strong></p><p><strong> </strong></p>\
         <p><strong>——学校工作汇报</strong></p>{body}\
         <p><strong>一、学校简况</strong></p>{body}{body}<p><strong>二、办学理念</strong></p>{body}{body}</div>\
         </div></body></html>"
    );
    let doc = page(&html);
    assert_eq!(doc.title, "博雅通达 求真力行——学校工作汇报");
    assert_eq!(doc.metadata.author.as_deref(), Some("王琛"));
    assert_eq!(doc.metadata.published.as_deref(), Some("2020年11月05日"));
    assert_eq!(
        outline(&doc),
        [
            (1, "一、学校简况".to_string()),
            (1, "二、办学理念".to_string())
        ]
    );
    // The title once, and no property line or column name in the text.
    let texts = texts(&doc);
    assert_eq!(texts.iter().filter(|t| t.contains("求真力行")).count(), 1);
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("作者") || t.contains("学习专栏"))
    );
}

#[test]
fn a_news_page_names_its_author_date_and_source_between_headline_and_text() {
    let body = "<p>这是一段足够长的正文，用来说明新闻页面的正文在这里开始，而不是在标题旁边。</p>";
    let html = format!(
        "<html><head><title>坚定不移全面从严治党--观点--人民网</title></head><body>\
         <div class=\"col-1\"><h1>坚定不移全面从严治党</h1>\
         <div class=\"authority\">中央纪委国家监委</div><div class=\"author cf\">赵乐际</div>\
         <div class=\"box\">2022年10月31日05:49 | 来源：<a href=\"/\">人民网－人民日报</a></div>\
         <div class=\"rm_txt_con\">{body}{body}{body}<div class=\"edit\">(责编：张三、李四)</div></div>\
         </div></body></html>"
    );
    let doc = page(&html);
    assert_eq!(doc.title, "坚定不移全面从严治党");
    assert_eq!(doc.metadata.author.as_deref(), Some("赵乐际"));
    assert_eq!(
        doc.metadata.published.as_deref(),
        Some("2022年10月31日05:49")
    );
    assert_eq!(doc.metadata.source.as_deref(), Some("人民网－人民日报"));
    assert!(!texts(&doc).iter().any(|t| t.contains("责编")));
}

#[test]
fn an_article_hidden_until_a_script_shows_it_is_read_and_hidden_asides_are_not() {
    // A saved WeChat article: its text in a container styled `visibility: hidden`
    // that the page's script reveals. Smaller hidden parts stay out.
    let line = "这是一段足够长的正文，说明文章的正文藏在一个等脚本来显示的容器里，\
                而且这一段比选出正文容器所需要的字数更长，正文才会被当作文章读出来。";
    let html = format!(
        "<html><head><title>标题</title><script>var big = '{}';</script></head><body>\
         <h1 class=\"rich_media_title\">公众号文章</h1>\
         <div id=\"js_content\" style=\"visibility: hidden;\"><p>{line}</p><p>{line}</p>\
         <p style=\"display:none\">藏起来的一行字不该出现</p><p>{line}</p></div>\
         <div style=\"visibility:hidden\">弹窗里的一句话</div></body></html>",
        "脚本".repeat(500)
    );
    let doc = page(&html);
    assert_eq!(texts(&doc), ["公众号文章", line, line, line]);
}

#[test]
fn a_headline_in_a_title_div_gives_the_metadata_under_it() {
    let doc = page(&format!(
        "<html><head><title>Quiet Rivers_County Government</title></head><body>\
         <div class=\"xl_title\">Quiet Rivers</div>\
         <div class=\"info\">Source: County Office | Published: 2024-03-05</div>\
         <div id=\"zoom\">{}</div></body></html>",
        story(3)
    ));
    assert_eq!(doc.title, "Quiet Rivers");
    assert_eq!(doc.metadata.source.as_deref(), Some("County Office"));
    assert_eq!(doc.metadata.published.as_deref(), Some("2024-03-05"));
}

#[test]
fn a_date_alone_under_the_headline_is_the_publication_date() {
    let doc = page(&format!(
        "<html><body><h1>Quiet Rivers</h1><div class=\"time\">2024-03-05 10:30</div>\
         <main>{}</main></body></html>",
        story(3)
    ));
    assert_eq!(doc.metadata.published.as_deref(), Some("2024-03-05 10:30"));
}

#[test]
fn the_title_is_the_h1_the_page_title_names_else_the_first_h1() {
    let page_with = |title: &str, headings: &str| {
        page(&format!(
            "<html><head><title>{title}</title></head><body>{headings}<main>{}</main></body></html>",
            story(3)
        ))
        .title
    };
    // Two h1s, the site's first: the one `<title>` names.
    assert_eq!(
        page_with(
            "Quiet Rivers - Riverside",
            "<h1>Riverside</h1><h1>Quiet Rivers</h1>"
        ),
        "Quiet Rivers"
    );
    // `<title>` names the site's h2 first: the h1 is still the title.
    assert_eq!(
        page_with(
            "Riverside | Quiet Rivers",
            "<h2>Riverside</h2><h1>Quiet Rivers</h1>"
        ),
        "Quiet Rivers"
    );
    // A kicker the title begins with, but not before a separator, is not the title.
    assert_eq!(
        page_with(
            "War: the last days | News",
            "<h3>War</h3><h2>War: the last days</h2>"
        ),
        "War: the last days"
    );
    assert_eq!(
        page_with("War: the last days | News", "<h2>War</h2>"),
        "War: the last days"
    );
    // A logo's h1 with text above the CMS's named h2: the h2, nearer the article.
    assert_eq!(
        page_with(
            "坚持改革--学习专栏-某某中学",
            "<h1>某某中学</h1><h2>坚持改革</h2>"
        ),
        "坚持改革"
    );
    assert_eq!(page_with("Essays", "<h1>Quiet Rivers</h1>"), "Quiet Rivers");
}

#[test]
fn a_headline_the_page_title_begins_with_wins_over_the_text_s_own_h1_sections() {
    // A blog's text with h1 sections, its headline above them.
    let html = format!(
        "<html><head><title>Quiet Rivers_Jane's blog-Blogs</title></head><body>\
         <h1 class=\"title-article\">Quiet Rivers</h1><article>\
         <h1>Where they start</h1>{}<h1>Where they end</h1>{}</article></body></html>",
        story(2),
        story(2)
    );
    let doc = page(&html);
    assert_eq!(doc.title, "Quiet Rivers");
    assert_eq!(
        outline(&doc),
        [
            (1, "Where they start".to_string()),
            (1, "Where they end".to_string())
        ]
    );
    // Its own h1 stays the title when `<title>` names it too, or begins with
    // a heading below the article's start.
    for (title, headings, after) in [
        ("Riverside", "<h1>Riverside</h1>", ""),
        ("Riverside | Quiet Rivers", "<h1>Riverside</h1>", ""),
        ("Installation | MyLib", "", "<h2>Installation</h2>"),
    ] {
        let html = format!(
            "<html><head><title>{title}</title></head><body>{headings}\
             <article><h1>Quiet Rivers</h1>{}{after}{}</article></body></html>",
            story(3),
            story(1)
        );
        assert_eq!(page(&html).title, "Quiet Rivers", "{title}");
    }
}

#[test]
fn text_between_line_breaks_in_a_container_is_found() {
    // Older Chinese sites put the article straight into a <div> with <br>s.
    let line = "坚持以人民为中心的发展思想，推动各项工作落到实处，确保取得实效。";
    let html = format!(
        "<html><body><div class=\"menu\"><a href=\"/\">首页</a></div>\
         <div id=\"zoom\">{line}<br><br>{line}<br><br>{line}</div></body></html>"
    );
    let doc = page(&html);
    assert_eq!(texts(&doc), [line, line, line]);
}

#[test]
fn the_page_title_is_used_when_there_is_no_h1() {
    let doc = page(&format!(
        "<html><head><title>  A   Quiet River  </title></head><body><main>{}</main></body></html>",
        story(3)
    ));
    assert_eq!(doc.title, "A Quiet River");
}

#[test]
fn an_enormous_paragraph_is_cut_after_sentences_keeping_its_links() {
    let sentence = "这是一句很普通的话，<a href=\"/x\">链接文字</a>和<b>加粗</b>都在这里。";
    let doc = fragment(&format!("<h1>长段</h1><p>{}</p>", sentence.repeat(1500)));
    let paragraphs: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
        .collect();
    assert!(paragraphs.len() > 4, "{} paragraphs", paragraphs.len());
    for p in &paragraphs {
        let text = doc.text(p.span);
        assert!(text.len() <= crate::article::blocks::MAX_PARAGRAPH_BYTES && text.ends_with('。'));
    }
    // Every link and bold run is whole, over its own words.
    let formatted: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| &p.inlines)
        .map(|i| doc.text(i.span))
        .collect();
    assert_eq!(formatted.len(), 3000);
    assert!(
        formatted.iter().all(|t| *t == "链接文字" || *t == "加粗"),
        "{formatted:?}"
    );
    let all: String = paragraphs.iter().map(|p| doc.text(p.span)).collect();
    assert_eq!(
        all,
        "这是一句很普通的话，链接文字和加粗都在这里。".repeat(1500)
    );
}

#[test]
fn converting_a_node_at_a_time_gives_what_converting_at_once_does() {
    let html = "<html><head><title>T</title></head><body><nav>Home | News</nav><article>\
        <h1>Title</h1><p>A <b>bold <i>and</i></b> line<br>broken.</p>\
        <ul><li>one<ul><li>two</li></ul></li></ul>\
        <table><tr><th>h</th><th>i</th></tr><tr><td>c <a href=\"/x\">l</a></td><td></td></tr></table>\
        <div hidden>gone</div><blockquote><p>q</p></blockquote><pre>code\n  x</pre>\
        <figure><img src=\"a.png\" alt=\"A\"><figcaption>cap</figcaption></figure>\
        <p>A long enough paragraph for the page to have an article worth finding in it.</p>\
        </article><footer>© 2024 Site</footer></body></html>";
    let markup = Markup::parse(&flat(html));
    for extract in [false, true] {
        let options = HtmlOptions {
            base: Some(BASE),
            extract,
        };
        let found = find_article(&markup, options);
        let whole = convert_all(&markup, &found, options);
        assert!(whole.blocks.len() > 8 && !whole.containers.is_empty());
        let mut converting = converting(&markup, &found, options);
        let mut steps = 1;
        while !converting.advance(1) {
            steps += 1;
        }
        assert!(steps > 30, "{steps} steps");
        assert_eq!(converting.finish(), whole);
    }
}
