//! Where the reader's own files are: beside `reader.css` (and `reader.js`),
//! wherever the host serves them. The Markdown module and the sample article
//! are fetched from there when needed, so they cost nothing up front.

use std::cell::RefCell;

thread_local! {
    /// The folder of the reader's files, with its trailing `/`.
    static FOLDER: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Notes where the reader's files are, from the URL of its stylesheet.
pub fn remember(stylesheet: &str) {
    let folder = &stylesheet[..stylesheet.rfind('/').map_or(0, |i| i + 1)];
    FOLDER.with(|f| *f.borrow_mut() = Some(folder.to_string()));
}

/// The URL of the reader's file `name`, once [`remember`] has been told.
pub fn url(name: &str) -> Option<String> {
    FOLDER.with(|f| f.borrow().as_ref().map(|folder| format!("{folder}{name}")))
}

/// The sample article, shown by an element with neither `src` nor text.
pub const SAMPLE_ARTICLE: &str = "articles/seed.txt";
