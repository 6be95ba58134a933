//! What a reader remembers about an article between visits, and how it is
//! written to browser storage.
//!
//! The key holds a hash of the article text, so each article has its own
//! memory and an edited article starts fresh. The value is a JSON [`Record`]:
//! a format version and the [`Saved`] state, described with serde (see
//! [`crate::json`]). A value that is missing, corrupt, of another version or
//! written by something else reads as `None` and is ignored; the next save
//! replaces it.
//!
//! The first format (tab-separated lines under `article-reader 1`) is still
//! read, once: the save that follows rewrites it as JSON.

use serde::{Deserialize, Serialize};

use crate::article::text::is_word_char;
use crate::json;
use crate::url_hash;

/// Storage keys start with this; the version names the key scheme.
const KEY_PREFIX: &str = "article-reader:v1:";
/// The header of values in the first, tab-separated format.
const V1_HEADER: &str = "article-reader 1";
/// The version [`Record`]s are written with.
pub const VERSION: u32 = 2;

/// The storage key for an article: FNV-1a (64-bit) of its text.
pub fn storage_key(article_text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in article_text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{KEY_PREFIX}{hash:016x}")
}

/// Where one reader's memory of an article lives: the article's key, with the
/// reader's name (its `hash` name) if it has one, so that two readers of one
/// article on a page, named apart, never overwrite each other's keywords.
pub fn reader_key(article_key: &str, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{article_key}:{name}"),
        None => article_key.to_string(),
    }
}

/// The keys to read a reader's memory from, in order: its own, then (for a
/// named reader that has none yet) what the article's unnamed reader kept,
/// so naming a reader does not forget what it remembered.
pub fn keys_to_read(article_key: &str, name: Option<&str>) -> Vec<String> {
    let own = reader_key(article_key, name);
    let mut keys = vec![own];
    if name.is_some() {
        keys.push(article_key.to_string());
    }
    keys
}

/// A reader's memory of one article. Nodes are named by their stable ids.
/// Fields missing from a stored value take their defaults, and unknown ones
/// are skipped, so a later version can add fields without breaking this one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
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

/// What is stored: the format's version beside the state, so a reader of
/// another version knows the value is not for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Record {
    version: u32,
    saved: Saved,
}

impl Record {
    fn new(saved: Saved) -> Record {
        Record {
            version: VERSION,
            saved,
        }
    }

    /// The state, if the record is of this version; node ids that could not
    /// be ours (hand-edited or foreign values) are dropped.
    fn into_saved(self) -> Option<Saved> {
        if self.version != VERSION {
            return None;
        }
        let mut saved = self.saved;
        saved.collapsed.retain(|id| is_node_id(id));
        saved.position = saved.position.filter(|id| is_node_id(id));
        Some(saved)
    }
}

/// Node ids are letters, digits and `-` (see `article::slugify`).
fn is_node_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| is_word_char(c) || c == '-')
}

impl Saved {
    /// The value to store: a JSON [`Record`] of this version.
    pub fn to_stored(&self) -> String {
        json::to_json(&Record::new(self.clone()))
    }

    /// A stored value: a [`Record`] of this version, or a value of the first
    /// format (read once: the next save rewrites it as JSON).
    pub fn from_stored(text: &str) -> Option<Saved> {
        if text.lines().next() == Some(V1_HEADER) {
            return Saved::decode_v1(text);
        }
        json::from_json::<Record>(text)?.into_saved()
    }

