//! One block of text. Paragraphs mark where each point starts: the point is an
//! anchor (its id is in the outline and the URL), and its opening clause is bold.

use std::rc::Rc;

use yew::prelude::*;

use crate::article::{Block, BlockKind, Document};
use crate::components::dom_id;
use crate::reader::Article;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub block: usize,
}

#[component]
pub fn BlockView(props: &Props) -> Html {
    let doc = &props.article.document;
    let block = &doc.blocks[props.block];
    let text = doc.text(block.span);
    match &block.kind {
        BlockKind::Paragraph { points } => html! {
            <p class="ar-paragraph">{ paragraph_with_points(doc, block, points) }</p>
        },
        BlockKind::ListItem => html! { <p class="ar-list-item">{ text }</p> },
        BlockKind::Quote => html! { <blockquote class="ar-quote"><p>{ text }</p></blockquote> },
        BlockKind::Code => html! { <pre class="ar-code"><code>{ text }</code></pre> },
        // Titles and headings are drawn by the article and section views.
        BlockKind::Title | BlockKind::Heading { .. } => Html::default(),
    }
}

/// The paragraph's text, with each point wrapped in an anchor from its start to
/// the next point's start, and its opening clause (its outline label) in bold.
fn paragraph_with_points(doc: &Document, block: &Block, points: &[usize]) -> Html {
    let first = points
        .first()
        .map_or(block.span.end, |&p| doc.nodes[p].span.start);
    let before = &doc.body[block.span.start..first];
    let point_views = points.iter().enumerate().map(|(k, &p)| {
        let node = &doc.nodes[p];
        let end = points
            .get(k + 1)
            .map_or(block.span.end, |&next| doc.nodes[next].span.start);
        let text = &doc.body[node.span.start..end];
        // The label is the opening clause, maybe cut short with an ellipsis.
        let lead = node.label.trim_end_matches('…');
        let lead_len = if text.starts_with(lead) {
            lead.len()
        } else {
            0
        };
        html! {
            <span class="ar-point" id={dom_id(&node.id)} tabindex="-1" key={p}>
                <strong class="ar-point-lead">{ &text[..lead_len] }</strong>
                { &text[lead_len..] }
            </span>
        }
    });
    html! {
        <>
            { before }
            { for point_views }
        </>
    }
}
