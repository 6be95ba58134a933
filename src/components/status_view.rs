//! What the widget shows before the article: a progress hint, or why it failed.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::reader::Loading;
use crate::source::Problem;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// `Some` while loading; shown as a busy hint.
    #[prop_or_default]
    pub loading: Option<Loading>,
    /// `Some` when the article cannot be shown.
    #[prop_or_default]
    pub problem: Option<Problem>,
}

#[component]
pub fn StatusView(props: &Props) -> Html {
    let labels = props.lang.labels();
    if let Some(problem) = &props.problem {
        return html! {
            <div class="ar-status ar-status-problem" role="alert">
                <p class="ar-status-message">{ props.lang.problem(problem) }</p>
            </div>
        };
    }
    let message = match props.loading {
        Some(Loading::Parsing) | None => labels.parsing,
    };
    html! {
        <div class="ar-status ar-status-loading" role="status" aria-live="polite" aria-busy="true">
            <span class="ar-spinner" aria-hidden="true"></span>
            <p class="ar-status-message">{ message }</p>
        </div>
    }
}
