//! What a reader remembers about an article between visits, and how it is
//! written to browser storage.
//!
//! The key holds a hash of the article text, so each article has its own
//! memory and an edited article starts fresh. The value is a few tab-separated
//! lines under a version header; a value that is missing, corrupt or written by
//! something else decodes to `None` and is ignored.

use crate::article::text::is_word_char;
use crate::url_hash;

/// Storage keys start with this; the version lets a future format move on.
const KEY_PREFIX: &str = "article-reader:v1:";
const HEADER: &str = "article-reader 1";

/// The storage key for an article: FNV-1a (64-bit) of its text.
pub fn storage_key(article_text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in article_text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{KEY_PREFIX}{hash:016x}")
}

/// A reader's memory of one article. Nodes are named by their stable ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Collapsed outline nodes, which are also the folded sections.
    pub collapsed: Vec<String>,
    /// The node being read when last seen.
    pub position: Option<String>,
    /// Whether the outline shows reading times.
    pub reading_times: bool,
    /// The keywords, once the reader has chosen some (even none).
    pub keywords: Option<Vec<String>>,
    pub whole_words: bool,
    /// Whether the outline shows only nodes with matches.
    pub only_with_matches: bool,
}

impl Saved {
    pub fn encode(&self) -> String {
        let mut out = format!("{HEADER}\ncollapsed\t{}\n", self.collapsed.join(" "));
        if let Some(position) = &self.position {
            out.push_str(&format!("position\t{position}\n"));
        }
        out.push_str(&format!("times\t{}\n", u8::from(self.reading_times)));
        if let Some(keywords) = &self.keywords {
            let list: Vec<String> = keywords.iter().map(|k| url_hash::encode(k)).collect();
            out.push_str(&format!("keywords\t{}\n", list.join(",")));
        }
        out.push_str(&format!("words\t{}\n", u8::from(self.whole_words)));
        out.push_str(&format!("only\t{}\n", u8::from(self.only_with_matches)));
        out
    }

    pub fn decode(text: &str) -> Option<Saved> {
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let mut saved = Saved::default();
        for line in lines {
            // Unknown or malformed lines are skipped: a newer version may add some.
            let Some((key, value)) = line.split_once('\t') else {
                continue;
            };
            let is_id = |s: &str| !s.is_empty() && s.chars().all(|c| is_word_char(c) || c == '-');
            match key {
                "collapsed" => {
                    saved.collapsed = value
                        .split(' ')
                        .filter(|s| is_id(s))
                        .map(String::from)
                        .collect()
                }
                "position" if is_id(value) => saved.position = Some(value.to_string()),
                "times" => saved.reading_times = value == "1",
                "keywords" => saved.keywords = Some(url_hash::decode_list(value)),
                "words" => saved.whole_words = value == "1",
                "only" => saved.only_with_matches = value == "1",
                _ => {}
            }
        }
        Some(saved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_the_text_only() {
        assert_eq!(storage_key("abc"), storage_key("abc"));
        assert_ne!(storage_key("abc"), storage_key("abd"));
        assert!(storage_key("").starts_with("article-reader:v1:"));
    }

    #[test]
    fn round_trip() {
        let saved = Saved {
            collapsed: vec!["一-深刻感悟".into(), "坚持人民至上".into()],
            position: Some("二-深刻把握".into()),
            reading_times: true,
            keywords: Some(vec!["人才".into(), "a,b".into(), "<b>x</b>".into()]),
            whole_words: true,
            only_with_matches: true,
        };
        assert_eq!(Saved::decode(&saved.encode()), Some(saved));
        let none_left = Saved {
            keywords: Some(Vec::new()),
            ..Saved::default()
        };
        assert_eq!(
            Saved::decode(&none_left.encode()),
            Some(none_left),
            "an emptied list is remembered"
        );
        assert_eq!(
            Saved::decode(&Saved::default().encode()),
            Some(Saved::default())
        );
    }

    #[test]
    fn corrupt_or_foreign_values_are_ignored() {
        assert_eq!(Saved::decode(""), None);
        assert_eq!(Saved::decode("{\"collapsed\": []}"), None);
        assert_eq!(Saved::decode("\u{0}\u{1}garbage"), None);
        let odd =
            format!("{HEADER}\ncollapsed\tok bad#id <b>\nposition\t<script>\nnoise\nfuture\tx\n");
        assert_eq!(
            Saved::decode(&odd),
            Some(Saved {
                collapsed: vec!["ok".into()],
                ..Saved::default()
            })
        );
    }
}
