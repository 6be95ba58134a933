//! Step 1 of parsing: clean the raw text and cut it into blocks.
//!
//! Plain text is one paragraph per line, unless the whole text is hard-wrapped
//! (most lines 60–120 columns wide, paragraphs separated by blank lines), in which
//! case the lines of a paragraph are joined again. In plain text too, fenced code
//! (```` ``` ````) is code, HTML comments are dropped, a line underlined with
//! `===` or `---` is a heading, and lines repeated down the pages (running
//! headers and footers) are page furniture, not text. Markdown and HTML are cut
//! by the browser's parsers and [`crate::html`]; here we only recognise them and
//! read Markdown's front matter. Nothing from the article ever becomes HTML.

use super::boilerplate;
use super::text::{self, char_len, is_cjk};
use super::{BlockKind, Inline, InlineKind, SourceFormat, Span};

/// What a block was in the source, before headings are decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawKind {
    Text,
    /// A heading the source marked as one (`<h1>`–`<h6>`, Markdown `#`), of this level.
    TaggedHeading(u8),
    ListItem,
    Quote,
    Code,
    /// A table cell; `true` for a header cell.
    Cell(bool),
    Caption,
    Rule,
    /// Images standing alone.
    Media,
    /// A `key: value` line of Markdown front matter, or what an HTML page's
    /// `<title>` and `<meta>` say (`title`, `author`, `date`, `source`).
    FrontMatter(String),
}

impl RawKind {
    /// True for the front matter field `key` (`title`: Markdown's `title:`,
    /// a page's title).
    pub fn is_field(&self, key: &str) -> bool {
        matches!(self, RawKind::FrontMatter(k) if k == key)
    }

    pub fn to_block_kind(&self) -> BlockKind {
        match self {
            RawKind::ListItem => BlockKind::ListItem,
            RawKind::Quote => BlockKind::Quote,
            RawKind::Code => BlockKind::Code,
            RawKind::Cell(header) => BlockKind::Cell { header: *header },
            RawKind::Caption => BlockKind::Caption,
            RawKind::Rule => BlockKind::Rule,
            RawKind::Media => BlockKind::Media,
            _ => BlockKind::Paragraph { points: Vec::new() },
        }
    }
}

/// A trimmed block of text and what it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawBlock {
    pub text: String,
    pub kind: RawKind,
    /// Inline formatting over `text` (offsets into it), outermost first.
    pub inlines: Vec<Inline>,
    /// The innermost container holding the block (rich sources).
    pub container: Option<usize>,
}

impl RawBlock {
    pub fn new(kind: RawKind, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            kind,
            inlines: Vec::new(),
            container: None,
        }
    }

    pub fn text(text: impl Into<String>) -> Self {
        Self::new(RawKind::Text, text)
    }

    /// Where the bold run that opens the block ends (`<p><strong>一、…</strong>…`),
    /// if it opens with one: `text.len()` when the whole block is bold.
    pub fn bold_lead(&self) -> Option<usize> {
        let lead = self
            .inlines
            .iter()
            .filter(|i| i.kind == InlineKind::Strong && i.span.start == 0)
            .map(|i| i.span.end)
            .max()?;
        // Bold up to trailing spaces or punctuation outside it is still all bold.
        let rest = &self.text[lead.min(self.text.len())..];
        let all = rest
            .chars()
            .all(|c| text::is_space(c) || text::is_sentence_end(c));
        Some(if all { self.text.len() } else { lead })
    }

    /// The inline formatting over `text[offset..offset + len]`, cut to it and
    /// moved to start at `to`. Formatting that no longer fits the text (a step
    /// changed it) is dropped rather than trusted.
    pub fn inlines_within(&self, offset: usize, len: usize, to: usize) -> Vec<Inline> {
        let end = offset + len;
        let fits = |i: &Inline| {
            i.span.start <= i.span.end
                && self.text.is_char_boundary(i.span.start)
                && self.text.is_char_boundary(i.span.end)
        };
        self.inlines
            .iter()
            .filter(|i| fits(i))
            .filter(|i| {
                if i.span.is_empty() {
                    // An image sits at a point: it goes with the part holding that
                    // point, or the last part when at the very end.
                    (offset..end).contains(&i.span.start)
                        || (i.span.start == end && end == self.text.len())
                } else {
                    i.span.start < end && offset < i.span.end
                }
            })
            .map(|i| Inline {
                kind: i.kind.clone(),
                span: Span::new(
                    i.span.start.clamp(offset, end) - offset + to,
                    i.span.end.clamp(offset, end) - offset + to,
                ),
            })
            .collect()
    }
}

