//! Step 2 of parsing: the title, the metadata line under it, and author signatures.
//!
//! Metadata lines are recognised by their labels (`文章来源:` `时间:` `作者：`
//! `Source:` `Author:` `By …`), with ASCII or full-width colons, so the same rules
//! read other sites' headers too. A byline without a label is a line under the
//! title, before the text, holding a person's name, alone or after their office
//! (`浙江省省长 刘捷`, `本报记者 张三`); a name is two to four Han characters
//! starting with a common surname. At the end, a signature in parentheses, a
//! `作者：` line, or a name above a date.

use super::Metadata;
use super::blocks::{RawBlock, RawKind};
use super::text::{self, char_len, is_sentence_end};

/// The longest line we accept as a title; a longer first line is body text.
const MAX_TITLE_CHARS: usize = 120;

/// Removes and returns the title: Markdown front matter `title:` (or a
/// page's title), a leading `#` heading, or the first block when it is short
/// enough to be one; and whether it was given apart from the text (the
/// first), where the text may print it again (see `drop_title_repeat`).
pub fn take_title(blocks: &mut Vec<RawBlock>) -> (String, bool) {
    if let Some(pos) = blocks.iter().position(|b| b.kind.is_field("title")) {
        return (blocks.remove(pos).text, true);
    }
    let Some(first) = blocks
        .iter()
        .position(|b| !matches!(b.kind, RawKind::FrontMatter(_)))
    else {
        return (String::new(), false);
    };
    let candidate = &blocks[first];
    let is_title = match candidate.kind {
        RawKind::TaggedHeading(level) => level == 1,
        RawKind::Text => char_len(&candidate.text) <= MAX_TITLE_CHARS,
        _ => false,
    };
    let title = if is_title {
        blocks.remove(first).text
    } else {
        String::new()
    };
    (title, false)
}

/// What a title printed again may add or drop between its parts.
fn is_spacing(c: char) -> bool {
    c.is_whitespace() || matches!(c, '—' | '–' | '―' | '-')
}

/// Most blocks a repeated title is split into (a headline and its `——` subtitle).
const MAX_TITLE_PARTS: usize = 3;

