//! What the views need to draw rich blocks, worked out here so it is tested
//! natively: how blocks nest into lists, quotes, tables and figures, and how
//! a block's inline formatting cuts a range of its text into a tree.
//!
//! The text itself is never split differently: every piece is a span of the
//! body, in order, so the DOM text of a block is exactly its text, and keyword
//! highlights (DOM ranges over its text nodes) paint across formatting.

use super::{Block, Container, Content, Document, InlineKind, Span};

/// A section's contents with its blocks grouped by their containers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    Block(usize),
    Section(usize),
    /// A container (index into [`Document::containers`]) and what it holds.
    Group {
        container: usize,
        items: Vec<Layout>,
    },
}

/// Groups the blocks among `items` into their containers, in order.
pub fn nest(doc: &Document, items: &[Content]) -> Vec<Layout> {
    // Open groups, outermost first: (container, items so far).
    let mut open: Vec<(usize, Vec<Layout>)> = Vec::new();
    let mut top: Vec<Layout> = Vec::new();
    let close = |open: &mut Vec<(usize, Vec<Layout>)>, top: &mut Vec<Layout>| {
        let (container, items) = open.pop().expect("an open group");
        let group = Layout::Group { container, items };
        match open.last_mut() {
            Some((_, parent)) => parent.push(group),
            None => top.push(group),
        }
    };
    for item in items {
        let (chain, layout) = match *item {
            Content::Section(node) => (Vec::new(), Layout::Section(node)),
            Content::Block(block) => (
                ancestors(&doc.containers, doc.blocks[block].container),
                Layout::Block(block),
            ),
        };
        let common = open
            .iter()
            .zip(&chain)
            .take_while(|((open, _), chained)| open == *chained)
            .count();
        while open.len() > common {
            close(&mut open, &mut top);
        }
        for &container in &chain[common..] {
            open.push((container, Vec::new()));
        }
        match open.last_mut() {
            Some((_, items)) => items.push(layout),
            None => top.push(layout),
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut top);
    }
    top
}

/// `innermost` and the containers holding it, outermost first.
fn ancestors(containers: &[Container], innermost: Option<usize>) -> Vec<usize> {
    let mut chain: Vec<usize> =
        std::iter::successors(innermost, |&c| containers.get(c).and_then(|c| c.parent))
            .take(containers.len())
            .collect();
    chain.reverse();
    chain
}

/// A piece of a range of a block's text, as the views draw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Plain text (a span of the body).
    Text(Span),
    /// Formatting (index into [`Block::inlines`]) over its pieces.
    Inline { inline: usize, children: Vec<Piece> },
    /// An image (index into [`Block::inlines`]).
    Image(usize),
}

