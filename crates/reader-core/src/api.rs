//! The values the `<article-reader>` element's JavaScript API returns, as serde
//! types: the element hands them to JavaScript as JSON text ([`crate::json`]),
//! so their shape is decided (and tested) here. Keyword-keyed dictionaries
//! travel as `[key, value]` pairs: `static/reader.js` turns them into objects
//! without a prototype, where any keyword (even `__proto__`) is just a key.

use serde::Serialize;

use crate::article::{Document, NodeKind};
use crate::matcher::{self, Keyword, MAX_KEYWORD_INPUT_CHARS, MAX_KEYWORDS, Matches};

/// The limits `setKeywords` checks before anything reaches the reader, as
/// `[most keywords, most UTF-16 code units in all]`: a longer list throws a
/// `RangeError` in `static/reader.js` (a keyword over
/// [`matcher::MAX_KEYWORD_CHARS`] within them is refused with a message,
/// like one typed).
pub const SET_KEYWORDS_LIMITS: [usize; 2] = [MAX_KEYWORDS, MAX_KEYWORDS * MAX_KEYWORD_INPUT_CHARS];

/// One node of `outline()`: a section or a point, with its children.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutlineNode {
    /// The node's id, as used in links (`#s=<id>`).
    pub id: String,
    /// `"section"` or `"point"`.
    pub kind: &'static str,
    /// A section's heading level, 1 being the top level below the title; for
    /// a point, one below the section holding it.
    pub level: u8,
    /// The text the outline shows.
    pub label: String,
    pub children: Vec<OutlineNode>,
}

/// `outline()`: the top-level nodes in document order, each with its children.
pub fn outline(doc: &Document) -> Vec<OutlineNode> {
    fn build(doc: &Document, index: usize) -> OutlineNode {
        let node = &doc.nodes[index];
        let (kind, level) = match node.kind {
            NodeKind::Section { level } => ("section", level),
            NodeKind::Point => ("point", node.depth + 1),
        };
        OutlineNode {
            id: node.id.clone(),
            kind,
            level,
            label: node.label.clone(),
            children: node.children.iter().map(|&c| build(doc, c)).collect(),
        }
    }
    doc.roots().map(|root| build(doc, root)).collect()
}

/// `metadata()`: the article's own title (`""` when it has none, whatever the
/// `article-title` attribute shows instead) and what its byline says; `null`
/// in JavaScript for what the article does not have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleMetadata {
    pub title: String,
    pub author: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
}

pub fn metadata(doc: &Document) -> ArticleMetadata {
    ArticleMetadata {
        title: doc.title.clone(),
        author: doc.metadata.author.clone(),
        source: doc.metadata.source.clone(),
        published: doc.metadata.published.clone(),
    }
}

/// `matchCounts()`: each keyword with its number of matches, in keyword order.
pub fn match_counts(keywords: &[Keyword], matches: &Matches) -> Vec<(String, usize)> {
    keywords
        .iter()
        .zip(&matches.counts)
        .map(|(keyword, &count)| (keyword.text.clone(), count))
        .collect()
}

/// `sectionMatchCounts()`: each section id with its keywords' counts; a
/// section counts its subsections.
pub fn section_match_counts(
    doc: &Document,
    keywords: &[Keyword],
    matches: &Matches,
) -> Vec<(String, Vec<(String, u32)>)> {
    matcher::section_counts(doc, keywords, matches)
        .map(|(id, counts)| {
            let counts = counts
                .into_iter()
                .map(|(k, n)| (k.to_string(), n))
                .collect();
            (id.to_string(), counts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::sample::SEED_ARTICLE;

    #[test]
    fn the_seed_outline_has_four_sections_with_their_points() {
        let doc = article::parse(SEED_ARTICLE);
        let outline = outline(&doc);
        assert_eq!(outline.len(), 4);
        assert!(outline.iter().all(|n| n.kind == "section" && n.level == 1));
        assert!(outline[0].label.starts_with("一、"));
        let points: Vec<usize> = outline.iter().map(|s| s.children.len()).collect();
        assert_eq!(points, [3, 6, 3, 3]);
        assert!(
            outline[0]
                .children
                .iter()
                .all(|p| p.kind == "point" && p.level == 2),
            "{:?}",
            outline[0].children
        );
        let second = doc.node_by_id(&outline[1].id).unwrap();
        assert!(
            doc.nodes[second].label.starts_with("二、"),
            "ids are the links' ids"
        );
    }

    #[test]
    fn outline_and_metadata_serialise_as_the_api_documents() {
        let doc = article::parse("Title\n\n1. First\n\nText.\n\n2. Second\n\nText.");
        let json: serde_json::Value =
            serde_json::from_str(&crate::json::to_json(&outline(&doc))).unwrap();
        assert_eq!(json[0]["kind"], "section");
        assert_eq!(json[1]["label"], "2. Second");
        assert!(json[0]["children"].as_array().unwrap().is_empty());

        let meta: serde_json::Value =
            serde_json::from_str(&crate::json::to_json(&metadata(&doc))).unwrap();
        assert_eq!(meta["title"], "Title");
        assert!(meta["author"].is_null());
    }

    #[test]
    fn counts_are_pairs_in_keyword_order_whatever_the_keyword() {
        let doc = article::parse("T\n\n一、甲\n\n__proto__ 人才 人才\n\n二、乙\n\n人才");
        let keywords: Vec<Keyword> = ["人才", "__proto__"]
            .iter()
            .map(|k| Keyword::parse(k).unwrap())
            .collect();
        let folded = matcher::Folded::new(&doc.body);
        let matches = matcher::find(&doc, &folded, &keywords, false);
        assert_eq!(
            match_counts(&keywords, &matches),
            [("人才".to_string(), 3), ("__proto__".to_string(), 1)]
        );
        let sections = section_match_counts(&doc, &keywords, &matches);
        assert_eq!(sections.len(), 2);
        assert_eq!(
            sections[0].1,
            [("人才".to_string(), 2), ("__proto__".to_string(), 1)]
        );
        assert_eq!(
            sections[1].1,
            [("人才".to_string(), 1), ("__proto__".to_string(), 0)]
        );
    }
}
