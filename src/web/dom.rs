//! DOM helpers for scrolling, focus and measuring, shadow-root aware.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, FocusOptions, HtmlElement, Node, ScrollBehavior, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};

/// The element with this id in the same tree (shadow root or document) as `near`.
pub fn find_by_id(near: &Element, id: &str) -> Option<HtmlElement> {
    let root = near.get_root_node();
    if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        return shadow.get_element_by_id(id)?.dyn_into().ok();
    }
    root.dyn_ref::<web_sys::Document>()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// The focused element of the tree that holds `near`.
pub fn active_element(near: &Element) -> Option<Element> {
    let root: Node = near.get_root_node();
    js_sys::Reflect::get(&root, &JsValue::from_str("activeElement"))
        .ok()?
        .dyn_into()
        .ok()
}

/// True when focus is inside `container`.
pub fn has_focus_within(container: &Element) -> bool {
    active_element(container).is_some_and(|active| container.contains(Some(&active)))
}

pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// A keyboard event as the core's key rules read it.
pub fn key_press(event: &web_sys::KeyboardEvent) -> reader_core::keys::KeyPress {
    reader_core::keys::KeyPress {
        key: event.key(),
        shift: event.shift_key(),
        command: event.ctrl_key() || event.alt_key() || event.meta_key(),
        composing: event.is_composing(),
        in_text_field: event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|e| is_text_field(&e)),
    }
}

/// Whether typing into `element` writes text (so `?` and `/` are characters there).
fn is_text_field(element: &Element) -> bool {
    match element.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => matches!(
            element.get_attribute("type").as_deref().unwrap_or("text"),
            "text" | "search" | "url" | "email" | "tel" | "password" | "number"
        ),
        _ => element
            .dyn_ref::<HtmlElement>()
            .is_some_and(HtmlElement::is_content_editable),
    }
}

/// Moves keyboard focus to `element` without scrolling the page.
pub fn focus_quietly(element: &HtmlElement) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Whether keyboard focus has nowhere useful to be, as seen from the reader
/// `root`: on nothing (the page's `<body>`), on the reader's own container,
/// or on something in it that no longer shows (inside a closed drawer).
/// Focus on anything else, in this reader or the page, is where someone put it.
pub fn focus_is_lost(root: &Element) -> bool {
    match active_element(root) {
        Some(active) => {
            &active == root || active.get_client_rects().length() == 0 || !active.is_connected()
        }
        None => {
            let document = web_sys::window().and_then(|w| w.document());
            let active = document.as_ref().and_then(|d| d.active_element());
            let body: Option<Element> = document.and_then(|d| d.body()).map(Into::into);
            active.is_none() || active == body
        }
    }
}

/// Milliseconds since the page loaded.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The nearest ancestor of `element` (crossing shadow roots) that scrolls
/// vertically, or `None` when the window scrolls.
pub fn scroll_container(element: &Element) -> Option<Element> {
    let window = web_sys::window()?;
    let mut current = parent_across_shadow(element);
    while let Some(el) = current {
        if let Ok(Some(style)) = window.get_computed_style(&el) {
            let overflow = style.get_property_value("overflow-y").unwrap_or_default();
            if matches!(overflow.as_str(), "auto" | "scroll" | "overlay")
                && el.scroll_height() > el.client_height()
            {
                return Some(el);
            }
        }
        current = parent_across_shadow(&el);
    }
    None
}

fn parent_across_shadow(element: &Element) -> Option<Element> {
    if let Some(parent) = element.parent_element() {
        return Some(parent);
    }
    element
        .get_root_node()
        .dyn_ref::<web_sys::ShadowRoot>()
        .map(|s| s.host())
}

/// The part of the window where the text can be seen: (top, bottom) in
/// viewport pixels, narrowed to the host's scrolling container if there is one.
pub fn view_bounds(container: Option<&Element>) -> (f64, f64) {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    match container {
        Some(c) => {
            let rect = c.get_bounding_client_rect();
            (rect.top().max(0.0), rect.bottom().min(height))
        }
        None => (0.0, height),
    }
}

/// Sets a style property through the CSSOM, which a strict Content-Security-Policy
/// allows (unlike a `style` attribute).
pub fn set_style_property(element: &Element, name: &str, value: &str) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let style = element.style();
        if style.get_property_value(name).ok().as_deref() != Some(value) {
            let _ = style.set_property(name, value);
        }
    }
}

/// Smooth scrolling if asked for, unless the reader prefers reduced motion.
pub fn scroll_behavior(smooth: bool) -> ScrollBehavior {
    if smooth && !prefers_reduced_motion() {
        ScrollBehavior::Smooth
    } else {
        ScrollBehavior::Instant
    }
}

fn scroll_into_view(target: &HtmlElement, block: ScrollLogicalPosition, smooth: bool) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_behavior(scroll_behavior(smooth));
    target.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls `target` to the top of the view (its `scroll-margin-top` clears the
/// sticky bars), then moves keyboard focus to it for screen readers.
pub fn scroll_to_and_focus(target: &HtmlElement, smooth: bool) {
    scroll_into_view(target, ScrollLogicalPosition::Start, smooth);
    let focus = FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = target.focus_with_options(&focus);
}

/// Scrolls `target` to the middle of the view, without moving keyboard focus.
pub fn scroll_to_middle(target: &HtmlElement, smooth: bool) {
    scroll_into_view(target, ScrollLogicalPosition::Center, smooth);
}

/// Scrolls a panel (not the page) so that `item` (a row inside it) is visible.
pub fn reveal_in_panel(panel: &Element, item: &Element) {
    let panel_rect = panel.get_bounding_client_rect();
    if panel_rect.height() <= 0.0 {
        return;
    }
    let item_rect = item.get_bounding_client_rect();
    let scroll_top = f64::from(panel.scroll_top());
    let item_top = item_rect.top() - panel_rect.top() + scroll_top;
    if let Some(top) = reader_core::scroll_spy::reveal_in_panel(
        scroll_top,
        f64::from(panel.client_height()),
        item_top,
        item_rect.height(),
    ) {
        panel.set_scroll_top(top.round() as i32);
    }
}
