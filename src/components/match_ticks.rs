//! Ticks beside the text, one per paragraph with matches, in the colour of its
//! first keyword, placed where that paragraph sits in the article: the whole
//! article's matches at a glance, like a code editor's scrollbar. A click goes
//! there.
//!
//! Drawn as SVG rectangles: their positions are attributes, which a strict
//! Content-Security-Policy allows (inline `style` would not be).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::matcher::Matches;
use crate::outline::Collapsed;
use crate::web::dom;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub matches: Rc<Matches>,
    /// Folding moves paragraphs, so the ticks are measured again.
    pub collapsed: Rc<Collapsed>,
    pub lang: Lang,
}

/// Height of the SVG coordinate system; ticks are placed in per-mille.
/// (Integers throughout: formatting floats would add much to the wasm.)
const SCALE: i32 = 1000;

/// The paragraphs with matches, in the article next to `strip`.
fn hit_blocks(strip: &Element) -> Vec<HtmlElement> {
    let Some(article) = strip
        .parent_element()
        .and_then(|l| l.query_selector(".ar-article").ok().flatten())
    else {
        return Vec::new();
    };
    let Ok(list) = article.query_selector_all("[data-hit]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

#[component]
pub fn MatchTicks(props: &Props) -> Html {
    let strip = use_node_ref();
    // (position in per-mille of the article's height, colour, paragraph index)
    let ticks = use_state(Vec::<(i32, String, usize)>::new);
    {
        let (strip, ticks) = (strip.clone(), ticks.clone());
        use_effect_with(
            (props.matches.clone(), props.collapsed.clone()),
            move |_| {
                let Some(strip) = strip.cast::<Element>() else {
                    return;
                };
                let article = strip
                    .parent_element()
                    .and_then(|l| l.query_selector(".ar-article").ok().flatten());
                let Some(article) = article else {
                    return;
                };
                let frame = article.get_bounding_client_rect();
                let measured = hit_blocks(&strip)
                    .iter()
                    .enumerate()
                    .filter_map(|(i, block)| {
                        let rect = block.get_bounding_client_rect();
                        // Folded paragraphs have no box: no tick.
                        (rect.height() > 0.0 && frame.height() > 0.0).then(|| {
                            let at = ((rect.top() - frame.top()) / frame.height()
                                * f64::from(SCALE)) as i32;
                            (
                                at.clamp(0, SCALE - 4),
                                block.get_attribute("data-hit").unwrap_or_default(),
                                i,
                            )
                        })
                    })
                    .collect();
                ticks.set(measured);
            },
        );
    }
    let onclick = {
        let strip = strip.clone();
        Callback::from(move |event: MouseEvent| {
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let index = target
                .and_then(|t| t.get_attribute("data-index"))
                .and_then(|i| i.parse::<usize>().ok());
            if let (Some(index), Some(strip)) = (index, strip.cast::<Element>())
                && let Some(block) = hit_blocks(&strip).get(index)
            {
                dom::scroll_to_middle(block, true);
            }
        })
    };
    html! {
        <div class="ar-ticks" ref={strip} aria-hidden="true" title={props.lang.labels().ticks}>
            <svg class="ar-ticks-svg" viewBox={format!("0 0 10 {SCALE}")} preserveAspectRatio="none" {onclick}>
                for (at, colour, index) in ticks.iter() {
                    <rect
                        class={classes!("ar-tick", format!("ar-kw-{colour}"))}
                        x="0"
                        y={at.to_string()}
                        width="10"
                        height="4"
                        data-index={index.to_string()}
                    />
                }
            </svg>
        </div>
    }
}
