//! Step 3 of parsing: drop what the website put around the article.
//!
//! Pages copied from a site end with a footer: a page number, "主办单位…",
//! "技术支持…", an ICP registration number, a visitor counter, stray link words.
//! We never match one site's strings. Instead, walking back from the end:
//!
//! - a line with a *boilerplate mark* (registration numbers, copyright, contact
//!   and address lines, visitor counters, site credits, navigation words and rows
//!   of links, a bracketed link word like `【打印】`, a bare page number, a label
//!   ending in a colon with nothing after it) is footer;
//! - a *short line* without sentence punctuation may be footer;
//! - the walk stops at a signature or at the first real paragraph. A signature
//!   naming the author becomes the byline; one naming the source
//!   (`（来源：…）`) is the article's own text and stays.
//!
//! Short lines are dropped only when the footer shows itself (a boilerplate mark,
//! or a signature before them), so a short closing line of a real article stays.
//! An issuer's name above a date (a letter's or a notice's signature) is a
//! signature too: the name becomes the author, the date the publication time.
//!
//! A line with a boilerplate mark that comes more than once (`返回顶部` after each
//! section) is chrome wherever it is. Plain text copied from paged documents
//! repeats running headers and footers down the pages; [`repeated_furniture`]
//! finds them by their regular spacing.

use super::Metadata;
use super::blocks::{RawBlock, RawKind};
use super::metadata::{self, Signature};
use super::text::{self, TextMap, char_len, is_sentence_end};

/// Footer lines longer than this are never boilerplate: they are prose.
const MAX_BOILERPLATE_CHARS: usize = 90;
/// A site footer is never longer than this many lines.
const MAX_FOOTER_BLOCKS: usize = 60;
/// Lines up to this length without sentence punctuation may be footer.
const MAX_SHORT_CHARS: usize = 14;

/// Words that only site chrome uses, one per line, matched case-insensitively
/// as substrings. (One string rather than a slice of strings: a table of string
/// pointers costs the WebAssembly more than the words themselves.)
const MARKS: &str = concat!(
    // registration numbers
    "icp备\nicp证\n公网安备\n网安备\n备案号\n经营许可证\n",
    // copyright
    "版权所有\ncopyright\n©\nall rights reserved\n未经授权\n禁止转载\n不得转载\n",
    // visitor counters
    "来访者\n访问者\n访客\n访问量\n浏览量\n浏览次数\n阅读次数\nvisitors\npage views\n",
    // site credits and contact
    "主办单位\n承办单位\n协办单位\n主管单位\n技术支持\n网站维护\npowered by\n联系我们\n联系电话\n网站地图\n关于我们\n隐私政策\nprivacy policy\nterms of use\n",
    // navigation
    "设为首页\n加入收藏\n返回顶部\n打印本页\n关闭窗口\n上一篇\n下一篇\n分享到\n扫一扫\n欢迎访问\n欢迎您访问\n当前位置\n您现在的位置\nback to top\n上一条\n下一条\n返回列表\n相关报道\n相关阅读\n相关链接\n相关新闻\n相关文章\n延伸阅读\n推荐阅读\nprevious post\nnext post\nprevious article\nnext article\nrelated articles\nrelated posts\nread more\n",
    // contact and address
    "地址：\n地址:\n电话：\n电话:\n传真\n邮编\n邮政编码\ne-mail\nemail:\ntel:\nfax:\naddress:\n",
);

/// True for a line that carries a boilerplate mark or is a bare page number.
fn has_mark(line: &str) -> bool {
    if line.len() > MAX_BOILERPLATE_CHARS * 4 || char_len(line) > MAX_BOILERPLATE_CHARS {
        return false;
    }
    // The marks are ASCII or Han: ASCII case folding is all they need.
    let lower = line.to_ascii_lowercase();
    if MARKS.lines().any(|m| lower.contains(m)) {
        return true;
    }
    is_page_number(line) || is_link_row(line) || is_bracketed_link(line) || has_phone_number(line)
}

