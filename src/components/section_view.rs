//! A section as a container: its heading, then its blocks and subsections.
//! Containers (not a flat list of blocks) let a whole section fold at once.

use std::rc::Rc;

use yew::prelude::*;

use crate::article::{Content, NodeKind};
use crate::components::block_view::BlockView;
use crate::components::dom_id;
use crate::reader::Article;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    /// The section's node index.
    pub node: usize,
}

/// `h2` for level 1 (the title is the `h1`), down to `h6`.
fn heading_tag(level: u8) -> &'static str {
    match level {
        0 | 1 => "h2",
        2 => "h3",
        3 => "h4",
        4 => "h5",
        _ => "h6",
    }
}

#[component]
pub fn SectionView(props: &Props) -> Html {
    let doc = &props.article.document;
    let node = &doc.nodes[props.node];
    let NodeKind::Section { level } = node.kind else {
        return Html::default();
    };
    let id = dom_id(&node.id);
    let items: Rc<[Content]> = props.article.contents.of(Some(props.node)).into();
    html! {
        <section class={classes!("ar-section", format!("ar-level-{}", level.min(6)))} aria-labelledby={id.clone()}>
            <@{heading_tag(level)}
                id={id}
                class="ar-heading"
                tabindex="-1"
                aria-level={(level > 5).then(|| (level + 1).to_string())}
            >
                { doc.text(doc.blocks[node.block].span) }
            </@>
            <div class="ar-section-body">
                <ContentsView article={props.article.clone()} items={items} />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContentsProps {
    pub article: Rc<Article>,
    pub items: Rc<[Content]>,
}

/// Blocks and subsections in order.
#[component]
pub fn ContentsView(props: &ContentsProps) -> Html {
    let article = &props.article;
    props
        .items
        .iter()
        .map(|item| match *item {
            Content::Block(block) => html! {
                <BlockView key={format!("b{block}")} article={article.clone()} block={block} />
            },
            Content::Section(node) => html! {
                <SectionView key={format!("s{node}")} article={article.clone()} node={node} />
            },
        })
        .collect()
}
