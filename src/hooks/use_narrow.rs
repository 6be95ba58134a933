//! Whether the reader is narrow (phone-sized), where the outline is a drawer.

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Widest reader, in CSS pixels, that gets the narrow layout. reader.css has
/// the same number in its container queries.
pub const NARROW_MAX_PX: i32 = 768;

/// Tracks the width of `root` against [`NARROW_MAX_PX`], emitting `onnarrow`
/// when it crosses it. A `ResizeObserver` sees every change: the window, the
/// host's layout, and the reader appearing once its stylesheet has loaded.
/// `narrow` is what the reader holds at first (see [`narrow_at_start`]): the
/// first observation says it again only if it was wrong.
#[hook]
pub fn use_narrow(root: NodeRef, narrow: bool, onnarrow: Callback<bool>) {
    let last = use_mut_ref(|| Some(narrow));
    use_effect_with(root, move |root| {
        let observed = root.cast::<Element>().and_then(|element| {
            let on_resize = Closure::<dyn Fn(Vec<ResizeObserverEntry>)>::new(
                move |entries: Vec<ResizeObserverEntry>| {
                    if let Some(entry) = entries.last() {
                        let width = entry.content_rect().width();
                        // A hidden reader has no width yet: wait for a real one.
                        let narrow = is_narrow(width);
                        if width > 0.0 && last.borrow_mut().replace(narrow) != Some(narrow) {
                            onnarrow.emit(narrow);
                        }
                    }
                },
            );
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
            observer.observe(&element);
            Some((observer, on_resize))
        });
        move || {
            if let Some((observer, _closure)) = observed {
                observer.disconnect();
            }
        }
    });
}

/// Whether the reader will be narrow, measured before its first frame: the
/// observer above tells only once a frame is laid out, and an article can
/// be drawn in the first (drawn wide on a phone, it moved when its keyword
/// bar was put away a frame later). The host's own width (our stylesheet,
/// which the reader starts after, makes it a block); else the width of the
/// element around it, which a block fills. A wrong guess is corrected a
/// frame later, as before; `None` when neither has a width yet.
pub fn narrow_at_start(host: &HtmlElement) -> Option<bool> {
    let width = match host.client_width() {
        0 => host.parent_element()?.client_width(),
        width => width,
    };
    (width > 0).then(|| is_narrow(f64::from(width)))
}

fn is_narrow(width: f64) -> bool {
    width <= f64::from(NARROW_MAX_PX)
}
