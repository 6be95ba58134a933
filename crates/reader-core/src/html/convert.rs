//! Rebuilds an article from a parsed HTML tree with an allowlist.
//!
//! Nothing from the source is copied to the page: the tree is read into blocks
//! of plain text with inline formatting spans and containers (the document
//! model of [`crate::article`]), and the views build their own elements from
//! that. So only what this module understands can appear, and nothing else:
//!
//! - blocks: `p`, `h1`–`h6`, `ul`/`ol`/`li`, `blockquote`, `pre`, data
//!   `table`s (`tr`, `td`, `th`, `caption`), `figure`/`figcaption`, `hr`;
//!   other block elements (`div`, `section`…) only separate paragraphs;
//! - inline: `strong`/`b`, `em`/`i`, `code`/`kbd`/`samp`, `a href`, `img src`,
//!   `br`; other inline elements keep their text only;
//! - attributes: `href`, `src` (or a lazy loader's `data-src`), `alt`, `start`,
//!   and nothing else: no `style`, `class`, `id` or event attribute;
//! - dropped with everything inside: scripts, styles, `template`, `noscript`,
//!   `iframe`, `object`, `embed`, forms and their controls, `svg`, `math`,
//!   media players, and hidden elements (marked by `extract::never_shown`).
//!
//! URLs follow [`super::url`]. Text is whitespace-collapsed as a browser shows
//! it (without a space where a line break joined two Chinese characters), and
//! bidirectional overrides are removed so that text cannot disguise itself.

use super::markup::{Markup, NodeData};
use super::url::{UrlUse, safe_url};
use crate::article::blocks::{RawBlock, RawKind};
use crate::article::text::{self, is_cjk};
use crate::article::{Container, ContainerKind, Inline, InlineKind, RichBlocks, Span};

/// What an element is to the rebuild.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Dropped with its whole subtree.
    Drop,
    /// Only its content counts (`span`, `font`, unknown elements).
    Transparent,
    /// Separates paragraphs (`div`, `section`, layout tables…).
    Block,
    Paragraph,
    Heading(u8),
    List {
        ordered: bool,
    },
    Item,
    Quote,
    Pre,
    Table,
    Row,
    Cell {
        header: bool,
    },
    Caption,
    Figure,
    Rule,
    Break,
    Image,
    Strong,
    Emphasis,
    Code,
    Link,
}

fn role(tag: &str) -> Role {
    match tag {
        "script" | "style" | "template" | "noscript" | "iframe" | "frame" | "frameset"
        | "object" | "embed" | "applet" | "param" | "svg" | "math" | "form" | "button"
        | "input" | "select" | "textarea" | "option" | "optgroup" | "datalist" | "output"
        | "canvas" | "audio" | "video" | "source" | "track" | "map" | "area" | "head" | "title"
        | "meta" | "link" | "base" | "noembed" | "noframes" | "xmp" | "plaintext" | "dialog"
        | "slot" | "portal" | "fencedframe" | "menu" | "col" | "colgroup" | "rp" => Role::Drop,
        "p" => Role::Paragraph,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading(tag.as_bytes()[1] - b'0'),
        "ul" | "dl" => Role::List { ordered: false },
        "ol" => Role::List { ordered: true },
        "li" | "dt" | "dd" => Role::Item,
        "blockquote" => Role::Quote,
        "pre" | "listing" => Role::Pre,
        "table" => Role::Table,
        "tr" => Role::Row,
        "td" => Role::Cell { header: false },
        "th" => Role::Cell { header: true },
        "caption" | "figcaption" => Role::Caption,
        "figure" => Role::Figure,
        "hr" => Role::Rule,
        "br" => Role::Break,
        "img" => Role::Image,
        "strong" | "b" => Role::Strong,
        "em" | "i" => Role::Emphasis,
        "code" | "kbd" | "samp" | "tt" => Role::Code,
        "a" => Role::Link,
        "html" | "body" | "div" | "section" | "article" | "main" | "header" | "footer" | "nav"
        | "aside" | "address" | "center" | "details" | "summary" | "hgroup" | "search"
        | "fieldset" | "legend" | "thead" | "tbody" | "tfoot" | "picture" => Role::Block,
        _ => Role::Transparent,
    }
}

