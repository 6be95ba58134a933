//! The find bar: which match of how many, previous and next. Enter and
//! Shift+Enter in the keyword input, and F3 and Shift+F3 anywhere in the
//! reader, step too. It stays in the toolbar's one row on phones, where the
//! count is short ("3/17"); screen readers always hear the full message.
//! A plain view function.

use yew::prelude::*;

use reader_core::i18n::{Lang, match_position_short};
use reader_core::reader::{Action, ReaderState};

pub fn find_bar(state: &ReaderState, lang: Lang, onaction: &Callback<Action>) -> Html {
    let labels = lang.labels();
    let step = |forward: bool| onaction.reform(move |_: MouseEvent| Action::StepMatch { forward });
    let total = state.target_matches().len();
    let has_keywords = !state.keywords.is_empty();
    html! {
        <div class="ar-find" role="group" aria-label={labels.find}>
            <span class="ar-find-count" role="status" aria-live="polite">
                if has_keywords { { lang.match_position(state.current_match, total) } }
            </span>
            <span class="ar-find-short" aria-hidden="true">
                if has_keywords { { match_position_short(state.current_match, total) } }
            </span>
            <button type="button" class="ar-button ar-icon-button ar-prev" aria-label={labels.previous} title={labels.previous} disabled={total == 0} onclick={step(false)}></button>
            <button type="button" class="ar-button ar-icon-button ar-next" aria-label={labels.next} title={labels.next} disabled={total == 0} onclick={step(true)}></button>
        </div>
    }
}
