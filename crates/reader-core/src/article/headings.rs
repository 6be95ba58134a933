//! Step 4 of parsing: which blocks are headings, and at what level.
//!
//! A block is a *candidate* when it opens with a numbering marker of some
//! [`Style`] (一、 （一） 1. （1） 第X章 Chapter 2 …). Candidates become headings only
//! in consistent sequences:
//!
//! - Styles are taken from the highest rank down. A style's candidates are grouped
//!   by *scope*, the nearest heading of a higher-ranked style before them, because
//!   （一） restarts under every 一、.
//! - In a scope, a chain starts at 1 (or continues the previous scope's chain)
//!   and goes up by one; 第X条 runs through the whole law, whatever its chapters.
//!   A chain of one is kept only when it continues an earlier chain, so a stray
//!   line starting with 一、 is text.
//!   A number already passed is skipped as a stray; a jump ahead ends the chain.
//! - A chain whose items are mostly whole sentences standing one right after the
//!   other, with no text of their own between them, is a list, not headings
//!   (`（一）…；（二）…；`).
//! - Levels are dense: the highest-ranked style present is level 1, so a text
//!   numbered only （一） and 1. still has a level-1 outline.
//!
//! Laws: 第X编 > 第X分编 > 第X章 > 第X节 > 第X条. An article (第X条) is a leaf: numbered lines
//! inside it are enumerations, never headings. Its heading is its number, and its
//! outline label the number and the start of its text. `第X条` glued to the next
//! word (`第一条主线是…`) is a measure word, not an article, in a text that is
//! numbered otherwise (一、 （一） 1.).
//!
//! A numbered line that is too long to be a heading is a *run-in* heading when its
//! first sentence is short (`（一）加强组织领导。各级党委要……`): the block is split
//! there. Where a rich source opens a paragraph with bold (`<p><strong>（一）加强
//! 组织领导</strong>各级党委要……`), the bold run is the heading. Wholly bold short
//! paragraphs without numbering are headings too, below every numbered style,
//! when there are at least two of them. Code-like lines are never headings.
//!
//! A table of contents (numbered lines in a row, the first repeated later) is not
//! the headings. Tagged headings (`<h2>`, Markdown `#`, a plain-text line
//! underlined with `===`) give their own levels, and then the only other headings
//! are the legal units (第X章, 第X条…) of paragraphs, which are structure by
//! definition, below the deepest tagged level. Text with no numbering, or
//! numbering only lists (no text between the numbers), gets headings from the
//! shape of its lines ([`shape`]).

use super::SourceFormat;
use super::blocks::{RawBlock, RawKind};
use super::shape;
use super::text::{
    self, char_len, english_number_word, is_clause_end, is_sentence_end, leading_chinese_numeral,
    leading_number, leading_roman_numeral,
};

/// A block's heading level, for run-in headings where the heading text ends, and
/// whether it is a law article (labelled by [`article_label`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub split_at: Option<usize>,
    pub article: bool,
}

impl Heading {
    pub fn at_level(level: u8) -> Self {
        Self {
            level,
            split_at: None,
            article: false,
        }
    }
}

/// Numbering styles, in rank order: a style earlier in the list is a higher level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// A heading the source tagged (`<h2>`, Markdown `##`), of this level.
    Tagged(u8),
    /// 第X编, 第X部分, Part II
    Part,
    /// 第X分编 (the Civil Code's parts of a part)
    Subpart,
    /// 第X章, Chapter 3
    Chapter,
    /// 第X节, Section 2
    Section,
    /// 第X条, Article 5
    Article,
    /// 一、
    ChineseComma,
    /// I. II.
    RomanDot,
    /// （一）
    ChineseParen,
    /// A. B.
    LetterDot,
    /// 1. / 1．/ 1、 (depth 1), 1.1 (depth 2), 1.1.1 (depth 3), 1.1.1.1 (depth 4)
    Decimal(u8),
    /// （1） 1)
    ArabicParen,
    /// A wholly bold short paragraph without numbering (rich sources).
    Bold,
    /// Appendix A, 附录一: back matter, always at the top level.
    Appendix,
}

/// How many distinct ranks [`Style::rank`] gives.
const RANKS: usize = 21;
/// The rank of the first numbering style, below the six tagged levels.
const NUMBERED: usize = 6;

impl Style {
    /// Position in the rank order, 0 for the highest level.
    fn rank(self) -> usize {
        NUMBERED
            + match self {
                Style::Tagged(level) => return usize::from(level.clamp(1, 6)) - 1,
                Style::Part => 0,
                Style::Subpart => 1,
                Style::Chapter => 2,
                Style::Section => 3,
                Style::Article => 4,
                Style::ChineseComma => 5,
                Style::RomanDot => 6,
                Style::ChineseParen => 7,
                Style::LetterDot => 8,
                Style::Decimal(depth) => 8 + usize::from(depth.clamp(1, 4)),
                Style::ArabicParen => 13,
                Style::Bold => 14,
                // Not a level of the numbering: see `levels`.
                Style::Appendix => return RANKS,
            }
    }

    /// The units of laws and books (编 章 节 条, Part, Chapter…): structure by
    /// definition, unlike list numbering.
    fn is_unit(self) -> bool {
        (Style::Part.rank()..=Style::Article.rank()).contains(&self.rank())
    }
}

