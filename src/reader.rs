//! The reader's state and the verbs that change it.
//!
//! One state type, one [`Action`] enum and one [`ReaderState::apply`], all plain
//! Rust and tested natively. The Yew root holds it with `use_reducer`; its
//! `Reducible` impl (src/app.rs) only delegates here.

use std::rc::Rc;

use crate::article::{self, Contents, Document, ParseOptions, reading_time, text};
use crate::source::Problem;

/// A parsed article and what the views derive from it once.
// `Eq` lets `Rc<Article>` props compare by pointer first: re-renders stay cheap.
#[derive(Debug, PartialEq, Eq)]
pub struct Article {
    pub document: Document,
    pub contents: Contents,
    pub reading_minutes: u32,
    /// `zh` or `en`, for the article's `lang` attribute (fonts, indentation, speech).
    pub language: &'static str,
}

impl Article {
    /// Parses article text. Empty text is a [`Problem`], not an empty page.
    pub fn parse(text: &str, options: ParseOptions) -> Result<Article, Problem> {
        if text::trim(text).is_empty() {
            return Err(Problem::EmptyArticle);
        }
        let document = article::parse_with(text, options);
        Ok(Article {
            contents: document.contents(),
            reading_minutes: reading_time::minutes(&document.body),
            language: text::language_tag(&document.body),
            document,
        })
    }
}

/// What the reader is busy with before the article shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    /// Turning the text into a document; long for multi-megabyte articles.
    Parsing,
}

/// What the widget shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Loading(Loading),
    Failed(Problem),
    Ready(Rc<Article>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReaderState {
    pub status: Status,
}

impl Default for ReaderState {
    fn default() -> Self {
        Self {
            status: Status::Loading(Loading::Parsing),
        }
    }
}

/// Everything that can happen to a reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Progress(Loading),
    Loaded(Rc<Article>),
    Failed(Problem),
}

impl ReaderState {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Progress(loading) => self.status = Status::Loading(loading),
            Action::Loaded(article) => self.status = Status::Ready(article),
            Action::Failed(problem) => self.status = Status::Failed(problem),
        }
    }

    /// The article, once shown.
    pub fn article(&self) -> Option<&Rc<Article>> {
        match &self.status {
            Status::Ready(article) => Some(article),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_a_problem_not_an_empty_page() {
        assert_eq!(
            Article::parse(" \n\u{3000}", ParseOptions::default()),
            Err(Problem::EmptyArticle)
        );
    }

    #[test]
    fn loading_then_ready() {
        let mut state = ReaderState::default();
        assert!(state.article().is_none());
        let article = Rc::new(Article::parse("标题\n正文。", ParseOptions::default()).unwrap());
        state.apply(Action::Loaded(article.clone()));
        assert_eq!(state.article(), Some(&article));
        assert_eq!(article.language, "zh");
        assert_eq!(article.reading_minutes, 1);
    }
}
