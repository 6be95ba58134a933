//! Headings of plain text that has no numbering, from the shape of its lines:
//! what a copy of a rendered page, or Markdown without its `#` marks, gives.
//!
//! A line is a heading when it is short, reads as a title (no clause or sentence
//! punctuation inside, no full stop at the end; a question mark is fine), is not
//! code, and heads body text: prose, code or a bulleted list follows it, or
//! another such line that does.
//!
//! Nothing in plain text says how deep a heading is, except that a heading
//! directly above another one opens it: the second is one level deeper. Such
//! parents are siblings of each other, back matter (Appendix, References, 附录…)
//! is at the top, and any other heading is a sibling of the heading before it.

use super::blocks::{RawBlock, RawKind};
use super::headings::Heading;
use super::text::{self, char_len, is_cjk};

/// Longest heading line, in characters and in words.
const MAX_CHARS: usize = 60;
const MAX_WORDS: usize = 10;
/// Shortest prose line, in columns (a Han character takes two), when it ends
/// like a sentence.
const MIN_PROSE_WIDTH: usize = 20;
/// A line this wide is prose whatever its end.
const LONG_PROSE_WIDTH: usize = 60;
/// Most headings stacked with no text between them (a part, a chapter, a section).
const MAX_STACKED: usize = 3;
/// Fewest headings that make an outline: one short line above prose is no structure.
const MIN_HEADINGS: usize = 2;

/// The headings of an unnumbered plain text, with their levels.
pub fn headings(blocks: &[RawBlock]) -> Vec<Option<Heading>> {
    // A run of titles heads body text when prose follows it; more than a few
    // titles in a row are a table or a list of lines.
    let body: Vec<bool> = blocks
        .iter()
        .map(|b| is_prose(b) || is_bullet(b) || b.kind == RawKind::Code)
        .collect();
    // Only lines close enough above body text to head it (or to make a run
    // too long to) are looked at as titles: looking is the dear part, and in
    // a text of short lines most lines are neither.
    let title: Vec<bool> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            body[i..blocks.len().min(i + MAX_STACKED + 2)].contains(&true)
                && b.kind == RawKind::Text
                && is_title_line(&b.text)
        })
        .collect();
    let mut heads_body = vec![false; blocks.len()];
    let mut run = 0;
    let mut found = 0;
    for i in 0..blocks.len() {
        if title[i] {
            run += 1;
            continue;
        }
        if (1..=MAX_STACKED).contains(&run) && body[i] {
            heads_body[i - run..i].fill(true);
            found += run;
        }
        run = 0;
    }
    let mut out = vec![None; blocks.len()];
    if found < MIN_HEADINGS {
        return out;
    }
    let mut previous: Option<(usize, u8)> = None;
    let mut parent_level: Option<u8> = None;
    for i in (0..blocks.len()).filter(|&i| heads_body[i]) {
        let opens_next = heads_body.get(i + 1) == Some(&true);
        let level = match previous {
            None => 1,
            _ if is_back_matter(&blocks[i].text) => 1,
            // Right under another heading: its first subsection.
            Some((block, level)) if block + 1 == i => level + 1,
            Some((_, level)) if opens_next => parent_level.unwrap_or(level),
            Some((_, level)) => level,
        };
        if opens_next || level == 1 {
            parent_level = Some(level);
        }
        previous = Some((i, level));
        out[i] = Some(Heading::at_level(level));
    }
    out
}