/// Removes the blocks that open the article by printing its title again, as
/// pages do above their text (a headline in bold, perhaps split into a main
/// title and a `——` subtitle; Markdown's `# Title` under a front matter
/// title): they are the title, not sections or text of their own. Only an
/// exact repeat counts, spaces and dashes aside. A short label or two above
/// it (the page's column) goes with it: a container read with its headline
/// holds them. `headings`: whether the repeat may be a heading; else only
/// paragraphs (a section named as the title may follow the metadata).
pub fn drop_title_repeat(blocks: &mut Vec<RawBlock>, title: &str, headings: bool) {
    /// Longest label above a repeated title.
    const MAX_LABEL_CHARS: usize = 20;
    let title: String = title.chars().filter(|&c| !is_spacing(c)).collect();
    if title.is_empty() {
        return;
    }
    // After the front matter still to be read (`date:`, a page's `<meta>`).
    let start = blocks
        .iter()
        .position(|b| !matches!(b.kind, RawKind::FrontMatter(_)))
        .unwrap_or(blocks.len());
    for first in start..blocks.len().min(start + MAX_TITLE_PARTS) {
        if first > start && char_len(&blocks[first - 1].text) > MAX_LABEL_CHARS {
            return;
        }
        let mut repeated = String::new();
        for (index, block) in blocks[first..].iter().take(MAX_TITLE_PARTS).enumerate() {
            let kind = block.kind == RawKind::Text
                || (headings && matches!(block.kind, RawKind::TaggedHeading(_)));
            repeated.extend(block.text.chars().filter(|&c| !is_spacing(c)));
            if !kind || !title.starts_with(&repeated) {
                break;
            }
            if repeated == title {
                blocks.drain(start..=first + index);
                return;
            }
        }
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
    ("责编", Field::Ignored),
    ("审核", Field::Ignored),
    ("校对", Field::Ignored),
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
    ("点击数", Field::Ignored),
    ("点击量", Field::Ignored),
    ("阅读量", Field::Ignored),
    ("浏览量", Field::Ignored),
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
    let Some((first, first_len)) = label_at(line, 0) else {
        return dated_fields(line);
    };
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

/// A date, then labelled fields: `2022年10月31日05:49 | 来源：人民网`,
/// `2022-10-31 08:15 来源：新华社` (news sites print their date unlabelled).
fn dated_fields(line: &str) -> Option<Vec<(Field, String)>> {
    let date_end = line.find(|c: char| {
        !(c.is_ascii_digit()
            || matches!(c, '-' | '/' | '.' | ':' | '年' | '月' | '日' | '时' | '分')
            || text::is_space(c))
    })?;
    let (date, rest) = line.split_at(date_end);
    if date.chars().filter(char::is_ascii_digit).count() < 6 {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| matches!(c, '|' | '｜') || text::is_space(c));
    let mut fields = metadata_line(rest)?;
    fields.insert(0, (Field::Published, clean_value(date)));
    Some(fields)
}

/// True for a line the metadata step reads as metadata (`作者：王琛 发布时间：…`,
/// `By Jane Doe`, a date): what a web page may print outside its article's
/// container.
pub fn is_metadata_line(line: &str) -> bool {
    metadata_line(line).is_some() || english_byline(line).is_some() || is_date_line(line)
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
                '-' | '/' | '.' | ':' | '年' | '月' | '日' | '时' | '分' | ','
            )
            || text::is_space(c)
    };
    if digits >= 6 && line.chars().all(allowed) {
        return true;
    }
    const MONTHS: &str =
        "january february march april may june july august september october november december";
    // The first word is a month or its abbreviation (`Mar.`), never `Jane`.
    let first = line
        .split([' ', ','])
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    digits >= 4
        && first.len() >= 3
        && text::words(MONTHS).any(|m| m.starts_with(first.as_str()))
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
    // Metadata sits within the first few blocks; a byline comes before the text.
    let mut index = 0;
    let mut before_text = true;
    while index < blocks.len().min(4) {
        let block = &blocks[index];
        if block.kind != RawKind::Text {
            break;
        }
        if before_text && let Some(name) = name_byline(&block.text) {
            apply(&mut meta, Field::Author, name);
            blocks.remove(index);
            continue;
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
            before_text &= !is_prose(&block.text);
            index += 1;
            continue;
        }
        blocks.remove(index);
    }
    meta
}

/// Running text rather than a heading or a subtitle: a sentence, or a long line.
fn is_prose(line: &str) -> bool {
    char_len(line) > MAX_BYLINE_CHARS || line.chars().any(is_sentence_end)
}

/// Longest byline, in characters.
const MAX_BYLINE_CHARS: usize = 30;

/// The most common Chinese surnames: a name starts with one of them.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
/// Two-character surnames.
const COMPOUND_SURNAMES: &str = "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙";

/// A personal name: two to four Han characters starting with a surname.
fn is_chinese_name(word: &str) -> bool {
    let chars = char_len(word);
    let compound = text::words(COMPOUND_SURNAMES).any(|s| word.starts_with(s));
    word.chars().all(text::is_han)
        && (2..=4).contains(&chars)
        && (compound || (chars <= 3 && word.chars().next().is_some_and(|c| SURNAMES.contains(c))))
}

/// A byline without a label: a name, alone or after an office (`本报记者 张三`).
/// Returns the whole line, office included, as signatures keep it.
fn name_byline(line: &str) -> Option<String> {
    let line = text::trim(line);
    if char_len(line) > MAX_BYLINE_CHARS
        || line
            .chars()
            .any(|c| text::is_clause_end(c) || matches!(c, '、' | '（' | '('))
    {
        return None;
    }
    let mut words = line.split(text::is_space).filter(|w| !w.is_empty());
    let name = words.next_back()?;
    let mut office = 0;
    for word in words {
        if !word.chars().all(text::is_han) {
            return None;
        }
        office += 1;
    }
    (is_chinese_name(name) && office <= 2).then(|| line.to_string())
}

