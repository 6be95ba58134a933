//! Step 2 of parsing: the title, the metadata line under it, and author signatures.
//!
//! Metadata lines are recognised by their labels (`文章来源:` `时间:` `作者：`
//! `Source:` `By …`), with ASCII or full-width colons, so the same rules read
//! other sites' headers too.

use super::Metadata;
use super::blocks::{RawBlock, RawKind};
use super::text::{self, char_len, is_sentence_end};

/// The longest line we accept as a title; a longer first line is body text.
const MAX_TITLE_CHARS: usize = 120;

/// Removes and returns the title: Markdown front matter `title:`, a leading
/// `#` heading, or the first block when it is short enough to be one.
pub fn take_title(blocks: &mut Vec<RawBlock>) -> String {
    if let Some(pos) = blocks
        .iter()
        .position(|b| b.kind == RawKind::FrontMatter("title".into()))
    {
        let title = blocks.remove(pos).text;
        // A `# Title` repeating the front matter title is not a section.
        if let Some(first) = blocks
            .iter()
            .position(|b| !matches!(b.kind, RawKind::FrontMatter(_)))
            && blocks[first].kind == RawKind::TaggedHeading(1)
            && blocks[first].text == title
        {
            blocks.remove(first);
        }
        return title;
    }
    let Some(first) = blocks
        .iter()
        .position(|b| !matches!(b.kind, RawKind::FrontMatter(_)))
    else {
        return String::new();
    };
    let candidate = &blocks[first];
    let is_title = match candidate.kind {
        RawKind::TaggedHeading(level) => level == 1,
        RawKind::Text => char_len(&candidate.text) <= MAX_TITLE_CHARS,
        _ => false,
    };
    if is_title {
        blocks.remove(first).text
    } else {
        String::new()
    }
}

/// Labels of metadata fields, longest first so `文章来源` wins over `来源`.
const LABELS: &[(&str, Field)] = &[
    ("文章来源", Field::Source),
    ("信息来源", Field::Source),
    ("发布时间", Field::Published),
    ("发布日期", Field::Published),
    ("更新时间", Field::Ignored),
    ("责任编辑", Field::Ignored),
    ("浏览次数", Field::Ignored),
    ("阅读次数", Field::Ignored),
    ("published", Field::Published),
    ("来源", Field::Source),
    ("出处", Field::Source),
    ("时间", Field::Published),
    ("日期", Field::Published),
    ("作者", Field::Author),
    ("撰文", Field::Author),
    ("记者", Field::Author),
    ("编辑", Field::Ignored),
    ("字号", Field::Ignored),
    ("点击", Field::Ignored),
    ("source", Field::Source),
    ("updated", Field::Ignored),
    ("author", Field::Author),
    ("date", Field::Published),
    ("by", Field::Author),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Source,
    Published,
    Author,
    Ignored,
}

/// Finds a label at byte `at` of `line`, followed by a colon: (field, bytes used).
fn label_at(line: &str, at: usize) -> Option<(Field, usize)> {
    let rest = &line[at..];
    LABELS.iter().find_map(|&(label, field)| {
        let head = rest.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        // An English label must not be the end of a longer word ("Standby:").
        if label.is_ascii()
            && line[..at]
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let after = &rest[label.len()..];
        let spaces = after.len() - after.trim_start_matches([' ', '\u{3000}']).len();
        let after = &after[spaces..];
        after.strip_prefix([':', '：']).map(|_| {
            (
                field,
                label.len() + spaces + after.chars().next().map_or(0, char::len_utf8),
            )
        })
    })
}

/// Parses a line made only of `label: value` pairs. `None` if it is anything else.
fn metadata_line(line: &str) -> Option<Vec<(Field, String)>> {
    if char_len(line) > 100 {
        return None;
    }
    let (first, first_len) = label_at(line, 0)?;
    let mut fields = Vec::new();
    let mut current = (first, first_len);
    let mut value_start = first_len;
    let mut pos = first_len;
    while pos < line.len() {
        // Labels start after whitespace or a separator, never mid-value.
        let boundary = line[..pos]
            .chars()
            .last()
            .is_some_and(|c| text::is_space(c) || matches!(c, '|' | '｜' | '/' | '丨'));
        if boundary && let Some((field, used)) = label_at(line, pos) {
            fields.push((current.0, clean_value(&line[value_start..pos])));
            current = (field, used);
            value_start = pos + used;
            pos += used;
            continue;
        }
        pos += line[pos..].chars().next().map_or(1, char::len_utf8);
    }
    fields.push((current.0, clean_value(&line[value_start..])));
    Some(fields)
}

