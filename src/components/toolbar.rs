//! The bar that sticks to the top of the reader. On a phone it is one row
//! (at most 56 px) while reading: the outline button, the search button that
//! shows the keyword bar, the find bar's count with previous and next, and the
//! tools at the end. The keyword bar joins it as a second row only while it
//! is open; sheets (suggestions, settings) hang below it over the text, so
//! they never push the text away. When wide, everything fits in one row.
//!
//! The tools group at the end is where the reader's panels open from: reading
//! settings now, and more tools later. A plain view function.

use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::reader::{Action, ReaderState, Surface};

/// `bars` are the keyword and find bars, `None` while the article loads (the
/// toolbar is then inert, there to keep its place); `sheets` hang below it.
pub fn toolbar(
    state: &ReaderState,
    lang: Lang,
    onaction: &Callback<Action>,
    bars: Option<Html>,
    sheets: Html,
) -> Html {
    let labels = lang.labels();
    let outline_shown = state.outline_shown();
    let search_shown = state.search_shown();
    let settings_open = state.is_open(Surface::Settings);
    html! {
        <div class="ar-toolbar" inert={bars.is_none()}>
            <button
                type="button"
                id={dom_ids::OUTLINE_TOGGLE}
                class="ar-button ar-outline-toggle"
                aria-controls={dom_ids::OUTLINE}
                aria-expanded={outline_shown.to_string()}
                onclick={onaction.reform(move |_: MouseEvent| Action::SetOutlineOpen(!outline_shown))}
            >
                <span class="ar-icon-list" aria-hidden="true"></span>
                <span class="ar-outline-label">{ labels.outline }</span>
            </button>
            <button
                type="button"
                id={dom_ids::SEARCH_TOGGLE}
                class="ar-button ar-icon-button ar-search-toggle"
                aria-controls={dom_ids::KEYWORD_BAR}
                aria-expanded={search_shown.to_string()}
                aria-label={labels.search}
                title={labels.search}
                onclick={onaction.reform(|_: MouseEvent| Action::ToggleSearch)}
            >
                <span class="ar-icon-search" aria-hidden="true"></span>
            </button>
            { bars.unwrap_or_default() }
            <div class="ar-tools" role="group" aria-label={labels.tools}>
                <button
                    type="button"
                    id={dom_ids::SETTINGS_TOGGLE}
                    class="ar-button ar-icon-button ar-settings-toggle"
                    aria-controls={settings_open.then_some(dom_ids::SETTINGS)}
                    aria-expanded={settings_open.to_string()}
                    aria-label={labels.settings}
                    title={labels.settings}
                    onclick={onaction.reform(|_: MouseEvent| Action::ToggleSettings)}
                >
                    <span class="ar-icon-text" aria-hidden="true">{ "Aa" }</span>
                </button>
            </div>
            { sheets }
        </div>
    }
}
