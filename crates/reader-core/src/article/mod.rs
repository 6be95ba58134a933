//! The document model: article text in, a tree of sections and points out.
//!
//! Pure Rust (no Yew, no web-sys), so everything here is tested natively.
//! [`parse`] runs the pipeline in numbered steps, one module each:
//!
//! 1. [`blocks`]: normalise line breaks and control characters, detect the
//!    format, and cut plain text into blocks (fenced code and underlined
//!    headings kept, HTML comments and running page headers and footers left
//!    out). Rich sources (HTML, and Markdown once converted to HTML) arrive
//!    already cut, from [`crate::html`], with their inline formatting and
//!    containers (lists, quotes, tables, figures).
//! 2. [`metadata`]: take the title (first non-empty line), the source and
//!    publication-time line below it, and a byline (`作者：`, `Author:`, a name
//!    with its office) before the text.
//! 3. [`boilerplate`]: drop site footers (page numbers, registration numbers,
//!    visitor counters, copyright, contact and address lines, rows of links, stray
//!    link words) by general rules, and take the signature at the end.
//! 4. [`headings`]: find headings from Chinese official numbering (一、 （一） 1. （1）),
//!    laws' 第X编/章/节/条, English numbering, or tagged headings (`<h2>`,
//!    Markdown `#`), keeping only consistent sequences; unnumbered text by the
//!    shape of its lines ([`shape`]).
//! 5. Assemble the body text and the section tree, each node with its byte span.
//! 6. [`points`]: find enumerations (一是…二是…, 第一…, 首先…最后…), parallel
//!    runs (坚持…坚持…坚持…, ——…——…——…) and lead sentences of consecutive
//!    paragraphs inside each section's paragraphs.
//! 7. [`ids`]: give every heading and point a stable, unique, URL-safe id.
//!
//! Spans are byte offsets into [`Document::body`] that always fall on character
//! boundaries, so `&body[span.range()]` is the exact text of a node. Each block
//! has one continuous text however it was marked up: a keyword across `<strong>`
//! is one match, and inline formatting is a list of spans over that text.

pub(crate) mod blocks;
mod boilerplate;
mod headings;
mod ids;
mod metadata;
mod points;
pub mod reading_time;
pub mod rich;
mod shape;
pub mod text;

pub use blocks::detect_format;
pub use ids::slugify;
pub(crate) use metadata::is_metadata_line;

/// How the article text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// Plain text, one paragraph per line or per blank-line separated block.
    PlainText,
    /// Markdown (CommonMark with tables). The browser converts it to HTML with
    /// the lazily loaded `markdown` module, then reads it as [`SourceFormat::Html`]
    /// does; [`parse_with`] alone reads it as plain text.
    Markdown,
    /// HTML: a whole page (its main article is extracted) or a fragment.
    Html,
}

/// A half-open byte range into [`Document::body`], always on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Who wrote the article and where it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The publishing site or outlet (`文章来源: 红星网`).
    pub source: Option<String>,
    /// The publication time as written (`2022-12-05 17:37`).
    pub published: Option<String>,
    /// The author, from a byline at the top or a signature at the end.
    pub author: Option<String>,
}

/// What a block of the body is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The article title; part of the body so that keywords in it are found too.
    Title,
    /// A section heading; `node` indexes [`Document::nodes`].
    Heading { node: usize },
    /// Running text; `points` index the point nodes that start inside it.
    Paragraph { points: Vec<usize> },
    /// The text of a list item.
    ListItem,
    /// A paragraph of a block quote.
    Quote,
    /// Preformatted text (a code block).
    Code,
    /// A table cell; `header` for `<th>`.
    Cell { header: bool },
    /// The caption of a figure or table.
    Caption,
    /// A thematic break (`<hr>`): no text.
    Rule,
    /// Images standing alone (a figure's picture): no text of its own.
    Media,
}

/// One displayed block: its kind, its text span and the innermost section holding it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Index into [`Document::nodes`] of the innermost section containing this block.
    pub section: Option<usize>,
    /// Index into [`Document::containers`] of the innermost list item, quote,
    /// table row or figure holding this block; `None` at the top level.
    pub container: Option<usize>,
    /// Inline formatting over [`Block::span`] (body offsets), outermost first;
    /// empty for plain text.
    pub inlines: Vec<Inline>,
}

/// Inline formatting of rich sources: what a span of a block's text is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InlineKind {
    Strong,
    Emphasis,
    Code,
    /// A link; `href` is always an absolute http, https or mailto URL.
    Link {
        href: String,
    },
    /// An image, at an empty span (its alt text is not part of the text, which
    /// is what the reader sees and searches); `src` is an absolute http(s) URL.
    Image {
        src: String,
        alt: String,
    },
    /// A line break: its span is the `\n` that stands for it in the text.
    Break,
}

