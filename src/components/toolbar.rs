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
            { opener(
                dom_ids::OUTLINE_TOGGLE,
                "ar-button ar-outline-toggle",
                Some(dom_ids::OUTLINE),
                outline_shown,
                None,
                onaction.reform(move |_: MouseEvent| Action::SetOutlineOpen(!outline_shown)),
                html! {
                    <>
                        <span class="ar-icon-list" aria-hidden="true"></span>
                        <span class="ar-outline-label">{ labels.outline }</span>
                    </>
                },
            ) }
            { opener(
                dom_ids::SEARCH_TOGGLE,
                "ar-button ar-icon-button ar-search-toggle",
                Some(dom_ids::KEYWORD_BAR),
                search_shown,
                Some(labels.search),
                onaction.reform(|_: MouseEvent| Action::ToggleSearch),
                html! { <span class="ar-icon-search" aria-hidden="true"></span> },
            ) }
            { bars.unwrap_or_default() }
            <div class="ar-tools" role="group" aria-label={labels.tools}>
                { opener(
                    dom_ids::SETTINGS_TOGGLE,
                    "ar-button ar-icon-button ar-settings-toggle",
                    // Only while open: the sheet is not there otherwise.
                    settings_open.then_some(dom_ids::SETTINGS),
                    settings_open,
                    Some(labels.settings),
                    onaction.reform(|_: MouseEvent| Action::ToggleSettings),
                    html! { <span class="ar-icon-text" aria-hidden="true">{ "Aa" }</span> },
                ) }
            </div>
            { sheets }
        </div>
    }
}

/// A button that shows or hides what `controls` names, saying which with
/// `aria-expanded`; `name` labels an icon-only button (and its tooltip).
fn opener(
    id: &'static str,
    class: &'static str,
    controls: Option<&'static str>,
    open: bool,
    name: Option<&'static str>,
    onclick: Callback<MouseEvent>,
    content: Html,
) -> Html {
    html! {
        <button
            type="button"
            {id}
            {class}
            aria-controls={controls}
            aria-expanded={open.to_string()}
            aria-label={name}
            title={name}
            {onclick}
        >
            { content }
        </button>
    }
}
