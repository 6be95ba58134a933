//! The article's DOM as a list of building instructions, made here from the
//! document model and carried out by `src/web/render.js`.
//!
//! Why not a Yew component per block: a 10 MB article is tens of thousands of
//! blocks, and building them through the virtual DOM (a component, props and
//! a wasm-bindgen call per attribute and text node) froze the page for
//! seconds. Instead the article is a flat [`Plan`] of steps in document
//! order, and any run of steps becomes one batch of [`Ops`]: numbers for the
//! elements, attributes and text nodes to make, and one string holding every
//! text and attribute value in order. One call hands a batch to JavaScript,
//! which builds it with `createElement`, `setAttribute` and text nodes, so the
//! article's text is never parsed as markup; attribute names come from a fixed
//! table, never from the article. Batches are built where they stopped, so
//! the first screen shows at once and the rest follows in slices.
//!
//! Every element is the one the views drew before (the same classes, ids and
//! `data-block` / `data-node` attributes), so the stylesheet, the scroll spy,
//! highlights, folding, find-in-page and print work as they did.

use crate::article::rich::{self, Layout, Piece, nest};
use crate::article::{
    BlockKind, ContainerKind, Content, Document, InlineKind, NodeKind, Span, reading_time, text,
};
use crate::dom_ids;
use crate::i18n::Lang;
use crate::matcher::{Paint, pieces};
use crate::reader::Article;

/// Elements the renderer makes, by their place in [`TAG_NAMES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Tag {
    Section,
    Div,
    H2,
    H3,
    H4,
    H5,
    H6,
    P,
    Span,
    Strong,
    Em,
    Code,
    A,
    Img,
    Br,
    Ul,
    Ol,
    Li,
    Blockquote,
    Pre,
    Table,
    Tr,
    Th,
    Td,
    Caption,
    Figure,
    Figcaption,
    Hr,
    Button,
    Mark,
}

/// The name of each [`Tag`], in order: what render.js is given to make them.
pub const TAG_NAMES: [&str; 30] = [
    "section",
    "div",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "span",
    "strong",
    "em",
    "code",
    "a",
    "img",
    "br",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "hr",
    "button",
    "mark",
];

/// The name of each [`Attr`], in order. Only these are ever set.
pub const ATTR_NAMES: [&str; 25] = [
    "class",
    "id",
    "data-block",
    "data-node",
    "tabindex",
    "aria-level",
    "aria-labelledby",
    "aria-expanded",
    "aria-controls",
    "aria-label",
    "href",
    "target",
    "rel",
    "src",
    "alt",
    "loading",
    "decoding",
    "referrerpolicy",
    "start",
    "type",
    "role",
    "aria-posinset",
    "aria-setsize",
    "aria-hidden",
    "data-time",
];

/// Attributes the renderer sets, by their place in [`ATTR_NAMES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Attr {
    Class,
    Id,
    DataBlock,
    DataNode,
    Tabindex,
    AriaLevel,
    AriaLabelledby,
    AriaExpanded,
    AriaControls,
    AriaLabel,
    Href,
    Target,
    Rel,
    Src,
    Alt,
    Loading,
    Decoding,
    Referrerpolicy,
    Start,
    Type,
    Role,
    AriaPosinset,
    AriaSetsize,
    AriaHidden,
    DataTime,
}

/// The instruction codes, each followed by its operands.
pub mod op {
    /// `OPEN tag`: a new element, appended to the open one, which it becomes.
    pub const OPEN: u32 = 0;
    /// `ATTR attr length`: an attribute of the open element; its value is the
    /// next `length` UTF-16 units of the text.
    pub const ATTR: u32 = 1;
    /// `TEXT length`: a text node of the next `length` UTF-16 units.
    pub const TEXT: u32 = 2;
    /// `CLOSE`: the open element is done; its parent is open again.
    pub const CLOSE: u32 = 3;
    /// `BLOCK index`: the open element holds block `index`'s text.
    pub const BLOCK: u32 = 4;
    /// `SECTION node`: the open element is the section of node `node`.
    pub const SECTION: u32 = 5;
    /// `ROW node`: the open element is node `node`'s row in the outline.
    pub const ROW: u32 = 6;
}

