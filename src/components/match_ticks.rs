//! Ticks beside the text, one per paragraph with matches (at most one per
//! thousandth of the text), in the colour of its first mark, placed by where
//! that paragraph sits in the text: the article's matches at a glance, like a
//! code editor's scrollbar. A click goes to the first match of the nearest
//! tick (unfolding its section).
//!
//! Drawn as one SVG path per keyword colour (`reader_core::matcher::tick_paths`):
//! their shapes are attributes, which a strict Content-Security-Policy allows
//! (inline `style` would not be), and a long article's thousand ticks stay a
//! handful of elements. One click handler on the SVG finds the tick.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::matcher::{Tick, tick_near, tick_paths};
use reader_core::reader::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ticks: Rc<[Tick]>,
    pub lang: Lang,
    pub onaction: Callback<Action>,
}

#[component]
pub fn MatchTicks(props: &Props) -> Html {
    let paths = use_memo(props.ticks.clone(), |ticks| tick_paths(ticks));
    let onclick = {
        let (ticks, onaction) = (props.ticks.clone(), props.onaction.clone());
        Callback::from(move |event: MouseEvent| {
            // Yew listens at its root, so the map is found from the target.
            let Some(svg) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("svg").ok().flatten())
            else {
                return;
            };
            let bounds = svg.get_bounding_client_rect();
            let permille =
                ((f64::from(event.client_y()) - bounds.top()) * 1000.0 / bounds.height()) as i32;
            if let Some(tick) = tick_near(&ticks, permille) {
                onaction.emit(Action::JumpToMatch { at: tick.at });
            }
        })
    };
    html! {
        <div class="ar-ticks" aria-hidden="true" title={props.lang.labels().ticks}>
            <svg class="ar-ticks-svg" viewBox="0 0 10 1000" preserveAspectRatio="none" {onclick}>
                for (colour, path) in paths.iter() {
                    <path class={classes!("ar-tick", dom_ids::keyword_colour(*colour))} d={path.clone()} />
                }
            </svg>
        </div>
    }
}