/// Dense levels: `present[r]` says whether rank `r` occurs; the level of rank
/// `r` is the number of occurring ranks up to it, so levels have no gaps.
fn dense_level(present: &[bool], rank: usize) -> u8 {
    let level = present[..=rank].iter().filter(|&&p| p).count();
    u8::try_from(level).unwrap_or(u8::MAX)
}

/// A block that opens with a numbering marker.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    block: usize,
    style: Style,
    ordinal: u32,
    split_at: Option<usize>,
    /// Standalone and shaped like a sentence (it ends with 。 or ；, or has commas):
    /// a list item when its next sibling follows right after it.
    sentence_like: bool,
    /// For 第X条: the text after the marker starts after a space, as in laws.
    spaced: bool,
    /// For 1.2.3: the number before the last, which names the heading it
    /// belongs under (2); 0 otherwise.
    parent: u32,
}

/// Longest standalone heading, in characters.
const MAX_HEADING_CHARS: usize = 80;
/// Longest first sentence that makes a run-in heading.
const MAX_RUN_IN_CHARS: usize = 60;
/// Fewest articles glued to their text (`第一条为了…`) that make a law.
const MIN_GLUED_ARTICLES: usize = 3;
/// Longest start of an article's text in its outline label, in characters.
const ARTICLE_LABEL_CHARS: usize = 20;

pub fn detect(blocks: &[RawBlock], format: SourceFormat) -> Vec<Option<Heading>> {
    let tagged = blocks
        .iter()
        .any(|b| matches!(b.kind, RawKind::TaggedHeading(_)));
    match format {
        SourceFormat::Markdown => tagged_levels(blocks),
        // A page with heading tags, or plain text with underlined headings.
        _ if tagged => tagged_levels(blocks),
        SourceFormat::PlainText | SourceFormat::Html => {
            let accepted = numbered(blocks);
            if accepted.is_empty() {
                return shape::headings(blocks);
            }
            // Numbered lines with no text between them are lists (Markdown without
            // its marks numbers its lists, not its headings): the shape of lines
            // finds the headings then, if it finds any.
            if !any_text_between(blocks, &accepted) {
                let shaped = shape::headings(blocks);
                if shaped.iter().any(Option::is_some) {
                    return shaped;
                }
            }
            levels(blocks.len(), accepted)
        }
    }
}

/// True when some numbered heading has text of its own: a run-in heading, or
/// prose between it and the next number of its style.
fn any_text_between(blocks: &[RawBlock], accepted: &[Candidate]) -> bool {
    if accepted.iter().any(|c| c.split_at.is_some()) {
        return true;
    }
    // prose_before[i]: how many prose blocks come before block `i`.
    let mut prose_before = Vec::with_capacity(blocks.len() + 1);
    let mut count = 0;
    for block in blocks {
        prose_before.push(count);
        count += usize::from(shape::is_prose(block));
    }
    prose_before.push(count);
    let mut previous: Option<(Style, usize)> = None;
    for c in accepted {
        // `accepted` comes style by style, each in text order.
        if let Some((style, block)) = previous
            && style == c.style
            && prose_before[c.block] > prose_before[block + 1]
        {
            return true;
        }
        previous = Some((c.style, c.block));
    }
    false
}

/// Tagged headings (`#`, `<h2>`), with the legal units of paragraphs below the
/// deepest tagged level.
fn tagged_levels(blocks: &[RawBlock]) -> Vec<Option<Heading>> {
    let mut found = numbered(blocks);
    found.retain(|c| c.style.is_unit());
    for (i, block) in blocks.iter().enumerate() {
        if let RawKind::TaggedHeading(level) = block.kind {
            found.push(Candidate {
                block: i,
                style: Style::Tagged(level),
                ordinal: 0,
                split_at: None,
                sentence_like: false,
                spaced: false,
                parent: 0,
            });
        }
    }
    levels(blocks.len(), found)
}

/// Dense levels of the headings found: the highest-ranked style present is
/// level 1, and so on without gaps.
fn levels(blocks: usize, found: Vec<Candidate>) -> Vec<Option<Heading>> {
    let mut present = [false; RANKS];
    for c in found.iter().filter(|c| c.style != Style::Appendix) {
        present[c.style.rank()] = true;
    }
    let mut out = vec![None; blocks];
    for c in found {
        // Appendices follow the whole text, whatever numbering it has.
        let level = match c.style {
            Style::Appendix => 1,
            style => dense_level(&present, style.rank()),
        };
        let block = c.block;
        out[block] = Some(c.into_heading(level));
    }
    out
}

impl Candidate {
    /// 第X条 glued to the next word (`第一条为了…`, `第一条主线是…`).
    fn is_glued_article(&self) -> bool {
        self.style == Style::Article && !self.spaced
    }

    fn into_heading(self, level: u8) -> Heading {
        Heading {
            level,
            split_at: self.split_at,
            article: self.style == Style::Article,
        }
    }
}

/// The numbered headings of the text blocks: candidates in consistent sequences.
fn numbered(blocks: &[RawBlock]) -> Vec<Candidate> {
    let mut all: Vec<Candidate> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == RawKind::Text)
        .filter_map(|(i, b)| classify(&b.text, b.bold_lead()).map(|c| Candidate { block: i, ..c }))
        .collect();
    drop_table_of_contents(blocks, &mut all);
    let mut accepted = accept_sequences(&all, false);
    if all.iter().any(Candidate::is_glued_article) {
        // 第X条 glued to the next word is a law article only in a text that has no
        // other numbering, and more than two of them: in one numbered 一、 （一） 1.
        // it counts things (第一条主线是…).
        let without = accept_sequences(&all, true);
        let articles = accepted
            .iter()
            .filter(|c| c.style == Style::Article)
            .count();
        if without.iter().any(|c| !c.style.is_unit()) || articles < MIN_GLUED_ARTICLES {
            accepted = without;
        }
    }
    accepted.extend(bold_headings(blocks, &all));
    if !accepted.is_empty() {
        appendices(&all, &mut accepted);
    }
    accepted
}

