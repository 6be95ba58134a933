//! A section as a container: its heading with a fold toggle, then its blocks and
//! subsections. Containers (not a flat list of blocks) let a section fold at once.
//!
//! A folded body is `hidden="until-found"` where the browser supports it: the
//! text stays findable with Ctrl+F, and finding it fires `beforematch`, which
//! unfolds the section (see `use_reveal_on_find`). Elsewhere it is plain `hidden`.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::VNode;

use crate::article::{Content, NodeKind};
use crate::components::block_view::BlockView;
use crate::components::dom_id;
use crate::i18n::Lang;
use crate::outline::Collapsed;
use crate::reader::Article;
use crate::web::dom;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    /// The section's node index.
    pub node: usize,
    pub collapsed: Rc<Collapsed>,
    pub lang: Lang,
    pub ontoggle: Callback<usize>,
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
    let folded = props.collapsed.contains(&props.node);
    let heading_id = dom_id(&node.id);
    let body_id = format!("ar-body-{}", node.id);
    let items: Rc<[Content]> = props.article.contents.of(Some(props.node)).into();
    let onclick = {
        let (ontoggle, n) = (props.ontoggle.clone(), props.node);
        Callback::from(move |_: MouseEvent| ontoggle.emit(n))
    };
    let mut body = html! {
        <div class="ar-section-body" id={body_id.clone()} data-node={props.node.to_string()}>
            <ContentsView
                article={props.article.clone()}
                items={items}
                collapsed={props.collapsed.clone()}
                lang={props.lang}
                ontoggle={props.ontoggle.clone()}
            />
        </div>
    };
    if folded && let VNode::VTag(tag) = &mut body {
        // `hidden` is a boolean in `html!`; "until-found" needs the raw attribute.
        let mode = if dom::supports_hidden_until_found() {
            "until-found"
        } else {
            ""
        };
        Rc::make_mut(tag).add_attribute("hidden", mode);
    }
    let labels = props.lang.labels();
    html! {
        <section
            class={classes!("ar-section", format!("ar-level-{}", level.min(6)), folded.then_some("ar-folded"))}
            aria-labelledby={heading_id.clone()}
        >
            <div class="ar-heading-row">
                <button
                    type="button"
                    class="ar-fold"
                    aria-expanded={(!folded).to_string()}
                    aria-controls={body_id}
                    aria-label={labels.toggle_section}
                    {onclick}
                ></button>
                <@{heading_tag(level)}
                    id={heading_id}
                    class="ar-heading"
                    tabindex="-1"
                    aria-level={(level > 5).then(|| (level + 1).to_string())}
                >
                    { doc.text(doc.blocks[node.block].span) }
                    if folded {
                        <span class="ar-folded-note">{ labels.folded }</span>
                    }
                </@>
            </div>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContentsProps {
    pub article: Rc<Article>,
    pub items: Rc<[Content]>,
    pub collapsed: Rc<Collapsed>,
    pub lang: Lang,
    pub ontoggle: Callback<usize>,
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
                <SectionView
                    key={format!("s{node}")}
                    article={article.clone()}
                    node={node}
                    collapsed={props.collapsed.clone()}
                    lang={props.lang}
                    ontoggle={props.ontoggle.clone()}
                />
            },
        })
        .collect()
}
