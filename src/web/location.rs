//! The page URL's hash, read and replaced without adding history entries.

use wasm_bindgen::JsValue;

/// The current hash, with its `#` (or empty).
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the hash (`#…` or empty) with `history.replaceState`, keeping the
/// host's history state object, so there is no history entry and no `hashchange`.
pub fn replace_hash(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{search}{hash}")));
}
