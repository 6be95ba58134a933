//! The article: title, byline, and the top-level blocks and sections.

use std::rc::Rc;

use yew::prelude::*;

use crate::article::{BlockKind, Content};
use crate::components::byline::Byline;
use crate::components::section_view::ContentsView;
use crate::i18n::Lang;
use crate::outline::Collapsed;
use crate::reader::Article;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub collapsed: Rc<Collapsed>,
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
    let title = match &props.title_override {
        Some(title) => title.to_string(),
        None if doc.title.is_empty() => props.lang.labels().untitled.to_string(),
        None => doc.title.clone(),
    };
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
    html! {
        <article class="ar-article" lang={article.language}>
            <header class="ar-article-header">
                <h1 class="ar-title">{ title }</h1>
                <Byline
                    metadata={doc.metadata.clone()}
                    reading_minutes={article.reading_minutes}
                    lang={props.lang}
                />
            </header>
            <ContentsView
                article={article.clone()}
                items={Rc::<[Content]>::from(items)}
                collapsed={props.collapsed.clone()}
                lang={props.lang}
                ontoggle={props.ontoggle.clone()}
            />
        </article>
    }
}
