//! The browser half of the article reader: the `<article-reader>` element, the
//! Yew app inside it, and the DOM glue beneath. What the reader decides lives
//! in the `reader-core` crate (`crates/reader-core`), which has no browser
//! dependency; this crate only shows it and feeds it events.
//!
//! Layers, each importing only from those below it:
//! 1. [`element`]: the custom element's Rust half (shadow root, mount,
//!    attributes, JavaScript API), mounted by `static/reader.js`.
//! 2. [`app`]: the Yew root of one reader.
//! 3. [`components`] (one per file) and [`hooks`] (the effects). Neither
//!    imports the other; a component imports only components it renders.
//! 4. [`web`]: DOM glue outside Yew's rendering (storage, the URL, fetching,
//!    highlight ranges).
//! 5. `reader_core`: the pure logic.

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod components;
pub mod element;
pub mod hooks;
pub mod web;
