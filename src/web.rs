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

use std::cell::RefCell;

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

/// A pause between two steps of long work (`long`; none otherwise): the
/// page paints and answers input before the next one.
pub async fn pause(long: bool) {
    if long {
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
}

/// A wait for a moment when the browser has nothing more pressing to do (no
/// frame, input or earlier task waiting), for work nobody is waiting for; at
/// most [`IDLE_WAIT_MS`] on a page that never is idle. Whoever lets the work
/// go [`cancel`](IdleWait::cancel)s it: the wait then ends at once, so the
/// task waiting finishes and lets go of what it holds, rather than holding it
/// (and a removed reader's whole instance) until the browser is idle.
#[derive(Default)]
pub struct IdleWait(RefCell<Option<(u32, js_sys::Function)>>);

impl IdleWait {
    /// Resolves once the browser is idle, or once cancelled. Where it cannot
    /// say (no `requestIdleCallback`), after the next paint.
    pub async fn until_idle(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_WAIT_MS);
        let mut asked = false;
        let idle = js_sys::Promise::new(&mut |resolve, _| match window
            .request_idle_callback_with_options(&resolve, &options)
        {
            Ok(handle) => {
                asked = true;
                *self.0.borrow_mut() = Some((handle, resolve));
            }
            Err(_) => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = JsFuture::from(idle).await;
        self.0.borrow_mut().take();
        if !asked {
            after_paint().await;
        }
    }

    /// Takes the request back and ends the wait.
    pub fn cancel(&self) {
        let asked = self.0.borrow_mut().take();
        if let Some((handle, resolve)) = asked {
            if let Some(window) = web_sys::window() {
                window.cancel_idle_callback(handle);
            }
            let _ = resolve.call0(&JsValue::NULL);
        }
    }
}

/// The longest an [`IdleWait`] waits for an idle moment.
const IDLE_WAIT_MS: u32 = 2_000;