/// Strips a BOM, unifies line breaks and removes control characters, so that
/// binary-looking input becomes harmless text.
pub fn normalize(input: &str) -> String {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Guesses the format: HTML from a doctype or `<html>` at the start; Markdown
/// from its unmistakable marks: `#` headings, code fences, front matter,
/// setext underlines, or `[text](http…)` links.
pub fn detect_format(text: &str) -> SourceFormat {
    let start = text
        .trim_start()
        .get(..14)
        .unwrap_or("")
        .to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return SourceFormat::Html;
    }
    let mut prev_nonblank = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if atx_heading(line).is_some() || is_fence(line).is_some() || has_markdown_link(line) {
            return SourceFormat::Markdown;
        }
        if i == 0 && line == "---" && text.lines().skip(1).take(30).any(|l| l.trim() == "---") {
            return SourceFormat::Markdown;
        }
        if prev_nonblank && line.len() >= 3 && line.chars().all(|c| c == '=') {
            return SourceFormat::Markdown;
        }
        prev_nonblank = !line.trim().is_empty();
    }
    SourceFormat::PlainText
}

/// True when `line` holds a Markdown link to a web address: `](http` or `](/`.
fn has_markdown_link(line: &str) -> bool {
    line.match_indices("](").any(|(i, _)| {
        let target = &line[i + 2..];
        target.starts_with("http://") || target.starts_with("https://") || target.starts_with('/')
    }) && line.contains('[')
}

/// Display width, counted up to a little past 120 columns (wider lines are never
/// wrapped ones): CJK characters take two columns.
fn width(s: &str) -> usize {
    let mut width = 0;
    for c in s.chars() {
        width += if is_cjk(c) { 2 } else { 1 };
        if width > 121 {
            break;
        }
    }
    width
}

/// The longest paragraph of plain text, in bytes: about 5,000 Chinese
/// characters, ten times what real paragraphs reach.
pub const MAX_PARAGRAPH_BYTES: usize = 16 * 1024;

/// Adds a paragraph; one longer than [`MAX_PARAGRAPH_BYTES`] (a text with no
/// line breaks, as some copies give, or a page's one enormous `<p>`) goes in
/// as several, cut after a sentence where one ends in its second half, else
/// at a space, else between two characters, its inline formatting cut with
/// it. Nothing is lost; the reader gets paragraphs it can read, and the
/// browser lays out and finds each apart (one of megabytes held the page for
/// a third of a second).
pub fn push_paragraph(blocks: &mut Vec<RawBlock>, block: RawBlock) {
    if block.text.len() <= MAX_PARAGRAPH_BYTES {
        blocks.push(block);
        return;
    }
    let text = block.text.as_str();
    let mut start = 0;
    while start < text.len() {
        // This paragraph is `start..end`; the white space up to `next` goes.
        let rest = &text[start..];
        let (end, next) = if rest.len() > MAX_PARAGRAPH_BYTES {
            let cut = start + paragraph_cut(rest);
            let end = start + text[start..cut].trim_end().len();
            (end, text.len() - text[cut..].trim_start().len())
        } else {
            (text.len(), text.len())
        };
        let inlines = block
            .inlines
            .iter()
            .filter_map(|i| {
                let span = if i.span.is_empty() {
                    // An image: in the paragraph its place falls in.
                    let at = i.span.start;
                    (start <= at && (at < next || next == text.len()))
                        .then(|| Span::new(at.min(end), at.min(end)))
                } else {
                    let span = Span::new(i.span.start.max(start), i.span.end.min(end));
                    (span.start < span.end).then_some(span)
                }?;
                Some(Inline {
                    kind: i.kind.clone(),
                    span: Span::new(span.start - start, span.end - start),
                })
            })
            .collect();
        blocks.push(RawBlock {
            text: text[start..end].to_string(),
            kind: block.kind.clone(),
            inlines,
            container: block.container,
        });
        start = next;
    }
}