/// Fewest lines in a row that make a table of contents.
const MIN_CONTENTS_LINES: usize = 3;

/// Removes the candidates of a table of contents: numbered lines one right after
/// the other whose first line comes again right after them, where its section
/// starts.
fn drop_table_of_contents(blocks: &[RawBlock], candidates: &mut Vec<Candidate>) {
    // The text without spaces, dot leaders and page numbers (`第一章 总则……3`).
    let key = |c: &Candidate| {
        blocks[c.block]
            .text
            .trim_end_matches(|ch: char| ch.is_ascii_digit() || matches!(ch, '.' | '…' | '·' | ' '))
            .chars()
            .filter(|&ch| !text::is_space(ch))
    };
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        while end < candidates.len() && candidates[end].block == candidates[end - 1].block + 1 {
            end += 1;
        }
        // The contents end where their first line comes again.
        let first = &candidates[start];
        let repeat = (start + 1..=end.min(candidates.len() - 1))
            .find(|&r| key(&candidates[r]).eq(key(first)))
            .filter(|&r| r - start >= MIN_CONTENTS_LINES);
        if let Some(repeat) = repeat {
            candidates.drain(start..repeat);
            return;
        }
        start = end;
    }
}

/// Appendices lettered or numbered from the first on, in a text that has headings.
fn appendices(candidates: &[Candidate], accepted: &mut Vec<Candidate>) {
    let mut next = 1;
    for c in candidates.iter().filter(|c| c.style == Style::Appendix) {
        if c.ordinal == next {
            accepted.push(*c);
            next += 1;
        }
    }
}

/// Keeps the candidates that form consistent sequences (see the module docs).
/// `candidates` are in text order; `skip_glued` leaves out glued articles.
fn accept_sequences(candidates: &[Candidate], skip_glued: bool) -> Vec<Candidate> {
    let blocks = candidates.last().map_or(0, |c| c.block + 1);
    // The style and number of the heading accepted at each block, for scope look-ups.
    let mut accepted_at: Vec<Option<(Style, u32)>> = vec![None; blocks];
    let mut accepted = Vec::new();
    for rank in NUMBERED..RANKS {
        // Law articles are numbered through the whole law, across its chapters.
        let through = rank == Style::Article.rank();
        let start = accepted.len();
        let mut last_ordinal: Option<u32> = None;
        // The candidates of this style in one scope, and that scope: the
        // nearest heading of a higher rank before them, found by a sweep.
        let mut group: Vec<Candidate> = Vec::new();
        let mut scope: Option<usize> = None;
        let mut swept = 0;
        let mut nearest: Option<usize> = None;
        let of_rank =
            |c: &&Candidate| c.style.rank() == rank && !(skip_glued && c.is_glued_article());
        // `None` ends the last scope.
        for c in candidates.iter().filter(of_rank).map(Some).chain([None]) {
            while let Some(c) = c
                && swept < c.block
            {
                if accepted_at[swept].is_some() {
                    nearest = Some(swept);
                }
                swept += 1;
            }
            let c_scope = nearest.filter(|_| !through);
            if c.is_none() || c_scope != scope {
                let (group, last) = (&mut group, &mut last_ordinal);
                accept_chains(group, scope, &accepted_at, last, &mut accepted);
                group.clear();
                scope = c_scope;
            }
            group.extend(c);
        }
        for c in &accepted[start..] {
            accepted_at[c.block] = Some((c.style, c.ordinal));
        }
    }
    accepted
}

/// Accepts the chains of one style within one scope (the heading at block
/// `scope`), except inside a law article, which is a leaf: what is numbered
/// inside it enumerates.
fn accept_chains(
    group: &[Candidate],
    scope: Option<usize>,
    accepted_at: &[Option<(Style, u32)>],
    last_ordinal: &mut Option<u32>,
    accepted: &mut Vec<Candidate>,
) {
    let scope_heading = scope.and_then(|b| accepted_at[b]);
    if scope_heading.is_some_and(|(style, _)| style == Style::Article) {
        return;
    }
    let mut chain: Vec<Candidate> = Vec::new();
    let continues = |c: &Candidate, last: Option<u32>| last.is_some_and(|l| c.ordinal == l + 1);
    // 1.1 alone under 1. (a section with one subsection) says where it belongs.
    let named_by_scope = |c: &Candidate| match (c.style, scope_heading) {
        (Style::Decimal(depth), Some((Style::Decimal(above), ordinal))) => {
            depth == above + 1
                && c.ordinal == 1
                && c.parent == ordinal
                && c.split_at.is_none()
                && !c.sentence_like
        }
        _ => false,
    };
    let mut finish = |chain: &mut Vec<Candidate>, last_ordinal: &mut Option<u32>| {
        let keep = chain.len() >= 2
            || chain
                .first()
                .is_some_and(|c| continues(c, *last_ordinal) || named_by_scope(c));
        if keep {
            *last_ordinal = chain.last().map(|c| c.ordinal);
            if !is_list(chain) {
                accepted.extend_from_slice(chain);
            }
        }
        chain.clear();
    };
    for (i, c) in group.iter().enumerate() {
        match chain.last() {
            Some(last) if c.ordinal == last.ordinal + 1 => chain.push(*c),
            None if c.ordinal == 1 || continues(c, *last_ordinal) => chain.push(*c),
            Some(_) if c.ordinal == 1 && group.get(i + 1).is_some_and(|n| n.ordinal == 2) => {
                // A second list restarts at 1 in the same scope.
                finish(&mut chain, last_ordinal);
                chain.push(*c);
            }
            // A jump ahead (一、 then 四、) means the numbering is not a sequence.
            Some(last) if c.ordinal > last.ordinal + 1 => finish(&mut chain, last_ordinal),
            // A number already passed is a stray line (a quotation, a list), not a heading.
            _ => {}
        }
    }
    finish(&mut chain, last_ordinal);
}

