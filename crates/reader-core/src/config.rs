//! Reader configuration from the element's attributes (see README "Attributes").
//!
//! Attribute values come from page authors; anything we do not understand falls
//! back to the default rather than failing.

use crate::i18n::Lang;
use crate::settings::SettingChoices;
use crate::url_hash::HashKeys;

/// Attributes the element observes: a change re-reads them all.
pub const ATTRIBUTES: &[&str] = &[
    "src",
    "select",
    "format",
    "timeout",
    "max-size",
    "article-title",
    "keywords",
    "theme",
    "outline",
    "ui-lang",
    "hash",
    "font-size",
    "content-width",
    "line-spacing",
    "font",
    "print-outline",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Replaces the title found in the article.
    pub article_title: Option<String>,
    /// Reading settings the page presets (`theme`, `font-size`…); the
    /// reader's own choices win over them (see [`crate::settings`]).
    pub settings: SettingChoices,
    /// Language of the widget's labels.
    pub lang: Lang,
    /// `Some(true)` for `outline="open"`, `Some(false)` for `"closed"`; by
    /// default the layout decides (open beside the text when wide).
    pub outline_open: Option<bool>,
    /// Our keys in the URL hash; `None` for `hash="off"` (or a name the URL
    /// cannot carry).
    pub hash: Option<HashKeys>,
    /// The reader's name (its `hash` name, whatever characters it has): its
    /// memory in browser storage is its own.
    pub name: Option<String>,
    /// Keywords the page author chose (`keywords="人才,干部"`).
    pub keywords: Vec<String>,
    /// What the page author got wrong, shown in the widget rather than
    /// silently worked around.
    pub notices: Vec<Notice>,
}

/// Longest attribute value read, in UTF-16 code units (what the DOM counts):
/// room for the most keywords at their longest, or a long `src`.
pub const MAX_ATTRIBUTE_CHARS: usize = 100_000;

/// An attribute value longer than [`MAX_ATTRIBUTE_CHARS`]: not even copied,
/// so a page cannot make a reader hold megabytes by mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    pub chars: usize,
}

/// Something the widget says above the article, which is shown all the same:
/// a mistake in the attributes, or a way of showing the article that is not
/// the best one. A message in each language (`i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A `hash` name the URL cannot carry as it is: this reader leaves the
    /// URL alone rather than share the unnamed reader's keys.
    BadHashName(String),
    /// An attribute over [`MAX_ATTRIBUTE_CHARS`], ignored.
    AttributeTooLong { name: &'static str, chars: usize },
    /// The Markdown module could not load (blocked, offline): the article is
    /// shown as plain text, its markup visible, rather than not at all.
    MarkdownAsText,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            article_title: None,
            settings: SettingChoices::default(),
            lang: Lang::default(),
            outline_open: None,
            hash: Some(HashKeys::unnamed()),
            name: None,
            keywords: Vec::new(),
            notices: Vec::new(),
        }
    }
}

impl Config {
    /// Reads the attributes through `attribute`, which measures a value
    /// before copying it. `page_langs` are the fallbacks for the label
    /// language: the page's `lang`, then the browser's languages.
    pub fn from_attributes<'a>(
        attribute: impl Fn(&str) -> Result<Option<String>, TooLong>,
        page_langs: impl IntoIterator<Item = &'a str>,
    ) -> Config {
        let mut notices: Vec<Notice> = ATTRIBUTES
            .iter()
            .filter_map(|&name| match attribute(name) {
                Err(TooLong { chars }) => Some(Notice::AttributeTooLong { name, chars }),
                Ok(_) => None,
            })
            .collect();
        let attribute = |name: &str| attribute(name).ok().flatten();
        // `hash="off"` keeps the URL untouched; `hash="name"` gives this reader
        // its own keys, for pages with several readers.
        let (hash, name) = match attribute("hash").as_deref().map(str::trim) {
            None | Some("") => (Some(HashKeys::unnamed()), None),
            Some(off) if off.eq_ignore_ascii_case("off") => (None, None),
            Some(name) => {
                let keys = HashKeys::named(name);
                if keys.is_none() {
                    notices.push(Notice::BadHashName(name.to_string()));
                }
                (keys, Some(name.to_string()))
            }
        };
        Config {
            article_title: attribute("article-title")
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            settings: SettingChoices::from_attributes(attribute),
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
            hash,
            name,
            keywords: attribute("keywords").map_or_else(Vec::new, |list| {
                list.split([',', '，'])
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(String::from)
                    .collect()
            }),
            notices,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Theme;
    use std::collections::HashMap;

    fn config(attrs: &[(&str, &str)], page: &[&str]) -> Config {
        let attrs: HashMap<&str, &str> = attrs.iter().copied().collect();
        Config::from_attributes(
            |name| Ok(attrs.get(name).map(|v| v.to_string())),
            page.iter().copied(),
        )
    }

    #[test]
    fn defaults_without_attributes() {
        let c = config(&[], &[]);
        assert_eq!(c, Config::default());
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
        assert_eq!(c.settings.theme, Some(Theme::Dark));
        assert_eq!(c.article_title.as_deref(), Some("我的标题"));
        assert_eq!(c.lang, Lang::En);
        let c = config(&[("theme", "purple"), ("article-title", "   ")], &[]);
        assert_eq!(c.settings.theme, None);
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
            config(&[("hash", " left ")], &[]).hash,
            HashKeys::named("left")
        );
        assert_eq!(config(&[], &[]).hash, Some(HashKeys::unnamed()));
        assert_eq!(
            config(&[("hash", " ")], &[]).hash,
            Some(HashKeys::unnamed())
        );
        assert!(config(&[("hash", "left")], &[]).notices.is_empty());
    }

    #[test]
    fn an_unusable_hash_name_is_said_and_never_shares_the_unnamed_keys() {
        let c = config(&[("hash", "my reader")], &[]);
        assert_eq!(c.hash, None, "the URL is left alone");
        assert_eq!(c.notices, [Notice::BadHashName("my reader".into())]);
        assert_eq!(
            c.name.as_deref(),
            Some("my reader"),
            "its memory is still its own"
        );
        assert_eq!(
            config(&[("hash", " left ")], &[]).name.as_deref(),
            Some("left")
        );
        assert_eq!(config(&[("hash", "off")], &[]).name, None);
    }

    #[test]
    fn attributes_too_long_to_read_are_ignored_and_said() {
        let c = Config::from_attributes(
            |name| match name {
                "keywords" | "src" => Err(TooLong { chars: 5_000_000 }),
                "theme" => Ok(Some("dark".into())),
                _ => Ok(None),
            },
            [],
        );
        assert!(c.keywords.is_empty());
        assert_eq!(c.settings.theme, Some(Theme::Dark));
        assert_eq!(
            c.notices,
            [
                Notice::AttributeTooLong {
                    name: "src",
                    chars: 5_000_000
                },
                Notice::AttributeTooLong {
                    name: "keywords",
                    chars: 5_000_000
                },
            ]
        );
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
