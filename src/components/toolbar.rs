//! The bar that sticks to the top of the reader: the outline toggle, then the
//! keyword and find bars. A plain view function: it has no state of its own.

use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;

/// `outline_shown` is whether the outline shows now; `children` follow the toggle.
pub fn toolbar(
    lang: Lang,
    outline_shown: bool,
    ontoggle_outline: Callback<MouseEvent>,
    children: Html,
) -> Html {
    html! {
        <div class="ar-toolbar">
            <button
                type="button"
                class="ar-button ar-outline-toggle"
                aria-controls={dom_ids::OUTLINE}
                aria-expanded={outline_shown.to_string()}
                onclick={ontoggle_outline}
            >
                <span class="ar-icon-list" aria-hidden="true"></span>
                { lang.labels().outline }
            </button>
            { children }
        </div>
    }
}