/// Inline formatting over a span of text. Spans are well nested: one either
/// holds another or is apart from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inline {
    pub kind: InlineKind,
    pub span: Span,
}

/// What holds blocks in a rich document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerKind {
    /// A list; `start` is the first number of an ordered list.
    List {
        ordered: bool,
        start: u32,
    },
    /// A list item (in a list).
    Item,
    Quote,
    Table,
    /// A table row (in a table).
    Row,
    Figure,
}

/// A container of blocks (and of other containers), in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Container {
    pub kind: ContainerKind,
    pub parent: Option<usize>,
}

/// Whether an outline node is a heading's section or a point inside a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A section introduced by a heading; `level` 1 is the top.
    Section { level: u8 },
    /// An enumerated or parallel point inside a paragraph.
    Point,
}

/// A node of the outline tree: a section or a point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Stable, unique, URL-safe id derived from the node's text.
    pub id: String,
    pub kind: NodeKind,
    /// Text shown in the outline: the heading, or the point's opening clause.
    pub label: String,
    /// For a section, from its heading to the end of its last block; for a point,
    /// from its marker to the next point or the end of its paragraph or sentence.
    pub span: Span,
    /// The block holding the heading or the point's start.
    pub block: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Depth in the tree; top-level nodes have depth 0.
    pub depth: u8,
}

/// A parsed article. Nodes are in document order (a parent before its children).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub metadata: Metadata,
    pub format: SourceFormat,
    /// The kept text: title, headings and paragraphs, joined by `\n`.
    pub body: String,
    pub blocks: Vec<Block>,
    pub nodes: Vec<Node>,
    /// Lists, quotes, tables and figures of rich sources, parents first.
    pub containers: Vec<Container>,
}

impl Document {
    /// The text of a span of the body.
    pub fn text(&self, span: Span) -> &str {
        &self.body[span.range()]
    }

    /// Indexes of the top-level nodes.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .map(|(i, _)| i)
    }

    /// The node with this id.
    pub fn node_by_id(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// Indexes of the section nodes, in document order.
    pub fn sections(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n.kind, NodeKind::Section { .. }))
            .map(|(i, _)| i)
    }

    /// The innermost node whose span contains `offset` (sections and points).
    pub fn node_at(&self, offset: usize) -> Option<usize> {
        // Nodes are in pre-order and children lie inside parents: from the last
        // node starting at or before `offset`, climb until one covers it.
        let mut node = self
            .nodes
            .partition_point(|n| n.span.start <= offset)
            .checked_sub(1);
        while let Some(n) = node
            && self.nodes[n].span.end <= offset
        {
            node = self.nodes[n].parent;
        }
        node
    }
}

/// One item directly inside a section (or the top of the article), in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// A block that is not the section's own heading.
    Block(usize),
    /// A subsection, by node index.
    Section(usize),
}

/// The nesting of blocks and sections, for views that render sections as
/// containers (so that a whole section can fold).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    top: Vec<Content>,
    by_node: Vec<Vec<Content>>,
}

impl Contents {
    /// What `section` holds directly; `None` is the top of the article.
    pub fn of(&self, section: Option<usize>) -> &[Content] {
        match section {
            None => &self.top,
            Some(node) => self.by_node.get(node).map_or(&[], Vec::as_slice),
        }
    }
}

impl Document {
    /// The direct contents of the top level and of every section.
    pub fn contents(&self) -> Contents {
        let mut contents = Contents {
            top: Vec::new(),
            by_node: vec![Vec::new(); self.nodes.len()],
        };
        for (i, block) in self.blocks.iter().enumerate() {
            let (holder, item) = match block.kind {
                BlockKind::Heading { node } => (self.nodes[node].parent, Content::Section(node)),
                _ => (block.section, Content::Block(i)),
            };
            match holder {
                None => contents.top.push(item),
                Some(node) => contents.by_node[node].push(item),
            }
        }
        contents
    }
}

/// Hints from where the text came from; the parser sniffs when they are absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// `Some(format)` when a file extension or content type said so.
    pub format: Option<SourceFormat>,
}

/// Blocks cut from a rich source by [`crate::html`], ready for steps 2–7.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RichBlocks {
    pub(crate) blocks: Vec<blocks::RawBlock>,
    pub(crate) containers: Vec<Container>,
}

impl RichBlocks {
    /// True when there is no text at all (images alone are not an article).
    pub fn is_blank(&self) -> bool {
        self.blocks.iter().all(|b| text::trim(&b.text).is_empty())
    }
}

