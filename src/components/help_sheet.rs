//! The keyboard help (`?`): every shortcut, by where it works, in a sheet
//! over the text like the settings. It closes by Escape, `?`, its button or a
//! press outside it. A plain view function.

use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::reader::{Action, Surface};

pub fn help_sheet(lang: Lang, onaction: &Callback<Action>) -> Html {
    let labels = lang.labels();
    html! {
        <div id={dom_ids::HELP} class="ar-help ar-sheet" role="group" aria-labelledby={dom_ids::HELP_TITLE}>
            <div class="ar-help-head">
                <h2 class="ar-sheet-title" id={dom_ids::HELP_TITLE}>{ labels.shortcuts_title }</h2>
                <button
                    type="button"
                    class="ar-button"
                    onclick={onaction.reform(|_: MouseEvent| Action::Dismiss(Surface::Help))}
                >
                    { labels.close }
                </button>
            </div>
            for group in labels.shortcuts {
                <h3 class="ar-help-group-title">{ group.title }</h3>
                <dl class="ar-shortcuts">
                    for shortcut in group.shortcuts {
                        <div class="ar-shortcut">
                            <dt>
                                for key in shortcut.keys.split(' ') {
                                    <kbd class="ar-key">{ key }</kbd>
                                }
                            </dt>
                            <dd>{ shortcut.what }</dd>
                        </div>
                    }
                </dl>
            }
        </div>
    }
}