/// True when most items of a chain are sentences standing right before their
/// next sibling, with no text of their own: the items of a list.
fn is_list(chain: &[Candidate]) -> bool {
    let bodiless = chain
        .windows(2)
        .filter(|pair| pair[0].sentence_like && pair[1].block == pair[0].block + 1)
        .count();
    bodiless > 0 && bodiless * 2 >= chain.len()
}

/// Wholly bold short paragraphs without numbering, when there are at least two
/// and they are not most of the text (a page set all in bold has no headings).
fn bold_headings(blocks: &[RawBlock], numbered: &[Candidate]) -> Vec<Candidate> {
    let found: Vec<Candidate> = blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            b.kind == RawKind::Text
                && b.bold_lead() == Some(b.text.len())
                && char_len(&b.text) <= MAX_HEADING_CHARS
                && numbered.iter().all(|c| c.block != *i)
        })
        .map(|(i, _)| Candidate {
            block: i,
            style: Style::Bold,
            ordinal: 0,
            split_at: None,
            sentence_like: false,
            spaced: false,
            parent: 0,
        })
        .collect();
    let texts = blocks.iter().filter(|b| b.kind == RawKind::Text).count();
    if found.len() >= 2 && found.len() * 2 < texts {
        found
    } else {
        Vec::new()
    }
}

/// Recognises a numbering marker and how the line would be a heading. A bold
/// run opening the line (`bold_lead`) is the heading when it goes past the
/// marker. The returned candidate's `block` is 0.
fn classify(line: &str, bold_lead: Option<usize>) -> Option<Candidate> {
    let (style, ordinal, marker_end) = marker(line)?;
    // Not in `1.1 million people…`: a heading's first word has a capital.
    let lower_case = line[marker_end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_lowercase());
    let parent = match style {
        Style::Decimal(depth @ 2..) if !lower_case => line
            .split(['.', '．'])
            .nth(usize::from(depth) - 2)
            .and_then(leading_number)
            .map_or(0, |(n, _)| n),
        _ => 0,
    };
    let candidate = |split_at, sentence_like| Candidate {
        block: 0,
        style,
        ordinal,
        split_at,
        sentence_like,
        spaced: false,
        parent,
    };
    let after = &line[marker_end..];
    let rest = text::trim(after);
    if rest.is_empty() {
        return (style.is_unit() || style == Style::Appendix).then(|| candidate(None, false));
    }
    if style == Style::Article {
        // Law articles have no titles: the heading is `第五条`, the rest is text.
        let split = line.len() - after.trim_start_matches(text::is_space).len();
        return Some(Candidate {
            spaced: split > marker_end,
            ..candidate(Some(split), false)
        });
    }
    if let Some(lead) =
        bold_lead.filter(|&l| l > marker_end && char_len(&line[..l]) <= MAX_HEADING_CHARS)
    {
        let split = (lead < line.len() && !text::trim(&line[lead..]).is_empty()).then_some(lead);
        return Some(candidate(split, false));
    }
    let body = line.trim_end_matches(|c: char| is_sentence_end(c) || text::is_closing_mark(c));
    let standalone = char_len(line) <= MAX_HEADING_CHARS
        && !body[marker_end.min(body.len())..]
            .chars()
            .any(is_sentence_end);
    if standalone {
        if shape::is_code_like(rest) {
            return None;
        }
        return Some(candidate(None, is_sentence_shaped(rest)));
    }
    // Run-in: the first sentence after the marker, if short, is the heading.
    let (end, c) = after
        .char_indices()
        .find(|&(_, c)| is_sentence_end(c))
        .map(|(i, c)| (marker_end + i, c))?;
    let split = end + c.len_utf8();
    let run_in = char_len(&line[..split]) <= MAX_RUN_IN_CHARS
        && !text::trim(&line[split..]).is_empty()
        && !shape::is_code_like(&line[marker_end..split]);
    run_in.then(|| candidate(Some(split), false))
}

/// A sentence rather than a title: it ends with a full stop or a list
/// separator, or it has clauses.
fn is_sentence_shaped(text: &str) -> bool {
    text.ends_with(['。', '；', ';', '，', ','])
        || text.contains(['，', '；', ';'])
        || (text.ends_with('.') && text.contains(", "))
}

/// A law article's outline label, `第五条 每年9月30日为烈士纪念日…`: its number
/// and the start of its text, up to the end of a clause once there are a few words.
pub fn article_label(number: &str, text: &str) -> String {
    let mut label = String::from(number);
    let mut end = text.len();
    let mut cut = false;
    for (count, (i, c)) in text.char_indices().enumerate() {
        if count >= ARTICLE_LABEL_CHARS {
            end = i;
            cut = true;
            break;
        }
        if is_clause_end(c) && count >= 6 {
            end = i;
            break;
        }
    }
    let start = text::trim(&text[..end]);
    if !start.is_empty() {
        label.push(' ');
        label.push_str(start);
    }
    if cut {
        label.push('…');
    }
    label
}

