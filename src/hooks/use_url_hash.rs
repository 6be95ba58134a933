//! Keeps our part of the URL hash in step with the reader.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::web::location;
use reader_core::reader::{Action, KeywordsBy, ReaderState};
use reader_core::url_hash::{self, HashKeys};

/// Writes the node being read and the keywords into the hash with
/// `replaceState` (no history entries, no `hashchange`), and follows links that
/// change the hash. Does nothing when `keys` is `None` (`hash="off"`).
#[hook]
pub fn use_url_hash(keys: Option<HashKeys>, state: &ReaderState, onaction: Callback<Action>) {
    let article = state.article().cloned();
    let wanted = state.link();

    use_effect_with(
        (keys.clone(), article.clone(), wanted),
        |(keys, article, wanted)| {
            if let (Some(keys), Some(article), Some(wanted)) = (keys, article, wanted) {
                let is_ours = |id: &str| article.node_by_id(id).is_some();
                let current = location::hash();
                if let Some(next) = url_hash::write(&current, keys, wanted, &is_ours)
                    && next != current
                    && url_hash::read(&current, keys, &is_ours) != *wanted
                {
                    location::replace_hash(&next);
                }
            }
        },
    );

    use_effect_with((keys, article), move |(keys, article)| {
        let listener = match (keys.clone(), article.clone(), web_sys::window()) {
            (Some(keys), Some(article), Some(window)) => {
                Some(EventListener::new(&window, "hashchange", move |_| {
                    let link = url_hash::read(&location::hash(), &keys, &|id| {
                        article.node_by_id(id).is_some()
                    });
                    if let Some(keywords) = link.keywords {
                        onaction.emit(Action::SetKeywords {
                            list: keywords,
                            by: KeywordsBy::Link,
                        });
                    }
                    if let Some(id) = link.node {
                        onaction.emit(Action::GoToId { id, smooth: true });
                    }
                }))
            }
            _ => None,
        };
        move || drop(listener)
    });
}
