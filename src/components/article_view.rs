//! The article: title, byline, and the top-level blocks and sections.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::byline::byline;
use crate::components::section_view::{Shared, contents, heading_text};
use reader_core::article::{BlockKind, Content, Span};
use reader_core::i18n::Lang;
use reader_core::matcher::Matches;
use reader_core::outline::Collapsed;
use reader_core::reader::Article;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub collapsed: Rc<Collapsed>,
    /// Matches to mark in the DOM (none where the Highlight API paints them).
    pub matches: Rc<Matches>,
    pub current: Option<Span>,
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
    // The title block is drawn in the header; everything else in order below it.
    let items: Vec<Content> = article
        .contents
        .of(None)
        .iter()
        .copied()
        .filter(
            |item| !matches!(item, Content::Block(b) if doc.blocks[*b].kind == BlockKind::Title),
        )
        .collect();
    let shared = Shared {
        article: article.clone(),
        collapsed: props.collapsed.clone(),
        matches: props.matches.clone(),
        lang: props.lang,
        ontoggle: props.ontoggle.clone(),
    };
    let title_block = doc.blocks.iter().position(|b| b.kind == BlockKind::Title);
    let title = match (&props.title_override, title_block) {
        (Some(title), _) => html! { <h1 class="ar-title">{ title.to_string() }</h1> },
        (None, Some(b)) => html! {
            <h1 class="ar-title" data-block={b.to_string()}>{ heading_text(&shared, b, props.current) }</h1>
        },
        (None, None) => html! { <h1 class="ar-title">{ props.lang.labels().untitled }</h1> },
    };
    html! {
        <article class="ar-article" lang={article.language}>
            <header class="ar-article-header">
                { title }
                { byline(&doc.metadata, article.reading_minutes, props.lang) }
                if let Some(notice) = article.notice {
                    <p class="ar-notice" role="status">{ props.lang.notice(notice) }</p>
                }
            </header>
            { contents(&items, &shared, props.current) }
        </article>
    }
}