/// A batch of instructions and the text they take their strings from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ops {
    pub codes: Vec<u32>,
    pub text: String,
}

/// UTF-16 units in `s`: what JavaScript counts. Every byte that starts a
/// character is one unit, and a four-byte character is two.
fn utf16_len(s: &str) -> u32 {
    s.bytes()
        .map(|b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

impl Ops {
    fn open(&mut self, tag: Tag) {
        self.codes.extend([op::OPEN, tag as u32]);
    }

    fn attr(&mut self, attr: Attr, value: &str) {
        self.codes.extend([op::ATTR, attr as u32, utf16_len(value)]);
        self.text.push_str(value);
    }

    fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.codes.extend([op::TEXT, utf16_len(text)]);
            self.text.push_str(text);
        }
    }

    fn close(&mut self) {
        self.codes.push(op::CLOSE);
    }

    /// An element with a class.
    fn open_with_class(&mut self, tag: Tag, class: &str) {
        self.open(tag);
        self.attr(Attr::Class, class);
    }
}

/// What opens and closes around a stretch of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    Section(usize),
    Group(usize),
    /// A run of items of a long level (see [`CHUNK_ITEMS`]).
    Chunk,
    /// A run of rows of a long table, drawn as a table of its own (see
    /// [`CHUNK_ITEMS`]).
    TablePart,
}

/// A level of the article (its top, or a section's body) with more items or
/// text than this is drawn in chunks (`.ar-chunk`) of at most [`CHUNK_ITEMS`]
/// items or about [`CHUNK_BYTES`] of text. Why: the browser lays out a
/// container by walking all its children, so a level of 500,000 lines grown a
/// slice at a time would cost more on every frame; and a chunk out of view
/// skips layout and paint (`content-visibility: auto`), with one observer per
/// chunk rather than per section.
pub const CHUNK_ITEMS: usize = 64;
/// See [`CHUNK_ITEMS`].
pub const CHUNK_BYTES: usize = 32 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Open(Frame),
    Close(Frame),
    Block(usize),
}

/// The article below its header as steps in document order: sections and
/// containers open and close around blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    steps: Vec<Step>,
}

/// Keyword marks drawn into the blocks, where the browser cannot paint
/// highlights: what each block paints, and the find bar's current match.
#[derive(Clone, Copy)]
pub struct Marks<'a> {
    pub paint: &'a [std::rc::Rc<[Paint]>],
    pub current: Option<Span>,
}

impl Marks<'_> {
    fn of(&self, block: usize) -> &[Paint] {
        self.paint.get(block).map_or(&[], |p| &p[..])
    }
}

impl Plan {
    /// Everything of `article` but its title (which the header shows).
    pub fn new(article: &Article) -> Plan {
        let doc = &article.document;
        let mut plan = Plan::default();
        let top: Vec<Content> = article
            .contents
            .of(None)
            .iter()
            .copied()
            .filter(|item| !matches!(item, Content::Block(b) if doc.blocks[*b].kind == BlockKind::Title))
            .collect();
        plan.add(article, &top);
        plan
    }

    fn add(&mut self, article: &Article, items: &[Content]) {
        let doc = &article.document;
        let layouts = nest(doc, items);
        let sizes: Vec<usize> = layouts.iter().map(|l| text_len(doc, l)).collect();
        let chunked = layouts.len() > CHUNK_ITEMS || sizes.iter().sum::<usize>() > 2 * CHUNK_BYTES;
        let (mut items, mut bytes) = (0, 0);
        for (layout, size) in layouts.iter().zip(sizes) {
            if chunked && items == 0 {
                self.steps.push(Step::Open(Frame::Chunk));
            }
            self.add_layout(article, layout);
            items += 1;
            bytes += size;
            if chunked && (items == CHUNK_ITEMS || bytes >= CHUNK_BYTES) {
                self.steps.push(Step::Close(Frame::Chunk));
                (items, bytes) = (0, 0);
            }
        }
        if items > 0 && chunked {
            self.steps.push(Step::Close(Frame::Chunk));
        }
    }

