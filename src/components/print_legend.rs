//! Printed at the top of the article (and hidden on screen): each keyword in
//! its highlight, with its count, so a printed page's colours can be read.
//! A plain view function.

use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::matcher::{Keyword, Matches};

pub fn print_legend(keywords: &[Keyword], matches: &Matches, lang: Lang) -> Html {
    if keywords.is_empty() {
        return Html::default();
    }
    html! {
        <div class="ar-print-legend">
            <span class="ar-print-legend-title">{ lang.labels().keywords }</span>
            for (i, keyword) in keywords.iter().enumerate() {
                <span class="ar-print-legend-item">
                    <mark class={classes!("ar-mark", dom_ids::keyword_colour(i))}>{ &keyword.text }</mark>
                    { " " }{ lang.match_position(None, matches.counts.get(i).copied().unwrap_or(0)) }
                </span>
            }
        </div>
    }
}
