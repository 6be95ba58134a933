//! Computes keyword suggestions once an article is on screen.

use std::cell::Cell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::after_paint;
use reader_core::reader::{Action, Article};
use reader_core::suggest;

/// How many suggestions to offer.
const SUGGESTIONS: usize = 12;

/// After the article has painted (so reading can start at once), finds its
/// frequent phrases and dispatches [`Action::Suggested`]. Until then the
/// suggestion panel says it is working.
#[hook]
pub fn use_suggestions(article: Option<Rc<Article>>, onaction: Callback<Action>) {
    use_effect_with(article, move |article| {
        let stale = Rc::new(Cell::new(false));
        if let Some(article) = article.clone() {
            let guard = stale.clone();
            spawn_local(async move {
                after_paint().await;
                if !guard.get() {
                    let list = suggest::suggest(&article.document.body, SUGGESTIONS);
                    onaction.emit(Action::Suggested(Rc::new(list)));
                }
            });
        }
        move || stale.set(true)
    });
}
