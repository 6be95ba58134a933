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
use crate::web::{after_paint, location, storage};

/// Loads and parses `source` whenever it changes, then hands over the article
/// with what was remembered about it, what the URL hash says and the preset
/// keywords. The progress hint is painted before parsing starts, since a large
/// article takes a moment. A result that arrives after the source changed (or
/// the reader went away) is dropped.
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
        dispatcher.dispatch(Action::Progress(Loading::Parsing));
        spawn_local(async move {
            after_paint().await;
            if guard.get() {
                return;
            }
            let text = match &source {
                ArticleSource::Sample => SEED_ARTICLE,
                ArticleSource::Inline(text) => text.as_str(),
            };
            let action = match Article::parse(text, ParseOptions::default()) {
                Ok(article) => {
                    let doc = &article.document;
                    let link = hash_keys
                        .as_ref()
                        .map(|keys| {
                            url_hash::read(&location::hash(), keys, &|id| {
                                doc.node_by_id(id).is_some()
                            })
                        })
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
                Err(problem) => Action::Failed(problem),
            };
            dispatcher.dispatch(action);
        });
        move || stale.set(true)
    });
}
