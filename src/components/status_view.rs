//! What the widget shows before the article: a progress hint, or why it failed;
//! and, above everything, what the page got wrong in its attributes.
//! Plain view functions: they have no state of their own.

use yew::prelude::*;

use reader_core::config::Notice;
use reader_core::i18n::Lang;
use reader_core::reader::Loading;
use reader_core::source::Problem;

/// The busy hint while loading; `url` is what is being fetched.
pub fn loading_view(loading: Loading, url: Option<&str>, lang: Lang) -> Html {
    let message = match (loading, url) {
        (Loading::Fetching, Some(url)) => lang.fetching(url),
        _ => lang.labels().parsing.to_string(),
    };
    html! {
        <div class="ar-status ar-status-loading" role="status" aria-live="polite" aria-busy="true">
            <span class="ar-spinner" aria-hidden="true"></span>
            <p class="ar-status-message">{ message }</p>
        </div>
    }
}

/// Why the article cannot be shown.
pub fn problem_view(problem: &Problem, lang: Lang) -> Html {
    html! {
        <div class="ar-status ar-status-problem" role="alert">
            <p class="ar-status-message">{ lang.problem(problem) }</p>
        </div>
    }
}

/// A mistake in the page's attributes (a `hash` name the URL cannot carry,
/// an attribute too long to read), said rather than silently worked around.
pub fn notice_view(notice: &Notice, lang: Lang) -> Html {
    html! {
        <p class="ar-notice" role="status">{ lang.notice(notice) }</p>
    }
}