/// Markdown without its front matter: what the Markdown converter is given
/// (the front matter is read here, from the whole text).
pub fn markdown_body(text: &str) -> &str {
    blocks::front_matter(text).1
}

/// Parses article text into a [`Document`]. Never panics; linear in the input size.
pub fn parse(input: &str) -> Document {
    parse_with(input, ParseOptions::default())
}

/// [`parse`] with hints about the source format. Only plain text is cut here:
/// HTML and Markdown need the browser first (see [`SourceFormat`]), so given
/// here they are read as plain text.
pub fn parse_with(input: &str, options: ParseOptions) -> Document {
    let (blocks, format) = split_with(input, options);
    parse_rich(blocks, format)
}

/// Step 1 of [`parse_with`] alone: the text cleaned and cut into blocks,
/// and its format; [`parse_rich`] does the rest. (The browser runs the steps
/// in tasks of their own, so that a long article never holds the page; this
/// one as four: [`normalized`], [`classify_lines`], taking out the
/// furniture, and [`cut`].)
pub fn split_with(input: &str, options: ParseOptions) -> (RichBlocks, SourceFormat) {
    let (text, format) = normalized(input, options);
    (cut(classify_lines(&text).without_furniture()), format)
}

/// The first part of [`split_with`]: the text with its line ends made one
/// and its control characters out, and its format.
pub fn normalized(input: &str, options: ParseOptions) -> (String, SourceFormat) {
    let text = blocks::normalize(input);
    let format = options
        .format
        .unwrap_or_else(|| blocks::detect_format(&text));
    (text, format)
}

/// The second part of [`split_with`]: each line of a normalized text
/// classified (code, comments, underlined titles, text); its
/// `without_furniture()` is the third, which takes out running headers and
/// footers.
pub fn classify_lines(text: &str) -> blocks::SortedLines<'_> {
    blocks::classify_lines(text)
}

/// The last part of [`split_with`]: the sorted lines cut into blocks.
pub fn cut(lines: blocks::SortedLines<'_>) -> RichBlocks {
    RichBlocks {
        blocks: blocks::blocks_of(lines),
        containers: Vec::new(),
    }
}

/// Parses the blocks of a rich source (steps 2–7; [`crate::html`] did step 1).
pub fn parse_rich(rich: RichBlocks, format: SourceFormat) -> Document {
    let mut document = sections(clean(rich, format));
    points(&mut document);
    ids(&mut document);
    document
}

/// The blocks of an article with its title, metadata and page furniture
/// taken out: what [`sections`] builds the document from.
pub struct Cleaned {
    title: String,
    meta: Metadata,
    blocks: Vec<blocks::RawBlock>,
    containers: Vec<Container>,
    format: SourceFormat,
}

/// Steps 2 and 3 of [`parse_rich`] alone: the title and metadata at the top,
/// the footer and signature at the end, furniture throughout. [`sections`],
/// [`points`] and [`ids`] do the rest (the browser runs the four in tasks of
/// their own, so that a long article never holds the page for the whole).
pub fn clean(rich: RichBlocks, format: SourceFormat) -> Cleaned {
    let mut raw = rich.blocks;
    // 2. Title and metadata at the top.
    // A title given apart from the text (front matter, a page's heading or
    // `<title>`) may be printed again above it; one taken from the text is not.
    let (title, titled_apart) = metadata::take_title(&mut raw);
    // Before the metadata lines (Markdown's `# Title` above its byline, a
    // CMS's `h2` above its property line) and after them (the headline again
    // in bold at the top of the text).
    if titled_apart {
        metadata::drop_title_repeat(&mut raw, &title, true);
    }
    let mut meta = metadata::take_front_matter(&mut raw);
    if titled_apart {
        metadata::drop_title_repeat(&mut raw, &title, false);
    }

    // 3. Footer boilerplate and the signature at the end.
    let signed = boilerplate::strip(&mut raw);
    meta.author = meta.author.or(signed.author);
    meta.source = meta.source.or(signed.source);
    meta.published = meta.published.or(signed.published);
    Cleaned {
        title,
        meta,
        blocks: raw,
        containers: rich.containers,
        format,
    }
}

/// Steps 4 and 5 of [`parse_rich`] alone: the headings, then the body and
/// the section tree.
pub fn sections(cleaned: Cleaned) -> Document {
    let Cleaned {
        title,
        meta,
        blocks,
        containers,
        format,
    } = cleaned;
    // 4. Headings.
    let detected = headings::detect(&blocks, format);

    // 5. Body and section tree.
    // The body holds the title and every block, a line each (a run-in
    // heading and its text two): made that large at once, it is not grown by
    // doubling (a long article's body would otherwise take up to twice its
    // size, and its old copy more while it grows).
    let body_len = title.len()
        + blocks
            .iter()
            .zip(&detected)
            .map(|(b, h)| b.text.len() + 1 + usize::from(h.is_some_and(|h| h.split_at.is_some())))
            .sum::<usize>();
    let mut builder = Builder::new(&title, body_len);
    for (block, heading) in blocks.iter().zip(detected) {
        builder.push(block, heading);
    }
    debug_assert!(builder.body.len() <= body_len, "the body outgrew its room");
    drop(blocks);
    builder.finish(title, meta, format, containers)
}

