//! Reader configuration from the element's attributes (see README "Attributes").
//!
//! Attribute values come from page authors; anything we do not understand falls
//! back to the default rather than failing.

use crate::i18n::Lang;
use crate::url_hash::HashKeys;

/// Attributes the element observes: a change re-reads them all.
pub const ATTRIBUTES: &[&str] = &[
    "src",
    "select",
    "format",
    "timeout",
    "article-title",
    "keywords",
    "theme",
    "outline",
    "ui-lang",
    "hash",
];

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
}

impl Theme {
    fn parse(value: &str) -> Option<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" | "" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The CSS class that sets `color-scheme`.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "ar-theme-light",
            Theme::Dark => "ar-theme-dark",
            Theme::Auto => "ar-theme-auto",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Replaces the title found in the article.
    pub article_title: Option<String>,
    pub theme: Theme,
    /// Language of the widget's labels.
    pub lang: Lang,
    /// `Some(true)` for `outline="open"`, `Some(false)` for `"closed"`; by
    /// default the layout decides (open beside the text when wide).
    pub outline_open: Option<bool>,
    /// Our keys in the URL hash; `None` for `hash="off"`.
    pub hash: Option<HashKeys>,
    /// Keywords the page author chose (`keywords="人才,干部"`).
    pub keywords: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            article_title: None,
            theme: Theme::default(),
            lang: Lang::default(),
            outline_open: None,
            hash: Some(HashKeys::new(None)),
            keywords: Vec::new(),
        }
    }
}

impl Config {
    /// Reads the attributes through `attribute`. `page_langs` are the fallbacks
    /// for the label language: the page's `lang`, then the browser's languages.
    pub fn from_attributes<'a>(
        attribute: impl Fn(&str) -> Option<String>,
        page_langs: impl IntoIterator<Item = &'a str>,
    ) -> Config {
        Config {
            article_title: attribute("article-title")
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            theme: attribute("theme")
                .and_then(|t| Theme::parse(&t))
                .unwrap_or_default(),
            lang: attribute("ui-lang")
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or_else(|| Lang::negotiate(page_langs)),
            outline_open: match attribute("outline")
                .map(|v| v.trim().to_ascii_lowercase())
                .as_deref()
            {
                Some("open") => Some(true),
                Some("closed") => Some(false),
                _ => None,
            },
            // `hash="off"` keeps the URL untouched; `hash="name"` gives this reader
            // its own keys, for pages with several readers.
            hash: match attribute("hash") {
                Some(value) if value.trim().eq_ignore_ascii_case("off") => None,
                value => Some(HashKeys::new(value.as_deref())),
            },
            keywords: attribute("keywords").map_or_else(Vec::new, |list| {
                list.split([',', '，'])
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(String::from)
                    .collect()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(attrs: &[(&str, &str)], page: &[&str]) -> Config {
        let attrs: HashMap<&str, &str> = attrs.iter().copied().collect();
        Config::from_attributes(
            |name| attrs.get(name).map(|v| v.to_string()),
            page.iter().copied(),
        )
    }

    #[test]
    fn defaults_without_attributes() {
        let c = config(&[], &[]);
        assert_eq!(c, Config::default());
        assert_eq!(c.theme.class(), "ar-theme-auto");
    }

    #[test]
    fn attributes_are_read_and_odd_values_fall_back() {
        let c = config(
            &[
                ("theme", "DARK"),
                ("article-title", "  我的标题 "),
                ("ui-lang", "en-US"),
            ],
            &[],
        );
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.article_title.as_deref(), Some("我的标题"));
        assert_eq!(c.lang, Lang::En);
        let c = config(&[("theme", "purple"), ("article-title", "   ")], &[]);
        assert_eq!(c.theme, Theme::Auto);
        assert_eq!(c.article_title, None);
    }

    #[test]
    fn outline_and_hash_attributes() {
        assert_eq!(
            config(&[("outline", "closed")], &[]).outline_open,
            Some(false)
        );
        assert_eq!(config(&[("outline", "OPEN")], &[]).outline_open, Some(true));
        assert_eq!(config(&[("outline", "sideways")], &[]).outline_open, None);
        assert_eq!(config(&[("hash", "off")], &[]).hash, None);
        assert_eq!(
            config(&[("hash", "left")], &[]).hash,
            Some(HashKeys::new(Some("left")))
        );
        assert_eq!(config(&[], &[]).hash, Some(HashKeys::new(None)));
    }

    #[test]
    fn preset_keywords_split_on_either_comma() {
        let c = config(&[("keywords", "人才，干部, <b>x</b> ,,")], &[]);
        assert_eq!(c.keywords, ["人才", "干部", "<b>x</b>"]);
    }

    #[test]
    fn label_language_falls_back_to_the_page() {
        assert_eq!(config(&[], &["en"]).lang, Lang::En);
        assert_eq!(config(&[("ui-lang", "zh")], &["en"]).lang, Lang::Zh);
        assert_eq!(
            config(&[("ui-lang", "klingon")], &["fr", "en"]).lang,
            Lang::En
        );
    }
}