/// True for elements dropped with everything inside them.
pub fn is_dropped(tag: &str) -> bool {
    role(tag) == Role::Drop
}

/// True for elements a reader of the page never sees.
pub fn is_hidden(markup: &Markup, index: usize) -> bool {
    let style = markup
        .attr(index, "style")
        .map(|s| s.replace(' ', "").to_ascii_lowercase())
        .unwrap_or_default();
    markup.attr(index, "hidden").is_some()
        || markup.attr(index, "aria-hidden") == Some("true")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// True for a table of data (rows and columns to read across), false for a
/// table that only lays out a page, which is read like `div`s. As Readability
/// decides: header cells or a caption say data; a nested table says layout;
/// otherwise size does.
fn is_data_table(markup: &Markup, table: usize) -> bool {
    if markup.attr(table, "role") == Some("presentation") {
        return false;
    }
    let (mut rows, mut columns, mut header) = (0usize, 0usize, false);
    for i in table + 1..markup.nodes[table].end {
        match markup.tag(i) {
            Some("table") => return false,
            Some("tr") => {
                rows += 1;
                let cells = markup
                    .children(i)
                    .filter(|&c| matches!(markup.tag(c), Some("td" | "th")))
                    .count();
                columns = columns.max(cells);
            }
            Some("th" | "thead" | "caption") => header = true,
            _ => {}
        }
    }
    rows >= 1 && (header || rows >= 10 || columns > 4 || rows * columns > 10)
}

/// What to do when the walk leaves an element.
#[derive(Clone, Copy, Debug)]
enum Exit {
    Flush,
    /// A table cell: flush even when empty, so that columns stay in place.
    Cell,
    Container,
    Inline,
    Table,
}

/// In [`Paragraph::open`], an inline element whose formatting is not kept.
const NOT_KEPT: usize = usize::MAX;

/// The paragraph being gathered.
#[derive(Default)]
struct Paragraph {
    text: String,
    inlines: Vec<Inline>,
    /// Indexes into `inlines` of the inline elements still open.
    open: Vec<usize>,
    /// Whitespace waiting to become one space; `true` if it held a line break.
    pending_space: Option<bool>,
    /// A kind the opening element decided (heading, cell, caption).
    kind: Option<RawKind>,
}

struct Rebuild<'a> {
    markup: &'a Markup,
    base: Option<&'a str>,
    skip: &'a [bool],
    out: RichBlocks,
    open_containers: Vec<usize>,
    /// For each open table: whether it is a data table.
    tables: Vec<bool>,
    /// Inside a data table's cell: blocks become line breaks in the cell.
    in_cell: bool,
    paragraph: Paragraph,
}

/// Rebuilds the subtrees at `roots` (in order) into blocks, a number of nodes
/// at a time, so that the browser can paint between two steps (a table of
/// 100,000 rows is half a million nodes). `skip[i]` drops node `i` with its
/// subtree: what is never shown (`extract::never_shown`: dropped tags, hidden
/// elements) and the page furniture the extraction found. Relative URLs
/// resolve against `base`.
pub struct Converting<'a> {
    rebuild: Rebuild<'a>,
    /// The roots not yet begun, last first.
    roots: Vec<usize>,
    /// Where the walk of the current root is: the next node, one past its
    /// last, and the elements open, each with where it ends.
    at: usize,
    end: usize,
    exits: Vec<(usize, Exit)>,
}

impl<'a> Converting<'a> {
    pub fn new(
        markup: &'a Markup,
        roots: &[usize],
        skip: &'a [bool],
        base: Option<&'a str>,
    ) -> Self {
        debug_assert_eq!(skip.len(), markup.nodes.len());
        Converting {
            rebuild: Rebuild {
                markup,
                base,
                skip,
                out: RichBlocks::default(),
                open_containers: Vec::new(),
                tables: Vec::new(),
                in_cell: false,
                paragraph: Paragraph::default(),
            },
            roots: roots.iter().rev().copied().collect(),
            at: 0,
            end: 0,
            exits: Vec::new(),
        }
    }

