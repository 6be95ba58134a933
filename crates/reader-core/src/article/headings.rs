//! Step 4 of parsing: which blocks are headings, and at what level.
//!
//! A block is a *candidate* when it opens with a numbering marker of some
//! [`Style`] (一、 （一） 1. （1） 第X章 Chapter 2 …). Candidates become headings only
//! in consistent sequences:
//!
//! - Styles are taken from the highest rank down. A style's candidates are grouped
//!   by *scope*, the nearest heading of a higher-ranked style before them, because
//!   （一） restarts under every 一、.
//! - In a scope, a chain starts at 1 (or continues the previous scope's chain, as
//!   第X条 does across chapters) and goes up by one. A chain of one is kept only
//!   when it continues an earlier chain, so a stray line starting with 一、 is text.
//!   A number already passed is skipped as a stray; a jump ahead ends the chain.
//! - Levels are dense: the highest-ranked style present is level 1, so a text
//!   numbered only （一） and 1. still has a level-1 outline.
//!
//! A numbered line that is too long to be a heading is a *run-in* heading when its
//! first sentence is short (`（一）加强组织领导。各级党委要……`): the block is split
//! there. Where a rich source opens a paragraph with bold (`<p><strong>（一）加强
//! 组织领导</strong>各级党委要……`), the bold run is the heading. Wholly bold short
//! paragraphs without numbering are headings too, below every numbered style,
//! when there are at least two of them.
//!
//! Tagged headings (`<h2>`, Markdown `#`) give their own levels, and then nothing
//! else is a heading; Markdown uses its `#` levels and nothing else; an HTML page
//! without heading tags is read with the rules above.

use super::SourceFormat;
use super::blocks::{RawBlock, RawKind};
use super::text::{
    self, char_len, english_number_word, is_sentence_end, leading_chinese_numeral, leading_number,
    leading_roman_numeral,
};

/// A block's heading level and, for run-in headings, where the heading text ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub split_at: Option<usize>,
}

/// Numbering styles, in rank order: a style earlier in the list is a higher level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// 第X编, 第X部分, Part II
    Part,
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
    /// An unnumbered short line followed by prose, in texts with no numbering.
    Bare,
}

/// How many distinct ranks [`Style::rank`] gives.
const RANKS: usize = 15;

impl Style {
    /// Position in the rank order, 0 for the highest level.
    fn rank(self) -> usize {
        match self {
            Style::Part => 0,
            Style::Chapter => 1,
            Style::Section => 2,
            Style::Article => 3,
            Style::ChineseComma => 4,
            Style::RomanDot => 5,
            Style::ChineseParen => 6,
            Style::LetterDot => 7,
            Style::Decimal(depth) => 7 + usize::from(depth.clamp(1, 4)),
            Style::ArabicParen => 12,
            Style::Bold => 13,
            Style::Bare => 14,
        }
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
}

/// Longest standalone heading, in characters.
const MAX_HEADING_CHARS: usize = 80;
/// Longest first sentence that makes a run-in heading.
const MAX_RUN_IN_CHARS: usize = 60;

pub fn detect(blocks: &[RawBlock], format: SourceFormat) -> Vec<Option<Heading>> {
    let tagged = blocks
        .iter()
        .any(|b| matches!(b.kind, RawKind::TaggedHeading(_)));
    match format {
        SourceFormat::Markdown => tagged_levels(blocks),
        SourceFormat::Html if tagged => tagged_levels(blocks),
        SourceFormat::PlainText | SourceFormat::Html => numbered_levels(blocks),
    }
}

fn tagged_levels(blocks: &[RawBlock]) -> Vec<Option<Heading>> {
    let level_of = |b: &RawBlock| match b.kind {
        RawKind::TaggedHeading(level) => Some(usize::from(level.clamp(1, 6))),
        _ => None,
    };
    let mut present = [false; 7];
    for level in blocks.iter().filter_map(level_of) {
        present[level] = true;
    }
    blocks
        .iter()
        .map(|b| {
            level_of(b).map(|level| Heading {
                level: dense_level(&present, level),
                split_at: None,
            })
        })
        .collect()
}

fn numbered_levels(blocks: &[RawBlock]) -> Vec<Option<Heading>> {
    let candidates: Vec<Candidate> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == RawKind::Text)
        .filter_map(|(i, b)| {
            classify(&b.text, b.bold_lead()).map(|(style, ordinal, split_at)| Candidate {
                block: i,
                style,
                ordinal,
                split_at,
            })
        })
        .collect();
    let mut accepted = accept_sequences(&candidates);
    accepted.extend(bold_headings(blocks, &candidates));
    if accepted.is_empty() {
        accepted = bare_headings(blocks);
    }
    let mut present = [false; RANKS];
    for c in &accepted {
        present[c.style.rank()] = true;
    }
    let mut out = vec![None; blocks.len()];
    for c in accepted {
        out[c.block] = Some(Heading {
            level: dense_level(&present, c.style.rank()),
            split_at: c.split_at,
        });
    }
    out
}