/// Where to cut a paragraph too long to keep (see [`push_paragraph`]).
fn paragraph_cut(text: &str) -> usize {
    let mut limit = MAX_PARAGRAPH_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[..limit];
    let second_half = || {
        window
            .char_indices()
            .rev()
            .take_while(|&(i, _)| i >= limit / 2)
    };
    second_half()
        .find(|&(i, c)| text::is_sentence_end(c) || (c == '.' && window[i + 1..].starts_with(' ')))
        .or_else(|| second_half().find(|&(_, c)| c.is_whitespace()))
        .map_or(limit, |(i, c)| i + c.len_utf8())
}

/// Joins two pieces of a wrapped line: no space between CJK characters.
fn join_wrapped(acc: &mut String, next: &str) {
    let needs_space = match (acc.chars().last(), next.chars().next()) {
        (Some(a), Some(b)) => !(is_cjk(a) && is_cjk(b)) && a != '-',
        _ => false,
    };
    if needs_space {
        acc.push(' ');
    }
    acc.push_str(next);
}

/// True when the text looks hard-wrapped: blank lines separate paragraphs, no
/// line is wider than 120 columns, and the lines inside paragraphs (all but each
/// paragraph's last) nearly fill the widest line or stop mid-sentence. `lines`
/// are the text lines, `""` for blank ones.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let widest = lines.iter().map(|l| width(l)).max().unwrap_or(0);
    let paragraphs = lines.split(|l| l.is_empty()).filter(|g| !g.is_empty());
    if !(40..=120).contains(&widest) || paragraphs.count() < 2 {
        return false;
    }
    let mut inner = 0;
    let mut full = 0;
    for group in lines.split(|l| l.is_empty()) {
        for line in group.iter().take(group.len().saturating_sub(1)) {
            let line_width = width(line);
            inner += 1;
            // A Chinese line that ends a sentence ends its paragraph; English
            // is often written one sentence per line inside a paragraph.
            let ends_sentence = line.ends_with(['。', '！', '？', '．']);
            let full_width = line_width * 10 >= widest * 7 && !ends_sentence;
            let cut = line_width * 2 >= widest && !ends_with_punctuation(line);
            full += usize::from(full_width || cut);
        }
    }
    inner >= 2 && full * 10 >= inner * 7
}

/// True when a line ends with sentence or clause punctuation (closing quotes and
/// brackets aside), as a paragraph's lines do except where it was wrapped.
fn ends_with_punctuation(line: &str) -> bool {
    line.trim_end_matches(text::is_closing_mark)
        .chars()
        .last()
        .is_some_and(|c| text::is_clause_end(c) || matches!(c, '、' | '…'))
}

/// True when a line opens a list item or numbered heading, so it never continues
/// the previous wrapped line.
fn starts_with_marker(line: &str) -> bool {
    list_item(line).is_some()
        || line.starts_with('#')
        || line.starts_with('（')
        || line.starts_with('(')
        || text::leading_chinese_numeral(line)
            .is_some_and(|(_, n)| line[n..].starts_with(['、', '.', '．']))
}

