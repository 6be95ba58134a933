//! One block of text, with keyword marks. Paragraphs mark where each point
//! starts: the point is an anchor (its id is in the outline and the URL), and
//! its opening clause is bold.
//!
//! Marks are rendered from the matcher's paint list as part of the virtual DOM
//! (not by rewriting the DOM afterwards, as mark.js does), so Yew and the marks
//! never fight, and only blocks whose marks changed are rendered again.

use std::rc::Rc;

use yew::prelude::*;

use reader_core::article::{Block, BlockKind, Document, Span};
use reader_core::dom_ids;
use reader_core::matcher::{Paint, pieces};
use reader_core::reader::Article;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub block: usize,
    /// What to mark in this block: empty where the Highlight API paints
    /// instead (see `use_highlights`), so keyword changes leave blocks alone.
    pub paint: Rc<[Paint]>,
    /// The find bar's current match, when it is in this block and marked.
    #[prop_or_default]
    pub current: Option<Span>,
}

/// Text of `range`, with marks where keywords are painted.
pub fn marked(doc: &Document, range: Span, paint: &[Paint], current: Option<Span>) -> Html {
    if paint.is_empty() && current.is_none() {
        return html! { { doc.text(range) } };
    }
    pieces(range, paint, current)
        .into_iter()
        .map(|(span, keyword, is_current)| {
            let text = doc.text(span);
            if keyword.is_none() && !is_current {
                return html! { { text } };
            }
            // The id goes on the piece where the current match starts: exactly one.
            let id = current
                .filter(|c| is_current && c.start == span.start)
                .map(|_| dom_ids::CURRENT_MATCH);
            html! {
                <mark
                    {id}
                    class={classes!(
                        "ar-mark",
                        keyword.map(dom_ids::keyword_colour),
                        is_current.then_some("ar-current-match"),
                    )}
                >
                    { text }
                </mark>
            }
        })
        .collect()
}

#[component]
pub fn BlockView(props: &Props) -> Html {
    let doc = &props.article.document;
    let block = &doc.blocks[props.block];
    let (paint, current) = (&props.paint[..], props.current);
    let text = marked(doc, block.span, paint, current);
    let id = props.block.to_string();
    match &block.kind {
        BlockKind::Paragraph { points } => html! {
            <p class="ar-paragraph" data-block={id}>{ paragraph_with_points(doc, block, points, paint, current) }</p>
        },
        BlockKind::ListItem => html! { <p class="ar-list-item" data-block={id}>{ text }</p> },
        BlockKind::Quote => {
            html! { <blockquote class="ar-quote"><p data-block={id}>{ text }</p></blockquote> }
        }
        BlockKind::Code => {
            html! { <pre class="ar-code"><code data-block={id}>{ text }</code></pre> }
        }
        // Titles and headings are drawn by the article and section views.
        BlockKind::Title | BlockKind::Heading { .. } => Html::default(),
    }
}

/// The paragraph's text, with each point wrapped in an anchor from its start to
/// the next point's start, and its opening clause (its outline label) in bold.
fn paragraph_with_points(
    doc: &Document,
    block: &Block,
    points: &[usize],
    paint: &[Paint],
    current: Option<Span>,
) -> Html {
    let first = points
        .first()
        .map_or(block.span.end, |&p| doc.nodes[p].span.start);
    let before = marked(doc, Span::new(block.span.start, first), paint, current);
    let point_views = points.iter().enumerate().map(|(k, &p)| {
        let node = &doc.nodes[p];
        let end = points
            .get(k + 1)
            .map_or(block.span.end, |&next| doc.nodes[next].span.start);
        let text = &doc.body[node.span.start..end];
        // The label is the opening clause, maybe cut short with an ellipsis.
        let lead = node.label.trim_end_matches('…');
        let lead_end = node.span.start + if text.starts_with(lead) { lead.len() } else { 0 };
        html! {
            <span class="ar-point" id={dom_ids::node(&node.id)} tabindex="-1" key={p}>
                <strong class="ar-point-lead">{ marked(doc, Span::new(node.span.start, lead_end), paint, current) }</strong>
                { marked(doc, Span::new(lead_end, end), paint, current) }
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