/// A signature made of a name above a date, or both on one line, ending at
/// block `last`: (first block of the signature, name, date).
pub fn dated_signature(blocks: &[RawBlock], last: usize) -> Option<(usize, String, String)> {
    let block = blocks.get(last).filter(|b| b.kind == RawKind::Text)?;
    let is_signer = |line: &str| {
        (2..=MAX_BYLINE_CHARS).contains(&char_len(line))
            && !line
                .chars()
                .any(|c| is_sentence_end(c) || matches!(c, '，' | ',' | '；' | ';' | '：' | ':'))
            && !line.starts_with(|c: char| c.is_ascii_digit())
            && !line.ends_with('.')
    };
    if is_date_line(&block.text) {
        let above = blocks.get(last.checked_sub(1)?)?;
        return (above.kind == RawKind::Text && is_signer(&above.text))
            .then(|| (last - 1, above.text.clone(), block.text.clone()));
    }
    // `某某办公室 2024年3月1日`: the date is the last one to four words.
    let line = text::trim(&block.text);
    let mut cut = line.len();
    for _ in 0..4 {
        cut = line[..cut]
            .trim_end_matches(text::is_space)
            .rfind(text::is_space)?;
        let (name, date) = (text::trim(&line[..cut]), text::trim(&line[cut..]));
        if is_date_line(date) && is_signer(name) {
            return Some((last, name.to_string(), date.to_string()));
        }
    }
    None
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
    /// Where the article was first published (`（来源：人民日报）`): part of the
    /// article's text, and its source when the page names none.
    Source(String),
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
        let value = |field: Field| {
            fields
                .iter()
                .find(|(f, v)| *f == field && !v.is_empty())
                .map(|(_, v)| v.clone())
        };
        return Some(if let Some(name) = value(Field::Author) {
            Signature::Author(name)
        } else if let Some(source) = value(Field::Source) {
            Signature::Source(source)
        } else {
            Signature::Credit
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
    fn a_date_before_labelled_fields() {
        for (line, date) in [
            (
                "2022年10月31日05:49 | 来源：人民网－人民日报",
                "2022年10月31日05:49",
            ),
            ("2022-10-31 08:15 来源：人民日报", "2022-10-31 08:15"),
        ] {
            let mut b = blocks(&[line, "正文。"]);
            let meta = take_front_matter(&mut b);
            assert_eq!(meta.published.as_deref(), Some(date));
            assert_eq!(
                meta.source.as_deref(),
                Some(line.rsplit('：').next().unwrap())
            );
            assert_eq!(b.len(), 1);
        }
        // A sentence opening with a date is text.
        let mut b = blocks(&["2022年10月31日，全省召开会议：部署下一步工作。"]);
        take_front_matter(&mut b);
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn only_an_exact_repeat_of_the_title_in_its_first_blocks_is_dropped() {
        let title = "博雅通达 求真力行——学校工作汇报";
        let mut b = blocks(&["博雅通达  求真力行", "——学校工作汇报", "正文。"]);
        drop_title_repeat(&mut b, title, true);
        assert_eq!(b, blocks(&["正文。"]));
        let mut b = blocks(&["博雅通达", "求真力行 学校工作汇报", "正文。"]);
        drop_title_repeat(&mut b, title, true);
        assert_eq!(b, blocks(&["正文。"]));
        // The column's name above a headline read with the text, not the paragraph before it.
        let heading = |level, text: &str| RawBlock::new(RawKind::TaggedHeading(level), text);
        let mut b = vec![
            heading(3, "学习专栏"),
            heading(2, title),
            RawBlock::text("正文。"),
        ];
        drop_title_repeat(&mut b, title, true);
        assert_eq!(b, blocks(&["正文。"]));
        let long = "这是一段比栏目名称长得多的正文，它不会因为后面的标题而被去掉。";
        let mut b = vec![RawBlock::text(long), heading(2, title)];
        drop_title_repeat(&mut b, title, true);
        assert_eq!(b.len(), 2);
        // Only paragraphs when headings are not asked for: a section may be named so.
        let mut b = vec![heading(2, title), RawBlock::text("正文。")];
        drop_title_repeat(&mut b, title, false);
        assert_eq!(b.len(), 2);
        for kept in [
            &[
                "博雅通达 求真力行——学校工作汇报的正文从这里开始。",
                "正文。",
            ][..],
            &["博雅通达", " 求真力行", "——学校", "工作汇报"][..],
            &["博雅通达 求真力行", "正文。"][..],
        ] {
            let mut b = blocks(kept);
            drop_title_repeat(&mut b, title, true);
            assert_eq!(b, blocks(kept));
        }
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
        assert_eq!(signature("(责编：张三、李四)"), Some(Signature::Credit));
        assert_eq!(
            signature("（来源：某某日报）"),
            Some(Signature::Source("某某日报".into()))
        );
        assert_eq!(signature("（这是一句完整的话。）"), None);
        assert_eq!(
            signature("— Jane Doe"),
            Some(Signature::Author("Jane Doe".into()))
        );
    }

    #[test]
    fn a_name_under_the_title_is_the_byline() {
        let mut b = blocks(&[
            "副标题：关于某项工作的说明",
            "某某市市长 王小明",
            "正文第一段。",
        ]);
        let meta = take_front_matter(&mut b);
        assert_eq!(meta.author.as_deref(), Some("某某市市长 王小明"));
        assert_eq!(b.len(), 2, "the byline leaves the text");

        let mut b = blocks(&["【专题】 一篇评论的标题", "欧阳明", "正文第一段。"]);
        assert_eq!(take_front_matter(&mut b).author.as_deref(), Some("欧阳明"));
    }

    #[test]
    fn short_lines_that_are_not_names_stay() {
        for line in [
            "前言",
            "总体要求",
            "博雅通达 求真力行",
            "2024 年度报告",
            "张三、李四的故事",
        ] {
            let mut b = blocks(&[line, "正文第一段。"]);
            assert_eq!(take_front_matter(&mut b).author, None, "{line}");
            assert_eq!(b.len(), 2);
        }
        // After the text has started, a name on its own line is text.
        let mut b = blocks(&["正文第一段，讲了很多内容。", "王小明"]);
        assert_eq!(take_front_matter(&mut b).author, None);
    }

    #[test]
    fn a_name_above_a_date_at_the_end_signs_the_text() {
        let b = blocks(&["通知正文。", "某某县教育局", "2024年3月1日"]);
        assert_eq!(
            dated_signature(&b, 2),
            Some((1, "某某县教育局".into(), "2024年3月1日".into()))
        );
        let b = blocks(&["Body text.", "Jane Doe March 3, 2024"]);
        assert_eq!(
            dated_signature(&b, 1),
            Some((1, "Jane Doe".into(), "March 3, 2024".into()))
        );
        let b = blocks(&["通知正文。", "某某县教育局　2024年3月1日"]);
        assert_eq!(
            dated_signature(&b, 1),
            Some((1, "某某县教育局".into(), "2024年3月1日".into()))
        );
        let b = blocks(&["正文的最后一句话。", "2024年3月1日"]);
        assert_eq!(dated_signature(&b, 1), None);
    }

    #[test]
    fn title_is_the_first_short_line() {
        let mut b = blocks(&["在新征程中书写组织工作新答卷", "正文"]);
        assert_eq!(take_title(&mut b).0, "在新征程中书写组织工作新答卷");
        let long = "很长的第一段".repeat(30);
        let mut b = blocks(&[&long]);
        assert_eq!(take_title(&mut b).0, "");
        assert_eq!(b.len(), 1);
    }
}