    fn add_layout(&mut self, article: &Article, layout: &Layout) {
        match layout {
            &Layout::Block(block) => self.steps.push(Step::Block(block)),
            &Layout::Section(node) => {
                self.steps.push(Step::Open(Frame::Section(node)));
                self.add(article, article.contents.of(Some(node)));
                self.steps.push(Step::Close(Frame::Section(node)));
            }
            Layout::Group { container, items } => {
                // A table is laid out whole: one of 20,000 rows, grown a slice
                // at a time, is laid out again whole on every slice. A long
                // one is drawn as tables of CHUNK_ITEMS rows, each in a chunk
                // of its own, laid out alone (and out of view, not at all).
                let long_table = article.document.containers[*container].kind
                    == ContainerKind::Table
                    && items.len() > CHUNK_ITEMS;
                let rows = if long_table {
                    CHUNK_ITEMS
                } else {
                    items.len().max(1)
                };
                for part in items.chunks(rows) {
                    if long_table {
                        self.steps.push(Step::Open(Frame::TablePart));
                    }
                    self.steps.push(Step::Open(Frame::Group(*container)));
                    for item in part {
                        self.add_layout(article, item);
                    }
                    self.steps.push(Step::Close(Frame::Group(*container)));
                    if long_table {
                        self.steps.push(Step::Close(Frame::TablePart));
                    }
                }
                if items.is_empty() {
                    self.steps.push(Step::Open(Frame::Group(*container)));
                    self.steps.push(Step::Close(Frame::Group(*container)));
                }
            }
        }
    }

    /// How many steps there are.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The block step `step` draws, if it draws one; section openings count
    /// as their heading's block. Blocks come in ascending order.
    pub fn block_at(&self, doc: &Document, step: usize) -> Option<usize> {
        match self.steps.get(step)? {
            Step::Block(block) => Some(*block),
            Step::Open(Frame::Section(node)) => Some(doc.nodes[*node].block),
            _ => None,
        }
    }

    /// Appends the instructions of the steps from `from` on to `out`, until
    /// `budget` bytes of text are out (at least one step); returns where the
    /// next batch starts (the length once everything is out).
    pub fn emit(
        &self,
        doc: &Document,
        lang: Lang,
        marks: Option<Marks>,
        from: usize,
        budget: usize,
        out: &mut Ops,
    ) -> usize {
        let start = out.text.len();
        let mut at = from;
        while at < self.steps.len() && (at == from || out.text.len() - start < budget) {
            match self.steps[at] {
                Step::Block(block) => draw_block(doc, block, marks, out),
                Step::Open(Frame::Section(node)) => open_section(doc, node, lang, marks, out),
                Step::Open(Frame::Group(container)) => open_group(doc, container, out),
                Step::Close(Frame::Section(_)) => {
                    out.close();
                    out.close();
                }
                Step::Close(Frame::Group(container)) => {
                    out.close();
                    if doc.containers[container].kind == ContainerKind::Table {
                        out.close();
                    }
                }
                Step::Open(Frame::Chunk) => out.open_with_class(Tag::Div, "ar-chunk"),
                Step::Open(Frame::TablePart) => {
                    out.open_with_class(Tag::Div, "ar-chunk ar-table-part");
                }
                Step::Close(Frame::Chunk | Frame::TablePart) => out.close(),
            }
            at += 1;
        }
        at
    }
}

/// How much text a laid-out item holds, in bytes.
fn text_len(doc: &Document, layout: &Layout) -> usize {
    match layout {
        Layout::Block(block) => doc.blocks[*block].span.len(),
        Layout::Section(node) => doc.nodes[*node].span.len(),
        Layout::Group { items, .. } => items.iter().map(|item| text_len(doc, item)).sum(),
    }
}