/// A line of plain text after code, comments and page furniture are taken out.
#[derive(Clone, Copy)]
enum PlainLine<'a> {
    Text(&'a str),
    /// A line underlined with `===` or `---` (the character, in order of first use,
    /// gives the level).
    Underlined(&'a str, char),
    /// A blank line, or where a comment or furniture was: it ends a paragraph.
    Break,
    /// Fenced code: the lines between the fences, by index into the text's lines.
    Code(usize, usize),
}

/// How many lines an HTML comment may span; an unclosed `<!--` is text.
const MAX_COMMENT_LINES: usize = 50;

/// Sorts the lines of a plain text (`raw`): fenced code, comments and repeated
/// page furniture out, the rest trimmed.
fn plain_lines<'a>(raw: &[&'a str]) -> Vec<PlainLine<'a>> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        // The line closing a fence, or an HTML comment (`<!-- INFO END -->`).
        let close = |from: usize, limit: usize, closes: &dyn Fn(&str) -> bool| {
            raw[from..raw.len().min(from.saturating_add(limit))]
                .iter()
                .position(|l| closes(l))
                .map(|p| from + p)
        };
        if let Some(fence) = is_fence(raw[i])
            && let Some(end) = close(i + 1, usize::MAX, &|l| l.trim_start().starts_with(fence))
        {
            let blank = raw[i + 1..end].iter().all(|l| l.trim().is_empty());
            out.push(if blank {
                PlainLine::Break
            } else {
                PlainLine::Code(i + 1, end)
            });
            i = end + 1;
            continue;
        }
        if raw[i].trim_start().starts_with("<!--")
            && let Some(end) = close(i, MAX_COMMENT_LINES, &|l| l.trim_end().ends_with("-->"))
        {
            out.push(PlainLine::Break);
            i = end + 1;
            continue;
        }
        let line = text::trim(raw[i]);
        let rule = rule_char(line);
        let standalone_above = out.len() < 2 || matches!(out[out.len() - 2], PlainLine::Break);
        let next = match (rule, out.last()) {
            // `Title` over `=====`, alone in its paragraph: an underlined heading.
            (Some(c), Some(&PlainLine::Text(above)))
                if standalone_above && char_len(above) <= MAX_UNDERLINED_CHARS =>
            {
                out.pop();
                PlainLine::Underlined(above, c)
            }
            // A rule under nothing, or under prose, separates.
            (Some(_), _) => PlainLine::Break,
            (None, _) if line.is_empty() => PlainLine::Break,
            (None, _) => PlainLine::Text(line),
        };
        out.push(next);
        i += 1;
    }
    out
}

/// Longest underlined heading, in characters.
const MAX_UNDERLINED_CHARS: usize = 80;

/// The character of a rule line (`=====`, `-----`, `~~~~~`, `*****`).
fn rule_char(line: &str) -> Option<char> {
    let first = line.chars().next()?;
    let rule = line.len() >= 3
        && matches!(first, '=' | '-' | '~' | '*' | '^' | '#' | '+' | '_')
        && line.chars().all(|c| c == first);
    rule.then_some(first)
}

/// The lines of a plain text, sorted: what [`blocks_of`] makes blocks of.
pub struct SortedLines<'a> {
    /// The text's lines as they are.
    raw: Vec<&'a str>,
    /// Each line's kind, running headers and footers made breaks.
    lines: Vec<PlainLine<'a>>,
    /// True when the text is wrapped at a fixed width, its paragraphs cut
    /// into lines.
    wrapped: bool,
}

/// Cutting a plain text into blocks, first half: each line's kind (code,
/// comments, underlined titles, text), then [`SortedLines::without_furniture`]
/// (the browser runs the three parts in tasks of their own).
pub fn classify_lines(text: &str) -> SortedLines<'_> {
    let raw: Vec<&str> = text.lines().collect();
    let lines = plain_lines(&raw);
    SortedLines {
        raw,
        lines,
        wrapped: false,
    }
}

impl SortedLines<'_> {
    /// The running headers and footers made breaks, and whether the text is
    /// wrapped at a fixed width.
    pub fn without_furniture(mut self) -> Self {
        // The text of each line of running text, `""` for the others.
        let texts: Vec<&str> = self
            .lines
            .iter()
            .map(|l| match l {
                PlainLine::Text(t) => t,
                _ => "",
            })
            .collect();
        let furniture = boilerplate::repeated_furniture(&texts);
        self.wrapped = is_hard_wrapped(&texts);
        for (line, furniture) in self.lines.iter_mut().zip(furniture) {
            if furniture {
                *line = PlainLine::Break;
            }
        }
        self
    }
}