fn clean_value(value: &str) -> String {
    text::trim(value)
        .trim_end_matches(['|', '｜', '丨', '/'])
        .trim_matches(text::is_space)
        .to_string()
}

/// True for a line holding only a date, with an optional time (`2022-12-05 17:37`,
/// `2022年12月5日`, `March 3, 2024`).
fn is_date_line(line: &str) -> bool {
    let line = text::trim(line);
    if line.is_empty() || char_len(line) > 30 {
        return false;
    }
    let digits = line.chars().filter(|c| c.is_ascii_digit()).count();
    let allowed = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '-' | '/' | '.' | ':' | ' ' | '年' | '月' | '日' | '时' | '分' | ','
            )
    };
    if digits >= 6 && line.chars().all(allowed) {
        return true;
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = line.to_ascii_lowercase();
    digits >= 4
        && MONTHS.iter().any(|m| lower.starts_with(m))
        && line
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '.'))
}

/// Removes front matter and the metadata lines right under the title.
pub fn take_front_matter(blocks: &mut Vec<RawBlock>) -> Metadata {
    let mut meta = Metadata::default();
    blocks.retain(|b| {
        let RawKind::FrontMatter(key) = &b.kind else {
            return true;
        };
        let field = LABELS
            .iter()
            .find(|(label, _)| label.eq_ignore_ascii_case(key))
            .map(|&(_, f)| f);
        apply(&mut meta, field.unwrap_or(Field::Ignored), b.text.clone());
        false
    });
    // Metadata sits within the first few blocks; stop at the first real paragraph.
    let mut index = 0;
    while index < blocks.len().min(4) {
        let block = &blocks[index];
        if block.kind != RawKind::Text {
            break;
        }
        if let Some(fields) = metadata_line(&block.text) {
            for (field, value) in fields {
                apply(&mut meta, field, value);
            }
        } else if is_date_line(&block.text) {
            apply(&mut meta, Field::Published, block.text.clone());
        } else if let Some(author) = english_byline(&block.text) {
            apply(&mut meta, Field::Author, author);
        } else {
            index += 1;
            continue;
        }
        blocks.remove(index);
    }
    meta
}

/// `By Jane Doe` (optionally `| date`) as a whole line.
fn english_byline(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))?;
    let name = rest.split(['|', '·']).next()?.trim();
    let words = name.split_whitespace().count();
    ((1..=6).contains(&words) && !name.ends_with('.')).then(|| name.to_string())
}

fn apply(meta: &mut Metadata, field: Field, value: String) {
    if value.is_empty() {
        return;
    }
    let slot = match field {
        Field::Source => &mut meta.source,
        Field::Published => &mut meta.published,
        Field::Author => &mut meta.author,
        Field::Ignored => return,
    };
    slot.get_or_insert(value);
}

/// What a closing line such as `(中共祁东县委常委、组织部部长 黄灵杰)` says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Signature {
    /// The author (with affiliation when given).
    Author(String),
    /// An editor credit or an end mark (`(完)`, `（责任编辑：…）`): not article text.
    Credit,
}

