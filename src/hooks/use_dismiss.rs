//! Closes sheets the way touch users expect: a press outside a sheet closes
//! it, and a swipe across the outline drawer closes the drawer.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, TouchEvent};
use yew::prelude::*;

use crate::web::dom;
use reader_core::dom_ids;
use reader_core::reader::{Action, Surface, is_swipe_across};

/// While `sheet_open` (something a press outside would close), dispatches
/// [`Action::PressOutside`] for every press on the page, naming the surface
/// it landed in; while `drawer_open`, dispatches [`Action::Dismiss`] for a
/// swipe across the drawer (`root`'s outline).
#[hook]
pub fn use_dismiss(root: NodeRef, sheet_open: bool, drawer_open: bool, onaction: Callback<Action>) {
    use_effect_with(
        (root, sheet_open, drawer_open),
        move |(root, sheet_open, drawer_open)| {
            let mut listeners = Vec::new();
            // On the window: it sees every press, on this reader, another one or the page.
            if let (true, Some(window)) = (*sheet_open, web_sys::window()) {
                let onaction = onaction.clone();
                listeners.push(listen(&window, "pointerdown", move |event| {
                    onaction.emit(Action::PressOutside {
                        inside: surface_pressed(event),
                    })
                }));
            }
            let drawer = root
                .cast::<Element>()
                .filter(|_| *drawer_open)
                .and_then(|root| dom::find_by_id(&root, dom_ids::OUTLINE));
            if let Some(drawer) = drawer {
                let start = Rc::new(Cell::new(None::<(f64, f64)>));
                let started = start.clone();
                listeners.push(listen(&drawer, "touchstart", move |event| {
                    started.set(touch_point(event))
                }));
                listeners.push(listen(&drawer, "touchend", move |event| {
                    if let (Some((x0, y0)), Some((x1, y1))) = (start.take(), touch_point(event))
                        && is_swipe_across(x1 - x0, y1 - y0)
                    {
                        onaction.emit(Action::Dismiss(Surface::Drawer));
                    }
                }));
            }
            move || drop(listeners)
        },
    );
}

/// Listens in the capture phase (before anything can stop the event) and
/// passively (delaying no scroll).
fn listen(
    target: &EventTarget,
    event: &'static str,
    handler: impl FnMut(&Event) + 'static,
) -> EventListener {
    let options = EventListenerOptions {
        passive: true,
        ..EventListenerOptions::run_in_capture_phase()
    };
    EventListener::new_with_options(target, event, options, handler)
}

/// The innermost surface (or its opener) on the pressed element's path,
/// shadow roots included.
fn surface_pressed(event: &Event) -> Option<Surface> {
    event
        .composed_path()
        .iter()
        .filter_map(|target| target.dyn_into::<Element>().ok())
        .find_map(|element| dom_ids::surface_of(&element.id()))
}

/// Where the finger that started or ended `event` was, in CSS pixels.
fn touch_point(event: &Event) -> Option<(f64, f64)> {
    let touch = event.dyn_ref::<TouchEvent>()?.changed_touches().get(0)?;
    Some((f64::from(touch.client_x()), f64::from(touch.client_y())))
}
