//! Moves keyboard focus where the reader state asks, after something closed
//! or `/` was pressed, so focus never falls to the page's `<body>`.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::web::dom;
use reader_core::dom_ids;
use reader_core::reader::{FocusRequest, FocusTarget};

/// Performs each new [`FocusRequest`] once the render it came with is on
/// screen: the keyword input at once; an opener (or the reader itself, where
/// there is none) only if focus was lost (it was inside what closed, or
/// nowhere), so a press that put focus somewhere else leaves it there.
#[hook]
pub fn use_focus_request(root: NodeRef, request: Option<FocusRequest>) {
    use_effect_with(request, move |request| {
        let (Some(request), Some(root)) = (request, root.cast::<Element>()) else {
            return;
        };
        let target = match request.target {
            FocusTarget::KeywordInput => dom::find_by_id(&root, dom_ids::KEYWORD_INPUT),
            FocusTarget::OpenerOf(surface) if dom::focus_is_lost(&root) => dom_ids::opener(surface)
                .and_then(|id| dom::find_by_id(&root, id))
                .or_else(|| root.dyn_into().ok()),
            FocusTarget::OpenerOf(_) => None,
        };
        if let Some(target) = target {
            dom::focus_quietly(&target);
        }
    });
}