/// Step 6 of parsing: the points inside paragraphs.
pub fn points(document: &mut Document) {
    points::detect(document);
}

/// Step 7 of parsing: every node's id, once the points are known.
pub fn ids(document: &mut Document) {
    ids::assign(document);
}

/// Appends blocks to the body and grows the section tree (step 5).
struct Builder {
    body: String,
    blocks: Vec<Block>,
    nodes: Vec<Node>,
    /// Open sections, innermost last: (node index, level).
    open: Vec<(usize, u8)>,
}

impl Builder {
    /// A builder for a body of at most `body_len` bytes.
    fn new(title: &str, body_len: usize) -> Self {
        let mut builder = Self {
            body: String::with_capacity(body_len),
            blocks: Vec::new(),
            nodes: Vec::new(),
            open: Vec::new(),
        };
        if !title.is_empty() {
            let span = builder.append(title);
            builder.push_block(BlockKind::Title, span, None, Vec::new());
        }
        builder
    }

    fn append(&mut self, text: &str) -> Span {
        if !self.body.is_empty() {
            self.body.push('\n');
        }
        let start = self.body.len();
        self.body.push_str(text);
        Span::new(start, self.body.len())
    }

    /// Appends `part`, a slice of `raw.text`, with the inline formatting over it.
    fn append_part(&mut self, raw: &blocks::RawBlock, part: &str) -> (Span, Vec<Inline>) {
        let offset = part.as_ptr() as usize - raw.text.as_ptr() as usize;
        let span = self.append(part);
        let inlines = raw.inlines_within(offset, part.len(), span.start);
        (span, inlines)
    }

    fn push(&mut self, raw: &blocks::RawBlock, heading: Option<headings::Heading>) {
        let Some(heading) = heading else {
            let (span, inlines) = self.append_part(raw, &raw.text);
            self.push_block(raw.kind.to_block_kind(), span, raw.container, inlines);
            return;
        };
        let (head, rest) = raw
            .text
            .split_at(heading.split_at.unwrap_or(raw.text.len()));
        let (head, rest) = (text::trim(head), text::trim(rest));
        let label = if heading.article {
            headings::article_label(head, rest)
        } else {
            head.to_string()
        };
        self.close_sections(heading.level);
        let (span, inlines) = self.append_part(raw, head);
        let node = self.nodes.len();
        self.nodes.push(Node {
            id: String::new(),
            kind: NodeKind::Section {
                level: heading.level,
            },
            label,
            span,
            block: self.blocks.len(),
            parent: self.open.last().map(|&(i, _)| i),
            children: Vec::new(),
            depth: self.open.len() as u8,
        });
        if let Some(&(parent, _)) = self.open.last() {
            self.nodes[parent].children.push(node);
        }
        self.open.push((node, heading.level));
        // A heading is never inside a list or quote: sections hold containers.
        self.push_block(BlockKind::Heading { node }, span, None, inlines);
        if !rest.is_empty() {
            let (span, inlines) = self.append_part(raw, rest);
            self.push_block(
                BlockKind::Paragraph { points: Vec::new() },
                span,
                None,
                inlines,
            );
        }
    }

    fn push_block(
        &mut self,
        kind: BlockKind,
        span: Span,
        container: Option<usize>,
        inlines: Vec<Inline>,
    ) {
        let section = self.open.last().map(|&(i, _)| i);
        for &(open, _) in &self.open {
            self.nodes[open].span.end = span.end;
        }
        self.blocks.push(Block {
            kind,
            span,
            section,
            container,
            inlines,
        });
    }

    /// Closes open sections at `level` or deeper, before a heading of `level`.
    fn close_sections(&mut self, level: u8) {
        while self.open.last().is_some_and(|&(_, open)| open >= level) {
            self.open.pop();
        }
    }

    fn finish(
        self,
        title: String,
        metadata: Metadata,
        format: SourceFormat,
        containers: Vec<Container>,
    ) -> Document {
        Document {
            title,
            metadata,
            format,
            body: self.body,
            blocks: self.blocks,
            nodes: self.nodes,
            containers,
        }
    }
}

#[cfg(test)]
mod tests;
