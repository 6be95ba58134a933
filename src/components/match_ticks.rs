//! Ticks beside the text, one per paragraph with matches, in the colour of its
//! first mark, placed by where that paragraph sits in the text: the article's
//! matches at a glance, like a code editor's scrollbar. A click goes to the
//! first match there (unfolding its section).
//!
//! Drawn as SVG rectangles: their positions are attributes, which a strict
//! Content-Security-Policy allows (inline `style` would not be).

use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::matcher::Tick;
use reader_core::reader::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ticks: std::rc::Rc<[Tick]>,
    pub lang: Lang,
    pub onaction: Callback<Action>,
}

#[component]
pub fn MatchTicks(props: &Props) -> Html {
    html! {
        <div class="ar-ticks" aria-hidden="true" title={props.lang.labels().ticks}>
            <svg class="ar-ticks-svg" viewBox="0 0 10 1000" preserveAspectRatio="none">
                for tick in props.ticks.iter() {
                    <rect
                        class={classes!("ar-tick", dom_ids::keyword_colour(tick.keyword))}
                        x="0"
                        y={tick.permille.to_string()}
                        width="10"
                        height="4"
                        onclick={props.onaction.reform({ let at = tick.at; move |_: MouseEvent| Action::JumpToMatch { at } })}
                    />
                }
            </svg>
        </div>
    }
}
