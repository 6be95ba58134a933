//! Rich articles: HTML (and Markdown, once converted to HTML) into blocks.
//!
//! The browser parses the HTML inertly and hands over the tree in the flat
//! form of [`markup`]; from there everything is pure Rust:
//!
//! 1. [`markup`]: the flat form → a tree.
//! 2. [`extract`]: on a whole page, leave out the page furniture and find the
//!    article; read the title and metadata from the head.
//! 3. [`convert`]: rebuild the article from an allowlist into blocks with
//!    inline formatting and containers; URLs by the rule of [`url`].
//! 4. The title: the article's first `h1`, else the page's heading that its
//!    `<title>` names (with the metadata lines between it and the article),
//!    else the page's `<title>`; then [`crate::article::parse_rich`] takes
//!    over (metadata, headings, points, ids).

pub mod convert;
pub mod extract;
pub mod markup;
pub mod url;

use crate::article::blocks::{self, RawBlock, RawKind};
use crate::article::{Document, RichBlocks, SourceFormat, parse_rich};
use convert::Converting;
use markup::{Markup, NodeData};

/// How to read an HTML source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HtmlOptions<'a> {
    /// The article's URL, which relative links and images resolve against.
    pub base: Option<&'a str>,
    /// A whole web page: find the article in it. Off for fragments (inline
    /// HTML, pasted HTML, Markdown) and for a container picked with `select`.
    pub extract: bool,
}

/// Parses a rich article: `source` as it came (HTML, or Markdown with its front
/// matter, which is read here), `flat` the HTML the browser parsed. `None`
/// when it has no text.
pub fn document(
    source: &str,
    flat: &str,
    format: SourceFormat,
    options: HtmlOptions,
) -> Option<Document> {
    let markup = Markup::parse(flat);
    let found = find_article(&markup, options);
    let converted = convert_all(&markup, &found, options);
    article_blocks(front_matter(source, format), &markup, &found, converted)
        .map(|rich| parse_rich(rich, format))
}

/// Where the article is in a parsed document.
pub struct Found {
    /// The nodes whose content is the article.
    roots: Vec<usize>,
    /// The nodes never shown (scripts, hidden elements, page furniture).
    skip: Vec<bool>,
}

/// Step 2 of [`document`], after [`Markup::parse`]: finds the article (on a
/// whole page, without its furniture).
pub fn find_article(markup: &Markup, options: HtmlOptions) -> Found {
    let mut skip = extract::never_shown(markup, convert::is_dropped);
    let roots = match markup.find("body") {
        Some(body) if options.extract => {
            extract::skip_furniture(markup, body, &mut skip);
            extract::main_content(markup, body, &skip)
        }
        Some(body) => vec![body],
        None => (0..markup.nodes.len())
            .filter(|&i| markup.nodes[i].parent.is_none())
            .collect(),
    };
    Found { roots, skip }
}

/// Step 3 of [`document`]: the article `found` rebuilt from the allowlist,
/// as many nodes at a time as the caller likes ([`Converting::advance`]).
pub fn converting<'a>(
    markup: &'a Markup,
    found: &'a Found,
    options: HtmlOptions<'a>,
) -> Converting<'a> {
    Converting::new(markup, &found.roots, &found.skip, options.base)
}

/// Step 3 of [`document`] at once.
pub fn convert_all(markup: &Markup, found: &Found, options: HtmlOptions) -> RichBlocks {
    let mut converting = converting(markup, found, options);
    while !converting.advance(usize::MAX) {}
    converting.finish()
}

/// What a rich article needs of its source once the browser has parsed it:
/// Markdown's front matter ([`front_matter`]).
pub struct FrontMatter(Vec<RawBlock>);

/// The front matter of a Markdown `source` (none for other formats).
pub fn front_matter(source: &str, format: SourceFormat) -> FrontMatter {
    FrontMatter(match format {
        SourceFormat::Markdown => blocks::front_matter(source).0,
        _ => Vec::new(),
    })
}

/// Step 4 of [`document`]: the article's blocks as converted, with
/// Markdown's `front_matter` ([`front_matter`]) and the title; `None` when
/// they have no text. `article::parse_rich` does the rest.
pub fn article_blocks(
    front_matter: FrontMatter,
    markup: &Markup,
    found: &Found,
    converted: RichBlocks,
) -> Option<RichBlocks> {
    Some(read(markup, found, converted, front_matter.0)).filter(|rich| !rich.is_blank())
}

/// The converted article `found` in a parsed HTML document, its paragraphs
/// cut to a readable length, with its title and metadata in front.
/// `front_matter` (Markdown's) comes first and wins over what the HTML says.
pub fn read(
    markup: &Markup,
    found: &Found,
    converted: RichBlocks,
    front_matter: Vec<RawBlock>,
) -> RichBlocks {
    let skip = &found.skip;
    let mut rich = converted;
    if rich
        .blocks
        .iter()
        .any(|b| b.text.len() > blocks::MAX_PARAGRAPH_BYTES)
    {
        let converted = std::mem::take(&mut rich.blocks);
        for block in converted {
            match block.kind {
                RawKind::Text => blocks::push_paragraph(&mut rich.blocks, block),
                _ => rich.blocks.push(block),
            }
        }
    }

    let mut front = front_matter;
    let has_title = front.iter().any(|b| b.kind.is_field("title"));
    let (page_title, fields) = extract::head_info(markup);
    let mut header_lines = Vec::new();
    if !has_title {
        let h1 = rich
            .blocks
            .iter()
            .position(|b| b.kind == RawKind::TaggedHeading(1));
        let heading = title_heading(markup, skip, page_title.as_deref());
        // The article's first h1 is its title, unless `<title>` begins with a
        // heading above the article and does not name that h1: a blog whose
        // text has h1 sections, its headline above them.
        let headline_apart = heading.as_ref().is_some_and(|(node, text)| {
            page_title.as_deref().is_some_and(|page| {
                begins_with(page, text)
                    && found.roots.first().is_some_and(|&article| *node < article)
                    && h1.is_none_or(|i| !page.contains(rich.blocks[i].text.as_str()))
            })
        });
        let title = match (h1, heading) {
            (Some(i), _) if !headline_apart => Some(rich.blocks.remove(i).text),
            (_, Some((heading, title))) => {
                if let Some(&article) = found.roots.first() {
                    header_lines = metadata_lines(markup, skip, heading, article);
                }
                Some(title)
            }
            (_, None) => page_title.as_deref().map(extract::clean_title),
        };
        if let Some(title) = title {
            front.insert(
                0,
                RawBlock::new(RawKind::FrontMatter("title".into()), title),
            );
        }
    }
    for (field, value) in fields {
        front.push(RawBlock::new(RawKind::FrontMatter(field.into()), value));
    }
    front.extend(header_lines);
    rich.blocks.splice(0..0, front);
    rich
}

