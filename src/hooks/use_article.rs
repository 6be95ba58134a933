//! Turns the article source into a parsed article in the reader state.

use std::cell::Cell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::article::ParseOptions;
use crate::reader::{Action, Article, Loading, ReaderState};
use crate::source::ArticleSource;
use crate::synthetic::SEED_ARTICLE;
use crate::web::after_paint;

/// Loads and parses `source` whenever it changes. The progress hint is painted
/// before parsing starts, since a large article takes a moment. A result that
/// arrives after the source changed (or the reader went away) is dropped.
///
/// ```ignore
/// let state = use_reducer(ReaderState::default);
/// use_article(&props.source, state.dispatcher());
/// ```
#[hook]
pub fn use_article(source: &ArticleSource, dispatcher: UseReducerDispatcher<ReaderState>) {
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
                Ok(article) => Action::Loaded(Rc::new(article)),
                Err(problem) => Action::Failed(problem),
            };
            dispatcher.dispatch(action);
        });
        move || stale.set(true)
    });
}
