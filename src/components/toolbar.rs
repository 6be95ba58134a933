//! The bar that sticks to the top of the reader: the outline toggle.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Whether the outline is shown now.
    pub outline_shown: bool,
    pub ontoggle_outline: Callback<()>,
}

#[component]
pub fn Toolbar(props: &Props) -> Html {
    let onclick = props.ontoggle_outline.reform(|_: MouseEvent| ());
    html! {
        <div class="ar-toolbar">
            <button
                type="button"
                class="ar-button ar-outline-toggle"
                aria-controls="ar-outline"
                aria-expanded={props.outline_shown.to_string()}
                {onclick}
            >
                <span class="ar-icon-list" aria-hidden="true"></span>
                { props.lang.labels().outline }
            </button>
        </div>
    }
}
