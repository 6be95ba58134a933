//! Custom Yew hooks: the effects that connect the reader to the browser. Each
//! reads the reader state and dispatches [`reader_core::reader::Action`]s; the
//! decisions themselves live in the pure modules.

pub mod use_article;
pub mod use_changed;
pub mod use_dismiss;
pub mod use_focus_request;
pub mod use_highlights;
pub mod use_memory;
pub mod use_narrow;
pub mod use_reading_position;
pub mod use_reveal_on_find;
pub mod use_suggestions;
pub mod use_url_hash;

pub use use_article::use_article;
pub use use_changed::use_changed;
pub use use_dismiss::use_dismiss;
pub use use_focus_request::use_focus_request;
pub use use_highlights::use_highlights;
pub use use_memory::use_memory;
pub use use_narrow::{narrow_at_start, use_narrow};
pub use use_reading_position::use_reading_position;
pub use use_reveal_on_find::use_reveal_on_find;
pub use use_suggestions::use_suggestions;
pub use use_url_hash::use_url_hash;
