//! Turns the article source into a parsed article in the reader state.

use std::cell::Cell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::article::ParseOptions;
use crate::reader::{Action, Article, Loading, Memory, ReaderState};
use crate::saved::Saved;
use crate::source::ArticleSource;
use crate::synthetic::SEED_ARTICLE;
use crate::url_hash::{self, HashKeys};
use crate::web::{after_paint, fetch, location, storage};

/// Loads and parses `source` whenever it changes (fetching a `src` first), then
/// hands over the article with what was remembered about it, what the URL
/// hash says and the preset keywords. Each stage shows its progress hint, and
/// the hint is painted before the long parse starts. A result that arrives
/// after the source changed (or the reader went away) is dropped.
///
/// ```ignore
/// let state = use_reducer(ReaderState::default);
/// use_article(&props.source, config.hash.clone(), config.keywords.clone(), state.dispatcher());
/// ```
#[hook]
pub fn use_article(
    source: &ArticleSource,
    hash_keys: Option<HashKeys>,
    preset: Vec<String>,
    dispatcher: UseReducerDispatcher<ReaderState>,
) {
    use_effect_with(source.clone(), move |source| {
        let stale = Rc::new(Cell::new(false));
        let source = source.clone();
        let guard = stale.clone();
        spawn_local(async move {
            let fetched;
            let (text, options) = match &source {
                ArticleSource::Sample => (SEED_ARTICLE, ParseOptions::default()),
                ArticleSource::Inline(text) => (text.as_str(), ParseOptions::default()),
                ArticleSource::Url {
                    url,
                    format,
                    timeout_seconds,
                } => {
                    dispatcher.dispatch(Action::Progress(Loading::Fetching));
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
                                dispatcher.dispatch(Action::Failed(problem.clone()));
                            }
                            return;
                        }
                    }
                }
            };
            if guard.get() {
                return;
            }
            dispatcher.dispatch(Action::Progress(Loading::Parsing));
            after_paint().await;
            if guard.get() {
                return;
            }
            dispatcher.dispatch(loaded(text, options, hash_keys.as_ref(), preset));
        });
        move || stale.set(true)
    });
}

/// Parses and gathers what the article starts from.
fn loaded(
    text: &str,
    options: ParseOptions,
    hash_keys: Option<&HashKeys>,
    preset: Vec<String>,
) -> Action {
    let article = match Article::parse(text, options) {
        Ok(article) => article,
        Err(problem) => return Action::Failed(problem),
    };
    let doc = &article.document;
    let link = hash_keys
        .map(|keys| url_hash::read(&location::hash(), keys, &|id| doc.node_by_id(id).is_some()))
        .unwrap_or_default();
    let memory = Memory {
        saved: storage::load(&article.storage_key).and_then(|s| Saved::decode(&s)),
        link,
        preset,
    };
    Action::Loaded {
        article: Rc::new(article),
        memory,
    }
}