/// Recognises a signature line at the end of an article.
pub fn signature(line: &str) -> Option<Signature> {
    let line = text::trim(line);
    if char_len(line) > 64 {
        return None;
    }
    let marked = strip_parens(line)
        .or_else(|| line.strip_prefix("——"))
        .or_else(|| line.strip_prefix("—"))
        .or_else(|| line.strip_prefix("-- "))
        .or_else(|| line.strip_prefix("文/"))
        .or_else(|| line.strip_prefix("文|"))
        .or_else(|| line.strip_prefix("文｜"))
        .map(|inner| text::trim(inner).to_string());
    // `作者：某某` as a whole line.
    let inner = marked.or_else(|| match metadata_line(line)?.as_slice() {
        [(Field::Author, name)] => Some(name.clone()),
        _ => None,
    })?;
    let inner = inner.as_str();
    if inner.is_empty() || inner.chars().any(is_sentence_end) {
        return None;
    }
    const END_MARKS: [&str; 5] = ["完", "全文完", "本文完", "end", "the end"];
    if END_MARKS.iter().any(|m| inner.eq_ignore_ascii_case(m)) {
        return Some(Signature::Credit);
    }
    if let Some(fields) = metadata_line(inner) {
        return Some(match fields.iter().find(|(f, _)| *f == Field::Author) {
            Some((_, name)) if !name.is_empty() => Signature::Author(name.clone()),
            _ => Signature::Credit,
        });
    }
    Some(Signature::Author(inner.to_string()))
}

/// The inside of a line wholly wrapped in one pair of parentheses.
fn strip_parens(line: &str) -> Option<&str> {
    let inner = line
        .strip_prefix('（')
        .and_then(|l| l.strip_suffix('）'))
        .or_else(|| line.strip_prefix('(').and_then(|l| l.strip_suffix(')')))?;
    // `(a)(b)` is two groups, not one signature.
    (!inner.contains(['(', '（', ')', '）'])).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(lines: &[&str]) -> Vec<RawBlock> {
        lines.iter().map(|l| RawBlock::text(*l)).collect()
    }

    #[test]
    fn seed_metadata_line_with_ascii_colons() {
        let mut b = blocks(&["文章来源: 红星网  时间: 2022-12-05 17:37", "正文。"]);
        let meta = take_front_matter(&mut b);
        assert_eq!(meta.source.as_deref(), Some("红星网"));
        assert_eq!(meta.published.as_deref(), Some("2022-12-05 17:37"));
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn full_width_labels_and_several_fields() {
        let mut b = blocks(&[
            "来源：人民日报 | 作者：张三 | 发布时间：2023年3月1日",
            "正文。",
        ]);
        let meta = take_front_matter(&mut b);
        assert_eq!(meta.source.as_deref(), Some("人民日报"));
        assert_eq!(meta.author.as_deref(), Some("张三"));
        assert_eq!(meta.published.as_deref(), Some("2023年3月1日"));
    }

    #[test]
    fn english_header_lines() {
        let mut b = blocks(&["By Jane Doe", "March 3, 2024", "Body text starts here."]);
        let meta = take_front_matter(&mut b);
        assert_eq!(meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(meta.published.as_deref(), Some("March 3, 2024"));
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn a_sentence_mentioning_a_source_is_not_metadata() {
        let mut b = blocks(&["时间是检验真理的唯一标准，我们要记住。"]);
        take_front_matter(&mut b);
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn signatures_in_both_parenthesis_widths() {
        assert_eq!(
            signature("(中共祁东县委常委、组织部部长 黄灵杰)"),
            Some(Signature::Author(
                "中共祁东县委常委、组织部部长 黄灵杰".into()
            ))
        );
        assert_eq!(
            signature("（作者：李四）"),
            Some(Signature::Author("李四".into()))
        );
        assert_eq!(signature("（完）"), Some(Signature::Credit));
        assert_eq!(signature("（责任编辑：王五）"), Some(Signature::Credit));
        assert_eq!(signature("（这是一句完整的话。）"), None);
        assert_eq!(
            signature("— Jane Doe"),
            Some(Signature::Author("Jane Doe".into()))
        );
    }

    #[test]
    fn title_is_the_first_short_line() {
        let mut b = blocks(&["在新征程中书写组织工作新答卷", "正文"]);
        assert_eq!(take_title(&mut b), "在新征程中书写组织工作新答卷");
        let long = "很长的第一段".repeat(30);
        let mut b = blocks(&[&long]);
        assert_eq!(take_title(&mut b), "");
        assert_eq!(b.len(), 1);
    }
}
