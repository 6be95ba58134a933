//! Every label the widget shows, in Chinese and English.
//!
//! Labels live in one struct so that adding a label without translating it
//! fails to compile. Messages with numbers in them are methods on [`Lang`].

use crate::source::Problem;

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

    /// What to tell the reader when an article cannot be shown.
    pub fn problem(self, problem: &Problem) -> String {
        match (self, problem) {
            (Lang::Zh, Problem::EmptyArticle) => "这篇文章没有内容。".to_string(),
            (Lang::En, Problem::EmptyArticle) => "This article has no text.".to_string(),
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
    fn reading_time_messages() {
        assert_eq!(Lang::Zh.reading_time(12), "约 12 分钟读完");
        assert_eq!(Lang::En.reading_time(1), "1 min read");
        assert_eq!(Lang::En.short_duration(30), "<1 min");
        assert_eq!(Lang::Zh.short_duration(61), "2 分钟");
    }
}