/// `h2` for level 1 (the title is the `h1`), down to `h6`.
fn heading_tag(level: u8) -> Tag {
    match level {
        0 | 1 => Tag::H2,
        2 => Tag::H3,
        3 => Tag::H4,
        4 => Tag::H5,
        _ => Tag::H6,
    }
}

/// A section as a container: its heading with a fold toggle, then its body,
/// left open for its blocks and subsections. Folding is applied apart (see
/// `fold` in render.js), so a section is drawn the same folded or not.
fn open_section(doc: &Document, node: usize, lang: Lang, marks: Option<Marks>, out: &mut Ops) {
    let n = &doc.nodes[node];
    let NodeKind::Section { level } = n.kind else {
        return;
    };
    let heading_id = dom_ids::node(&n.id);
    let body_id = dom_ids::section_body(&n.id);
    let data_node = node.to_string();
    out.open_with_class(
        Tag::Section,
        &format!("ar-section ar-level-{}", level.min(6)),
    );
    out.codes.extend([op::SECTION, node as u32]);
    out.attr(Attr::AriaLabelledby, &heading_id);
    out.open_with_class(Tag::Div, "ar-heading-row");
    out.open_with_class(Tag::Button, "ar-fold");
    out.attr(Attr::Type, "button");
    out.attr(Attr::AriaExpanded, "true");
    out.attr(Attr::AriaControls, &body_id);
    out.attr(Attr::AriaLabel, lang.labels().toggle_section);
    out.attr(Attr::DataNode, &data_node);
    out.close();
    out.open_with_class(heading_tag(level), "ar-heading");
    out.attr(Attr::Id, &heading_id);
    out.attr(Attr::DataBlock, &n.block.to_string());
    out.attr(Attr::Tabindex, "-1");
    if level > 5 {
        out.attr(Attr::AriaLevel, &(level + 1).to_string());
    }
    out.codes.extend([op::BLOCK, n.block as u32]);
    block_content(doc, n.block, marks, out);
    out.close();
    out.close();
    out.open_with_class(Tag::Div, "ar-section-body");
    out.attr(Attr::Id, &body_id);
    out.attr(Attr::DataNode, &data_node);
}

fn open_group(doc: &Document, container: usize, out: &mut Ops) {
    match doc.containers[container].kind {
        ContainerKind::List { ordered, start } => {
            out.open_with_class(if ordered { Tag::Ol } else { Tag::Ul }, "ar-list");
            if ordered && start != 1 {
                out.attr(Attr::Start, &start.to_string());
            }
        }
        ContainerKind::Item => out.open(Tag::Li),
        ContainerKind::Quote => out.open_with_class(Tag::Blockquote, "ar-quote"),
        ContainerKind::Table => {
            out.open_with_class(Tag::Div, "ar-table-wrap");
            out.open_with_class(Tag::Table, "ar-table");
        }
        ContainerKind::Row => out.open(Tag::Tr),
        ContainerKind::Figure => out.open_with_class(Tag::Figure, "ar-figure"),
    }
}

