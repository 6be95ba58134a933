//! One block of text, with its formatting (rich sources) and keyword marks.
//! Paragraphs mark where each point starts: the point is an anchor (its id is
//! in the outline and the URL), and its opening clause is bold.
//!
//! Formatting is drawn from `reader_core::article::rich::pieces`, a tree over
//! the block's text; every element is built here from the document model
//! (never from the article's markup), links with `rel="noopener noreferrer"`.
//!
//! Marks are rendered from the matcher's paint list as part of the virtual DOM
//! (not by rewriting the DOM afterwards, as mark.js does), so Yew and the marks
//! never fight, and only blocks whose marks changed are rendered again.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article_image::ArticleImage;
use reader_core::article::rich::{self, Piece};
use reader_core::article::{Block, BlockKind, ContainerKind, Document, InlineKind, Span};
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

/// Text of `range` in block `block`, with its formatting and marks where
/// keywords are painted. A mark crossing formatting is cut in two there.
pub fn rich_text(
    doc: &Document,
    block: usize,
    range: Span,
    paint: &[Paint],
    current: Option<Span>,
) -> Html {
    let b = &doc.blocks[block];
    if b.inlines.is_empty() {
        return marked(doc, range, paint, current);
    }
    draw(doc, b, &rich::pieces(b, range), paint, current)
}

fn draw(
    doc: &Document,
    block: &Block,
    pieces: &[Piece],
    paint: &[Paint],
    current: Option<Span>,
) -> Html {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(span) => marked(doc, *span, paint, current),
            Piece::Image(k) => match &block.inlines[*k].kind {
                InlineKind::Image { src, alt } => html! {
                    <ArticleImage src={src.clone()} alt={alt.clone()} />
                },
                _ => Html::default(),
            },
            Piece::Inline { inline, children } => {
                let inner = draw(doc, block, children, paint, current);
                match &block.inlines[*inline].kind {
                    InlineKind::Strong => html! { <strong>{ inner }</strong> },
                    InlineKind::Emphasis => html! { <em>{ inner }</em> },
                    InlineKind::Code => html! { <code class="ar-inline-code">{ inner }</code> },
                    InlineKind::Link { href } => {
                        // Links open apart from the reader, which keeps its place.
                        let target = (!href.starts_with("mailto:")).then_some("_blank");
                        html! { <a class="ar-link" href={href.clone()} {target} rel="noopener noreferrer">{ inner }</a> }
                    }
                    // The "\n" stays in the text (as a space); the <br> breaks the line.
                    InlineKind::Break => html! { <>{ inner }<br /></> },
                    InlineKind::Image { .. } => inner,
                }
            }
        })
        .collect()
}

#[component]
pub fn BlockView(props: &Props) -> Html {
    let doc = &props.article.document;
    let block = &doc.blocks[props.block];
    let (paint, current) = (&props.paint[..], props.current);
    let text = rich_text(doc, props.block, block.span, paint, current);
    let id = props.block.to_string();
    let in_table = block
        .container
        .and_then(|c| doc.containers.get(c))
        .is_some_and(|c| c.kind == ContainerKind::Table);
    match &block.kind {
        BlockKind::Paragraph { points } => html! {
            <p class="ar-paragraph" data-block={id}>{ paragraph_with_points(doc, props.block, points, paint, current) }</p>
        },
        BlockKind::ListItem => html! { <div class="ar-list-item" data-block={id}>{ text }</div> },
        BlockKind::Quote => html! { <p class="ar-quote-text" data-block={id}>{ text }</p> },
        BlockKind::Code => {
            html! { <pre class="ar-code"><code data-block={id}>{ text }</code></pre> }
        }
        BlockKind::Cell { header: true } => html! { <th data-block={id}>{ text }</th> },
        BlockKind::Cell { header: false } => html! { <td data-block={id}>{ text }</td> },
        BlockKind::Caption if in_table => html! { <caption data-block={id}>{ text }</caption> },
        BlockKind::Caption => {
            html! { <figcaption class="ar-caption" data-block={id}>{ text }</figcaption> }
        }
        BlockKind::Rule => html! { <hr class="ar-rule" /> },
        BlockKind::Media => html! { <p class="ar-media" data-block={id}>{ text }</p> },
        // Titles and headings are drawn by the article and section views.
        BlockKind::Title | BlockKind::Heading { .. } => Html::default(),
    }
}

/// The paragraph's text, with each point wrapped in an anchor from its start to
/// the next point's start, and its opening clause (its outline label) in bold.
fn paragraph_with_points(
    doc: &Document,
    b: usize,
    points: &[usize],
    paint: &[Paint],
    current: Option<Span>,
) -> Html {
    let block = &doc.blocks[b];
    let first = points
        .first()
        .map_or(block.span.end, |&p| doc.nodes[p].span.start);
    let before = rich_text(doc, b, Span::new(block.span.start, first), paint, current);
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
                <strong class="ar-point-lead">{ rich_text(doc, b, Span::new(node.span.start, lead_end), paint, current) }</strong>
                { rich_text(doc, b, Span::new(lead_end, end), paint, current) }
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
