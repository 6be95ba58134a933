//! The find bar: which match of how many, previous and next, whole words,
//! clear. Enter and Shift+Enter in the keyword input, and F3 and Shift+F3
//! anywhere in the reader, step too. A plain view function.

use yew::prelude::*;

use crate::components::toggle_button;
use reader_core::i18n::Lang;
use reader_core::reader::{Action, KeywordsBy, ReaderState};

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
                <button type="button" class="ar-button ar-icon-button ar-prev" aria-label={labels.previous} title={labels.previous} disabled={total == 0} onclick={step(false)}></button>
                <button type="button" class="ar-button ar-icon-button ar-next" aria-label={labels.next} title={labels.next} disabled={total == 0} onclick={step(true)}></button>
    { toggle_button(labels.whole_words, state.whole_words, onaction.reform(|_: MouseEvent| Action::ToggleWholeWords)) }
                <button
                    type="button"
                    class="ar-button"
                    disabled={!has_keywords}
                    onclick={onaction.reform(|_: MouseEvent| Action::SetKeywords { list: Vec::new(), by: KeywordsBy::Reader })}
                >
                    { labels.clear_keywords }
                </button>
            </div>
        }
}
