//! An embeddable article reader: finds an article's structure and shows it with a
//! collapsible outline and keyword highlighting, entirely in the browser.
//!
//! Pure logic, tested natively with `cargo test` (no Yew, web-sys or js-sys):
//! - [`article`]: text → document tree (title, metadata, sections, points, ids).
//! - [`reader`]: the reader's state and the actions that change it.
//! - [`source`]: where articles come from and what can go wrong.
//! - [`config`]: reader settings read from the element's attributes.
//! - [`i18n`]: every label, in Chinese and English.
//! - [`synthetic`]: generated articles of any size, for benchmarks and stress tests.
//!
//! Browser side:
//! - [`app`]: the Yew root component; [`components`] and [`hooks`] beneath it.
//! - [`web`]: the `<article-reader>` element's Rust half, mounted by `static/reader.js`.

pub mod app;
pub mod article;
pub mod components;
pub mod config;
pub mod hooks;
pub mod i18n;
pub mod outline;
pub mod reader;
pub mod saved;
pub mod scroll_spy;
pub mod source;
pub mod synthetic;
pub mod url_hash;
pub mod web;
