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
#[hook]
pub fn use_narrow(root: NodeRef, onnarrow: Callback<bool>) {
    let last = use_mut_ref(|| None::<bool>);
    use_effect_with(root, move |root| {
        let observed = root.cast::<Element>().and_then(|element| {
            let on_resize = Closure::<dyn Fn(Vec<ResizeObserverEntry>)>::new(
                move |entries: Vec<ResizeObserverEntry>| {
                    if let Some(entry) = entries.last() {
                        let width = entry.content_rect().width();
                        // A hidden reader has no width yet: wait for a real one.
                        let narrow = width <= f64::from(NARROW_MAX_PX);
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

/// Whether the reader will be narrow, read before its first frame from the
/// width of the element around it (which a reader fills, unless the page
/// says otherwise; the observer above corrects a wrong guess). The observer
/// tells only once a frame is laid out, and the article can be in the first:
/// drawn wide on a phone, it moved when its keyword bar was then put away.
pub fn narrow_at_start(host: &HtmlElement) -> Option<bool> {
    let width = host.parent_element()?.client_width();
    (width > 0).then_some(width <= NARROW_MAX_PX)
}