/// Links side by side: `首页 | 关于我们 | 联系方式`, or a lone separator `|`.
fn is_link_row(line: &str) -> bool {
    let (mut parts, mut filled) = (0, 0);
    for part in line.split(['|', '｜']).map(text::trim) {
        if !is_short(part) {
            return false;
        }
        parts += 1;
        filled += usize::from(!part.is_empty());
    }
    parts >= 2 && (filled == 0 || filled >= 3)
}

/// A link word in brackets, as sites print their buttons: `【打印正文】`, `[Close]`.
fn is_bracketed_link(line: &str) -> bool {
    let inner = line
        .strip_prefix('【')
        .and_then(|l| l.strip_suffix('】'))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    inner.is_some_and(|inner| is_short(inner) && !inner.contains(['【', '】', '[', ']']))
}

/// A telephone number written with a dash (`0571-8765 4321`, `400-123-4567`).
fn has_phone_number(line: &str) -> bool {
    let mut digits = 0;
    let mut dashed = false;
    for c in line.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c == '-' && digits >= 3 {
            dashed = true;
        } else if c != ' ' {
            if dashed && digits >= 7 {
                return true;
            }
            digits = 0;
            dashed = false;
        }
    }
    dashed && digits >= 7
}

/// A label with nothing after it (`相关报道：`): what it announced was not copied.
fn is_dangling_label(line: &str) -> bool {
    is_short(line) && line.ends_with([':', '：'])
}

/// `1`, `- 2 -`, `第3页`, `1/5`, `共2页`.
fn is_page_number(line: &str) -> bool {
    let mut digits = 0;
    for c in line.chars() {
        if text::digit_value(c).is_some() {
            digits += 1;
        } else if !(text::is_space(c) || matches!(c, '-' | '—' | '/' | '第' | '页' | '共')) {
            return false;
        }
    }
    // Three digits at most: a four-digit line is more likely a year than a page.
    (1..=3).contains(&digits)
}

/// A short line with no sentence punctuation: a link word, a label, a counter.
fn is_short(line: &str) -> bool {
    char_len(line) <= MAX_SHORT_CHARS && !line.chars().any(is_sentence_end)
}

/// Removes the footer and the signature before it. Returns what the signature
/// says: the author (and the date, for an issuer's signature) or the source.
pub fn strip(blocks: &mut Vec<RawBlock>) -> Metadata {
    strip_header(blocks);
    strip_repeated_marks(blocks);
    let mut zone_start = blocks.len();
    let mut marked = false;
    let mut signature_at = None;
    let mut signed = Metadata::default();
    for (i, block) in blocks.iter().enumerate().rev().take(MAX_FOOTER_BLOCKS) {
        if block.kind != RawKind::Text {
            break;
        }
        if let Some(signature) = metadata::signature(&block.text) {
            signature_at = Some((i, signature));
            break;
        }
        if let Some((start, name, date)) = metadata::dated_signature(blocks, i) {
            signature_at = Some((start, Signature::Author(name)));
            signed.published = Some(date);
            break;
        }
        let last = i + 1 == blocks.len();
        if has_mark(&block.text) || (last && is_dangling_label(&block.text)) {
            marked = true;
        } else if !is_short(&block.text) {
            break;
        }
        zone_start = i;
    }
    match signature_at {
        Some((i, Signature::Source(source))) => {
            blocks.truncate(i + 1);
            signed.source = Some(source);
        }
        Some((i, signature)) => {
            blocks.truncate(i);
            if let Signature::Author(name) = signature {
                signed.author = Some(name);
            }
            // A credit line (`（责任编辑：…）`) may follow the real signature.
            if let Some(last) = blocks.last()
                && let Some(Signature::Author(name)) = metadata::signature(&last.text)
                && signed.author.is_none()
            {
                signed.author = Some(name);
                blocks.pop();
            }
        }
        None if marked => blocks.truncate(zone_start),
        None => {}
    }
    signed
}

/// Longest running header or footer, in characters.
const MAX_FURNITURE_CHARS: usize = 60;
/// A running header repeats on at least this many pages…
const MIN_PAGES: usize = 3;
/// …of at least this many lines each.
const MIN_PAGE_LINES: usize = 15;

