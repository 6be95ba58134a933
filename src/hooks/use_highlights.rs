//! Paints keyword matches and the current match, and scrolls to the current one.

use web_sys::{Element, ScrollToOptions};
use yew::prelude::*;

use crate::web::article_dom::ArticleDom;
use crate::web::dom;
use crate::web::highlights::{self, CURRENT, Painter};
use reader_core::dom_ids;
use reader_core::reader::{NavTarget, ReaderState};

/// With the CSS Custom Highlight API, paints the matches as highlight ranges
/// (see `web::highlights` for why) in the article `dom` builds; without it the
/// blocks draw `<mark>`s and this only scrolls. Either way, a navigation to
/// the current match brings it to the middle of the view (once its part of
/// the article is built), while keyboard focus stays in the find bar.
#[hook]
pub fn use_highlights(root: NodeRef, dom: &ArticleDom, state: &ReaderState) {
    // Dropping the painter (the reader goes away) takes its highlights back.
    let painter = use_mut_ref(Painter::default);
    let article = state.article().cloned();
    {
        let (root, painter) = (root.clone(), painter.clone());
        use_effect_with(
            (article.clone(), dom.clone(), state.matches.clone()),
            move |(article, dom, matches)| {
                if let (true, Some(article), Some(root)) =
                    (highlights::supported(), article, root.cast::<Element>())
                {
                    let mut painter = painter.borrow_mut();
                    painter.adopt_styles(&root);
                    painter.paint_keywords(&root, dom, &article.document, matches);
                }
            },
        );
    }
    let deps = (
        article,
        dom.clone(),
        state.current_match_span(),
        state.navigation,
    );
    use_effect_with(deps, move |(article, dom, current, navigation)| {
        let (Some(article), Some(root)) = (article, root.cast::<Element>()) else {
            return;
        };
        let smooth = navigation.is_some_and(|n| n.smooth);
        let wanted = navigation.is_some_and(|n| n.target == NavTarget::Match);
        if highlights::supported() {
            let spans: Vec<_> = current.iter().copied().collect();
            painter
                .borrow_mut()
                .paint(&root, dom, &article.document, CURRENT, &spans);
        }
        let Some(block) = current.filter(|_| wanted).and_then(|c| {
            article
                .document
                .blocks
                .iter()
                .position(|b| b.span.contains(c))
        }) else {
            return;
        };
        dom.when_drawn(block, move || {
            if highlights::supported() {
                if let Some(rect) = painter.borrow().first_bounds(CURRENT) {
                    scroll_by(&root, rect.top() + rect.height() / 2.0, smooth);
                }
            } else if let Some(element) = dom::find_by_id(&root, dom_ids::CURRENT_MATCH) {
                dom::scroll_to_middle(&element, smooth);
            }
        });
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
