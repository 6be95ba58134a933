//! Every label the widget shows, in Chinese and English.
//!
//! Labels live in one struct so that adding a label without translating it
//! fails to compile. Messages with numbers in them are methods on [`Lang`].

use crate::config::{MAX_ATTRIBUTE_CHARS, Notice};
use crate::matcher::{KeywordProblem, MAX_KEYWORD_CHARS, MAX_KEYWORDS};
use crate::source::Problem;

/// "5.2 MB", with integers only (float formatting would bloat the wasm).
fn megabytes(bytes: u64) -> String {
    let tenths = bytes * 10 / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The find bar's position in a few characters, for phones, the same in
/// every language: "3/17", "–/17" before stepping, "0".
pub fn match_position_short(current: Option<usize>, total: usize) -> String {
    match (current, total) {
        (_, 0) => "0".to_string(),
        (Some(i), _) => format!("{}/{total}", i + 1),
        (None, _) => format!("–/{total}"),
    }
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

    /// Why a keyword was refused.
    pub fn keyword_problem(self, problem: &KeywordProblem) -> String {
        match (self, problem) {
            (Lang::Zh, KeywordProblem::Empty) => "关键词不能为空。".to_string(),
            (Lang::En, KeywordProblem::Empty) => {
                "Type a keyword first: spaces alone find nothing.".to_string()
            }
            (Lang::Zh, KeywordProblem::Invisible) => {
                "关键词里没有看得见的字（只有零宽字符、方向控制符之类）。".to_string()
            }
            (Lang::En, KeywordProblem::Invisible) => {
                "That keyword has no visible characters (only zero-width or control characters)."
                    .to_string()
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

    /// The reader's landmark: "阅读：标题" / "Reading: Title", or just
    /// "文章阅读器" before there is a title; unique when a page has several readers.
    pub fn reader_label(self, title: &str) -> String {
        match (self, title.trim()) {
            (_, "") => self.labels().reader.to_string(),
            (Lang::Zh, title) => format!("阅读：{title}"),
            (Lang::En, title) => format!("Reading: {title}"),
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
            (Lang::Zh, Problem::TooLarge { url, bytes, limit }) => {
                let limit = megabytes(*limit);
                match bytes {
                    Some(bytes) => {
                        format!("文章“{url}”太大（{}），最多 {limit}。", megabytes(*bytes))
                    }
                    None => format!("文章“{url}”超过 {limit}，太大了，已停止载入。"),
                }
            }
            (Lang::En, Problem::TooLarge { url, bytes, limit }) => {
                let limit = megabytes(*limit);
                match bytes {
                    Some(bytes) => format!(
                        "“{url}” is too large ({}); the limit is {limit}.",
                        megabytes(*bytes)
                    ),
                    None => {
                        format!("“{url}” is larger than {limit}, the limit, so loading stopped.")
                    }
                }
            }
            (Lang::Zh, Problem::InlineTooLarge { limit }) => {
                format!("这篇文章超过 {}，太大了，无法显示。", megabytes(*limit))
            }
            (Lang::En, Problem::InlineTooLarge { limit }) => format!(
                "This article is larger than {}, the limit, so it is not shown.",
                megabytes(*limit)
            ),
            (Lang::Zh, Problem::Undecodable { url, encoding }) => {
                format!("文章“{url}”无法按 {} 编码读取。", encoding.label())
            }
            (Lang::En, Problem::Undecodable { url, encoding }) => {
                format!("“{url}” could not be read as {} text.", encoding.label())
            }
        }
    }

    /// What the page author got wrong in the attributes.
    pub fn notice(self, notice: &Notice) -> String {
        match (self, notice) {
            (Lang::Zh, Notice::BadHashName(name)) => format!(
                "hash 名称“{name}”只能用英文字母、数字、- 和 _，所以这个阅读器不在网址里记录位置和关键词。"
            ),
            (Lang::En, Notice::BadHashName(name)) => format!(
                "The hash name “{name}” may only use letters, digits, - and _, so this reader keeps its place and keywords out of the URL."
            ),
            (Lang::Zh, Notice::AttributeTooLong { name, chars }) => format!(
                "属性 {name} 太长（{chars} 个字符，最多 {MAX_ATTRIBUTE_CHARS} 个），已忽略。"
            ),
            (Lang::En, Notice::AttributeTooLong { name, chars }) => format!(
                "The {name} attribute is too long ({chars} characters; at most {MAX_ATTRIBUTE_CHARS}), so it was ignored."
            ),
            (Lang::Zh, Notice::MarkdownAsText) => {
                "Markdown 格式模块未能载入，文章按纯文本显示，标记符号会原样出现。".to_string()
            }
            (Lang::En, Notice::MarkdownAsText) => {
                "The Markdown module could not load, so the article is shown as plain text, markup and all.".to_string()
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

/// One line of the keyboard help: the keys (space-separated) and what they do.
#[derive(Debug)]
pub struct Shortcut {
    pub keys: &'static str,
    pub what: &'static str,
}

/// Keys that work in one place, under a heading.
#[derive(Debug)]
pub struct ShortcutGroup {
    pub title: &'static str,
    pub shortcuts: &'static [Shortcut],
}

const fn key(keys: &'static str, what: &'static str) -> Shortcut {
    Shortcut { keys, what }
}

/// Fixed labels of the widget.
#[derive(Debug)]
pub struct Labels {
    pub untitled: &'static str,
    pub source: &'static str,
    pub published: &'static str,
    pub author: &'static str,
    pub parsing: &'static str,
    /// The hint while the rest of a long article is still being built.
    pub rendering: &'static str,
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
    /// The reader as a whole (its landmark).
    pub reader: &'static str,
    /// The button that shows the keyword bar.
    pub search: &'static str,
    /// The group of tools at the end of the toolbar.
    pub tools: &'static str,
    pub settings: &'static str,
    pub font_size: &'static str,
    pub smaller: &'static str,
    pub larger: &'static str,
    pub width: &'static str,
    pub width_narrow: &'static str,
    pub width_medium: &'static str,
    pub width_wide: &'static str,
    pub line_spacing: &'static str,
    pub spacing_tight: &'static str,
    pub spacing_normal: &'static str,
    pub spacing_loose: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_sepia: &'static str,
    pub font: &'static str,
    pub font_sans: &'static str,
    pub font_serif: &'static str,
    pub print_outline: &'static str,
    pub print: &'static str,
    pub reset_settings: &'static str,
    pub close: &'static str,
    /// The keyboard help's title; the button that opens it.
    pub shortcuts_title: &'static str,
    /// Every key the reader answers, by where it works; the first group is
    /// the keys that work anywhere in the reader (tested against `keys`).
    pub shortcuts: &'static [ShortcutGroup],
}

static ZH: Labels = Labels {
    untitled: "无标题",
    source: "来源",
    published: "时间",
    author: "作者",
    parsing: "正在分析文章结构…",
    rendering: "正在显示全文…",
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
    reader: "文章阅读器",
    search: "查找关键词",
    tools: "工具",
    settings: "阅读设置",
    font_size: "字号",
    smaller: "缩小字号",
    larger: "放大字号",
    width: "版面宽度",
    width_narrow: "窄",
    width_medium: "中",
    width_wide: "宽",
    line_spacing: "行距",
    spacing_tight: "紧",
    spacing_normal: "中",
    spacing_loose: "松",
    theme: "主题",
    theme_auto: "自动",
    theme_light: "浅色",
    theme_dark: "深色",
    theme_sepia: "米黄",
    font: "字体",
    font_sans: "黑体",
    font_serif: "宋体",
    print_outline: "打印时附目录",
    print: "打印",
    reset_settings: "恢复默认",
    close: "关闭",
    shortcuts_title: "快捷键",
    shortcuts: &[
        ShortcutGroup {
            title: "阅读器中任意位置",
            shortcuts: &[
                key("?", "打开或关闭本帮助"),
                key("/", "到关键词输入框"),
                key("F3 Shift+F3", "下一个、上一个匹配"),
                key("Esc", "关闭打开的面板，由里到外"),
            ],
        },
        ShortcutGroup {
            title: "关键词输入框",
            shortcuts: &[
                key("Enter", "添加关键词；输入框为空时到下一个匹配"),
                key("Shift+Enter", "上一个匹配"),
                key("Backspace", "输入框为空时删除最后一个关键词"),
                key("Esc", "清空输入框"),
            ],
        },
        ShortcutGroup {
            title: "目录",
            shortcuts: &[
                key("↑ ↓", "上一项、下一项"),
                key("→", "展开，或进入下一级"),
                key("←", "收起，或回到上一级"),
                key("Home End", "第一项、最后一项"),
                key("Enter", "跳到这一节"),
                key("*", "展开同级各项"),
                key("字 数字", "按开头的字查找（数字可找中文编号）"),
            ],
        },
    ],
};

static EN: Labels = Labels {
    untitled: "Untitled",
    source: "Source",
    published: "Published",
    author: "By",
    parsing: "Finding the article's structure…",
    rendering: "Showing the rest of the article…",
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
    reader: "Article reader",
    search: "Search keywords",
    tools: "Tools",
    settings: "Reading settings",
    font_size: "Text size",
    smaller: "Smaller text",
    larger: "Larger text",
    width: "Width",
    width_narrow: "Narrow",
    width_medium: "Medium",
    width_wide: "Wide",
    line_spacing: "Line spacing",
    spacing_tight: "Tight",
    spacing_normal: "Normal",
    spacing_loose: "Loose",
    theme: "Theme",
    theme_auto: "Auto",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_sepia: "Sepia",
    font: "Typeface",
    font_sans: "Sans",
    font_serif: "Serif",
    print_outline: "Print with a table of contents",
    print: "Print",
    reset_settings: "Reset",
    close: "Close",
    shortcuts_title: "Keyboard shortcuts",
    shortcuts: &[
        ShortcutGroup {
            title: "Anywhere in the reader",
            shortcuts: &[
                key("?", "Show or hide this help"),
                key("/", "Go to the keyword input"),
                key("F3 Shift+F3", "Next, previous match"),
                key("Esc", "Close what is open, innermost first"),
            ],
        },
        ShortcutGroup {
            title: "In the keyword input",
            shortcuts: &[
                key("Enter", "Add the keyword; when empty, next match"),
                key("Shift+Enter", "Previous match"),
                key("Backspace", "When empty, remove the last keyword"),
                key("Esc", "Empty the input"),
            ],
        },
        ShortcutGroup {
            title: "In the outline",
            shortcuts: &[
                key("↑ ↓", "Previous, next item"),
                key("→", "Open, or go into it"),
                key("←", "Close, or go to the parent"),
                key("Home End", "First, last item"),
                key("Enter", "Go to that section"),
                key("*", "Open all siblings"),
                key(
                    "a–z 0–9",
                    "Find an item by its first characters (digits find Chinese numbering)",
                ),
            ],
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MAX_BYTES;

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
        assert_eq!(match_position_short(Some(2), 17), "3/17");
        assert_eq!(match_position_short(None, 17), "–/17");
        assert_eq!(match_position_short(None, 0), "0");
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
            bytes: Some(6 * 1024 * 1024 + 200_000),
            limit: MAX_BYTES,
        };
        assert_eq!(
            Lang::En.problem(&large),
            "“b.txt” is too large (6.1 MB); the limit is 5.0 MB."
        );
        let unannounced = Problem::TooLarge {
            url: "c.txt".into(),
            bytes: None,
            limit: MAX_BYTES,
        };
        assert_eq!(
            Lang::Zh.problem(&unannounced),
            "文章“c.txt”超过 5.0 MB，太大了，已停止载入。"
        );
        assert_eq!(
            Lang::En.problem(&Problem::InlineTooLarge { limit: MAX_BYTES }),
            "This article is larger than 5.0 MB, the limit, so it is not shown."
        );
    }

    #[test]
    fn notices_name_the_attribute() {
        assert_eq!(
            Lang::En.notice(&Notice::BadHashName("a b".into())),
            "The hash name “a b” may only use letters, digits, - and _, so this reader keeps its place and keywords out of the URL."
        );
        assert_eq!(
            Lang::Zh.notice(&Notice::AttributeTooLong {
                name: "keywords",
                chars: 200_001
            }),
            "属性 keywords 太长（200001 个字符，最多 100000 个），已忽略。"
        );
    }

    #[test]
    fn reading_time_messages() {
        assert_eq!(Lang::Zh.reading_time(12), "约 12 分钟读完");
        assert_eq!(Lang::En.reading_time(1), "1 min read");
    }
}
