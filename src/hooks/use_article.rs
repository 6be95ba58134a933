//! Turns the article source into a parsed article in the reader state.

use std::cell::Cell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::{after_paint, fetch, location, storage};
use reader_core::article::ParseOptions;
use reader_core::reader::{Action, Article, Loading, Memory};
use reader_core::sample::SEED_ARTICLE;
use reader_core::source::ArticleSource;
use reader_core::url_hash::{self, HashKeys};

/// Loads and parses `source` whenever it changes (fetching a `src` first), then
/// hands over the article with what was remembered about it and what the URL
/// hash says. Each stage shows its progress hint, and the hint is painted
/// before the long parse starts. A result that arrives after the source
/// changed (or the reader went away) is dropped.
///
/// ```ignore
/// use_article(&props.source, config.hash.clone(), onaction.clone());
/// ```
#[hook]
pub fn use_article(
    source: &ArticleSource,
    hash_keys: Option<HashKeys>,
    onaction: Callback<Action>,
) {
    use_effect_with(source.clone(), move |source| {
        let stale = Rc::new(Cell::new(false));
        let source = source.clone();
        let guard = stale.clone();
        spawn_local(async move {
            let fetched;
            let (text, options) = match &source {
                ArticleSource::Sample => (SEED_ARTICLE, ParseOptions::default()),
                ArticleSource::Inline { text, format } => {
                    (text.as_str(), ParseOptions { format: *format })
                }
                ArticleSource::Url {
                    url,
                    format,
                    timeout_seconds,
                } => {
                    onaction.emit(Action::Progress(Loading::Fetching));
                    fetched = fetch::fetch_article(url, *timeout_seconds).await;
                    match &fetched {
                        Ok((text, found)) => (
                            text.as_str(),
                            ParseOptions {
                                format: format.or(*found),
                            },
                        ),
                        Err(problem) => {
                            if !guard.get() {
                                onaction.emit(Action::Failed(problem.clone()));
                            }
                            return;
                        }
                    }
                }
            };
            if guard.get() {
                return;
            }
            onaction.emit(Action::Progress(Loading::Parsing));
            after_paint().await;
            if guard.get() {
                return;
            }
            onaction.emit(loaded(text, options, hash_keys.as_ref()));
        });
        move || stale.set(true)
    });
}

/// Parses and gathers what the article starts from.
fn loaded(text: &str, options: ParseOptions, hash_keys: Option<&HashKeys>) -> Action {
    let article = match Article::parse(text, options) {
        Ok(article) => article,
        Err(problem) => return Action::Failed(problem),
    };
    let doc = &article.document;
    let link = hash_keys
        .map(|keys| url_hash::read(&location::hash(), keys, &|id| doc.node_by_id(id).is_some()))
        .unwrap_or_default();
    let memory = Memory {
        saved: storage::load_saved(&article.storage_key),
        link,
    };
    Action::Loaded {
        article: Rc::new(article),
        memory,
    }
}
