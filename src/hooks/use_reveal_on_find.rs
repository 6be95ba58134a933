//! Unfolds a folded section when the browser's find-in-page finds text in it.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use reader_core::reader::Action;

/// Listens for `beforematch` (fired on a `hidden="until-found"` element as the
/// browser reveals it) under `root`, and dispatches [`Action::Reveal`] for the
/// section whose body it is, so the state and the outline follow.
#[hook]
pub fn use_reveal_on_find(root: NodeRef, onreveal: Callback<Action>) {
    use_effect_with(root, move |root| {
        let listener = root.cast::<Element>().map(|element| {
            EventListener::new(&element, "beforematch", move |event| {
                let node = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|el| el.get_attribute("data-node"))
                    .and_then(|n| n.parse().ok());
                if let Some(node) = node {
                    onreveal.emit(Action::Reveal(node));
                }
            })
        });
        move || drop(listener)
    });
}