/// The page's heading of its article: an `h1`–`h3` (or an element whose
/// class says `title`) that the page's `<title>` names, that is, begins
/// with before a separator (`标题--栏目-站点`, `Title | Site`) or gives as
/// its cleaned self. A named `h1` first, else
/// the first `h1` or the longest named `h2` or `h3`, whichever comes later
/// (a CMS heads the article with an `h2` under its logo's `h1`). (Its node,
/// its text.)
fn title_heading(
    markup: &Markup,
    skip: &[bool],
    page_title: Option<&str>,
) -> Option<(usize, String)> {
    let cleaned = page_title.map(extract::clean_title);
    let named = |heading: &str| {
        cleaned.as_deref() == Some(heading)
            || page_title.is_some_and(|page| begins_with(page, heading))
    };
    let (mut first_h1, mut named_h1, mut named_other) = (None, None, None::<(usize, String)>);
    for i in 0..markup.nodes.len() {
        let is_h1 = match markup.tag(i) {
            Some("h1") => true,
            Some("h2" | "h3") => false,
            // A government site's `<div class="title">`: a few nodes at most.
            Some("div" | "p" | "td")
                if markup.nodes[i].end - i <= 4
                    && extract::class_words(markup, i).contains("title") =>
            {
                false
            }
            _ => continue,
        };
        if skip[i] {
            continue;
        }
        let text = shown_text(markup, skip, i);
        if text.is_empty() {
            continue;
        }
        let is_named = named(&text);
        if is_h1 {
            if is_named && named_h1.is_none() {
                named_h1 = Some((i, text.clone()));
            }
            first_h1.get_or_insert((i, text));
        } else if is_named
            && named_other
                .as_ref()
                .is_none_or(|(_, t)| t.len() < text.len())
        {
            named_other = Some((i, text));
        }
    }
    // An h1 the title does not name, and a named h2 or h3: the one nearer the
    // article (a site's name comes first, above the page's headline).
    named_h1.or(match (first_h1, named_other) {
        (Some(h1), Some(other)) if other.0 > h1.0 => Some(other),
        (h1, other) => h1.or(other),
    })
}

/// True when a page's `<title>` begins with `heading`, then a separator.
fn begins_with(page_title: &str, heading: &str) -> bool {
    page_title.strip_prefix(heading).is_some_and(|rest| {
        rest.starts_with("--")
            || extract::TITLE_SEPARATORS
                .iter()
                .any(|s| rest.starts_with(s))
    })
}

/// Metadata lines between the page's title `heading` and its `article`
/// (`文章来源：… 作者：… 发布时间：…` under a CMS's headline, a news site's
/// `<div class="author">`): the article's byline and date, though outside
/// the container that holds its text.
fn metadata_lines(markup: &Markup, skip: &[bool], heading: usize, article: usize) -> Vec<RawBlock> {
    /// Property lines sit right under the headline: a page with much more
    /// between the two is not looked through (nested, that would be slow).
    const MAX_NODES: usize = 400;
    let start = markup.nodes[heading].end;
    let mut lines = Vec::new();
    for i in start..article.min(start + MAX_NODES) {
        // A line's innermost `div` or `p` holds it whole.
        let is_line = |j: usize| matches!(markup.tag(j), Some("div" | "p"));
        if skip[i] || !is_line(i) || (i + 1..markup.nodes[i].end).any(is_line) {
            continue;
        }
        let line = shown_text(markup, skip, i);
        if crate::article::is_metadata_line(&line) {
            lines.push(RawBlock::new(RawKind::Text, line));
        } else if line.chars().count() <= 30
            && extract::class_words(markup, i)
                .split(|c: char| c.is_whitespace() || matches!(c, '-' | '_'))
                .any(|word| word == "author")
        {
            // An unlabelled name the page marks as its author (`<div class="author">`).
            lines.push(RawBlock::new(RawKind::FrontMatter("author".into()), line));
        }
    }
    lines
}

/// The text of an element as shown: without what is never shown (scripts,
/// hidden parts), its spaces collapsed.
fn shown_text(markup: &Markup, skip: &[bool], index: usize) -> String {
    let end = markup.nodes[index].end;
    let mut text = String::new();
    for (node, skipped) in markup.nodes[index..end].iter().zip(&skip[index..end]) {
        if let NodeData::Text(part) = &node.data
            && !skipped
        {
            text.push_str(part);
        }
    }
    collapse_spaces(&text)
}

/// `text` with its runs of white space made one space, and none at its ends.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