/// Cutting a plain text into blocks, second half: the sorted lines made blocks.
pub fn blocks_of(sorted: SortedLines<'_>) -> Vec<RawBlock> {
    let SortedLines {
        raw,
        lines,
        wrapped,
    } = sorted;
    let mut blocks = Vec::new();
    // Underline characters in order of first use: the first is level 1.
    let mut underlines: Vec<char> = Vec::new();
    // The lines of the paragraph being read (one at most unless the text is wrapped).
    let mut group: Vec<&str> = Vec::new();
    for line in lines {
        if let PlainLine::Text(text) = line {
            group.push(text);
            if wrapped {
                continue;
            }
        }
        join_group(&group, &mut blocks);
        group.clear();
        match line {
            PlainLine::Underlined(title, c) => {
                let level = underlines.iter().position(|&u| u == c).unwrap_or_else(|| {
                    underlines.push(c);
                    underlines.len() - 1
                });
                let level = u8::try_from(level + 1).unwrap_or(u8::MAX);
                blocks.push(RawBlock::new(RawKind::TaggedHeading(level), title));
            }
            PlainLine::Code(start, end) => {
                let code = raw[start..end].join("\n");
                blocks.push(RawBlock::new(RawKind::Code, code.trim_end()));
            }
            PlainLine::Text(_) | PlainLine::Break => {}
        }
    }
    join_group(&group, &mut blocks);
    blocks
}

/// The paragraphs of a group of wrapped lines: a line continues the previous
/// one when that one nearly filled the width and this one opens no list item.
fn join_group(group: &[&str], blocks: &mut Vec<RawBlock>) {
    let group_width = group.iter().map(|l| width(l)).max().unwrap_or(0);
    let mut current = String::new();
    let mut prev_width = 0;
    for line in group {
        // English written one sentence per line goes on after a short line too,
        // and a sentence cut short goes on in a line that starts in lower case.
        let prev_ends_ascii = current
            .trim_end_matches(text::is_closing_mark)
            .ends_with(['.', '!', '?', ',', ';', ':']);
        let cut_short = !ends_with_punctuation(&current)
            && line.starts_with(|c: char| c.is_ascii_lowercase() || matches!(c, '[' | '(' | '`'));
        let continues = !current.is_empty()
            && (prev_width * 10 >= group_width * 6 || prev_ends_ascii || cut_short)
            && !starts_with_marker(line);
        if continues {
            join_wrapped(&mut current, line);
        } else {
            if !current.is_empty() {
                push_paragraph(blocks, RawBlock::text(std::mem::take(&mut current)));
            }
            current.push_str(line);
        }
        prev_width = width(line);
    }
    if !current.is_empty() {
        push_paragraph(blocks, RawBlock::text(current));
    }
}

/// `## Heading ##` → (2, "Heading").
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &trimmed[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim().trim_end_matches('#').trim_end();
    (!content.is_empty()).then_some((hashes as u8, content))
}

/// The fence string of a code fence line (```` ``` ```` or `~~~`).
fn is_fence(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    ["```", "~~~"]
        .into_iter()
        .find(|fence| trimmed.starts_with(fence))
}

/// The content of a bullet or ordered list item line.
fn list_item(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return Some(rest.trim());
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &trimmed[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim());
        }
    }
    None
}

