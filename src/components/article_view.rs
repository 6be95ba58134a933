//! The article: its header (title, byline, notice) and its body, which is not
//! drawn by Yew but built by [`ArticleDom`] (`web::article_dom`): a long
//! article's tens of thousands of blocks are built in slices, never through
//! the virtual DOM. This component starts that building, keeps folds and
//! (where highlights cannot be painted) keyword marks in step, and turns a
//! click on a section's fold button into a toggle.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::byline::byline;
use crate::components::status_view::notice_view;
use crate::web::article_dom::{ArticleDom, Title};
use reader_core::article::{BlockKind, Span};
use reader_core::i18n::Lang;
use reader_core::matcher::Matches;
use reader_core::outline::Collapsed;
use reader_core::reader::Article;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    /// Where the article is built (shared with the highlights and navigation).
    pub dom: ArticleDom,
    pub collapsed: Rc<Collapsed>,
    /// Matches to mark in the DOM, where the Highlight API cannot paint them.
    pub marks: Option<(Rc<Matches>, Option<Span>)>,
    pub lang: Lang,
    /// Fold or unfold a section.
    pub ontoggle: Callback<usize>,
    /// Replaces the article's own title (the `article-title` attribute).
    #[prop_or_default]
    pub title_override: Option<AttrValue>,
}

#[component]
pub fn ArticleView(props: &Props) -> Html {
    let article = &props.article;
    let doc = &article.document;
    let body = use_node_ref();
    let heading = use_node_ref();
    let title_block = doc
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Title)
        .filter(|_| props.title_override.is_none());
    {
        let body = body.clone();
        let (collapsed, marks, lang) = (props.collapsed.clone(), props.marks.clone(), props.lang);
        use_effect_with(
            (props.article.clone(), props.dom.clone()),
            move |(article, dom)| {
                if let Some(root) = body.cast::<Element>() {
                    dom.start(root, article.clone(), collapsed, lang, marks);
                }
                let dom = dom.clone();
                move || dom.stop()
            },
        );
    }
    // After the start above, so the title is drawn with the article it is of.
    {
        let heading = heading.clone();
        let title = match (&props.title_override, title_block) {
            (Some(text), _) => Some(text.clone()),
            _ => None,
        };
        let untitled = props.lang.labels().untitled;
        use_effect_with(
            (props.dom.clone(), title, title_block),
            move |(dom, title, block)| {
                if let Some(element) = heading.cast::<Element>() {
                    let shown = match (title, block) {
                        (Some(text), _) => Title::Text(text.to_string()),
                        (None, Some(block)) => Title::Block(*block),
                        (None, None) => Title::Text(untitled.to_string()),
                    };
                    dom.set_title(&element, shown);
                }
            },
        );
    }
    use_effect_with(
        (props.dom.clone(), props.collapsed.clone()),
        |(dom, collapsed)| dom.set_collapsed(collapsed.clone()),
    );
    use_effect_with((props.dom.clone(), props.marks.clone()), |(dom, marks)| {
        if let Some((matches, current)) = marks {
            dom.set_marks(matches.clone(), *current);
        }
    });
    // Fold buttons are built with the article: one listener hears them all.
    let ontoggle = props.ontoggle.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        let node = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest(".ar-fold").ok().flatten())
            .and_then(|button| button.get_attribute("data-node"))
            .and_then(|n| n.parse().ok());
        if let Some(node) = node {
            ontoggle.emit(node);
        }
    });
    html! {
        <article class="ar-article" lang={article.language}>
            <header class="ar-article-header">
                <h1 class="ar-title" data-block={title_block.map(|b| b.to_string())} ref={heading}></h1>
                { byline(&doc.metadata, article.reading_minutes, props.lang) }
                if let Some(notice) = &article.notice {
                    { notice_view(notice, props.lang) }
                }
            </header>
            <div class="ar-article-body" ref={body} {onclick}></div>
        </article>
    }
}
