//! Where an article comes from, and what can go wrong getting it.
//!
//! The browser side (src/web) does the fetching and decoding; the decisions
//! (which format, which encoding, which limit, which message) live here so that
//! they are tested natively.

/// The article a reader shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleSource {
    /// Text written inside the `<article-reader>` element.
    Inline(String),
    /// The built-in sample article (the seed), for an element with no text.
    Sample,
}

/// Why an article cannot be shown. Every variant has a message in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text is empty or only whitespace.
    EmptyArticle,
}