/// Markdown front matter (`---` … `---` at the very top, `key: value` lines):
/// its fields as blocks, and the Markdown after it.
pub fn front_matter(text: &str) -> (Vec<RawBlock>, &str) {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim) != Some("---") {
        return (Vec::new(), text);
    }
    let mut fields = Vec::new();
    let mut at = text.find('\n').map_or(text.len(), |i| i + 1);
    for line in lines.take(50) {
        at += line.len();
        if line.trim() == "---" {
            return (fields, &text[at..]);
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']);
            if !value.is_empty() {
                let key = key.trim().to_ascii_lowercase();
                fields.push(RawBlock::new(RawKind::FrontMatter(key), value));
            }
        }
    }
    (Vec::new(), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_line_breaks_becomes_paragraphs_cut_after_sentences() {
        let sentences: Vec<String> = (0..4000)
            .map(|i| format!("这是第{i}句话，内容照常。"))
            .collect();
        let line = sentences.concat();
        let blocks = split_plain(&line);
        assert!(
            blocks.len() > line.len() / MAX_PARAGRAPH_BYTES,
            "{} paragraphs",
            blocks.len()
        );
        for block in &blocks {
            assert!(block.text.len() <= MAX_PARAGRAPH_BYTES && block.text.ends_with('。'));
        }
        assert_eq!(texts(&blocks).concat(), line, "nothing lost");

        // English: after a full stop and its space; no spaces at all: anywhere.
        let line = "A sentence of several words goes here. ".repeat(1000);
        let blocks = split_plain(&line);
        assert!(blocks.len() > 1 && blocks.iter().all(|b| b.text.ends_with('.')));
        assert_eq!(texts(&blocks).join(" "), line.trim_end());
        let line = "字".repeat(20_000);
        assert_eq!(texts(&split_plain(&line)).concat(), line);
    }

    /// A plain text cut into blocks, both halves at once.
    fn split_plain(text: &str) -> Vec<RawBlock> {
        blocks_of(classify_lines(text).without_furniture())
    }

    fn texts(blocks: &[RawBlock]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn normalize_unifies_line_breaks_and_drops_controls() {
        assert_eq!(normalize("\u{FEFF}a\r\nb\rc\u{0}d\u{7}"), "a\nb\ncd");
    }

    #[test]
    fn plain_text_is_one_paragraph_per_line() {
        let blocks = split_plain("标题\n\n第一段。\n第二段。\n");
        assert_eq!(texts(&blocks), ["标题", "第一段。", "第二段。"]);
    }

    #[test]
    fn hard_wrapped_english_is_joined_back_into_paragraphs() {
        let text = "A Title\n\n\
            The first paragraph is wrapped at a fixed column so that it spans\n\
            several lines of the file, the way plain text email and old articles\n\
            are often written by hand.\n\n\
            1. Background\n\n\
            The second paragraph is wrapped the same way and goes on for a while\n\
            with more words until it ends.\n";
        let blocks = split_plain(text);
        assert_eq!(blocks.len(), 4, "{:#?}", blocks);
        assert!(blocks[1].text.starts_with("The first paragraph is wrapped"));
        assert!(blocks[1].text.ends_with("written by hand."));
        assert_eq!(blocks[2].text, "1. Background");
    }

    #[test]
    fn fenced_code_in_plain_text_stays_code() {
        let blocks =
            split_plain("Setup\n\nRun this:\n\n```sh\n# not a heading\nmake all\n```\n\nDone.\n");
        let kinds: Vec<&RawKind> = blocks.iter().map(|b| &b.kind).collect();
        assert_eq!(
            kinds,
            [
                &RawKind::Text,
                &RawKind::Text,
                &RawKind::Code,
                &RawKind::Text
            ]
        );
        assert_eq!(blocks[2].text, "# not a heading\nmake all");
    }

    #[test]
    fn underlined_lines_are_headings_in_plain_text() {
        let blocks = split_plain(
            "Guide\n=====\n\nIntro text.\n\nSetup\n-----\n\nText.\n\n*****\n\nUsage\n=====\n",
        );
        let kinds: Vec<&RawKind> = blocks.iter().map(|b| &b.kind).collect();
        assert_eq!(
            kinds,
            [
                &RawKind::TaggedHeading(1),
                &RawKind::Text,
                &RawKind::TaggedHeading(2),
                &RawKind::Text,
                &RawKind::TaggedHeading(1),
            ]
        );
        assert_eq!(
            texts(&blocks),
            ["Guide", "Intro text.", "Setup", "Text.", "Usage"]
        );
    }

    #[test]
    fn html_comments_never_show() {
        let text = "标题\n\n<!-- 编辑备注 -->\n正文。\n<!--\n多行\n备注\n-->\n结尾。";
        assert_eq!(texts(&split_plain(text)), ["标题", "正文。", "结尾。"]);
        // In Markdown they are the browser's comment nodes: tests/markdown.rs.
    }

    #[test]
    fn english_written_one_sentence_per_line_is_one_paragraph() {
        let text = "A Guide\n\n\
            Tools help people work faster and with fewer mistakes every day.\n\
            They matter.\n\
            Good ones stay out of the way, so that the work itself is in\n\
            front of you.\n\n\
            Choosing tools\n\n\
            Pick the ones your team knows, and learn them well before you add\n\
            more of them to the pile of things that everyone has to learn and\n\
            keep in mind.\n";
        let blocks = split_plain(text);
        assert_eq!(
            texts(&blocks),
            [
                "A Guide",
                "Tools help people work faster and with fewer mistakes every day. They matter. Good ones stay out of the way, so that the work itself is in front of you.",
                "Choosing tools",
                "Pick the ones your team knows, and learn them well before you add more of them to the pile of things that everyone has to learn and keep in mind.",
            ]
        );
    }

    #[test]
    fn running_page_headers_are_not_text() {
        let mut text = String::from("Annual Report\n\n");
        for page in 1..=4 {
            for line in 0..20 {
                text.push_str(&format!(
                    "Line {line} of page {page} says something useful.\n"
                ));
            }
            text.push_str(&format!("Annual Report - page {page}\n"));
        }
        let blocks = split_plain(&text);
        assert_eq!(blocks[0].text, "Annual Report");
        assert!(blocks.iter().all(|b| !b.text.contains("- page")));
        let kept: usize = blocks
            .iter()
            .map(|b| b.text.matches("useful").count())
            .sum();
        assert_eq!(kept, 80);
    }

    #[test]
    fn markdown_is_detected_by_headings_or_fences() {
        assert_eq!(detect_format("# Title\n\ntext"), SourceFormat::Markdown);
        assert_eq!(
            detect_format("text\n```\ncode\n```"),
            SourceFormat::Markdown
        );
        assert_eq!(detect_format("一、标题\n正文"), SourceFormat::PlainText);
        assert_eq!(detect_format("#hashtag 不是标题"), SourceFormat::PlainText);
    }

    #[test]
    fn front_matter_becomes_fields_and_the_rest_is_markdown() {
        let (fields, rest) = front_matter("---\ntitle: \"Front\"\nAuthor: Jane\n---\n# Title\n");
        assert_eq!(
            fields,
            [
                RawBlock::new(RawKind::FrontMatter("title".into()), "Front"),
                RawBlock::new(RawKind::FrontMatter("author".into()), "Jane"),
            ]
        );
        assert_eq!(rest, "# Title\n");
        let unclosed = "---\ntitle: x\n";
        assert_eq!(front_matter(unclosed), (Vec::new(), unclosed));
        assert_eq!(
            front_matter("# No front matter"),
            (Vec::new(), "# No front matter")
        );
    }

    #[test]
    fn html_and_markdown_links_are_recognised() {
        assert_eq!(
            detect_format("  <!DOCTYPE html><html><p>x"),
            SourceFormat::Html
        );
        assert_eq!(detect_format("<html lang=zh><body>"), SourceFormat::Html);
        assert_eq!(
            detect_format("本杂志[开源](https://github.com/x)，欢迎投稿。"),
            SourceFormat::Markdown
        );
        assert_eq!(detect_format("a <b> tag in text"), SourceFormat::PlainText);
    }

    #[test]
    fn chinese_lines_join_without_spaces() {
        let mut s = String::from("中文");
        join_wrapped(&mut s, "继续");
        assert_eq!(s, "中文继续");
        let mut s = String::from("word");
        join_wrapped(&mut s, "next");
        assert_eq!(s, "word next");
    }
}
