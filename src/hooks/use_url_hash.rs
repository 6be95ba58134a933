//! Keeps our part of the URL hash in step with the node being read.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::reader::{Action, ReaderState};
use crate::url_hash::{self, HashKeys, HashState};
use crate::web::location;

/// Writes the node being read into the hash with `replaceState` (no history
/// entries, no `hashchange`), and follows links that change the hash. Does
/// nothing when `keys` is `None` (`hash="off"`).
#[hook]
pub fn use_url_hash(keys: Option<HashKeys>, state: &ReaderState, ongo: Callback<Action>) {
    let article = state.article().cloned();
    let active = state.active;

    use_effect_with(
        (keys.clone(), article.clone(), active),
        |(keys, article, active)| {
            if let (Some(keys), Some(article)) = (keys, article) {
                let doc = &article.document;
                let wanted = HashState {
                    node: active.map(|n| doc.nodes[n].id.clone()),
                };
                let current = location::hash();
                let is_ours = |id: &str| doc.node_by_id(id).is_some();
                if let Some(next) = url_hash::write(&current, keys, &wanted, &is_ours)
                    && next != current
                    && url_hash::read(&current, keys, &is_ours) != wanted
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
                    let doc = &article.document;
                    let link = url_hash::read(&location::hash(), &keys, &|id| {
                        doc.node_by_id(id).is_some()
                    });
                    if let Some(id) = link.node {
                        ongo.emit(Action::GoToId { id, smooth: true });
                    }
                }))
            }
            _ => None,
        };
        move || drop(listener)
    });
}