/// The sections that close a document, always at its top level.
fn is_back_matter(title: &str) -> bool {
    const WORDS: &str = "appendix appendices acknowledgements acknowledgments references \
        bibliography glossary index 附录 附件 参考文献 致谢 后记 注释 索引";
    let lower = title.to_ascii_lowercase();
    text::words(WORDS).any(|w| {
        lower.starts_with(w) && !lower[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// Short, title-like and not code.
fn is_title_line(line: &str) -> bool {
    // Most lines are prose: too long to be a title, found without counting.
    if line.len() > MAX_CHARS * 4 {
        return false;
    }
    let Some(first) = line.chars().next() else {
        return false;
    };
    let has_cjk = line.chars().any(is_cjk);
    // English titles start with a capital; a Chinese one may start with a word in code.
    if !(text::fold(first) != Some(first) || first.is_ascii_digit() || has_cjk) {
        return false;
    }
    let last = line.chars().last().unwrap_or(first);
    (2..=MAX_CHARS).contains(&char_len(line))
        && (has_cjk || line.split_whitespace().count() <= MAX_WORDS)
        && (!text::is_clause_end(last) || matches!(last, '?' | '？'))
        && !line.contains(['，', '。', '；', ',', ';', '、'])
        // A full stop inside ends a sentence (`A type. 🦄`), unlike a dot in a name.
        && !line.contains(". ")
        && !line.contains("://")
        && !ends_with_function_word(line)
        && !is_code_like(line)
}

/// Running text: a sentence of some length, or any long line.
pub fn is_prose(block: &RawBlock) -> bool {
    if block.kind != RawKind::Text {
        return false;
    }
    // Counted only as far as needed: most paragraphs are long.
    let mut width = 0;
    for c in block.text.chars() {
        width += if is_cjk(c) { 2 } else { 1 };
        if width >= LONG_PROSE_WIDTH {
            return true;
        }
    }
    let last = block.text.chars().last().unwrap_or(' ');
    width >= MIN_PROSE_WIDTH && (text::is_sentence_end(last) || matches!(last, '.' | ':' | '：'))
}

/// A bulleted list item (`- …`, `* …`, `• …`): body text when it follows a title.
fn is_bullet(block: &RawBlock) -> bool {
    block.kind == RawKind::ListItem
        || (block.kind == RawKind::Text
            && block
                .text
                .strip_prefix(['-', '*', '+', '•'])
                .is_some_and(|rest| rest.starts_with(' ')))
}

/// Words a title never ends with: a line ending with one goes on in what
/// follows (`另一个例子是` above code, `The options are`).
fn ends_with_function_word(line: &str) -> bool {
    const CHINESE: [&str; 11] = [
        "是", "了", "为", "和", "与", "或", "及", "把", "被", "将", "如下",
    ];
    const ENGLISH: [&str; 15] = [
        "is", "are", "the", "a", "an", "of", "to", "and", "or", "for", "with", "by", "from",
        "that", "which",
    ];
    let last_word = line.rsplit(' ').next().unwrap_or("");
    CHINESE.iter().any(|w| line.ends_with(w))
        || ENGLISH.iter().any(|w| w.eq_ignore_ascii_case(last_word))
}

/// True for a line of program code: braces, semicolons, assignments, comments,
/// tags, or a call with arguments (`log('x')`). An empty call (`toString()`)
/// names a function, as titles about an API do.
pub fn is_code_like(line: &str) -> bool {
    // One pass over the bytes: this runs on every numbered line of long texts.
    let bytes = line.as_bytes();
    let (mut opens_tag, mut closes_tag) = (false, false);
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let code = match b {
            b'{' | b'}' | b';' | b'=' | b'$' => true,
            // `//` opens a comment at the start or after a space; in
            // `https://` it is part of an address, which titles may hold.
            b'/' => match next {
                Some(b'/') => i == 0 || bytes[i - 1] == b' ',
                Some(b'*' | b'>') => true,
                _ => false,
            },
            b'-' => next == Some(b'>'),
            b'<' => {
                opens_tag = true;
                next == Some(b'/')
            }
            b'>' => {
                closes_tag = true;
                false
            }
            b'(' => {
                i > 0 && bytes[i - 1].is_ascii_alphanumeric() && next.is_some_and(|n| n != b')')
            }
            b'[' => i > 0 && next == Some(b']'),
            _ => false,
        };
        if code {
            return true;
        }
    }
    opens_tag && closes_tag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(lines: &[&str]) -> Vec<Option<u8>> {
        let blocks: Vec<RawBlock> = lines.iter().map(|l| RawBlock::text(*l)).collect();
        headings(&blocks)
            .into_iter()
            .map(|h| h.map(|h| h.level))
            .collect()
    }

    const PROSE: &str = "This paragraph is long enough to be prose, and it ends with a period.";
    const ZH_PROSE: &str = "这一段是正文，足够长，并且以句号结尾。";

    #[test]
    fn short_lines_above_prose_are_headings() {
        assert_eq!(
            levels(&["Why it matters", PROSE, "What comes next?", PROSE]),
            [Some(1), None, Some(1), None]
        );
    }

    #[test]
    fn a_heading_right_above_another_opens_it() {
        assert_eq!(
            levels(&[
                "安装方法",
                ZH_PROSE,
                "配置",
                "基本选项",
                ZH_PROSE,
                "高级选项",
                ZH_PROSE,
                "排错",
                "常见问题",
                ZH_PROSE,
            ]),
            [
                Some(1),
                None,
                Some(1),
                Some(2),
                None,
                Some(2),
                None,
                Some(1),
                Some(2),
                None
            ]
        );
    }

    #[test]
    fn back_matter_is_at_the_top_level() {
        assert_eq!(
            levels(&[
                "Usage",
                "Install",
                PROSE,
                "Configure",
                PROSE,
                "Appendix: Flags",
                PROSE
            ]),
            [Some(1), Some(2), None, Some(2), None, Some(1), None]
        );
        assert_eq!(
            levels(&[
                "Overview",
                "Goals",
                PROSE,
                "References",
                PROSE,
                "Indexing",
                PROSE
            ]),
            [Some(1), Some(2), None, Some(1), None, Some(1), None],
            "a title after back matter stays at its level; `Indexing` is no index"
        );
    }

    #[test]
    fn sentences_list_items_and_urls_are_not_headings() {
        assert_eq!(
            levels(&[
                "It ends with a period.",
                PROSE,
                "Two words. More",
                PROSE,
                "- a list item",
                PROSE,
                "Home: https://example.org/x",
                PROSE,
                "清单里的一项，有逗号",
                ZH_PROSE,
            ]),
            [None; 10]
        );
    }

    #[test]
    fn a_list_is_body_text_too() {
        assert_eq!(
            levels(&[
                "Features",
                "- fast",
                "- small",
                "Limits",
                "• first",
                "Notes",
                PROSE
            ]),
            [Some(1), None, None, Some(1), None, Some(1), None]
        );
    }

    #[test]
    fn a_heading_needs_body_text_after_it() {
        assert_eq!(
            levels(&["Name", "Price", "Apples", "Total", PROSE]),
            [None, None, None, None, None]
        );
        assert_eq!(
            levels(&["Only one", PROSE]),
            [None, None],
            "one title is no outline"
        );
    }

    #[test]
    fn code_is_never_a_heading() {
        for line in [
            "Render(config) // draw",
            "let total = 3",
            "if ready {",
            "}",
            "<div>",
            "items[]",
            "Print($name)",
            "// a comment",
        ] {
            assert!(is_code_like(line), "{line}");
        }
        for line in [
            "https://example.com/a-long-path",
            "Value.toString()",
            "The Reader Type",
            "Design (draft)",
            "rest 参数",
        ] {
            assert!(!is_code_like(line), "{line}");
        }
        assert_eq!(
            levels(&["Parse(text)", PROSE, "Render(doc)", PROSE]),
            [None; 4]
        );
    }

    #[test]
    fn a_line_ending_with_a_function_word_goes_on() {
        assert_eq!(
            levels(&["常见的写法是", ZH_PROSE, "The options are", PROSE]),
            [None; 4]
        );
    }

    #[test]
    fn chinese_titles_may_start_with_a_word_in_code() {
        assert_eq!(
            levels(&["size 属性", ZH_PROSE, "name 属性", ZH_PROSE]),
            [Some(1), None, Some(1), None]
        );
    }
}
