//! Computes keyword suggestions once an article is on screen and built.

use std::cell::Cell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::article_dom::ArticleDom;
use crate::web::{IdleWait, after_paint};
use reader_core::reader::{Action, Article};
use reader_core::suggest;

/// How many suggestions to offer.
const SUGGESTIONS: usize = 12;

/// Once the whole article is built into `dom` and the page is idle (so
/// reading, and finding with the browser, can start first: on a long article
/// the suggestions take as long as a good part of its opening), finds its
/// frequent phrases and dispatches [`Action::Suggested`]. Until then the
/// suggestion panel says it is working.
#[hook]
pub fn use_suggestions(article: Option<Rc<Article>>, dom: &ArticleDom, onaction: Callback<Action>) {
    use_effect_with((article, dom.clone()), move |(article, dom)| {
        let stale = Rc::new(Cell::new(false));
        let idle = Rc::new(IdleWait::default());
        if let Some(article) = article.clone() {
            let (guard, dom, wait) = (stale.clone(), dom.clone(), idle.clone());
            spawn_local(async move {
                // By the first paint the article view has started building.
                after_paint().await;
                let blocks = article.document.blocks.len();
                let offer = move || {
                    spawn_local(async move {
                        // Gone meanwhile: no wait that nothing would take back.
                        if guard.get() {
                            return;
                        }
                        wait.until_idle().await;
                        if !guard.get() {
                            let list = suggest::suggest(&article.document.body, SUGGESTIONS);
                            onaction.emit(Action::Suggested(Rc::new(list)));
                        }
                    })
                };
                match blocks.checked_sub(1) {
                    Some(last) => dom.when_drawn(last, offer),
                    None => offer(),
                }
            });
        }
        move || {
            stale.set(true);
            idle.cancel();
        }
    });
}