    /// Reads a value in the first format: `key<TAB>value` lines under a header.
    fn decode_v1(text: &str) -> Option<Saved> {
        let mut lines = text.lines();
        if lines.next()? != V1_HEADER {
            return None;
        }
        let mut saved = Saved::default();
        for line in lines {
            // Unknown or malformed lines were skipped by that format too.
            let Some((key, value)) = line.split_once('\t') else {
                continue;
            };
            match key {
                "collapsed" => {
                    saved.collapsed = value
                        .split(' ')
                        .filter(|s| is_node_id(s))
                        .map(String::from)
                        .collect()
                }
                "position" if is_node_id(value) => saved.position = Some(value.to_string()),
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

    fn sample() -> Saved {
        Saved {
            collapsed: vec!["一-深刻感悟".into(), "坚持人民至上".into()],
            position: Some("二-深刻把握".into()),
            reading_times: true,
            keywords: Some(vec!["人才".into(), "a,b".into(), "<b>x</b>".into()]),
            whole_words: true,
            only_with_matches: true,
        }
    }

    fn read_json(text: &str) -> Option<Saved> {
        Saved::from_stored(text)
    }

    #[test]
    fn keys_depend_on_the_text_only() {
        assert_eq!(storage_key("abc"), storage_key("abc"));
        assert_ne!(storage_key("abc"), storage_key("abd"));
        assert!(storage_key("").starts_with("article-reader:v1:"));
    }

    #[test]
    fn named_readers_of_one_article_have_keys_of_their_own() {
        let article = storage_key("text");
        let left = reader_key(&article, Some("left"));
        let right = reader_key(&article, Some("right"));
        assert_ne!(left, right);
        assert_ne!(left, article);
        assert_eq!(reader_key(&article, None), article);
        assert_eq!(
            keys_to_read(&article, Some("left")),
            [left, article.clone()]
        );
        assert_eq!(keys_to_read(&article, None), [article]);
    }

    #[test]
    fn records_round_trip_through_json() {
        for saved in [
            sample(),
            Saved {
                keywords: Some(Vec::new()),
                ..Saved::default()
            },
            Saved::default(),
        ] {
            assert_eq!(Saved::from_stored(&saved.to_stored()), Some(saved));
        }
    }

    #[test]
    fn the_json_names_its_version_and_fields() {
        let json: serde_json::Value = serde_json::from_str(&sample().to_stored()).unwrap();
        assert_eq!(json["version"], 2);
        assert_eq!(json["saved"]["readingTimes"], true);
        assert_eq!(json["saved"]["keywords"][2], "<b>x</b>");
    }

    #[test]
    fn other_versions_corrupt_and_foreign_values_are_ignored() {
        assert_eq!(read_json(""), None);
        assert_eq!(read_json("{\"collapsed\": []}"), None);
        assert_eq!(read_json("\u{0}\u{1}garbage"), None);
        assert_eq!(read_json(r#"{"version": 3, "saved": {}}"#), None);
        // Nested a million deep (what would overflow the stack): ignored.
        let deep = format!(
            r#"{{"version": 2, "saved": {{"future": {}0{}}}}}"#,
            "[".repeat(1_000_000),
            "]".repeat(1_000_000)
        );
        assert_eq!(read_json(&deep), None);
        assert_eq!(
            read_json(r#"{"version": 2, "saved": {"collapsed": "not a list"}}"#),
            None
        );
        assert_eq!(
            read_json(
                r#"{"version": 2, "saved": {"collapsed": ["ok", "bad#id", "<b>"], "position": "<script>", "future": 1}}"#
            ),
            Some(Saved {
                collapsed: vec!["ok".into()],
                ..Saved::default()
            })
        );
    }

    #[test]
    fn values_of_the_first_format_are_still_read() {
        let v1 = "article-reader 1\ncollapsed\t一-深刻感悟 坚持人民至上\nposition\t二-深刻把握\n\
                  times\t1\nkeywords\t人才,a%2Cb,<b>x</b>\nwords\t1\nonly\t1\n";
        assert_eq!(Saved::from_stored(v1), Some(sample()));
        let odd =
            "article-reader 1\ncollapsed\tok bad#id <b>\nposition\t<script>\nnoise\nfuture\tx\n";
        assert_eq!(
            Saved::decode_v1(odd),
            Some(Saved {
                collapsed: vec!["ok".into()],
                ..Saved::default()
            })
        );
        assert_eq!(Saved::decode_v1(""), None);
    }
}
