//! Step 3 of parsing: drop what the website put around the article.
//!
//! Pages copied from a site end with a footer: a page number, "主办单位…",
//! "技术支持…", an ICP registration number, a visitor counter, stray link words.
//! We never match one site's strings. Instead, walking back from the end:
//!
//! - a line with a *boilerplate mark* (registration numbers, copyright, visitor
//!   counters, site credits, navigation words, a bare page number) is footer;
//! - a *short line* without sentence punctuation may be footer;
//! - the walk stops at a signature or at the first real paragraph.
//!
//! Short lines are dropped only when the footer shows itself (a boilerplate mark,
//! or a signature before them), so a short closing line of a real article stays.

use super::blocks::{RawBlock, RawKind};
use super::metadata::{self, Signature};
use super::text::{self, char_len, is_sentence_end};

/// Footer lines longer than this are never boilerplate: they are prose.
const MAX_BOILERPLATE_CHARS: usize = 90;
/// Lines up to this length without sentence punctuation may be footer.
const MAX_SHORT_CHARS: usize = 14;

/// Words that only site chrome uses. Matched case-insensitively as substrings.
const MARKS: &[&str] = &[
    // registration numbers
    "icp备",
    "icp证",
    "公网安备",
    "网安备",
    "备案号",
    "经营许可证",
    // copyright
    "版权所有",
    "copyright",
    "©",
    "all rights reserved",
    "未经授权",
    "禁止转载",
    "不得转载",
    // visitor counters
    "来访者",
    "访问者",
    "访客",
    "访问量",
    "浏览量",
    "浏览次数",
    "阅读次数",
    "visitors",
    "page views",
    // site credits and contact
    "主办单位",
    "承办单位",
    "协办单位",
    "主管单位",
    "技术支持",
    "网站维护",
    "powered by",
    "联系我们",
    "联系电话",
    "网站地图",
    "关于我们",
    "隐私政策",
    "privacy policy",
    "terms of use",
    // navigation
    "设为首页",
    "加入收藏",
    "返回顶部",
    "打印本页",
    "关闭窗口",
    "上一篇",
    "下一篇",
    "分享到",
    "扫一扫",
    "欢迎访问",
    "欢迎您访问",
    "当前位置",
    "您现在的位置",
    "back to top",
];

/// True for a line that carries a boilerplate mark or is a bare page number.
fn has_mark(line: &str) -> bool {
    if char_len(line) > MAX_BOILERPLATE_CHARS {
        return false;
    }
    // The marks are ASCII or Han: ASCII case folding is all they need.
    let lower = line.to_ascii_lowercase();
    if MARKS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    is_page_number(line)
}

/// `1`, `- 2 -`, `第3页`, `1/5`, `共2页`.
fn is_page_number(line: &str) -> bool {
    let compact: String = line
        .chars()
        .filter(|c| !text::is_space(*c) && !matches!(c, '-' | '—' | '/' | '第' | '页' | '共'))
        .collect();
    // Three digits at most: a four-digit line is more likely a year than a page.
    (1..=3).contains(&compact.chars().count())
        && compact.chars().all(|c| text::digit_value(c).is_some())
}

/// A short line with no sentence punctuation: a link word, a label, a counter.
fn is_short(line: &str) -> bool {
    char_len(line) <= MAX_SHORT_CHARS && !line.chars().any(is_sentence_end)
}

/// The most blocks a footer is looked for in, from the end: real footers are
/// a few lines, and a text of 500,000 short lines is not all footer (nor
/// worth examining line by line for one).
const MAX_FOOTER_BLOCKS: usize = 60;

/// Removes the footer and the signature before it. Returns the author named by
/// the signature, if any.
pub fn strip(blocks: &mut Vec<RawBlock>) -> Option<String> {
    strip_header(blocks);
    let mut zone_start = blocks.len();
    let mut marked = false;
    let mut signature_at = None;
    for (i, block) in blocks.iter().enumerate().rev().take(MAX_FOOTER_BLOCKS) {
        if block.kind != RawKind::Text {
            break;
        }
        if let Some(signature) = metadata::signature(&block.text) {
            signature_at = Some((i, signature));
            break;
        }
        if has_mark(&block.text) {
            marked = true;
        } else if !is_short(&block.text) {
            break;
        }
        zone_start = i;
    }
    let mut author = None;
    if let Some((i, signature)) = signature_at {
        blocks.truncate(i);
        if let Signature::Author(name) = signature {
            author = Some(name);
        }
        // A credit line (`（责任编辑：…）`) may follow the real signature.
        if let Some(last) = blocks.last()
            && let Some(Signature::Author(name)) = metadata::signature(&last.text)
            && author.is_none()
        {
            author = Some(name);
            blocks.pop();
        }
    } else if marked {
        blocks.truncate(zone_start);
    }
    author
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

    fn run(lines: &[&str]) -> (Vec<String>, Option<String>) {
        let mut blocks: Vec<RawBlock> = lines.iter().map(|l| RawBlock::text(*l)).collect();
        let author = strip(&mut blocks);
        (blocks.into_iter().map(|b| b.text).collect(), author)
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
