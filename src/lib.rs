//! An embeddable article reader: finds an article's structure and shows it with a
//! collapsible outline and keyword highlighting, entirely in the browser.
//!
//! Pure logic, tested natively with `cargo test` (no Yew, web-sys or js-sys;
//! `scripts/check-pure.sh` keeps it so):
//! - [`article`]: text → document tree (title, metadata, sections, points, ids).
//! - [`reader`]: the reader's state and the actions that change it.
//! - [`outline`]: the outline tree's visible nodes and keyboard moves.
//! - [`scroll_spy`]: which node is being read, from where anchors sit.
//! - [`matcher`]: keyword matching, counts and the paint rule.
//! - [`suggest`]: keyword suggestions from the article's own statistics.
//! - [`url_hash`], [`saved`]: our part of the URL hash, and browser storage.
//! - [`source`]: where articles come from and what can go wrong.
//! - [`config`]: reader settings read from the element's attributes.
//! - [`i18n`]: every label, in Chinese and English.
//! - [`synthetic`]: generated articles of any size, for benchmarks and stress tests.
//!
//! Browser side:
//! - [`app`]: the Yew root component; [`components`] and [`hooks`] beneath it.
//! - [`web`]: DOM glue, and the `<article-reader>` element's Rust half, mounted
//!   by `static/reader.js`.

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod article;
pub mod components;
pub mod config;
pub mod hooks;
pub mod i18n;
pub mod matcher;
pub mod outline;
pub mod reader;
pub mod saved;
pub mod scroll_spy;
pub mod source;
pub mod suggest;
pub mod synthetic;
pub mod url_hash;
pub mod web;
