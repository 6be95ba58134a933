//! Every label the widget shows, in Chinese and English.
//!
//! Labels live in one struct so that adding a label without translating it
//! fails to compile. Messages with numbers in them are methods on [`Lang`].

use crate::matcher::{KeywordProblem, MAX_KEYWORD_CHARS, MAX_KEYWORDS};
use crate::source::{MAX_BYTES, Notice, Problem};

/// "5.2 MB", with integers only (float formatting would bloat the wasm).
fn megabytes(bytes: u64) -> String {
    let tenths = bytes * 10 / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The language of the widget's own labels (not of the article).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Reads a BCP 47 tag: `zh`, `zh-CN`, `zh-Hant` → Chinese; `en`, `en-US` → English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first tag we understand, else Chinese (the reader's first audience).
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The value for an HTML `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// "约 12 分钟" / "12 min read".
    pub fn reading_time(self, minutes: u32) -> String {
        match self {
            Lang::Zh => format!("约 {minutes} 分钟读完"),
            Lang::En if minutes == 1 => "1 min read".to_string(),
            Lang::En => format!("{minutes} min read"),
        }
    }

    /// A short duration for outline nodes: "3 分钟", "<1 min".
    pub fn short_duration(self, seconds: u32) -> String {
        let minutes = seconds.div_ceil(60);
        match (self, seconds < 60) {
            (Lang::Zh, true) => "不到 1 分钟".to_string(),
            (Lang::Zh, false) => format!("{minutes} 分钟"),
            (Lang::En, true) => "<1 min".to_string(),
            (Lang::En, false) => format!("{minutes} min"),
        }
    }

    /// Why a keyword was refused.
    pub fn keyword_problem(self, problem: &KeywordProblem) -> String {
        match (self, problem) {
            (Lang::Zh, KeywordProblem::Empty) => "关键词不能为空。".to_string(),
            (Lang::En, KeywordProblem::Empty) => {
                "Type a keyword first: spaces alone find nothing.".to_string()
            }
            (Lang::Zh, KeywordProblem::TooLong) => {
                format!("关键词太长了（最多 {MAX_KEYWORD_CHARS} 个字）。")
            }
            (Lang::En, KeywordProblem::TooLong) => {
                format!("That keyword is too long (at most {MAX_KEYWORD_CHARS} characters).")
            }
            (Lang::Zh, KeywordProblem::Duplicate(k)) => format!("“{k}”已经在关键词里了。"),
            (Lang::En, KeywordProblem::Duplicate(k)) => format!("“{k}” is already a keyword."),
            (Lang::Zh, KeywordProblem::TooMany) => format!("最多可以有 {MAX_KEYWORDS} 个关键词。"),
            (Lang::En, KeywordProblem::TooMany) => {
                format!("At most {MAX_KEYWORDS} keywords at once.")
            }
        }
    }

    /// The find bar's position: "第 3 / 17 处", "共 17 处", "无匹配".
    pub fn match_position(self, current: Option<usize>, total: usize) -> String {
        match (self, current, total) {
            (Lang::Zh, _, 0) => "无匹配".to_string(),
            (Lang::En, _, 0) => "No matches".to_string(),
            (Lang::Zh, Some(i), _) => format!("第 {} / {total} 处", i + 1),
            (Lang::En, Some(i), _) => format!("{} / {total}", i + 1),
            (Lang::Zh, None, _) => format!("共 {total} 处"),
            (Lang::En, None, 1) => "1 match".to_string(),
            (Lang::En, None, _) => format!("{total} matches"),
        }
    }

    /// "删除关键词 人才" / "Remove keyword 人才".
    pub fn remove_keyword(self, keyword: &str) -> String {
        match self {
            Lang::Zh => format!("删除关键词“{keyword}”"),
            Lang::En => format!("Remove keyword “{keyword}”"),
        }
    }

    /// "只在“人才”中跳转" / "Step through “人才” only".
    pub fn target_keyword(self, keyword: &str) -> String {
        match self {
            Lang::Zh => format!("只在“{keyword}”的匹配中跳转"),
            Lang::En => format!("Step through “{keyword}” only"),
        }
    }

    /// "添加“党的二十大”" / "Add “党的二十大”".
    pub fn add_suggestion(self, keyword: &str) -> String {
        match self {
            Lang::Zh => format!("添加“{keyword}”"),
            Lang::En => format!("Add “{keyword}”"),
        }
    }

    /// A few words after an HTTP status, for the ones readers can act on;
    /// other statuses are shown as the bare number.
    fn status_meaning(self, status: u16) -> &'static str {
        let (zh, en) = match status {
            404 | 410 => ("（找不到这个文件）", " (not found)"),
            401 | 403 => ("（没有读取权限）", " (not allowed)"),
            500..=599 => ("（服务器出错）", " (server error)"),
            _ => ("", ""),
        };
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// What to tell the reader when an article cannot be shown.
    pub fn problem(self, problem: &Problem) -> String {
        match (self, problem) {
            (Lang::Zh, Problem::EmptyArticle) => "这篇文章没有内容。".to_string(),
            (Lang::En, Problem::EmptyArticle) => "This article has no text.".to_string(),
            (Lang::Zh, Problem::Http { url, status }) => {
                let why = self.status_meaning(*status);
                format!("无法载入文章“{url}”：服务器回应 {status}{why}。")
            }
            (Lang::En, Problem::Http { url, status }) => {
                let why = self.status_meaning(*status);
                format!("Could not load “{url}”: the server answered {status}{why}.")
            }
            (Lang::Zh, Problem::Network { url }) => {
                format!("无法载入文章“{url}”：没有连上服务器，或者这个网页不允许读取它。")
            }
            (Lang::En, Problem::Network { url }) => {
                format!(
                    "Could not load “{url}”: no answer, or this page is not allowed to read it."
                )
            }
            (Lang::Zh, Problem::Timeout { url, seconds }) => {
                format!("载入文章“{url}”超过 {seconds} 秒，已经停止。")
            }
            (Lang::En, Problem::Timeout { url, seconds }) => {
                format!("Loading “{url}” took longer than {seconds} seconds, so it was stopped.")
            }
            (Lang::Zh, Problem::NotText { url, kind }) => {
                format!("“{url}”不是文本文件（{kind}），无法阅读。")
            }
            (Lang::En, Problem::NotText { url, kind }) => {
                format!("“{url}” is not a text file ({kind}).")
            }
            (Lang::Zh, Problem::TooLarge { url, bytes }) => {
                format!(
                    "文章“{url}”太大（{}），最多 {}。",
                    megabytes(*bytes),
                    megabytes(MAX_BYTES)
                )
            }
            (Lang::En, Problem::TooLarge { url, bytes }) => {
                format!(
                    "“{url}” is too large ({}); the limit is {}.",
                    megabytes(*bytes),
                    megabytes(MAX_BYTES)
                )
            }
            (Lang::Zh, Problem::Undecodable { url, encoding }) => {
                format!("文章“{url}”无法按 {} 编码读取。", encoding.label())
            }
            (Lang::En, Problem::Undecodable { url, encoding }) => {
                format!("“{url}” could not be read as {} text.", encoding.label())
            }
        }
    }

    /// What a [`Notice`] says.
    pub fn notice(self, notice: Notice) -> &'static str {
        match (self, notice) {
            (Lang::Zh, Notice::MarkdownAsText) => {
                "Markdown 格式模块未能载入，文章按纯文本显示，标记符号会原样出现。"
            }
            (Lang::En, Notice::MarkdownAsText) => {
                "The Markdown module could not load, so the article is shown as plain text, markup and all."
            }
        }
    }

    /// "正在载入 a.txt…" / "Loading a.txt…".
    pub fn fetching(self, url: &str) -> String {
        match self {
            Lang::Zh => format!("正在载入“{url}”…"),
            Lang::En => format!("Loading “{url}”…"),
        }
    }
}

/// Fixed labels of the widget.
#[derive(Debug)]
pub struct Labels {
    pub untitled: &'static str,
    pub source: &'static str,
    pub published: &'static str,
    pub author: &'static str,
    pub parsing: &'static str,
    pub outline: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub reading_times: &'static str,
    pub toggle_section: &'static str,
    pub folded: &'static str,
    pub keywords: &'static str,
    pub add_keyword: &'static str,
    pub find: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub whole_words: &'static str,
    pub clear_keywords: &'static str,
    pub suggestions: &'static str,
    pub suggesting: &'static str,
    pub no_suggestions: &'static str,
    pub only_with_matches: &'static str,
    pub matches_in_node: &'static str,
    pub dismiss: &'static str,
    pub ticks: &'static str,
}

static ZH: Labels = Labels {
    untitled: "无标题",
    source: "来源",
    published: "时间",
    author: "作者",
    parsing: "正在分析文章结构…",
    outline: "目录",
    expand_all: "全部展开",
    collapse_all: "全部收起",
    reading_times: "阅读时间",
    toggle_section: "展开或收起本节",
    folded: "已收起",
    keywords: "关键词",
    add_keyword: "添加关键词，回车确认",
    find: "查找",
    previous: "上一个（Shift+Enter）",
    next: "下一个（Enter）",
    whole_words: "全词",
    clear_keywords: "清除",
    suggestions: "建议",
    suggesting: "正在从文章中找出常用词…",
    no_suggestions: "这篇文章没有可建议的词。",
    only_with_matches: "只看匹配",
    matches_in_node: "处匹配",
    dismiss: "关闭",
    ticks: "匹配位置",
};

static EN: Labels = Labels {
    untitled: "Untitled",
    source: "Source",
    published: "Published",
    author: "By",
    parsing: "Finding the article's structure…",
    outline: "Contents",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    reading_times: "Reading times",
    toggle_section: "Show or hide this section",
    folded: "hidden",
    keywords: "Keywords",
    add_keyword: "Add a keyword, then Enter",
    find: "Find",
    previous: "Previous (Shift+Enter)",
    next: "Next (Enter)",
    whole_words: "Whole words",
    clear_keywords: "Clear",
    suggestions: "Suggestions",
    suggesting: "Finding the article's frequent phrases…",
    no_suggestions: "Nothing to suggest in this article.",
    only_with_matches: "With matches",
    matches_in_node: "matches",
    dismiss: "Dismiss",
    ticks: "Where the matches are",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_negotiated_in_order() {
        assert_eq!(Lang::negotiate(["fr", "en-GB", "zh"]), Lang::En);
        assert_eq!(Lang::negotiate(["zh-Hant-TW"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["de"]), Lang::Zh);
        assert_eq!(Lang::negotiate([]), Lang::Zh);
    }

    #[test]
    fn find_bar_messages() {
        assert_eq!(Lang::Zh.match_position(Some(2), 17), "第 3 / 17 处");
        assert_eq!(Lang::En.match_position(None, 17), "17 matches");
        assert_eq!(Lang::En.match_position(Some(0), 0), "No matches");
        assert_eq!(
            Lang::En.keyword_problem(&KeywordProblem::Duplicate("人才".into())),
            "“人才” is already a keyword."
        );
    }

    #[test]
    fn problems_name_the_url_and_the_cause() {
        let missing = Problem::Http {
            url: "a.txt".into(),
            status: 404,
        };
        assert_eq!(
            Lang::Zh.problem(&missing),
            "无法载入文章“a.txt”：服务器回应 404（找不到这个文件）。"
        );
        assert_eq!(
            Lang::En.problem(&missing),
            "Could not load “a.txt”: the server answered 404 (not found)."
        );
        let large = Problem::TooLarge {
            url: "b.txt".into(),
            bytes: 6 * 1024 * 1024 + 200_000,
        };
        assert_eq!(
            Lang::En.problem(&large),
            "“b.txt” is too large (6.1 MB); the limit is 5.0 MB."
        );
    }

    #[test]
    fn reading_time_messages() {
        assert_eq!(Lang::Zh.reading_time(12), "约 12 分钟读完");
        assert_eq!(Lang::En.reading_time(1), "1 min read");
        assert_eq!(Lang::En.short_duration(30), "<1 min");
        assert_eq!(Lang::Zh.short_duration(61), "2 分钟");
    }
}