/// The pieces of `range` (inside `block`'s span): its text, cut where
/// formatting starts and ends. Formatting that crosses the range's edges is
/// cut there, so drawing two neighbouring ranges draws the formatting twice,
/// and the text once.
pub fn pieces(block: &Block, range: Span) -> Vec<Piece> {
    // Open formatting, outermost first: (inline, where it ends, its pieces).
    let mut open: Vec<(usize, usize, Vec<Piece>)> = Vec::new();
    let mut top: Vec<Piece> = Vec::new();
    let mut at = range.start;

    fn push(open: &mut [(usize, usize, Vec<Piece>)], top: &mut Vec<Piece>, piece: Piece) {
        match open.last_mut() {
            Some((_, _, children)) => children.push(piece),
            None => top.push(piece),
        }
    }
    // Text up to `to`, then closes the formatting that ends there or before.
    let advance = |open: &mut Vec<(usize, usize, Vec<Piece>)>,
                   top: &mut Vec<Piece>,
                   at: &mut usize,
                   to: usize| {
        loop {
            let until = open.last().map_or(to, |&(_, end, _)| end.min(to));
            if *at < until {
                push(open, top, Piece::Text(Span::new(*at, until)));
                *at = until;
            }
            match open.last() {
                Some(&(_, end, _)) if end <= to => {
                    let (inline, _, children) = open.pop().expect("open");
                    push(open, top, Piece::Inline { inline, children });
                }
                _ => break,
            }
        }
    };

    for (k, inline) in block.inlines.iter().enumerate() {
        if let InlineKind::Image { .. } = inline.kind {
            let p = inline.span.start;
            let inside = (range.start <= p && p < range.end)
                || (p == range.end && range.end == block.span.end);
            if inside {
                advance(&mut open, &mut top, &mut at, p);
                push(&mut open, &mut top, Piece::Image(k));
            }
            continue;
        }
        let start = inline.span.start.max(range.start);
        let end = inline.span.end.min(range.end);
        if start >= end {
            continue;
        }
        advance(&mut open, &mut top, &mut at, start);
        // Well nested by construction; clamp so that a bad span cannot break the tree.
        let end = open.last().map_or(end, |&(_, outer, _)| end.min(outer));
        open.push((k, end, Vec::new()));
    }
    advance(&mut open, &mut top, &mut at, range.end);
    top
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{BlockKind, ContainerKind, Inline};

    fn block(inlines: Vec<(InlineKind, usize, usize)>, len: usize) -> Block {
        Block {
            kind: BlockKind::Paragraph { points: vec![] },
            span: Span::new(0, len),
            section: None,
            container: None,
            inlines: inlines
                .into_iter()
                .map(|(kind, start, end)| Inline {
                    kind,
                    span: Span::new(start, end),
                })
                .collect(),
        }
    }

    fn text(start: usize, end: usize) -> Piece {
        Piece::Text(Span::new(start, end))
    }

    #[test]
    fn formatting_becomes_a_tree_over_the_text() {
        // "a **b *c* d** e": strong 2..7 holding emphasis 4..5.
        let b = block(
            vec![(InlineKind::Strong, 2, 7), (InlineKind::Emphasis, 4, 5)],
            9,
        );
        assert_eq!(
            pieces(&b, b.span),
            [
                text(0, 2),
                Piece::Inline {
                    inline: 0,
                    children: vec![
                        text(2, 4),
                        Piece::Inline {
                            inline: 1,
                            children: vec![text(4, 5)]
                        },
                        text(5, 7)
                    ]
                },
                text(7, 9)
            ]
        );
    }

    #[test]
    fn a_range_cuts_formatting_at_its_edges() {
        let b = block(vec![(InlineKind::Strong, 2, 7)], 9);
        assert_eq!(
            pieces(&b, Span::new(0, 4)),
            [
                text(0, 2),
                Piece::Inline {
                    inline: 0,
                    children: vec![text(2, 4)]
                }
            ]
        );
        assert_eq!(
            pieces(&b, Span::new(4, 9)),
            [
                Piece::Inline {
                    inline: 0,
                    children: vec![text(4, 7)]
                },
                text(7, 9)
            ]
        );
    }

    #[test]
    fn images_sit_at_their_point_once() {
        let image = || InlineKind::Image {
            src: "https://a/b.png".into(),
            alt: String::new(),
        };
        let b = block(vec![(image(), 3, 3), (image(), 6, 6)], 6);
        assert_eq!(
            pieces(&b, Span::new(0, 3)),
            [text(0, 3)],
            "the image at 3 belongs to the range starting there"
        );
        assert_eq!(
            pieces(&b, Span::new(3, 6)),
            [Piece::Image(0), text(3, 6), Piece::Image(1)]
        );
    }

    #[test]
    fn blocks_nest_into_their_containers() {
        let mut doc = crate::article::parse("");
        let list = |parent| Container {
            kind: ContainerKind::List {
                ordered: false,
                start: 1,
            },
            parent,
        };
        let item = |parent| Container {
            kind: ContainerKind::Item,
            parent: Some(parent),
        };
        // 0: list, 1: item, 2: inner list, 3: inner item, 4: item.
        doc.containers = vec![list(None), item(0), list(Some(1)), item(2), item(0)];
        for container in [Some(1), Some(3), Some(4), None] {
            let mut b = block(vec![], 0);
            b.container = container;
            doc.blocks.push(b);
        }
        let items: Vec<Content> = (0..4).map(Content::Block).collect();
        let group = |container, items| Layout::Group { container, items };
        assert_eq!(
            nest(&doc, &items),
            [
                group(
                    0,
                    vec![
                        group(
                            1,
                            vec![
                                Layout::Block(0),
                                group(2, vec![group(3, vec![Layout::Block(1)])])
                            ]
                        ),
                        group(4, vec![Layout::Block(2)])
                    ]
                ),
                Layout::Block(3)
            ]
        );
    }
}