    /// Walks about `nodes` more nodes, in document order and without
    /// recursion (pages nest deeply); true once every root is walked.
    pub fn advance(&mut self, nodes: usize) -> bool {
        let markup = self.rebuild.markup;
        for _ in 0..nodes {
            if self.at >= self.end {
                while let Some((_, exit)) = self.exits.pop() {
                    self.rebuild.exit(exit);
                }
                let Some(root) = self.roots.pop() else {
                    return true;
                };
                self.at = root;
                self.end = markup.nodes[root].end.max(root + 1);
            }
            let i = self.at;
            while let Some(&(until, exit)) = self.exits.last()
                && until <= i
            {
                self.exits.pop();
                self.rebuild.exit(exit);
            }
            let node = &markup.nodes[i];
            let next = node.end.max(i + 1);
            self.at = next;
            if self.rebuild.skip[i] {
                continue;
            }
            let tag = match &node.data {
                NodeData::Text(text) => {
                    self.rebuild.text(text);
                    self.at = i + 1;
                    continue;
                }
                NodeData::Element { tag, .. } => tag.as_str(),
            };
            if let Some(exit) = self.rebuild.enter(i, role(tag)) {
                self.exits.push((next, exit));
                self.at = i + 1;
            }
        }
        self.at >= self.end && self.exits.is_empty() && self.roots.is_empty()
    }

    /// The blocks, once [`Converting::advance`] said it is done.
    pub fn finish(mut self) -> RichBlocks {
        self.rebuild.flush(false);
        self.rebuild.out
    }
}

