//! Custom Yew hooks: the effects that connect the reader to the browser.

pub mod use_article;

pub use use_article::use_article;