/// One block: the element holding its text (in a `<pre>` for code), with
/// its text in it.
fn draw_block(doc: &Document, block: usize, marks: Option<Marks>, out: &mut Ops) {
    let b = &doc.blocks[block];
    let in_table = b
        .container
        .and_then(|c| doc.containers.get(c))
        .is_some_and(|c| c.kind == ContainerKind::Table);
    let (tag, class) = match &b.kind {
        BlockKind::Paragraph { .. } => (Tag::P, Some("ar-paragraph")),
        BlockKind::ListItem => (Tag::Div, Some("ar-list-item")),
        BlockKind::Quote => (Tag::P, Some("ar-quote-text")),
        BlockKind::Code => {
            out.open_with_class(Tag::Pre, "ar-code");
            (Tag::Code, None)
        }
        BlockKind::Cell { header: true } => (Tag::Th, None),
        BlockKind::Cell { header: false } => (Tag::Td, None),
        BlockKind::Caption if in_table => (Tag::Caption, None),
        BlockKind::Caption => (Tag::Figcaption, Some("ar-caption")),
        BlockKind::Rule => {
            out.open_with_class(Tag::Hr, "ar-rule");
            out.close();
            return;
        }
        BlockKind::Media => (Tag::P, Some("ar-media")),
        // Titles and headings are drawn by the header and the sections.
        BlockKind::Title | BlockKind::Heading { .. } => return,
    };
    out.open(tag);
    if let Some(class) = class {
        out.attr(Attr::Class, class);
    }
    out.attr(Attr::DataBlock, &block.to_string());
    out.codes.extend([op::BLOCK, block as u32]);
    block_content(doc, block, marks, out);
    out.close();
    if b.kind == BlockKind::Code {
        out.close();
    }
}

/// What goes inside block `block`'s element: its text, with its points,
/// formatting and (where drawn) keyword marks. Also what a block drawn again
/// is given (keyword marks changed), and the title.
pub fn block_content(doc: &Document, block: usize, marks: Option<Marks>, out: &mut Ops) {
    let b = &doc.blocks[block];
    match &b.kind {
        BlockKind::Paragraph { points } if !points.is_empty() => {
            paragraph_with_points(doc, block, points, marks, out)
        }
        _ => block_text(doc, block, b.span, marks, out),
    }
}

/// The paragraph's text, with each point wrapped in an anchor from its start
/// to the next point's start, and its opening clause (its outline label) in bold.
fn paragraph_with_points(
    doc: &Document,
    b: usize,
    points: &[usize],
    marks: Option<Marks>,
    out: &mut Ops,
) {
    let block = &doc.blocks[b];
    let first = doc.nodes[points[0]].span.start;
    block_text(doc, b, Span::new(block.span.start, first), marks, out);
    for (k, &p) in points.iter().enumerate() {
        let node = &doc.nodes[p];
        let end = points
            .get(k + 1)
            .map_or(block.span.end, |&next| doc.nodes[next].span.start);
        let text = &doc.body[node.span.start..end];
        // The label is the opening clause, maybe cut short with an ellipsis.
        let lead = node.label.trim_end_matches('…');
        let lead_end = node.span.start
            + if text.starts_with(lead) {
                lead.len()
            } else {
                0
            };
        out.open_with_class(Tag::Span, "ar-point");
        out.attr(Attr::Id, &dom_ids::node(&node.id));
        out.attr(Attr::Tabindex, "-1");
        out.open_with_class(Tag::Strong, "ar-point-lead");
        block_text(doc, b, Span::new(node.span.start, lead_end), marks, out);
        out.close();
        block_text(doc, b, Span::new(lead_end, end), marks, out);
        out.close();
    }
}

/// The text of `range` in block `block`, with its formatting (rich sources)
/// and, where `marks` are drawn, keyword marks; a mark crossing formatting is
/// cut in two there.
fn block_text(doc: &Document, block: usize, range: Span, marks: Option<Marks>, out: &mut Ops) {
    let b = &doc.blocks[block];
    if b.inlines.is_empty() {
        marked(doc, block, range, marks, out);
    } else {
        formatted(doc, block, &rich::pieces(b, range), marks, out);
    }
}