/// Keeps the candidates that form consistent sequences (see the module docs).
fn accept_sequences(candidates: &[Candidate]) -> Vec<Candidate> {
    // Block indexes of accepted headings, kept sorted for scope look-ups.
    let mut accepted_blocks: Vec<usize> = Vec::new();
    let mut accepted = Vec::new();
    for rank in 0..RANKS {
        // Each rank is one style; its candidates come out of `chains` in text order.
        let of_style: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| c.style.rank() == rank)
            .collect();
        let scope_of = |c: &Candidate| {
            let i = accepted_blocks.partition_point(|&b| b < c.block);
            i.checked_sub(1).map(|i| accepted_blocks[i])
        };
        let mut newly = Vec::new();
        let mut last_ordinal: Option<u32> = None;
        let mut start = 0;
        while start < of_style.len() {
            let scope = scope_of(of_style[start]);
            let end = start
                + of_style[start..]
                    .iter()
                    .take_while(|c| scope_of(c) == scope)
                    .count();
            for chain in chains(&of_style[start..end], last_ordinal) {
                last_ordinal = chain.last().map(|c| c.ordinal);
                newly.extend(chain);
            }
            start = end;
        }
        accepted_blocks = merge_sorted(&accepted_blocks, newly.iter().map(|c| c.block));
        accepted.extend(newly);
    }
    accepted
}

/// Merges sorted `a` with the ascending `b`.
fn merge_sorted(a: &[usize], b: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len());
    let mut a = a.iter().copied().peekable();
    for x in b {
        while let Some(y) = a.next_if(|&y| y < x) {
            out.push(y);
        }
        out.push(x);
    }
    out.extend(a);
    out
}

/// The accepted chains of one style within one scope.
fn chains(group: &[&Candidate], mut last_ordinal: Option<u32>) -> Vec<Vec<Candidate>> {
    let mut out = Vec::new();
    let mut chain: Vec<Candidate> = Vec::new();
    let continues = |c: &Candidate, last: Option<u32>| last.is_some_and(|l| c.ordinal == l + 1);
    let mut finish = |chain: &mut Vec<Candidate>, last_ordinal: &mut Option<u32>| {
        let keep = chain.len() >= 2 || chain.first().is_some_and(|c| continues(c, *last_ordinal));
        if keep {
            *last_ordinal = chain.last().map(|c| c.ordinal);
            out.push(std::mem::take(chain));
        } else {
            chain.clear();
        }
    };
    for (i, &c) in group.iter().enumerate() {
        match chain.last() {
            Some(last) if c.ordinal == last.ordinal + 1 => chain.push(*c),
            None if c.ordinal == 1 || continues(c, last_ordinal) => chain.push(*c),
            Some(_) if c.ordinal == 1 && group.get(i + 1).is_some_and(|n| n.ordinal == 2) => {
                // A second list restarts at 1 in the same scope.
                finish(&mut chain, &mut last_ordinal);
                chain.push(*c);
            }
            // A jump ahead (一、 then 四、) means the numbering is not a sequence.
            Some(last) if c.ordinal > last.ordinal + 1 => finish(&mut chain, &mut last_ordinal),
            // A number already passed is a stray line (a quotation, a list), not a heading.
            _ => {}
        }
    }
    finish(&mut chain, &mut last_ordinal);
    out
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
        })
        .collect();
    let texts = blocks.iter().filter(|b| b.kind == RawKind::Text).count();
    if found.len() >= 2 && found.len() * 2 < texts {
        found
    } else {
        Vec::new()
    }
}