/// The numbering marker at the start of a line: (style, ordinal, bytes used).
fn marker(line: &str) -> Option<(Style, u32, usize)> {
    chinese_appendix(line)
        .or_else(|| chinese_ordinal_unit(line))
        .or_else(|| chinese_comma(line))
        .or_else(|| parenthesised(line))
        .or_else(|| decimal(line))
        .or_else(|| english_unit(line))
        .or_else(|| roman_or_letter_dot(line))
}

/// 第X章 / 第X节 / 第X条 / 第X编 / 第X分编 / 第X部分.
fn chinese_ordinal_unit(line: &str) -> Option<(Style, u32, usize)> {
    let rest = line.strip_prefix('第')?;
    let (n, used) = leading_chinese_numeral(rest).or_else(|| leading_number(rest))?;
    let after = &rest[used..];
    let (style, unit) = [
        (Style::Part, "编"),
        (Style::Subpart, "分编"),
        (Style::Part, "部分"),
        (Style::Chapter, "章"),
        (Style::Section, "节"),
        (Style::Article, "条"),
    ]
    .into_iter()
    .find(|(_, unit)| after.starts_with(unit))?;
    Some((style, n, '第'.len_utf8() + used + unit.len()))
}

/// 附录一, 附录A, 附件1 (followed by a space, a colon or the title).
fn chinese_appendix(line: &str) -> Option<(Style, u32, usize)> {
    let rest = line
        .strip_prefix("附录")
        .or_else(|| line.strip_prefix("附件"))?;
    let (n, used) = leading_chinese_numeral(rest)
        .or_else(|| leading_number(rest))
        .or_else(|| capital_letter(rest))?;
    Some((Style::Appendix, n, line.len() - rest.len() + used))
}

/// A capital Latin letter as an ordinal: A = 1.
fn capital_letter(s: &str) -> Option<(u32, usize)> {
    let c = s.chars().next().filter(char::is_ascii_uppercase)?;
    Some((c as u32 - 'A' as u32 + 1, 1))
}

/// 一、 (also 一. and 一．).
fn chinese_comma(line: &str) -> Option<(Style, u32, usize)> {
    let (n, used) = leading_chinese_numeral(line)?;
    let sep = line[used..].chars().next()?;
    matches!(sep, '、' | '．' | '.').then(|| (Style::ChineseComma, n, used + sep.len_utf8()))
}

/// （一） (一) （1） (1), and 1) 1）.
fn parenthesised(line: &str) -> Option<(Style, u32, usize)> {
    let open = line.chars().next()?;
    let opened = matches!(open, '（' | '(');
    let inner = if opened {
        &line[open.len_utf8()..]
    } else {
        line
    };
    let (style, n, used) = match leading_chinese_numeral(inner) {
        Some((n, used)) if opened => (Style::ChineseParen, n, used),
        _ => {
            let (n, used) = leading_number(inner)?;
            (Style::ArabicParen, n, used)
        }
    };
    let close = inner[used..].chars().next()?;
    if !matches!(close, '）' | ')') {
        return None;
    }
    let consumed = line.len() - inner.len() + used + close.len_utf8();
    Some((style, n, consumed))
}

/// 1. 1．1、 and 1.1, 1.1.1 (components of at most three digits).
fn decimal(line: &str) -> Option<(Style, u32, usize)> {
    let mut pos = 0;
    let mut depth = 0u8;
    loop {
        let (n, used) = leading_number(&line[pos..])?;
        // Four digits is a year (2022.12.05), not a heading number.
        if char_len(&line[pos..pos + used]) > 3 {
            return None;
        }
        depth += 1;
        pos += used;
        let sep = line[pos..].chars().next();
        let sep_len = sep.map_or(0, char::len_utf8);
        let digit_follows = line[pos + sep_len..]
            .chars()
            .next()
            .and_then(text::digit_value)
            .is_some();
        match sep {
            Some('.' | '．') if digit_follows => {
                if depth == 4 {
                    return None;
                }
                pos += sep_len;
            }
            Some('.' | '．' | '、') => return Some((Style::Decimal(depth), n, pos + sep_len)),
            Some(c) if depth >= 2 && text::is_space(c) => {
                return Some((Style::Decimal(depth), n, pos));
            }
            _ => return None,
        }
    }
}

/// Part II, Chapter 3, CHAPTER ONE, Section 2, Article 5, Appendix B.
fn english_unit(line: &str) -> Option<(Style, u32, usize)> {
    let (word, rest) = line.split_once(' ')?;
    let style = match word.to_ascii_lowercase().as_str() {
        "part" => Style::Part,
        "chapter" => Style::Chapter,
        "section" => Style::Section,
        "article" => Style::Article,
        "appendix" => Style::Appendix,
        _ => return None,
    };
    let token_end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let token = &rest[..token_end];
    let n = leading_number(token)
        .filter(|&(_, used)| used == token.len())
        .map(|(n, _)| n)
        .or_else(|| {
            leading_roman_numeral(token)
                .filter(|&(_, used)| used == token.len())
                .map(|(n, _)| n)
        })
        .or_else(|| english_number_word(token))
        .or_else(|| {
            capital_letter(token)
                .filter(|&(_, used)| style == Style::Appendix && used == token.len())
                .map(|(n, _)| n)
        })?;
    let mut used = word.len() + 1 + token_end;
    if let Some(sep) = line[used..]
        .chars()
        .next()
        .filter(|c| matches!(c, ':' | '.' | '：'))
    {
        used += sep.len_utf8();
    }
    Some((style, n, used))
}