fn formatted(doc: &Document, block: usize, pieces: &[Piece], marks: Option<Marks>, out: &mut Ops) {
    let b = &doc.blocks[block];
    for piece in pieces {
        match piece {
            Piece::Text(span) => marked(doc, block, *span, marks, out),
            Piece::Image(k) => {
                if let InlineKind::Image { src, alt } = &b.inlines[*k].kind {
                    // One that cannot load shows its alt text (render.js).
                    out.open_with_class(Tag::Img, "ar-image");
                    out.attr(Attr::Src, src);
                    out.attr(Attr::Alt, alt);
                    out.attr(Attr::Loading, "lazy");
                    out.attr(Attr::Decoding, "async");
                    out.attr(Attr::Referrerpolicy, "no-referrer");
                    out.close();
                }
            }
            Piece::Inline { inline, children } => {
                let kind = &b.inlines[*inline].kind;
                match kind {
                    InlineKind::Strong => out.open(Tag::Strong),
                    InlineKind::Emphasis => out.open(Tag::Em),
                    InlineKind::Code => out.open_with_class(Tag::Code, "ar-inline-code"),
                    InlineKind::Link { href } => {
                        out.open_with_class(Tag::A, "ar-link");
                        out.attr(Attr::Href, href);
                        // Links open apart from the reader, which keeps its place.
                        if !href.starts_with("mailto:") {
                            out.attr(Attr::Target, "_blank");
                        }
                        out.attr(Attr::Rel, "noopener noreferrer");
                    }
                    // The "\n" stays in the text (as a space); the <br> breaks the line.
                    InlineKind::Break | InlineKind::Image { .. } => {
                        formatted(doc, block, children, marks, out);
                        if *kind == InlineKind::Break {
                            out.open(Tag::Br);
                            out.close();
                        }
                        continue;
                    }
                }
                formatted(doc, block, children, marks, out);
                out.close();
            }
        }
    }
}

/// Text of `range`, with marks where keywords are drawn.
fn marked(doc: &Document, block: usize, range: Span, marks: Option<Marks>, out: &mut Ops) {
    let Some(marks) = marks.filter(|m| !m.of(block).is_empty() || m.current.is_some()) else {
        out.text(doc.text(range));
        return;
    };
    let current = marks.current;
    for (span, keyword, is_current) in pieces(range, marks.of(block), current) {
        let text = doc.text(span);
        if keyword.is_none() && !is_current {
            out.text(text);
            continue;
        }
        let mut class = String::from("ar-mark");
        for extra in [
            keyword.map(dom_ids::keyword_colour),
            is_current.then_some("ar-current-match"),
        ]
        .into_iter()
        .flatten()
        {
            class.push(' ');
            class.push_str(extra);
        }
        out.open_with_class(Tag::Mark, &class);
        // The id goes on the piece where the current match starts: exactly one.
        if current.is_some_and(|c| is_current && c.start == span.start) {
            out.attr(Attr::Id, dom_ids::CURRENT_MATCH);
        }
        out.text(text);
        out.close();
    }
}

/// Where `spans` (ascending, not overlapping) lie in the blocks' DOM text, as
/// `[block, start, end]…`: UTF-16 offsets from the start of each block's
/// text, a span across blocks cut at their edges. What highlights are painted
/// from (render.js places them in each block's text nodes).
pub fn block_offsets(doc: &Document, spans: &[Span]) -> Vec<u32> {
    let mut lists = block_offsets_grouped(doc, spans, &|_| 0, 1);
    lists.pop().unwrap_or_default()
}

/// [`block_offsets`] for spans of several highlights at once: span `i` goes
/// to list `group(i)` of `groups`. The spans of all groups together are in
/// text order and do not overlap (a keyword's paint, say). Each block's text
/// is counted in one pass for all of them, where a call per highlight counted
/// it once for each.
pub fn block_offsets_grouped(
    doc: &Document,
    spans: &[Span],
    group: &dyn Fn(usize) -> usize,
    groups: usize,
) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); groups];
    // The block being collected, its byte offsets so far, and the group of
    // each pair of them.
    let mut current: Option<usize> = None;
    let mut bytes: Vec<usize> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    let mut flush = |block: usize, bytes: &mut Vec<usize>, owners: &mut Vec<usize>| {
        let units = text::utf16_offsets(doc.text(doc.blocks[block].span), bytes);
        for (pair, &owner) in units.chunks(2).zip(owners.iter()) {
            out[owner].extend([block as u32, pair[0], pair[1]]);
        }
        bytes.clear();
        owners.clear();
    };
    let mut from = 0;
    for (i, span) in spans.iter().enumerate() {
        from += doc.blocks[from..].partition_point(|b| b.span.end <= span.start);
        for (k, block) in doc.blocks.iter().enumerate().skip(from) {
            if block.span.start >= span.end {
                break;
            }
            let (start, end) = (
                span.start.max(block.span.start),
                span.end.min(block.span.end),
            );
            if start >= end {
                continue;
            }
            if current.is_some_and(|c| c != k) {
                flush(current.unwrap_or(k), &mut bytes, &mut owners);
            }
            current = Some(k);
            bytes.extend([start - block.span.start, end - block.span.start]);
            owners.push(group(i));
        }
    }
    if let Some(block) = current {
        flush(block, &mut bytes, &mut owners);
    }
    out
}