/// In texts with no numbering at all: short title-like lines between paragraphs.
fn bare_headings(blocks: &[RawBlock]) -> Vec<Candidate> {
    let found: Vec<Candidate> = blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            let next_is_prose = blocks.get(i + 1).is_some_and(|n| {
                n.kind == RawKind::Text && char_len(&n.text) > 2 * char_len(&b.text).max(30)
            });
            b.kind == RawKind::Text && next_is_prose && is_bare_title(&b.text)
        })
        .map(|(i, _)| Candidate {
            block: i,
            style: Style::Bare,
            ordinal: 0,
            split_at: None,
        })
        .collect();
    if found.len() >= 2 { found } else { Vec::new() }
}

fn is_bare_title(line: &str) -> bool {
    let chars = char_len(line);
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    let first = line.chars().next().unwrap_or('a');
    (2..=50).contains(&chars)
        && words <= 10
        && !text::is_clause_end(last)
        && !line.contains([',', '，', '。'])
        // A capital (it folds to something else), a Han character or a digit.
        && (text::fold(first) != Some(first) || text::is_cjk(first) || first.is_ascii_digit())
}

/// Recognises a numbering marker: (style, ordinal, run-in split). A bold run
/// opening the line (`bold_lead`) is the heading when it goes past the marker.
fn classify(line: &str, bold_lead: Option<usize>) -> Option<(Style, u32, Option<usize>)> {
    let (style, ordinal, marker_end) = marker(line)?;
    if let Some(lead) =
        bold_lead.filter(|&l| l > marker_end && char_len(&line[..l]) <= MAX_HEADING_CHARS)
    {
        let split = (lead < line.len() && !text::trim(&line[lead..]).is_empty()).then_some(lead);
        return Some((style, ordinal, split));
    }
    let rest = text::trim(&line[marker_end..]);
    let titled_alone = matches!(style, Style::Part | Style::Chapter | Style::Section);
    if rest.is_empty() {
        return titled_alone.then_some((style, ordinal, None));
    }
    if style == Style::Article {
        // Law articles have no titles: the heading is `第五条`, the rest is text.
        let split = line.len() - line[marker_end..].trim_start_matches(text::is_space).len();
        return Some((style, ordinal, Some(split)));
    }
    let body = line.trim_end_matches(|c: char| is_sentence_end(c) || text::is_closing_mark(c));
    let standalone = char_len(line) <= MAX_HEADING_CHARS
        && !body[marker_end.min(body.len())..]
            .chars()
            .any(is_sentence_end);
    if standalone {
        return Some((style, ordinal, None));
    }
    // Run-in: the first sentence after the marker, if short, is the heading.
    let (end, c) = line[marker_end..]
        .char_indices()
        .find(|&(_, c)| is_sentence_end(c))
        .map(|(i, c)| (marker_end + i, c))?;
    let split = end + c.len_utf8();
    (char_len(&line[..split]) <= MAX_RUN_IN_CHARS && !text::trim(&line[split..]).is_empty())
        .then_some((style, ordinal, Some(split)))
}

/// The numbering marker at the start of a line: (style, ordinal, bytes used).
fn marker(line: &str) -> Option<(Style, u32, usize)> {
    chinese_ordinal_unit(line)
        .or_else(|| chinese_comma(line))
        .or_else(|| parenthesised(line))
        .or_else(|| decimal(line))
        .or_else(|| english_unit(line))
        .or_else(|| roman_or_letter_dot(line))
}

/// 第X章 / 第X节 / 第X条 / 第X编 / 第X部分.
fn chinese_ordinal_unit(line: &str) -> Option<(Style, u32, usize)> {
    let rest = line.strip_prefix('第')?;
    let (n, used) = leading_chinese_numeral(rest).or_else(|| leading_number(rest))?;
    let after = &rest[used..];
    let (style, unit) = [
        (Style::Part, "编"),
        (Style::Part, "部分"),
        (Style::Chapter, "章"),
        (Style::Section, "节"),
        (Style::Article, "条"),
    ]
    .into_iter()
    .find(|(_, unit)| after.starts_with(unit))?;
    Some((style, n, '第'.len_utf8() + used + unit.len()))
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

/// Part II, Chapter 3, CHAPTER ONE, Section 2, Article 5.
fn english_unit(line: &str) -> Option<(Style, u32, usize)> {
    let (word, rest) = line.split_once(' ')?;
    let style = match word.to_ascii_lowercase().as_str() {
        "part" => Style::Part,
        "chapter" => Style::Chapter,
        "section" => Style::Section,
        "article" => Style::Article,
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
        .or_else(|| english_number_word(token))?;
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
