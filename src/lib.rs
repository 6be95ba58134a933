//! An embeddable article reader: finds an article's structure and shows it with a
//! collapsible outline and keyword highlighting, entirely in the browser.
//!
//! Pure logic, tested natively with `cargo test`:
//! - [`article`]: text → document tree (title, metadata, sections, points, ids).
//! - [`synthetic`]: generated articles of any size, for benchmarks and stress tests.

pub mod article;
pub mod synthetic;