/// The outline tree (a WAI-ARIA tree) as steps: each node's row opens, its
/// children follow in their group, and it closes; nodes come in their order,
/// parents first. Every node is built, its group `hidden` while it is closed
/// (see `outline` in render.js for what changes later: what is open, the tab
/// stop, the node being read, counts, which nodes are listed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutlinePlan {
    steps: Vec<Row>,
    /// Each node's place among its siblings: (position, size).
    place: Vec<(u32, u32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    Open(usize),
    Close(usize),
    /// A run of top-level nodes, in a long outline (see [`CHUNK_ROWS`]).
    OpenChunk,
    CloseChunk,
}

/// An outline of more nodes than this holds its top-level nodes in chunks of
/// about this many rows (`.ar-tree-chunk`, presentational), for the reasons
/// the article has chunks (see [`CHUNK_ITEMS`]).
pub const CHUNK_ROWS: usize = 200;

impl OutlinePlan {
    pub fn new(doc: &Document) -> OutlinePlan {
        let mut plan = OutlinePlan {
            steps: Vec::with_capacity(doc.nodes.len() * 2),
            place: vec![(1, 1); doc.nodes.len()],
        };
        let roots: Vec<usize> = doc.roots().collect();
        let chunked = doc.nodes.len() > CHUNK_ROWS;
        let mut rows = 0;
        for (i, &n) in roots.iter().enumerate() {
            if chunked && rows == 0 {
                plan.steps.push(Row::OpenChunk);
            }
            let before = plan.steps.len();
            plan.add(doc, n, (i as u32 + 1, roots.len() as u32));
            rows += (plan.steps.len() - before) / 2;
            if chunked && rows >= CHUNK_ROWS {
                plan.steps.push(Row::CloseChunk);
                rows = 0;
            }
        }
        if chunked && rows > 0 {
            plan.steps.push(Row::CloseChunk);
        }
        plan
    }

