//! Paints keyword matches and the current match, and scrolls to the current one.

use web_sys::{Element, ScrollToOptions};
use yew::prelude::*;

use crate::web::dom;
use crate::web::highlights::{self, Painter};
use reader_core::dom_ids;
use reader_core::reader::{NavTarget, ReaderState};

/// With the CSS Custom Highlight API, paints the matches as highlight ranges
/// (see `web::highlights` for why); without it the blocks render `<mark>`s and
/// this only scrolls. Either way, a navigation to the current match brings it
/// to the middle of the view, while keyboard focus stays in the find bar.
#[hook]
pub fn use_highlights(root: NodeRef, state: &ReaderState) {
    // Dropping the painter (the reader goes away) takes its ranges back.
    let painter = use_mut_ref(Painter::default);
    let article = state.article().cloned();
    {
        let (root, painter) = (root.clone(), painter.clone());
        use_effect_with(
            (article.clone(), state.matches.clone()),
            move |(article, matches)| {
                if let (true, Some(article), Some(root)) =
                    (highlights::supported(), article, root.cast::<Element>())
                {
                    painter
                        .borrow_mut()
                        .paint_keywords(&root, &article.document, matches);
                }
            },
        );
    }
    let deps = (article, state.current_match_span(), state.navigation);
    use_effect_with(deps, move |(article, current, navigation)| {
        let (Some(article), Some(root)) = (article, root.cast::<Element>()) else {
            return;
        };
        let smooth = navigation.is_some_and(|n| n.smooth);
        let wanted = navigation.is_some_and(|n| n.target == NavTarget::Match);
        if highlights::supported() {
            let range = painter
                .borrow_mut()
                .paint_current(&root, &article.document, *current);
            if let (true, Some(range)) = (wanted, range) {
                let rect = range.get_bounding_client_rect();
                scroll_by(&root, rect.top() + rect.height() / 2.0, smooth);
            }
        } else if wanted && let Some(element) = dom::find_by_id(&root, dom_ids::CURRENT_MATCH) {
            dom::scroll_to_middle(&element, smooth);
        }
    });
}

/// Scrolls whatever scrolls the reader so that viewport offset `y` comes to the
/// middle of the visible part.
fn scroll_by(root: &Element, y: f64, smooth: bool) {
    let container = dom::scroll_container(root);
    let (top, bottom) = dom::view_bounds(container.as_ref());
    let options = ScrollToOptions::new();
    options.set_top(y - (top + bottom) / 2.0);
    options.set_behavior(dom::scroll_behavior(smooth));
    match (container, web_sys::window()) {
        (Some(container), _) => container.scroll_by_with_scroll_to_options(&options),
        (None, Some(window)) => window.scroll_by_with_scroll_to_options(&options),
        (None, None) => {}
    }
}