/// I. II. (Roman) and A. B. (capital letters) followed by a space.
fn roman_or_letter_dot(line: &str) -> Option<(Style, u32, usize)> {
    let dot = line.find(". ")?;
    let token = &line[..dot];
    if let Some((n, used)) = leading_roman_numeral(token).filter(|&(_, u)| u == token.len())
        && token.chars().all(|c| c.is_ascii_uppercase())
    {
        return Some((Style::RomanDot, n, used + 1));
    }
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ 'A'..='Z'), None) => Some((Style::LetterDot, c as u32 - 'A' as u32 + 1, 2)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(lines: &[&str]) -> Vec<Option<u8>> {
        let blocks: Vec<RawBlock> = lines.iter().map(|l| RawBlock::text(*l)).collect();
        detect(&blocks, SourceFormat::PlainText)
            .into_iter()
            .map(|h| h.map(|h| h.level))
            .collect()
    }

    #[test]
    fn official_numbering_has_four_levels() {
        assert_eq!(
            levels(&[
                "一、总体要求",
                "（一）指导思想",
                "1. 坚持党的领导",
                "（1）提高认识",
                "（2）加强组织",
                "2. 坚持人民至上",
                "（二）基本原则",
                "二、主要任务",
            ]),
            [
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(4),
                Some(3),
                Some(2),
                Some(1)
            ]
        );
    }

    #[test]
    fn parentheses_and_separators_in_both_widths() {
        assert_eq!(
            levels(&["(一)甲", "（二）乙", "1．丙", "2、丁", "3.戊"]),
            [Some(1), Some(1), Some(2), Some(2), Some(2)]
        );
    }

    #[test]
    fn a_stray_numbered_line_is_text() {
        assert_eq!(
            levels(&[
                "一、第一部分",
                "正文",
                "二、第二部分",
                "一、这一行编号不连续",
                "三、第三部分"
            ]),
            [Some(1), None, Some(1), None, Some(1)]
        );
        assert_eq!(levels(&["一、只有一个编号的行", "正文"]), [None, None]);
    }

    #[test]
    fn sub_numbering_restarts_under_each_parent() {
        assert_eq!(
            levels(&[
                "一、甲",
                "（一）子一",
                "（二）子二",
                "二、乙",
                "（一）子三",
                "（二）子四"
            ]),
            [Some(1), Some(2), Some(2), Some(1), Some(2), Some(2)]
        );
    }

    #[test]
    fn law_articles_continue_across_chapters() {
        let blocks: Vec<RawBlock> = [
            "第一章 总则",
            "第一条 为了规范管理，制定本条例。",
            "第二条 本条例适用于全省。",
            "第二章 管理",
            "第三条 各级政府应当加强领导。",
        ]
        .iter()
        .map(|l| RawBlock::text(*l))
        .collect();
        let found = detect(&blocks, SourceFormat::PlainText);
        let levels: Vec<Option<u8>> = found.iter().map(|h| h.map(|h| h.level)).collect();
        assert_eq!(levels, [Some(1), Some(2), Some(2), Some(1), Some(2)]);
        let split = found[1].unwrap().split_at.unwrap();
        assert_eq!(&blocks[1].text[..split], "第一条 ");
    }

    #[test]
    fn a_code_in_parts_restarts_its_chapters_in_each_part_and_not_in_subparts() {
        // The Civil Code's shape: 编 > 分编 > 章 > 条; chapters start again at
        // 第一章 in each 编 but run on across its 分编.
        let law = [
            "第一编 总则",
            "第一章 基本规定",
            "第一条 为了保护民事主体的合法权益，制定本法。",
            "第二章 自然人",
            "第二条 自然人的民事权利能力一律平等。",
            "第二编 物权",
            "第一分编 通则",
            "第一章 一般规定",
            "第三条 因物的归属和利用产生的民事关系，适用本编。",
            "第二章 物权的设立",
            "第四条 不动产物权的设立，经依法登记，发生效力。",
            "第二分编 所有权",
            "第三章 一般规定",
            "第五条 所有权人依法享有占有、使用、收益和处分的权利。",
        ];
        assert_eq!(
            levels(&law),
            [
                Some(1),
                Some(3),
                Some(4),
                Some(3),
                Some(4),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(3),
                Some(4),
                Some(2),
                Some(3),
                Some(4)
            ]
        );
    }

    #[test]
    fn run_in_headings_split_at_the_first_sentence() {
        let line = "（一）加强组织领导。各级党委要把这项工作摆上重要议程，主要负责同志亲自抓，分管负责同志具体抓，形成一级抓一级、层层抓落实的工作格局，确保各项任务落到实处。";
        let blocks = vec![RawBlock::text(line), RawBlock::text("（二）强化保障。")];
        let found = detect(&blocks, SourceFormat::PlainText);
        let split = found[0].unwrap().split_at.unwrap();
        assert_eq!(&line[..split], "（一）加强组织领导。");
        assert_eq!(found[1].unwrap().split_at, None);
    }

    #[test]
    fn long_numbered_prose_is_not_a_heading() {
        let long = "1. ".to_string() + &"很长的一句话没有句号".repeat(12);
        let blocks = vec![RawBlock::text(long), RawBlock::text("2. 第二")];
        assert_eq!(detect(&blocks, SourceFormat::PlainText)[0], None);
    }

    #[test]
    fn english_numbering() {
        assert_eq!(
            levels(&[
                "Chapter 1: Beginnings",
                "1. Introduction",
                "1.1 Background",
                "1.2 Scope",
                "2. Methods",
                "Chapter Two",
            ]),
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1)]
        );
        assert_eq!(
            levels(&["I. Overview", "A. History", "B. Today", "II. Details"]),
            [Some(1), Some(2), Some(2), Some(1)]
        );
    }

    #[test]
    fn a_lone_subsection_numbered_under_its_section_is_a_heading() {
        let prose = "Programs often need to pass short notes to one another, and this says how.";
        assert_eq!(
            levels(&[
                "1. Introduction",
                prose,
                "1.1. Requirements Language",
                prose,
                "2. Message Format",
                prose,
                "2.1. Note Messages",
                prose,
                "2.1.1. Note Text",
                prose,
                "2.2. Acknowledgements",
                prose,
                "3. Security",
                prose,
                "2.1. Quoted from above",
                prose,
                "4. Numbers",
                "4.1 million people moved. The rest stayed where they were, by the river.",
                "5. Names",
                "5.1 million people",
                prose,
            ]),
            [
                Some(1),
                None,
                Some(2),
                None,
                Some(1),
                None,
                Some(2),
                None,
                Some(3),
                None,
                Some(2),
                None,
                Some(1),
                None,
                None,
                None,
                Some(1),
                None,
                Some(1),
                None,
                None
            ]
        );
    }

    #[test]
    fn dates_and_decimals_are_not_numbering() {
        assert_eq!(marker("2022.12.05 发布"), None);
        assert_eq!(marker("3.5倍的增长"), None);
        assert_eq!(marker("一是要加强"), None);
        assert_eq!(marker("第一，要加强"), None);
    }

    #[test]
    fn plain_english_without_numbers_uses_title_lines() {
        let prose =
            "This paragraph is long enough to be prose, with commas, and it ends with a period.";
        assert_eq!(
            levels(&["Why it matters", prose, "What comes next", prose]),
            [Some(1), None, Some(1), None]
        );
    }

    fn markdown(blocks: &[(&str, Option<u8>)]) -> Vec<RawBlock> {
        blocks
            .iter()
            .map(|&(text, level)| {
                RawBlock::new(level.map_or(RawKind::Text, RawKind::TaggedHeading), text)
            })
            .collect()
    }

    fn found_levels(found: &[Option<Heading>]) -> Vec<Option<u8>> {
        found.iter().map(|h| h.map(|h| h.level)).collect()
    }

    #[test]
    fn markdown_law_articles_sit_under_marked_chapters() {
        let blocks = markdown(&[
            ("第一章 总则", Some(2)),
            ("第一条 为保障游客安全，制定本办法。", None),
            ("第二条 本办法适用于全市景区。", None),
            ("第二章 管理", Some(2)),
            ("第三条 景区应当公示开放时间。", None),
            ("景区不得超量接待游客。", None),
        ]);
        let found = detect(&blocks, SourceFormat::Markdown);
        assert_eq!(
            found_levels(&found),
            [Some(1), Some(2), Some(2), Some(1), Some(2), None]
        );
        let first = found[1].unwrap();
        assert!(first.article);
        let (number, text) = blocks[1].text.split_at(first.split_at.unwrap());
        assert_eq!(article_label(number.trim(), text), "第一条 为保障游客安全");
        assert_eq!(&blocks[1].text[..first.split_at.unwrap()], "第一条 ");
    }

    #[test]
    fn markdown_law_without_chapters_has_articles_at_the_top() {
        let blocks = markdown(&[
            ("第一条 为规范停车管理，制定本规定。", None),
            ("第二条 本规定自公布之日起施行。", None),
            ("（一）不是标题的列举；", None),
        ]);
        assert_eq!(
            found_levels(&detect(&blocks, SourceFormat::Markdown)),
            [Some(1), Some(1), None]
        );
    }

    #[test]
    fn enumerations_inside_an_article_are_never_headings() {
        assert_eq!(
            levels(&[
                "第一章 总则",
                "第一条 下列场所禁止吸烟：",
                "（一）学校；",
                "（二）医院的候诊区域和病房，以及其他人员密集的区域；",
                "（三）其他公共场所。",
                "第二章 罚则",
                "第二条 违反本规定的，依法处理。",
                "（一）初次违反的，给予警告；",
                "（二）再次违反的，处以罚款。",
            ]),
            [
                Some(1),
                Some(2),
                None,
                None,
                None,
                Some(1),
                Some(2),
                None,
                None
            ]
        );
    }

    #[test]
    fn a_glued_article_number_in_a_numbered_report_counts_things() {
        assert_eq!(
            levels(&[
                "一、工作回顾",
                "今年的工作有两条经验。",
                "第一条经验是：坚持规划先行，一张蓝图绘到底。",
                "第二条经验是：坚持群众路线，问计于民。",
                "二、下步打算",
                "明年继续努力。",
            ]),
            [Some(1), None, None, None, Some(1), None]
        );
        // With no other numbering, a law written without spaces is still a law.
        assert_eq!(
            levels(&[
                "第一条为了规范管理，制定本办法。",
                "第二条本办法适用于全县。",
                "第三条本办法自发布之日起施行。"
            ]),
            [Some(1), Some(1), Some(1)]
        );
    }

    #[test]
    fn sentences_numbered_one_after_the_other_are_a_list() {
        assert_eq!(
            levels(&[
                "使用时要注意三点。",
                "（1）输入必须是合法的文本，否则会报错。",
                "（2）输出不会保留原来的格式。",
                "（3）结果按出现的顺序排列。",
                "下面分别说明。",
            ]),
            [None; 5]
        );
    }

    #[test]
    fn appendices_are_at_the_top_level() {
        assert_eq!(
            levels(&[
                "1. Scope",
                "1.1 Terms",
                "1.2 Rules",
                "2. Method",
                "Appendix A. Sample forms",
                "Appendix B",
            ]),
            [Some(1), Some(2), Some(2), Some(1), Some(1), Some(1)]
        );
        assert_eq!(
            levels(&["一、总体要求", "二、主要任务", "附录一 名词解释"]),
            [Some(1), Some(1), Some(1)]
        );
    }

    #[test]
    fn roman_chapters_and_code_lines() {
        assert_eq!(
            levels(&["Chapter I", "Chapter II: The Road", "Chapter III"]),
            [Some(1), Some(1), Some(1)]
        );
        assert_eq!(
            levels(&["1. let total = 0;", "2. print(total)", "3. }"]),
            [None, None, None]
        );
    }

    #[test]
    fn a_table_of_contents_is_not_the_headings() {
        assert_eq!(
            levels(&[
                "目录",
                "第一章 总则",
                "第二章 管理……5",
                "第三章 附则",
                "第一章　总则",
                "第一条 为了规范管理，制定本办法。",
                "第二章　管理",
                "第二条 各单位应当加强管理。",
                "第三章　附则",
                "第三条 本办法自发布之日起施行。",
            ]),
            [
                None,
                None,
                None,
                None,
                Some(1),
                Some(2),
                Some(1),
                Some(2),
                Some(1),
                Some(2)
            ]
        );
    }

    #[test]
    fn numbered_lists_in_unmarked_markdown_leave_headings_to_the_shape_of_lines() {
        let prose = "This paragraph explains the step in enough words to be prose.";
        assert_eq!(
            levels(&[
                "Installing",
                prose,
                "1. Download the archive",
                "2. Unpack it",
                "3. Run the installer",
                "Using it",
                prose,
            ]),
            [Some(1), None, None, None, None, Some(1), None]
        );
    }

    #[test]
    fn tagged_levels_are_dense() {
        let blocks = vec![
            RawBlock::new(RawKind::TaggedHeading(2), "A"),
            RawBlock::new(RawKind::TaggedHeading(4), "B"),
            RawBlock::text("一、不是标题"),
        ];
        let found: Vec<Option<u8>> = detect(&blocks, SourceFormat::Markdown)
            .into_iter()
            .map(|h| h.map(|h| h.level))
            .collect();
        assert_eq!(found, [Some(1), Some(2), None]);
    }

    /// A paragraph whose first `bold` bytes are `<strong>`.
    fn bold(text: &str, bold: &str) -> RawBlock {
        let mut block = RawBlock::text(text);
        block.inlines.push(crate::article::Inline {
            kind: crate::article::InlineKind::Strong,
            span: crate::article::Span::new(0, bold.len()),
        });
        block
    }

    #[test]
    fn a_bold_lead_is_the_run_in_heading() {
        let line = "（一）加强组织领导各级党委要把这项工作摆上重要议程，主要负责同志亲自抓。";
        let blocks = vec![
            bold(line, "（一）加强组织领导"),
            bold("（二）强化保障", "（二）强化保障"),
        ];
        let found = detect(&blocks, SourceFormat::Html);
        assert_eq!(
            &line[..found[0].unwrap().split_at.unwrap()],
            "（一）加强组织领导"
        );
        assert_eq!(found[1].unwrap().split_at, None);
    }

    #[test]
    fn wholly_bold_paragraphs_are_headings_on_pages_without_heading_tags() {
        let prose =
            RawBlock::text("这是一段足够长的正文，用来说明上面的粗体段落是标题而不是正文。");
        let blocks = vec![
            bold("一、总体要求", "一、总体要求"),
            prose.clone(),
            bold("坚持党的领导", "坚持党的领导"),
            prose.clone(),
            bold("加强队伍建设", "加强队伍建设"),
            prose.clone(),
            bold("二、主要任务", "二、主要任务"),
            prose.clone(),
        ];
        let found: Vec<Option<u8>> = detect(&blocks, SourceFormat::Html)
            .into_iter()
            .map(|h| h.map(|h| h.level))
            .collect();
        assert_eq!(
            found,
            [Some(1), None, Some(2), None, Some(2), None, Some(1), None]
        );
        // One bold line alone is emphasis, not a heading.
        let one = vec![bold("注意", "注意"), prose.clone(), prose];
        assert_eq!(detect(&one, SourceFormat::Html), [None, None, None]);
    }

    #[test]
    fn heading_tags_win_over_numbering_on_html_pages() {
        let blocks = vec![
            RawBlock::new(RawKind::TaggedHeading(2), "Intro"),
            RawBlock::text("一、不是标题"),
            RawBlock::text("二、也不是"),
        ];
        let found: Vec<Option<u8>> = detect(&blocks, SourceFormat::Html)
            .into_iter()
            .map(|h| h.map(|h| h.level))
            .collect();
        assert_eq!(found, [Some(1), None, None]);
    }
}