/// Marks the lines that repeat at regular intervals through a text: running
/// headers and footers of its pages (`Annual Report 2024`, `- 3 -`, `Page 4 of
/// 9`), digits aside. Empty strings are blank lines. The first line stays: a
/// title repeated on every page is still the title.
pub fn repeated_furniture(lines: &[&str]) -> Vec<bool> {
    // Line numbers by text, digits masked. (Keyed by `String` as ids are, so the
    // WebAssembly holds one hash map, not two.)
    let mut groups: TextMap<String, usize> = TextMap::default();
    let mut positions: Vec<Vec<usize>> = Vec::new();
    // One buffer for every line's masked text: a line that repeats one seen
    // before (most, in a long text of short lines) costs no allocation.
    let mut masked = String::new();
    for (i, line) in lines.iter().enumerate() {
        let candidate = !line.is_empty()
            && line.len() <= MAX_FURNITURE_CHARS * 4
            && char_len(line) <= MAX_FURNITURE_CHARS
            && !line.chars().last().is_some_and(is_sentence_end);
        if candidate {
            masked.clear();
            masked.extend(line.chars().map(|c| match text::digit_value(c) {
                Some(_) => '#',
                None => c,
            }));
            // `get` and `insert` as in `ids`: each other map method would add code.
            let group = match groups.get(masked.as_str()) {
                Some(&group) => group,
                None => {
                    groups.insert(masked.clone(), positions.len());
                    positions.push(Vec::new());
                    positions.len() - 1
                }
            };
            positions[group].push(i);
        }
    }
    let first_line = lines.iter().position(|l| !l.is_empty());
    let mut out = vec![false; lines.len()];
    for at in positions.iter().filter(|at| is_page_spaced(at)) {
        for &i in at.iter().filter(|&&i| Some(i) != first_line) {
            out[i] = true;
        }
    }
    out
}

/// True when positions repeat about once a page: at least [`MIN_PAGES`] times,
/// every gap near a whole number of the shortest one (a page may lack it).
fn is_page_spaced(at: &[usize]) -> bool {
    if at.len() < MIN_PAGES {
        return false;
    }
    let gaps: Vec<usize> = at.windows(2).map(|w| w[1] - w[0]).collect();
    let page = gaps.iter().copied().min().unwrap_or(0);
    page >= MIN_PAGE_LINES
        && gaps.iter().all(|&gap| {
            let pages = (gap + page / 2) / page;
            gap.abs_diff(pages * page) * 5 <= page
        })
}

/// Drops site chrome repeated through the page: a line with a boilerplate mark
/// that comes more than once (`返回顶部` after every section, page numbers).
fn strip_repeated_marks(blocks: &mut Vec<RawBlock>) {
    // Page numbers differ from page to page (none is keyed unless it has the
    // mark, which no line over the length has); any other line repeats as it is.
    fn key(b: &RawBlock) -> Option<&str> {
        let page = is_page_number(&b.text) && char_len(&b.text) <= MAX_BOILERPLATE_CHARS;
        (!page).then_some(&b.text)
    }
    let short = |b: &RawBlock| b.kind == RawKind::Text && b.text.len() <= MAX_BOILERPLATE_CHARS * 4;
    // Repeats found first, marks looked for only in lines that repeat: a
    // text of 500,000 short lines has few of those, and looking is the dear part.
    let keyed = (0..blocks.len())
        .filter(|&i| short(&blocks[i]))
        .map(|i| {
            (
                text::hash_of(key(&blocks[i]).unwrap_or_default().chars()),
                i,
            )
        })
        .collect();
    let mut chrome = vec![false; blocks.len()];
    for group in text::groups_of_equals(keyed, |a, b| key(&blocks[a]) == key(&blocks[b])) {
        // A group is one line repeated, or page numbers (which all have the
        // mark): its first says for all. Looking for a mark is dear (a
        // searcher set up for each word), and a long text repeats thousands
        // of lines: on a 1 MB article, 12 ms before its first screen.
        if group.first().is_some_and(|&i| has_mark(&blocks[i].text)) {
            for i in group {
                chrome[i] = true;
            }
        }
    }
    let mut chrome = chrome.into_iter();
    blocks.retain(|_| !chrome.next().unwrap_or(false));
}