impl Rebuild<'_> {
    /// Starts element `i`: `Some(exit)` to walk into it, `None` to skip its subtree.
    fn enter(&mut self, i: usize, role: Role) -> Option<Exit> {
        let in_data_table = self.tables.last() == Some(&true);
        match role {
            Role::Drop => None,
            Role::Transparent => self.open_inline(None),
            Role::Table => {
                let data = !self.in_cell && is_data_table(self.markup, i);
                self.tables.push(data);
                if data {
                    self.open_container(ContainerKind::Table);
                } else {
                    self.block_boundary();
                }
                Some(Exit::Table)
            }
            Role::Row if in_data_table && !self.in_cell => {
                self.open_container(ContainerKind::Row);
                Some(Exit::Container)
            }
            Role::Cell { header } if in_data_table && !self.in_cell => {
                self.flush(false);
                self.in_cell = true;
                self.paragraph.kind = Some(RawKind::Cell(header));
                Some(Exit::Cell)
            }
            Role::Pre => {
                let code = self.preformatted(i);
                if self.in_cell {
                    self.soft_break();
                    self.text(&code);
                    self.soft_break();
                } else {
                    self.flush(false);
                    if !code.is_empty() {
                        self.push_block(RawBlock::new(RawKind::Code, code));
                    }
                }
                None
            }
            Role::Rule => {
                if self.in_cell {
                    self.soft_break();
                } else {
                    self.flush(false);
                    self.push_block(RawBlock::new(RawKind::Rule, ""));
                }
                None
            }
            Role::Break => {
                self.line_break();
                None
            }
            Role::Image => {
                self.image(i);
                None
            }
            Role::Strong => self.open_inline(Some(InlineKind::Strong)),
            Role::Emphasis => self.open_inline(Some(InlineKind::Emphasis)),
            Role::Code => self.open_inline(Some(InlineKind::Code)),
            Role::Link => {
                let href = self
                    .markup
                    .attr(i, "href")
                    .and_then(|h| safe_url(h, self.base, UrlUse::Link));
                self.open_inline(href.map(|href| InlineKind::Link { href }))
            }
            // Inside a data cell, every other block is a line of the cell.
            _ if self.in_cell => {
                self.soft_break();
                Some(Exit::Flush)
            }
            Role::Caption => {
                self.flush(false);
                self.paragraph.kind = Some(RawKind::Caption);
                Some(Exit::Flush)
            }
            Role::Paragraph | Role::Block | Role::Row | Role::Cell { .. } => {
                self.flush(false);
                Some(Exit::Flush)
            }
            Role::Heading(level) => {
                self.flush(false);
                if self.open_containers.is_empty() {
                    self.paragraph.kind = Some(RawKind::TaggedHeading(level));
                }
                Some(Exit::Flush)
            }
            Role::List { ordered } => {
                let start = self
                    .markup
                    .attr(i, "start")
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .unwrap_or(1);
                self.open_container(ContainerKind::List { ordered, start });
                Some(Exit::Container)
            }
            Role::Item => {
                self.open_container(ContainerKind::Item);
                Some(Exit::Container)
            }
            Role::Quote => {
                self.open_container(ContainerKind::Quote);
                Some(Exit::Container)
            }
            Role::Figure => {
                self.open_container(ContainerKind::Figure);
                Some(Exit::Container)
            }
        }
    }

    /// The edge of a block: a new paragraph, or a new line inside a cell.
    fn block_boundary(&mut self) {
        if self.in_cell {
            self.soft_break();
        } else {
            self.flush(false);
        }
    }

    fn exit(&mut self, exit: Exit) {
        match exit {
            Exit::Flush => self.block_boundary(),
            Exit::Cell => {
                self.flush(true);
                self.in_cell = false;
            }
            Exit::Container => {
                self.flush(false);
                self.open_containers.pop();
            }
            Exit::Inline => {
                if let Some(index) = self.paragraph.open.pop()
                    && index != NOT_KEPT
                {
                    self.paragraph.inlines[index].span.end = self.paragraph.text.len();
                }
            }
            Exit::Table => {
                if self.tables.pop() == Some(true) {
                    self.flush(false);
                    self.open_containers.pop();
                } else {
                    self.block_boundary();
                }
            }
        }
    }

    fn open_container(&mut self, kind: ContainerKind) {
        self.flush(false);
        self.out.containers.push(Container {
            kind,
            parent: self.open_containers.last().copied(),
        });
        self.open_containers.push(self.out.containers.len() - 1);
    }

    /// Opens an inline element; `None` keeps only its text (a placeholder keeps
    /// the open list in step with the elements).
    fn open_inline(&mut self, kind: Option<InlineKind>) -> Option<Exit> {
        let paragraph = &mut self.paragraph;
        // A space before the element is outside it (`a <b>b</b>`), except
        // where it would fall between Chinese characters.
        if kind.is_some()
            && let Some(had_newline) = paragraph.pending_space
            && let Some(last) = paragraph.text.chars().last()
            && last != '\n'
        {
            paragraph.pending_space = None;
            if !(had_newline && is_cjk(last)) {
                paragraph.text.push(' ');
            }
        }
        let index = match kind {
            Some(kind) => {
                let at = paragraph.text.len();
                paragraph.inlines.push(Inline {
                    kind,
                    span: Span::new(at, at),
                });
                paragraph.inlines.len() - 1
            }
            None => NOT_KEPT,
        };
        paragraph.open.push(index);
        Some(Exit::Inline)
    }

    fn text(&mut self, source: &str) {
        let paragraph = &mut self.paragraph;
        for c in source.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                paragraph.pending_space = Some(paragraph.pending_space == Some(true) || c == '\n');
                continue;
            }
            if c.is_control() || is_bidi_control(c) {
                continue;
            }
            if let Some(had_newline) = paragraph.pending_space.take() {
                let last = paragraph.text.chars().last();
                let joins_cjk = had_newline && last.is_some_and(is_cjk) && is_cjk(c);
                if last.is_some_and(|l| l != '\n') && !joins_cjk {
                    paragraph.text.push(' ');
                }
            }
            paragraph.text.push(c);
        }
    }

    /// `<br>`: a line break, or a paragraph break when it follows another.
    fn line_break(&mut self) {
        if self.in_cell {
            self.soft_break();
            return;
        }
        self.paragraph.pending_space = None;
        if self.paragraph.text.ends_with('\n') {
            self.flush(false);
        } else {
            self.soft_break();
        }
    }

    /// A line break unless the paragraph is empty or already at a new line.
    fn soft_break(&mut self) {
        let paragraph = &mut self.paragraph;
        paragraph.pending_space = None;
        if paragraph.text.is_empty() || paragraph.text.ends_with('\n') {
            return;
        }
        let at = paragraph.text.len();
        paragraph.text.push('\n');
        paragraph.inlines.push(Inline {
            kind: InlineKind::Break,
            span: Span::new(at, at + 1),
        });
    }

    fn image(&mut self, i: usize) {
        let markup = self.markup;
        // Lazy loaders keep the real address in a data attribute.
        let src = ["src", "data-src", "data-original", "data-lazy-src"]
            .iter()
            .filter_map(|name| markup.attr(i, name))
            .find_map(|value| safe_url(value, self.base, UrlUse::Image));
        let Some(src) = src else {
            return;
        };
        let alt: String = markup
            .attr(i, "alt")
            .unwrap_or("")
            .chars()
            .filter(|&c| !c.is_control() && !is_bidi_control(c))
            .collect();
        // The image sits before any pending space, so one at the end of a
        // paragraph is not cut off with its trailing space.
        let paragraph = &mut self.paragraph;
        let at = paragraph.text.len();
        paragraph.inlines.push(Inline {
            kind: InlineKind::Image {
                src,
                alt: text::trim(&alt).to_string(),
            },
            span: Span::new(at, at),
        });
    }

    /// The text of a `pre` as written: lines and indentation kept, `<br>` as a
    /// new line, dropped elements left out.
    fn preformatted(&self, pre: usize) -> String {
        let markup = self.markup;
        let mut code = String::new();
        let mut i = pre + 1;
        while i < markup.nodes[pre].end {
            let next = markup.nodes[i].end.max(i + 1);
            match &markup.nodes[i].data {
                NodeData::Text(t) => code.extend(t.chars().filter(|&c| {
                    c == '\n' || c == '\t' || !(c.is_control() || is_bidi_control(c))
                })),
                NodeData::Element { tag, .. } => {
                    // Not `skip`: it marks page furniture by class words too,
                    // which a highlighter's spans in code may carry.
                    if role(tag) == Role::Drop || is_hidden(markup, i) {
                        i = next;
                        continue;
                    }
                    if tag == "br" {
                        code.push('\n');
                    }
                }
            }
            i += 1;
        }
        let code = code.trim_end();
        code.trim_start_matches('\n').to_string()
    }

    fn push_block(&mut self, mut block: RawBlock) {
        block.container = self.open_containers.last().copied();
        self.out.blocks.push(block);
    }

    /// The kind of a paragraph with no kind of its own, from what holds it.
    fn context_kind(&self) -> RawKind {
        let innermost = self
            .open_containers
            .last()
            .map(|&c| self.out.containers[c].kind);
        match innermost {
            None => RawKind::Text,
            Some(ContainerKind::List { .. } | ContainerKind::Item) => RawKind::ListItem,
            Some(ContainerKind::Quote) => RawKind::Quote,
            Some(ContainerKind::Table | ContainerKind::Row) => RawKind::Cell(false),
            Some(ContainerKind::Figure) => RawKind::Caption,
        }
    }

    /// Ends the paragraph being gathered: a block if it has text or images
    /// (or always, for a table cell). Inline elements still open go on into
    /// the next paragraph.
    fn flush(&mut self, keep_empty: bool) {
        let context = self.context_kind();
        let paragraph = &mut self.paragraph;
        paragraph.pending_space = None;
        let text = std::mem::take(&mut paragraph.text);
        let mut inlines = std::mem::take(&mut paragraph.inlines);
        let kind = paragraph.kind.take();
        // Inline elements still open end here and open again in the next paragraph.
        for index in paragraph.open.iter_mut().filter(|i| **i != NOT_KEPT) {
            inlines[*index].span.end = text.len();
            paragraph.inlines.push(Inline {
                kind: inlines[*index].kind.clone(),
                span: Span::new(0, 0),
            });
            *index = paragraph.inlines.len() - 1;
        }
        let trimmed = text::trim(&text);
        let lead = text.len() - text.trim_start_matches(text::is_space).len();
        let mut block = RawBlock::new(kind.unwrap_or(context), text.as_str());
        block.inlines = inlines;
        let mut inlines = block.inlines_within(lead, trimmed.len(), 0);
        inlines.retain(|i| !i.span.is_empty() || matches!(i.kind, InlineKind::Image { .. }));
        let has_images = inlines
            .iter()
            .any(|i| matches!(i.kind, InlineKind::Image { .. }));
        if trimmed.is_empty() && !has_images && !keep_empty {
            return;
        }
        if trimmed.is_empty() && has_images && !matches!(block.kind, RawKind::Cell(_)) {
            block.kind = RawKind::Media;
        }
        block.text = trimmed.to_string();
        block.inlines = inlines;
        self.push_block(block);
    }
}

/// Bidirectional embeddings, overrides and isolates: invisible characters that
/// reorder what the reader sees (U+202E makes `gpj.exe` look like `exe.jpg`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}
