//! Browser glue: everything that touches the DOM outside Yew's own rendering.
//! Errors from the browser (a blocked storage, a missing element) are absorbed
//! here: the reader keeps working without the feature.

pub mod article_dom;
pub mod assets;
pub mod dom;
pub mod fetch;
pub mod highlights;
pub mod location;
pub mod markup;
pub mod outline_dom;
pub mod storage;

use std::cell::Cell;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Resolves after the browser has painted a frame, so a progress hint shown
/// just before is on screen before long work starts.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        if window.request_animation_frame(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(frame).await;
    // The frame callback runs before paint; a zero timeout runs after it.
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// Resolves once the browser has nothing more pressing to do (no frame, input
/// or earlier task waiting), or after [`IDLE_WAIT_MS`] on a page that never
/// is: for work nobody is waiting for. Where it cannot say (no
/// `requestIdleCallback`), after the next paint. The request is kept in
/// `asked` meanwhile, for [`cancel_idle`]: a request still pending holds the
/// reader's instance alive.
pub async fn when_idle(asked: &Cell<Option<u32>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    let idle = js_sys::Promise::new(&mut |resolve, _| match window
        .request_idle_callback_with_options(&resolve, &options)
    {
        Ok(handle) => asked.set(Some(handle)),
        Err(_) => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let idle_asked = asked.get().is_some();
    let _ = JsFuture::from(idle).await;
    asked.set(None);
    if !idle_asked {
        after_paint().await;
    }
}

/// Takes back the request [`when_idle`] is waiting on, if any: it never
/// resolves then.
pub fn cancel_idle(asked: &Cell<Option<u32>>) {
    if let (Some(handle), Some(window)) = (asked.take(), web_sys::window()) {
        window.cancel_idle_callback(handle);
    }
}

/// The longest [`when_idle`] waits for an idle moment.
const IDLE_WAIT_MS: u32 = 2_000;