/// Drops breadcrumb and toolbar lines (`当前位置：首页 > 新闻`) before the text.
fn strip_header(blocks: &mut Vec<RawBlock>) {
    let leading = blocks
        .iter()
        .take(5)
        .take_while(|b| b.kind == RawKind::Text && has_mark(&b.text))
        .count();
    blocks.drain(..leading);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_mark_is_empty_or_upper_case() {
        // An empty mark would make every line chrome.
        for mark in MARKS.lines() {
            assert!(
                !mark.is_empty() && mark == mark.to_ascii_lowercase(),
                "{mark:?}"
            );
        }
        assert!(has_mark("Copyright 2024") && !has_mark("A short line"));
    }

    #[test]
    fn repeated_page_numbers_go_and_a_long_number_line_stays_before_or_after_them() {
        // Dashes and a number, but past the length of any footer line.
        let long = format!("{} 3 {}", "-".repeat(50), "-".repeat(50));
        let body = "正文段落，内容足够长，是文章自己的一句话。";
        for long_first in [true, false] {
            let mut lines = [body; 12];
            for (at, page) in [(2, "- 1 -"), (6, "- 2 -"), (10, "- 4 -")] {
                lines[at] = page;
            }
            lines[if long_first { 0 } else { 11 }] = &long;
            let mut blocks: Vec<RawBlock> = lines.iter().map(|l| RawBlock::text(*l)).collect();
            strip_repeated_marks(&mut blocks);
            let kept: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
            assert!(kept.contains(&long.as_str()), "{kept:?}");
            assert!(!kept.iter().any(|l| l.starts_with("- ")), "{kept:?}");
        }
    }

    fn run(lines: &[&str]) -> (Vec<String>, Option<String>) {
        let mut blocks: Vec<RawBlock> = lines.iter().map(|l| RawBlock::text(*l)).collect();
        let signed = strip(&mut blocks);
        (blocks.into_iter().map(|b| b.text).collect(), signed.author)
    }

    #[test]
    fn a_text_of_short_lines_is_not_all_footer() {
        let mut lines: Vec<String> = (0..5000).map(|i| format!("第{i}行")).collect();
        lines.push("版权所有 示例".into());
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let (kept, _) = run(&lines);
        assert!(
            kept.len() >= 5000 - MAX_FOOTER_BLOCKS,
            "{} lines kept",
            kept.len()
        );
        assert!(!kept.iter().any(|l| l.contains("版权所有")));
    }

    #[test]
    fn seed_footer_goes_and_signature_becomes_author() {
        let (kept, author) = run(&[
            "最后一段正文。",
            "(中共祁东县委常委、组织部部长 黄灵杰)",
            "1",
            "主办单位:中共湖南省委组织部",
            "技术支持:湖南红网新媒体集团",
            "ICP备案号:湘ICP备17016663号-1",
            "欢迎您访问红星网",
            "您是第 位来访者",
            "Baidu",
            "map",
        ]);
        assert_eq!(kept, ["最后一段正文。"]);
        assert_eq!(
            author.as_deref(),
            Some("中共祁东县委常委、组织部部长 黄灵杰")
        );
    }

    #[test]
    fn another_sites_footer_without_signature() {
        let (kept, author) = run(&[
            "The last real paragraph of the story ends here.",
            "Share",
            "Copyright © 2024 Example News. All rights reserved.",
            "Privacy Policy",
        ]);
        assert_eq!(kept, ["The last real paragraph of the story ends here."]);
        assert_eq!(author, None);
    }

    #[test]
    fn a_school_site_footer_goes_and_the_source_credit_stays() {
        let (kept, _) = run(&[
            "正文最后一段，讲完了全部内容。",
            "（来源：某某日报）",
            "【打印本文】",
            "上一篇：开学典礼隆重举行[ 09-01 ]",
            "下一篇：秋季运动会通知[ 09-15 ]",
            "站点地图",
            "|",
            "校友网",
            "|",
            "联系方式",
            "某某市实验中学 版权所有",
            "地址：某某市人民路1号 电话：0571-88886666",
            "某ICP备12345678号",
        ]);
        assert_eq!(
            kept,
            ["正文最后一段，讲完了全部内容。", "（来源：某某日报）"]
        );
        let mut blocks = vec![
            RawBlock::text("正文。"),
            RawBlock::text("（来源：某某日报）"),
        ];
        assert_eq!(strip(&mut blocks).source.as_deref(), Some("某某日报"));
    }

    #[test]
    fn chrome_repeated_through_the_page_goes() {
        let (kept, _) = run(&[
            "第一部分的正文，讲了一些事情。",
            "返回顶部",
            "- 1 -",
            "第二部分的正文，讲了另一些事情。",
            "返回顶部",
            "- 2 -",
            "欢迎来电咨询，联系电话：0571-1234567。",
            "最后一段正文，到此结束。",
        ]);
        assert_eq!(
            kept,
            [
                "第一部分的正文，讲了一些事情。",
                "第二部分的正文，讲了另一些事情。",
                "欢迎来电咨询，联系电话：0571-1234567。",
                "最后一段正文，到此结束。"
            ],
            "a line with a mark that comes once, in the text, stays"
        );
    }

    #[test]
    fn rows_of_links_labels_and_contacts_are_footer() {
        assert!(is_link_row("首页 | 新闻 | 关于"));
        assert!(is_link_row("｜"));
        assert!(!is_link_row("甲 | 乙"), "two parts may be a title");
        assert!(is_bracketed_link("[Print]"));
        assert!(!is_bracketed_link(
            "【专题】一篇很长很长的文章标题在这里继续写"
        ));
        assert!(has_phone_number("Tel 400-123-4567"));
        assert!(!has_phone_number("全年增长12.5%，达到3000万元"));
        let (kept, _) = run(&[
            "The last paragraph of the story ends here.",
            "Related articles:",
        ]);
        assert_eq!(kept, ["The last paragraph of the story ends here."]);
    }

    #[test]
    fn an_issuer_above_a_date_signs_the_notice() {
        let mut blocks: Vec<RawBlock> = [
            "请各单位认真落实。",
            "某某县教育局",
            "2024年3月1日",
            "主办单位：某某县人民政府",
        ]
        .iter()
        .map(|l| RawBlock::text(*l))
        .collect();
        let signed = strip(&mut blocks);
        assert_eq!(signed.author.as_deref(), Some("某某县教育局"));
        assert_eq!(signed.published.as_deref(), Some("2024年3月1日"));
        assert_eq!(blocks.len(), 1);
    }

    #[test]
    fn repeated_furniture_is_regular_and_spares_the_title() {
        let mut lines = vec!["Report"];
        let filler = ["text"; 17];
        for _ in 0..4 {
            lines.extend(filler);
            lines.push("Report");
            lines.push("- 7 -");
        }
        let marked = repeated_furniture(&lines);
        assert!(!marked[0], "the title stays");
        assert_eq!(marked.iter().filter(|&&m| m).count(), 8);
        // A label repeated at uneven distances (a table's cells) is text.
        let mut table = vec![];
        for gap in [3, 20, 9, 30] {
            table.extend(std::iter::repeat_n("row", gap));
            table.push("Subtotal");
        }
        assert!(repeated_furniture(&table).iter().all(|&m| !m));
    }

    #[test]
    fn short_closing_lines_stay_without_footer_evidence() {
        let (kept, _) = run(&["正文很长的一段，讲了很多内容。", "谢谢大家", "再见"]);
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn credit_lines_are_dropped_and_the_author_kept() {
        let (kept, author) = run(&["正文。", "（作者：李四）", "（责任编辑：王五）"]);
        assert_eq!(kept, ["正文。"]);
        assert_eq!(author.as_deref(), Some("李四"));
    }

    #[test]
    fn breadcrumbs_before_the_text_go() {
        let (kept, _) = run(&["当前位置：首页 > 新闻 > 正文", "正文第一段。"]);
        assert_eq!(kept, ["正文第一段。"]);
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("1"));
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("第3页"));
        assert!(!is_page_number("2022"));
        assert!(!is_page_number("一"));
    }
}
