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
/// `requestIdleCallback`), after the next paint.
pub async fn when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut asked = true;
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    let idle = js_sys::Promise::new(&mut |resolve, _| {
        if window
            .request_idle_callback_with_options(&resolve, &options)
            .is_err()
        {
            asked = false;
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(idle).await;
    if !asked {
        after_paint().await;
    }
}

/// The longest [`when_idle`] waits for an idle moment.
const IDLE_WAIT_MS: u32 = 2_000;
