//! Step 7 of parsing: stable, unique, URL-safe ids for headings and points.
//!
//! An id is the node's text with everything but letters and digits turned into
//! `-`, lower-cased and cut to a readable length. Han characters are letters, so a
//! Chinese heading keeps a Chinese id (browsers percent-encode it in the URL and
//! show it decoded). Ids never contain `#`, `&`, `=`, `,`, `%` or spaces, which our
//! URL-hash format uses. Repeats get `-2`, `-3`… in document order, so the same
//! text always yields the same ids.

use super::text::{TextMap, fold, is_word_char};
use super::{Document, NodeKind};

/// Longest id, in characters, before the uniqueness suffix.
const MAX_ID_CHARS: usize = 20;

/// Turns text into an id fragment: letters and digits kept, the rest `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut pending_dash = false;
    for c in text.chars().filter_map(fold) {
        if is_word_char(c) {
            if pending_dash && !out.is_empty() {
                out.push('-');
                chars += 1;
            }
            pending_dash = false;
            out.push(c);
            chars += 1;
            if chars >= MAX_ID_CHARS {
                break;
            }
        } else {
            pending_dash = true;
        }
    }
    out
}

pub fn assign(doc: &mut Document) {
    // Every id taken, with the next suffix to try when it is wanted again as a
    // base, so a thousand equal headings stay linear.
    let mut taken: TextMap<String, usize> = TextMap::default();
    taken.reserve(doc.nodes.len());
    for node in &mut doc.nodes {
        let mut base = slugify(&node.label);
        if base.is_empty() {
            base = match node.kind {
                NodeKind::Section { .. } => "section".to_string(),
                NodeKind::Point => "point".to_string(),
            };
        }
        let id = match taken.get(&base).copied() {
            None => base.clone(),
            Some(mut n) => {
                let mut id = format!("{base}-{n}");
                while taken.contains_key(&id) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                taken.insert(base.clone(), n + 1);
                id
            }
        };
        taken.insert(id.clone(), 2);
        node.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_chinese_and_drop_punctuation() {
        assert_eq!(slugify("一、深刻感悟,力求做到"), "一-深刻感悟-力求做到");
        assert_eq!(slugify("1.1 Background & Scope!"), "1-1-background-scope");
        assert_eq!(slugify("（一）"), "一");
        assert_eq!(slugify("…"), "");
    }

    #[test]
    fn slugs_are_url_safe() {
        let slug = slugify("a#b&c=d,e%f g/h?i");
        assert!(!slug.contains(['#', '&', '=', ',', '%', ' ', '/', '?']));
        assert_eq!(slug, "a-b-c-d-e-f-g-h-i");
    }

    #[test]
    fn long_text_is_cut() {
        assert_eq!(slugify(&"字".repeat(100)).chars().count(), MAX_ID_CHARS);
    }
}
