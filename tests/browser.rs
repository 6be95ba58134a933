//! Browser tier: components mount in headless Chromium and render what a reader
//! sees. Run by scripts/test.sh through `cargo test --target wasm32-unknown-unknown
//! --test browser` (wasm-bindgen-test-runner, CHROMEDRIVER=/usr/bin/chromedriver).
#![cfg(target_arch = "wasm32")]

use article_reader::app::{App, Bridge, Props};
use article_reader::element::ReaderHandle;
use gloo::timers::future::TimeoutFuture;
use reader_core::config::Config;
use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::reader::Action;
use reader_core::sample::SEED_ARTICLE;
use reader_core::settings::{SettingChoices, Theme, Width};
use reader_core::source::ArticleSource;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page's body.
fn container(tag: &str) -> Element {
    let element = document().create_element(tag).unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// Polls until `ready` holds, up to about five seconds (parsing waits for a paint).
async fn until(mut ready: impl FnMut() -> bool) {
    for _ in 0..250 {
        yew::scheduler::flush().await;
        if ready() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("the reader did not get there in time");
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn mount_with(source: ArticleSource, config: Config, bridge: Bridge) -> Element {
    let root = container("div");
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        Props {
            source,
            config,
            host: None,
            bridge,
        },
    )
    .render();
    root
}

fn inline(text: &str) -> ArticleSource {
    ArticleSource::Inline {
        text: text.into(),
        format: None,
    }
}

fn mount(source: ArticleSource, config: Config) -> Element {
    mount_with(source, config, Bridge::default())
}

#[wasm_bindgen_test]
async fn seed_shows_title_sections_byline_and_no_footer() {
    let root = mount(inline(SEED_ARTICLE), Config::default());
    until(|| root.query_selector(".ar-title").unwrap().is_some()).await;

    assert_eq!(texts(&root, ".ar-title"), ["在新征程中书写组织工作新答卷"]);
    let headings = texts(&root, ".ar-level-1 > .ar-heading-row > .ar-heading");
    assert_eq!(headings.len(), 4);
    for (heading, number) in headings.iter().zip(["一、", "二、", "三、", "四、"]) {
        assert!(heading.starts_with(number), "{heading}");
    }
    let byline = texts(&root, ".ar-byline").concat();
    for part in ["红星网", "2022-12-05 17:37", "黄灵杰", "分钟"] {
        assert!(byline.contains(part), "byline lacks {part}: {byline}");
    }
    let article = texts(&root, ".ar-article").concat();
    for junk in ["主办单位", "ICP备", "来访者", "Baidu"] {
        assert!(!article.contains(junk), "footer line {junk} is shown");
    }
}

#[wasm_bindgen_test]
async fn points_are_marked_where_they_start() {
    let root = mount(inline(SEED_ARTICLE), Config::default());
    until(|| root.query_selector(".ar-point").unwrap().is_some()).await;
    let leads = texts(&root, ".ar-point-lead");
    assert_eq!(leads.len(), 15);
    assert_eq!(leads[0], "一是要对标对表带头学");
    assert_eq!(leads[3], "坚持人民至上");
    let anchor = root
        .query_selector(&format!("#{}", dom_ids::node("坚持人民至上")))
        .unwrap()
        .unwrap();
    assert!(anchor.text_content().unwrap().starts_with("坚持人民至上"));
}

#[wasm_bindgen_test]
async fn blank_text_shows_a_message_instead_of_an_empty_page() {
    let root = mount(inline(" \n "), Config::default());
    until(|| root.query_selector("[role=alert]").unwrap().is_some()).await;
    assert_eq!(texts(&root, "[role=alert]"), ["这篇文章没有内容。"]);
}

#[wasm_bindgen_test]
async fn configuration_sets_theme_labels_and_title() {
    let config = Config {
        article_title: Some("Override <b>not bold</b>".into()),
        settings: SettingChoices {
            theme: Some(Theme::Dark),
            ..SettingChoices::default()
        },
        lang: Lang::En,
        ..Config::default()
    };
    let root = mount(inline(SEED_ARTICLE), config);
    until(|| root.query_selector(".ar-title").unwrap().is_some()).await;
    let reader = root.query_selector(".ar-reader").unwrap().unwrap();
    let classes = reader.get_attribute("class").unwrap_or_default();
    assert!(
        classes.split(' ').any(|c| c == "ar-theme-dark"),
        "{classes}"
    );
    assert_eq!(reader.get_attribute("lang").as_deref(), Some("en"));
    // Attribute text is text, never markup.
    assert_eq!(texts(&root, ".ar-title"), ["Override <b>not bold</b>"]);
    assert!(root.query_selector(".ar-title b").unwrap().is_none());
    assert!(texts(&root, ".ar-byline").concat().contains("min read"));
}

#[wasm_bindgen_test]
async fn the_element_mounts_in_a_shadow_root_with_its_stylesheet() {
    let host: HtmlElement = container("article-reader-test").unchecked_into();
    host.set_text_content(Some("Plain Title\n\nFirst paragraph."));
    let _handle = ReaderHandle::new(
        host.clone(),
        "reader.css",
        js_sys::Function::new_no_args(""),
    )
    .unwrap();
    let shadow = host.shadow_root().expect("a shadow root");
    let link = shadow
        .query_selector("link[rel=stylesheet]")
        .unwrap()
        .unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("reader.css"));
    until(|| shadow.query_selector(".ar-title").unwrap().is_some()).await;
    let title = shadow.query_selector(".ar-title").unwrap().unwrap();
    assert_eq!(title.text_content().as_deref(), Some("Plain Title"));
    // What is shown lives in the shadow tree; the light-DOM text is only the source.
    assert!(host.query_selector(".ar-title").unwrap().is_none());
    assert_eq!(host.children().length(), 0);
}

#[wasm_bindgen_test]
async fn the_outline_is_a_tree_and_folding_follows_it() {
    let root = mount(inline(SEED_ARTICLE), Config::default());
    until(|| root.query_selector("[role=tree]").unwrap().is_some()).await;
    assert_eq!(
        root.query_selector_all("[role=treeitem]").unwrap().length(),
        19
    );
    assert_eq!(
        root.query_selector_all("[role=tree] [role=group]:not([hidden])")
            .unwrap()
            .length(),
        4
    );

    // A click on the fold toggle hides the section body and closes its outline node.
    let toggle: HtmlElement = root
        .query_selector(".ar-fold")
        .unwrap()
        .unwrap()
        .unchecked_into();
    toggle.click();
    until(|| {
        root.query_selector(".ar-section-body[hidden]")
            .unwrap()
            .is_some()
    })
    .await;
    let first = root.query_selector("[role=treeitem]").unwrap().unwrap();
    assert_eq!(
        first.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        root.query_selector_all("[role=tree] [role=group]:not([hidden])")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn keywords_show_as_chips_with_counts_and_preset_keywords_apply() {
    let config = Config {
        keywords: vec!["人才".into()],
        ..Config::default()
    };
    let bridge = Bridge::default();
    let root = mount_with(inline(SEED_ARTICLE), config, bridge.clone());
    until(|| root.query_selector(".ar-chip").unwrap().is_some()).await;
    assert_eq!(texts(&root, ".ar-chip-text"), ["人才"]);
    let naive = |k: &str| {
        SEED_ARTICLE
            .split("在新征程中书写组织工作新答卷")
            .nth(1)
            .unwrap()
            .matches(k)
            .count()
    };
    assert_eq!(texts(&root, ".ar-chip-count"), [naive("人才").to_string()]);

    bridge
        .state()
        .unwrap()
        .dispatch(Action::AddKeyword("基层党组织".into()));
    until(|| root.query_selector_all(".ar-chip").unwrap().length() == 2).await;
    assert_eq!(
        texts(&root, ".ar-chip-count")[1],
        naive("基层党组织").to_string()
    );
    assert!(
        texts(&root, ".ar-find-count")
            .concat()
            .contains(&(naive("人才") + naive("基层党组织")).to_string())
    );
}

/// Headings that collided under the old id scheme (plain prefixes `ar-`,
/// `ar-o-`, `ar-body-`), and ones that look like the reader's own ids.
const ADVERSARIAL: &str = "Adversarial headings\n\n\
    1. O-ring failures\n\nAbout o-rings.\n\n\
    2. Ring failures\n\nAbout rings.\n\n\
    3. Body text\n\nAbout body text.\n\n\
    4. Text\n\nAbout text.\n\n\
    5. Outline\n\nAbout outlines.\n\n\
    6. Current match\n\nAbout matches.\n\n\
    7. Suggestions\n\nAbout suggestions.\n";

#[wasm_bindgen_test]
async fn every_id_in_the_shadow_root_is_unique_and_each_row_goes_to_its_own_node() {
    let host: HtmlElement = container("article-reader-ids").unchecked_into();
    host.set_text_content(Some(ADVERSARIAL));
    let _handle = ReaderHandle::new(
        host.clone(),
        "reader.css",
        js_sys::Function::new_no_args(""),
    )
    .unwrap();
    let shadow = host.shadow_root().unwrap();
    until(|| {
        shadow
            .query_selector_all("[role=treeitem]")
            .unwrap()
            .length()
            == 7
    })
    .await;
    // Open the suggestions too, so their list's id is in the tree (showing
    // the keyword bar first where the reader is narrow).
    let click = |id: &str| {
        let button: HtmlElement = shadow.get_element_by_id(id).unwrap().unchecked_into();
        button.click();
    };
    let bar = shadow.get_element_by_id(dom_ids::KEYWORD_BAR).unwrap();
    if bar.has_attribute("hidden") {
        click(dom_ids::SEARCH_TOGGLE);
        yew::scheduler::flush().await;
    }
    click(dom_ids::SUGGESTIONS_TOGGLE);
    until(|| shadow.get_element_by_id(dom_ids::SUGGESTIONS).is_some()).await;

    let with_ids = shadow.query_selector_all("[id]").unwrap();
    let mut ids = std::collections::HashSet::new();
    for i in 0..with_ids.length() {
        let element: Element = with_ids.item(i).unwrap().unchecked_into();
        assert!(
            ids.insert(element.id()),
            "id {} is given twice",
            element.id()
        );
    }

    let rows = shadow
        .query_selector_all("[role=treeitem] .ar-tree-row")
        .unwrap();
    for i in 0..rows.length() {
        let row: HtmlElement = rows.item(i).unwrap().unchecked_into();
        let label = row
            .query_selector(".ar-tree-label")
            .unwrap()
            .and_then(|l| l.text_content())
            .unwrap_or_default();
        row.click();
        until(|| {
            shadow.active_element().is_some_and(|a| {
                a.get_attribute("class")
                    .unwrap_or_default()
                    .contains("ar-heading")
            })
        })
        .await;
        let heading = shadow.active_element().unwrap().text_content().unwrap();
        assert_eq!(
            heading.trim(),
            label.trim(),
            "the row goes to its own heading"
        );
        // Leave the heading, so the next row's arrival is seen afresh.
        let heading: HtmlElement = shadow.active_element().unwrap().unchecked_into();
        heading.blur().ok();
    }
}

/// A whole page as a site serves it: the article between navigation, a
/// sidebar, share buttons, comments and a footer, and things that must not run.
const NEWS_PAGE: &str = r#"<!doctype html><html><head><title>Bridges | Daily Planet</title>
<meta name="author" content="Ada Park"><script>window.ranFromPage = 1</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<aside class="sidebar"><p>Most read: ten things about cheese, with many links to elsewhere.</p></aside>
<div class="share">Share on every network</div>
<div class="story"><h1>The Quiet Engineering of Bridges</h1>
<p>Every bridge is an argument with gravity, and the best ones win it quietly, without anyone noticing.</p>
<h2>Arches</h2><p>An arch turns weight into compression, which stone handles well, and so <b>Roman</b> arches still stand.</p>
<p>The shape matters more than the material, which is why a well-drawn arch of brick outlasts steel.</p>
<img src="arch.jpg" onerror="window.ranFromPage = 2" alt="An arch"></div>
<div id="comments"><p>A comment, long enough to look like a paragraph of the article itself.</p></div>
<footer><p>Copyright 2024 Daily Planet. All rights reserved.</p></footer></body></html>"#;

#[wasm_bindgen_test]
async fn html_is_parsed_inertly_and_the_article_extracted() {
    use article_reader::web::markup;
    use reader_core::article::SourceFormat;
    use reader_core::html::HtmlOptions;
    use reader_core::reader::Article;

    let (flat, selected) = markup::flatten(NEWS_PAGE, false, None, false)
        .await
        .unwrap();
    assert!(!selected);
    let options = HtmlOptions {
        base: Some("https://planet.example/2024/bridges.html"),
        extract: true,
    };
    let article = Article::parse_html(NEWS_PAGE, &flat, SourceFormat::Html, options).unwrap();
    let doc = &article.document;
    assert_eq!(doc.title, "The Quiet Engineering of Bridges");
    assert_eq!(doc.metadata.author.as_deref(), Some("Ada Park"));
    let sections: Vec<&str> = doc
        .sections()
        .map(|s| doc.nodes[s].label.as_str())
        .collect();
    assert_eq!(sections, ["Arches"]);
    for furniture in [
        "Home",
        "Most read",
        "Share",
        "comment",
        "Copyright",
        "ranFromPage",
    ] {
        assert!(
            !doc.body.contains(furniture),
            "{furniture} is in the article"
        );
    }
    let image = doc
        .blocks
        .iter()
        .flat_map(|b| &b.inlines)
        .find_map(|i| match &i.kind {
            reader_core::article::InlineKind::Image { src, .. } => Some(src.as_str()),
            _ => None,
        });
    assert_eq!(image, Some("https://planet.example/2024/arch.jpg"));
    // Parsing ran nothing and loaded nothing: the page's script and handler never ran.
    let ran = js_sys::Reflect::get(&js_sys::global(), &"ranFromPage".into()).unwrap();
    assert!(ran.is_undefined());

    let (flat, selected) = markup::flatten(NEWS_PAGE, false, Some("#comments"), false)
        .await
        .unwrap();
    assert!(selected);
    let options = HtmlOptions {
        base: None,
        extract: false,
    };
    let doc = Article::parse_html(NEWS_PAGE, &flat, SourceFormat::Html, options)
        .unwrap()
        .document;
    assert!(doc.body.contains("A comment, long enough"));
    assert!(!doc.body.contains("Every bridge"));
    // Not a selector at all: the page is read whole, as without one.
    let (_, selected) = markup::flatten(NEWS_PAGE, false, Some("[[["), false)
        .await
        .unwrap();
    assert!(!selected);
}

#[wasm_bindgen_test]
async fn a_long_page_is_parsed_in_pieces_and_slices_with_nothing_lost() {
    use article_reader::web::markup;
    use reader_core::article::SourceFormat;
    use reader_core::html::HtmlOptions;
    use reader_core::reader::Article;

    // About 1.3 MB: many pieces, cut before tags, and many slices of the walk.
    let paragraphs = 12_000;
    let mut page = String::from("<html><body><h1>Long</h1>");
    for i in 0..paragraphs {
        page.push_str(&format!(
            "<p>Paragraph {i} with <a href=\"/p/{i}\" title=\"a<b\" onclick=\"window.ranFromPage = 3\">a link</a> and <b>bold</b> words.</p>"
        ));
    }
    page.push_str("<p>The very end.</p></body></html>");
    let (flat, _) = markup::flatten(&page, false, None, true).await.unwrap();
    assert!(!flat.contains("onclick") && !flat.contains("ranFromPage"));
    let options = HtmlOptions {
        base: Some("https://example.com/"),
        extract: false,
    };
    let doc = Article::parse_html(&page, &flat, SourceFormat::Html, options)
        .unwrap()
        .document;
    let links = doc
        .blocks
        .iter()
        .flat_map(|b| &b.inlines)
        .filter(|i| matches!(i.kind, reader_core::article::InlineKind::Link { .. }))
        .count();
    assert_eq!(links, paragraphs);
    assert!(
        doc.body
            .contains("Paragraph 11999 with a link and bold words.")
    );
    assert!(doc.body.ends_with("The very end."));

    // A piece of text with no tag to cut before is cut where it reaches 64 KB,
    // here between an emoji's two halves: the parser joins them again.
    let emoji = "😀".repeat(40_000);
    let (flat, _) = markup::flatten(&format!("<p>{emoji}</p>"), false, None, true)
        .await
        .unwrap();
    assert!(flat.contains(&emoji) && !flat.contains('\u{FFFD}'));
}

#[wasm_bindgen_test]
async fn inline_html_renders_formatting_lists_and_tables_from_the_reader_s_own_elements() {
    let html = r#"<h1>Title</h1><p>A <strong>bold</strong> and <em>slanted</em> line with <code>code</code>
        and <a href="https://example.com/" onclick="alert(1)" style="color:red" class="evil">a link</a>.</p>
        <ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>
        <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"#;
    let root = mount(
        ArticleSource::Inline {
            text: html.into(),
            format: Some(reader_core::article::SourceFormat::Html),
        },
        Config::default(),
    );
    until(|| root.query_selector(".ar-table").unwrap().is_some()).await;
    assert_eq!(texts(&root, ".ar-title"), ["Title"]);
    assert_eq!(texts(&root, ".ar-paragraph strong"), ["bold"]);
    assert_eq!(texts(&root, ".ar-paragraph em"), ["slanted"]);
    assert_eq!(texts(&root, ".ar-paragraph .ar-inline-code"), ["code"]);
    let link = root.query_selector("a.ar-link").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.com/")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.get_attribute("class").as_deref(), Some("ar-link"));
    for attribute in ["onclick", "style"] {
        assert!(!link.has_attribute(attribute), "{attribute} survived");
    }
    assert_eq!(
        texts(&root, "ul.ar-list > li > .ar-list-item"),
        ["one", "two"]
    );
    assert_eq!(
        texts(&root, "ul.ar-list ol.ar-list .ar-list-item"),
        ["inner"]
    );
    assert_eq!(
        texts(&root, ".ar-table th, .ar-table td"),
        ["A", "B", "1", "2"]
    );
    // The block's DOM text is its text, however it is marked up.
    let paragraph = root.query_selector(".ar-paragraph").unwrap().unwrap();
    assert_eq!(
        paragraph.text_content().unwrap(),
        "A bold and slanted line with code and a link."
    );
}

#[wasm_bindgen_test]
async fn markdown_without_its_module_is_shown_as_text_rather_than_lost() {
    // No reader.js here, so the markdown module cannot load: the text stays readable.
    let root = mount(
        ArticleSource::Inline {
            text: "# Notes\n\nSome **bold** text.\n".into(),
            format: Some(reader_core::article::SourceFormat::Markdown),
        },
        Config::default(),
    );
    until(|| root.query_selector(".ar-article").unwrap().is_some()).await;
    assert!(texts(&root, ".ar-article")[0].contains("Some **bold** text."));
    assert_eq!(
        texts(&root, ".ar-notice"),
        ["Markdown 格式模块未能载入，文章按纯文本显示，标记符号会原样出现。"],
        "the reader says why the markup shows"
    );
}

#[wasm_bindgen_test]
async fn an_image_that_cannot_load_shows_its_alt_text() {
    let root = mount(
        ArticleSource::Inline {
            text: r#"<h1>Pictures</h1><p>Before.</p><figure><img src="/no-such-picture.png" alt="A missing bridge"></figure>"#.into(),
            format: Some(reader_core::article::SourceFormat::Html),
        },
        Config::default(),
    );
    until(|| root.query_selector("img.ar-image").unwrap().is_some()).await;
    let image = root.query_selector("img.ar-image").unwrap().unwrap();
    assert_eq!(image.get_attribute("loading").as_deref(), Some("lazy"));
    // Other readers on this test page scroll it, so a lazy load may never
    // start here: fail the image as the browser would.
    image
        .dispatch_event(&web_sys::Event::new("error").unwrap())
        .unwrap();
    until(|| root.query_selector(".ar-image-failed").unwrap().is_some()).await;
    let failed = root.query_selector(".ar-image-failed").unwrap().unwrap();
    assert_eq!(
        failed.get_attribute("data-alt").as_deref(),
        Some("A missing bridge")
    );
    assert_eq!(failed.get_attribute("role").as_deref(), Some("img"));
    // Drawn by CSS, so the block's text (and its highlights) stay as they were.
    assert_eq!(failed.text_content().unwrap_or_default(), "");
}

#[wasm_bindgen_test]
async fn preset_reading_settings_become_the_readers_classes() {
    let config = Config {
        settings: SettingChoices {
            theme: Some(Theme::Sepia),
            font_size: Some(4),
            width: Some(Width::Wide),
            ..SettingChoices::default()
        },
        ..Config::default()
    };
    let root = mount(inline(SEED_ARTICLE), config);
    until(|| root.query_selector(".ar-title").unwrap().is_some()).await;
    let reader = root.query_selector(".ar-reader").unwrap().unwrap();
    let classes = reader.get_attribute("class").unwrap_or_default();
    for class in [
        "ar-theme-sepia",
        "ar-size-4",
        "ar-width-wide",
        "ar-spacing-normal",
    ] {
        assert!(
            classes.split(' ').any(|c| c == class),
            "{class} in {classes}"
        );
    }
    // A region landmark named after the article.
    assert_eq!(reader.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        reader.get_attribute("aria-label").as_deref(),
        Some("阅读：在新征程中书写组织工作新答卷")
    );
}
