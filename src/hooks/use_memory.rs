//! Remembers fold state, reading position and outline options per article.

use yew::prelude::*;

use crate::web::storage;
use reader_core::reader::ReaderState;
use reader_core::saved;

/// Writes what [`ReaderState::saved`] says to browser storage whenever it
/// changes, under this reader's key (`name` is its `hash` name: readers of
/// one article named apart keep apart). Reading it back happens on load, in
/// `use_article`.
#[hook]
pub fn use_memory(state: &ReaderState, name: Option<&str>) {
    let key = state
        .article()
        .map(|a| saved::reader_key(&a.storage_key, name));
    let saved = state.saved();
    use_effect_with((key, saved), |(key, saved)| {
        if let (Some(key), Some(saved)) = (key, saved) {
            storage::store_saved(key, saved);
        }
    });
}
