//! A section as a container: its heading with a fold toggle, then its blocks and
//! subsections. Containers (not a flat list of blocks) let a section fold at once.
//!
//! A folded body is `hidden="until-found"` where the browser supports it: the
//! text stays findable with Ctrl+F, and finding it fires `beforematch`, which
//! unfolds the section (see `use_reveal_on_find`). Elsewhere it is plain `hidden`.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::VNode;

use crate::components::block_view::{BlockView, rich_text};
use crate::web::dom;
use reader_core::article::rich::{Layout, nest};
use reader_core::article::{ContainerKind, Content, NodeKind, Span};
use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::matcher::Matches;
use reader_core::outline::Collapsed;
use reader_core::reader::Article;

/// What every section needs besides its own node: the same for all of them.
#[derive(Clone, PartialEq)]
pub struct Shared {
    pub article: Rc<Article>,
    pub collapsed: Rc<Collapsed>,
    /// Matches to mark in the DOM: none where the Highlight API paints them,
    /// so keyword changes leave the article's DOM alone.
    pub matches: Rc<Matches>,
    pub lang: Lang,
    pub ontoggle: Callback<usize>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub shared: Shared,
    /// The section's node index.
    pub node: usize,
    /// The find bar's current match, when it is inside this section.
    pub current: Option<Span>,
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
    let shared = &props.shared;
    let doc = &shared.article.document;
    let node = &doc.nodes[props.node];
    let NodeKind::Section { level } = node.kind else {
        return Html::default();
    };
    let folded = shared.collapsed.contains(&props.node);
    let heading_id = dom_ids::node(&node.id);
    let body_id = dom_ids::section_body(&node.id);
    let n = props.node;
    let onclick = shared.ontoggle.reform(move |_: MouseEvent| n);
    let mut body = html! {
        <div class="ar-section-body" id={body_id.clone()} data-node={props.node.to_string()}>
            { contents(shared.article.contents.of(Some(n)), shared, props.current) }
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
    let labels = shared.lang.labels();
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
                    data-block={node.block.to_string()}
                    tabindex="-1"
                    aria-level={(level > 5).then(|| (level + 1).to_string())}
                >
                    { heading_text(shared, node.block, props.current) }
                    if folded {
                        <span class="ar-folded-note">{ labels.folded }</span>
                    }
                </@>
            </div>
            { body }
        </section>
    }
}

/// A heading or title's text, with its marks.
pub fn heading_text(shared: &Shared, block: usize, current: Option<Span>) -> Html {
    let doc = &shared.article.document;
    rich_text(
        doc,
        block,
        doc.blocks[block].span,
        &shared.matches.paint_of(block),
        current,
    )
}

/// Blocks and subsections in order, blocks inside their lists, quotes,
/// tables and figures.
pub fn contents(items: &[Content], shared: &Shared, current: Option<Span>) -> Html {
    layout(&nest(&shared.article.document, items), shared, current)
}

fn layout(items: &[Layout], shared: &Shared, current: Option<Span>) -> Html {
    let doc = &shared.article.document;
    // Only the block or section holding the current match hears about it, so
    // stepping through matches renders little.
    let current_in = |span: Span| current.filter(|c| span.contains(*c));
    items
        .iter()
        .map(|item| match item {
            &Layout::Block(block) => html! {
                <BlockView
                    key={format!("b{block}")}
                    article={shared.article.clone()}
                    {block}
                    paint={shared.matches.paint_of(block)}
                    current={current_in(doc.blocks[block].span)}
                />
            },
            &Layout::Section(node) => html! {
                <SectionView key={format!("s{node}")} shared={shared.clone()} {node} current={current_in(doc.nodes[node].span)} />
            },
            Layout::Group { container, items } => {
                let inner = layout(items, shared, current);
                let key = format!("c{container}");
                match doc.containers[*container].kind {
                    ContainerKind::List { ordered: true, start } => html! {
                        <ol {key} class="ar-list" start={(start != 1).then(|| start.to_string())}>{ inner }</ol>
                    },
                    ContainerKind::List { ordered: false, .. } => html! { <ul {key} class="ar-list">{ inner }</ul> },
                    ContainerKind::Item => html! { <li {key}>{ inner }</li> },
                    ContainerKind::Quote => html! { <blockquote {key} class="ar-quote">{ inner }</blockquote> },
                    ContainerKind::Table => html! {
                        <div {key} class="ar-table-wrap"><table class="ar-table">{ inner }</table></div>
                    },
                    ContainerKind::Row => html! { <tr {key}>{ inner }</tr> },
                    ContainerKind::Figure => html! { <figure {key} class="ar-figure">{ inner }</figure> },
                }
            }
        })
        .collect()
}