    fn add(&mut self, doc: &Document, n: usize, place: (u32, u32)) {
        self.place[n] = place;
        self.steps.push(Row::Open(n));
        let children = &doc.nodes[n].children;
        for (i, &child) in children.iter().enumerate() {
            self.add(doc, child, (i as u32 + 1, children.len() as u32));
        }
        self.steps.push(Row::Close(n));
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The node whose row the steps from `step` on open first, if any: every
    /// node before it has its row.
    pub fn next_node(&self, step: usize) -> Option<usize> {
        self.steps.get(step..)?.iter().find_map(|row| match row {
            Row::Open(n) => Some(*n),
            _ => None,
        })
    }

    /// Appends the instructions of the steps from `from` on, `rows` rows at
    /// most (at least one step); returns where the next batch starts. Rows
    /// are built open; `seconds` are each node's reading time.
    pub fn emit(
        &self,
        doc: &Document,
        seconds: &[u32],
        from: usize,
        rows: usize,
        out: &mut Ops,
    ) -> usize {
        let mut at = from;
        let mut opened = 0;
        while at < self.steps.len() && (at == from || opened < rows) {
            match self.steps[at] {
                Row::Open(n) => {
                    self.open_row(doc, n, seconds, out);
                    opened += 1;
                }
                Row::Close(n) => {
                    if !doc.nodes[n].children.is_empty() {
                        out.close();
                    }
                    out.close();
                }
                Row::OpenChunk => {
                    out.open_with_class(Tag::Li, "ar-tree-chunk");
                    out.attr(Attr::Role, "none");
                    out.open_with_class(Tag::Ul, "ar-tree-chunk-list");
                    out.attr(Attr::Role, "none");
                }
                Row::CloseChunk => {
                    out.close();
                    out.close();
                }
            }
            at += 1;
        }
        at
    }

    /// Node `n`'s row, left open (with its group, for a parent) for its children.
    fn open_row(&self, doc: &Document, n: usize, seconds: &[u32], out: &mut Ops) {
        let node = &doc.nodes[n];
        let parent = !node.children.is_empty();
        let (position, size) = self.place[n];
        out.open_with_class(Tag::Li, "ar-tree-item");
        out.attr(Attr::Role, "treeitem");
        out.attr(Attr::Id, &dom_ids::outline_row(&node.id));
        out.attr(Attr::DataNode, &n.to_string());
        out.attr(Attr::AriaLevel, &(node.depth + 1).to_string());
        out.attr(Attr::AriaPosinset, &position.to_string());
        out.attr(Attr::AriaSetsize, &size.to_string());
        if parent {
            out.attr(Attr::AriaExpanded, "true");
        }
        out.attr(Attr::Tabindex, "-1");
        out.codes.extend([op::ROW, n as u32]);
        // The row is lean, as there is one per heading and point: its reading
        // time is an attribute that CSS shows when asked (mostly it is not),
        // and only a parent has a twisty (a leaf's label is indented instead).
        out.open_with_class(Tag::Div, "ar-tree-row");
        out.attr(
            Attr::DataTime,
            &reading_time::outline_minutes(seconds.get(n).copied().unwrap_or(0)).to_string(),
        );
        if parent {
            out.open_with_class(Tag::Span, "ar-twisty ar-twisty-parent");
            out.attr(Attr::AriaHidden, "true");
            out.close();
        }
        out.open_with_class(Tag::Span, "ar-tree-label");
        out.text(&node.label);
        out.close();
        out.close();
        if parent {
            out.open_with_class(Tag::Ul, "ar-tree-group");
            out.attr(Attr::Role, "group");
        }
    }
}

/// Which nodes the outline lists, and so where each stands among its listed
/// siblings and whether it shows as a parent: `[listed, position, size,
/// parent]` per node (see `Matches::lists`).
pub fn listing(doc: &Document, listed: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut out = vec![0; doc.nodes.len() * 4];
    let roots: Vec<usize> = doc.roots().collect();
    let place = |siblings: &[usize], out: &mut Vec<u32>| {
        let shown: Vec<usize> = siblings.iter().copied().filter(|&n| listed(n)).collect();
        for (i, &n) in shown.iter().enumerate() {
            out[n * 4..n * 4 + 3].copy_from_slice(&[1, i as u32 + 1, shown.len() as u32]);
        }
    };
    place(&roots, &mut out);
    for (n, node) in doc.nodes.iter().enumerate() {
        place(&node.children, &mut out);
        out[n * 4 + 3] = u32::from(node.children.iter().any(|&c| listed(c)));
    }
    out
}

/// The outline as nested lists of labels: the table of contents a printed
/// article starts with.
pub fn contents_list(doc: &Document, out: &mut Ops) {
    let roots: Vec<usize> = doc.roots().collect();
    list_of(doc, &roots, out);
}

fn list_of(doc: &Document, nodes: &[usize], out: &mut Ops) {
    out.open_with_class(Tag::Ul, "ar-print-contents-list");
    for &n in nodes {
        out.open(Tag::Li);
        out.text(&doc.nodes[n].label);
        if !doc.nodes[n].children.is_empty() {
            list_of(doc, &doc.nodes[n].children, out);
        }
        out.close();
    }
    out.close();
}

#[cfg(test)]
mod tests;
