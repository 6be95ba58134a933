//! Remembers fold state, reading position and outline options per article.

use yew::prelude::*;

use crate::web::storage;
use reader_core::reader::ReaderState;

/// Writes what [`ReaderState::saved`] says to browser storage whenever it
/// changes. Reading it back happens on load, in `use_article`.
#[hook]
pub fn use_memory(state: &ReaderState) {
    let key = state.article().map(|a| a.storage_key.clone());
    let saved = state.saved();
    use_effect_with((key, saved), |(key, saved)| {
        if let (Some(key), Some(saved)) = (key, saved) {
            storage::store_saved(key, saved);
        }
    });
}
