//! The article reader's pure logic: everything that decides what the reader
//! shows, as plain Rust. This crate depends on no browser crate (no Yew,
//! web-sys, js-sys, gloo or wasm-bindgen), so the compiler keeps it that way
//! and `cargo test -p reader-core` runs it natively without building Yew.
//!
//! - [`article`]: text → document tree (title, metadata, sections, points, ids).
//! - [`html`]: HTML articles (parsed by the browser) → the same tree's blocks,
//!   rebuilt from an allowlist; main-article extraction from whole pages.
//! - [`api`]: the values the element's JavaScript API returns.
//! - [`reader`]: the reader's state and the actions that change it.
//! - [`render`]: the article as DOM-building instructions, drawn in slices.
//! - [`outline`]: the outline tree's visible nodes and keyboard moves.
//! - [`scroll_spy`]: which node is being read, from where anchors sit.
//! - [`matcher`]: keyword matching, counts and the paint rule.
//! - [`suggest`]: keyword suggestions from the article's own statistics.
//! - [`url_hash`], [`saved`]: our part of the URL hash, and browser storage.
//! - [`source`]: where articles come from and what can go wrong.
//! - [`config`]: reader configuration read from the element's attributes.
//! - [`settings`]: reading settings (size, width, spacing, theme, typeface),
//!   their presets and how the reader's own choices are stored.
//! - [`i18n`]: every label, in Chinese and English.
//! - [`json`]: JSON text for saved state and the API.
//! - [`keys`]: what a key press means in the keyword input and the reader.
//! - [`dom_ids`]: every DOM id and class derived from a node id or keyword.
//! - [`sample`]: the built-in sample article.
//! - [`synthetic`]: generated articles of any size, for benchmarks and stress tests.

pub mod api;
pub mod article;
pub mod config;
pub mod dom_ids;
pub mod html;
pub mod i18n;
pub mod json;
pub mod keys;
pub mod matcher;
pub mod outline;
pub mod reader;
pub mod render;
pub mod sample;
pub mod saved;
pub mod scroll_spy;
pub mod settings;
pub mod source;
pub mod suggest;
pub mod synthetic;
pub mod url_hash;
