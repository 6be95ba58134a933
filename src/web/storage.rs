//! Browser storage that may be missing (a sandboxed frame, disabled cookies) or
//! full: reads give `None`, failed writes are dropped, nothing throws.

use reader_core::saved::Saved;
use reader_core::settings::{STORAGE_KEY, SettingChoices};

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        // A full or read-only storage only means we forget; the reader goes on.
        let _ = storage.set_item(key, value);
    }
}

/// What the reader remembered about an article (see `reader_core::saved`).
pub fn load_saved(key: &str) -> Option<Saved> {
    Saved::from_stored(&load(key)?)
}

pub fn store_saved(key: &str, saved: &Saved) {
    store(key, &saved.to_stored());
}

/// The reader's own reading settings for this site (see `reader_core::settings`).
pub fn load_settings() -> SettingChoices {
    load(STORAGE_KEY)
        .and_then(|text| SettingChoices::from_stored(&text))
        .unwrap_or_default()
}

pub fn store_settings(choices: &SettingChoices) {
    store(STORAGE_KEY, &choices.to_stored());
}
