//! Turns the article source into a parsed article in the reader state.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::AbortController;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::{after_paint, fetch, location, storage};
use reader_core::article::ParseOptions;
use reader_core::reader::{Action, Article, Loading, Memory};
use reader_core::sample::SEED_ARTICLE;
use reader_core::saved;
use reader_core::source::{ArticleSource, Problem};
use reader_core::url_hash::{self, HashKeys};

/// Loads and parses `source` whenever it changes (fetching a `src` first), then
/// hands over the article with what was remembered about it and what the URL
/// hash says. Each stage shows its progress hint, and the hint is painted
/// before the long parse starts. When the source changes (or the reader goes
/// away) a fetch under way is aborted and a result still to come is dropped.
///
/// ```ignore
/// use_article(&props.source, config.hash.clone(), config.name.clone(), onaction.clone());
/// ```
///
/// `name` is the reader's name, whose memory it reads (see `saved::keys_to_read`).
#[hook]
pub fn use_article(
    source: &ArticleSource,
    hash_keys: Option<HashKeys>,
    name: Option<String>,
    onaction: Callback<Action>,
) {
    use_effect_with(source.clone(), move |source| {
        let stale = Rc::new(Cell::new(false));
        let source = source.clone();
        let guard = stale.clone();
        let controller = AbortController::new().ok();
        let abort = controller.clone();
        spawn_local(async move {
            let fetched;
            let (text, options) = match &source {
                ArticleSource::Refused(problem) => {
                    onaction.emit(Action::Failed(problem.clone()));
                    return;
                }
                ArticleSource::Sample => (SEED_ARTICLE, ParseOptions::default()),
                ArticleSource::Inline { text, format } => {
                    (text.as_str(), ParseOptions { format: *format })
                }
                ArticleSource::Url {
                    url,
                    format,
                    timeout_seconds,
                } => {
                    let Some(controller) = controller else {
                        onaction.emit(Action::Failed(Problem::Network { url: url.clone() }));
                        return;
                    };
                    onaction.emit(Action::Progress(Loading::Fetching));
                    fetched = fetch::fetch_article(url, *timeout_seconds, &controller).await;
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
            onaction.emit(loaded(text, options, hash_keys.as_ref(), name.as_deref()));
        });
        move || {
            stale.set(true);
            if let Some(controller) = abort {
                controller.abort();
            }
        }
    });
}

/// Parses and gathers what the article starts from.
fn loaded(
    text: &str,
    options: ParseOptions,
    hash_keys: Option<&HashKeys>,
    name: Option<&str>,
) -> Action {
    let article = match Article::parse(text, options) {
        Ok(article) => article,
        Err(problem) => return Action::Failed(problem),
    };
    let link = hash_keys
        .map(|keys| {
            url_hash::read(&location::hash(), keys, &|id| {
                article.node_by_id(id).is_some()
            })
        })
        .unwrap_or_default();
    let memory = Memory {
        saved: saved::keys_to_read(&article.storage_key, name)
            .iter()
            .find_map(|key| storage::load_saved(key)),
        link,
    };
    Action::Loaded {
        article: Rc::new(article),
        memory,
    }
}
