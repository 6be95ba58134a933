//! The widget's Yew components, one per file. They render what the pure modules
//! computed and turn user input into [`reader_core::reader::Action`]s.

pub mod article_view;
pub mod byline;
pub mod find_bar;
pub mod help_sheet;
pub mod keyword_bar;
pub mod match_ticks;
pub mod outline_panel;
pub mod print_contents;
pub mod print_legend;
pub mod settings_panel;
pub mod status_view;
pub mod toolbar;

use yew::prelude::*;

/// A button that switches an option on and off, saying which with `aria-pressed`.
pub fn toggle_button(label: &str, pressed: bool, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="ar-button" aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
    }
}
