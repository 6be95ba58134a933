//! Where the reader is in the article: the scroll spy, and scrolling to a node.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::render::{AnimationFrame, request_animation_frame};
use web_sys::Element;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::article_dom::ArticleDom;
use crate::web::{after_paint, dom};
use reader_core::dom_ids;
use reader_core::outline::Collapsed;
use reader_core::reader::{Action, Article, NavTarget, ReaderState};
use reader_core::scroll_spy;

/// Gap between the sticky toolbar and a heading scrolled to the top.
const GAP_PX: f64 = 8.0;

/// Performs [`ReaderState::navigation`] requests for nodes (scroll the node to
/// the top, clear of sticky bars, and focus it) and runs the scroll spy, dispatching
/// [`Action::SetActive`] as the node being read changes.
///
/// After a navigation the spy holds still until the reader scrolls by hand
/// (wheel, touch, mouse or keyboard), so a node that cannot reach the top (a
/// short last section) stays current after being chosen. A node in a part of
/// the article not built yet (`dom`) is gone to once it is.
#[hook]
pub fn use_reading_position(
    root: NodeRef,
    dom: &ArticleDom,
    state: &ReaderState,
    onactive: Callback<Action>,
) {
    let article = state.article().cloned();
    let pinned = use_mut_ref(|| false);
    let last = use_mut_ref(|| None::<usize>);
    *last.borrow_mut() = state.active;

    {
        let (root, article, pinned) = (root.clone(), article.clone(), pinned.clone());
        let built = dom.clone();
        use_effect_with(state.navigation, move |navigation| {
            let target = navigation.zip(root.cast::<Element>()).zip(article);
            if let Some(((nav, root), article)) = target {
                set_scroll_margin(&root);
                // Matches are brought into view by `use_highlights`.
                if let NavTarget::Node(node) = nav.target {
                    let node = &article.document.nodes[node];
                    let id = dom_ids::node(&node.id);
                    // The spy holds still from now, also while the node waits
                    // to be built, so what it sees meanwhile does not count.
                    *pinned.borrow_mut() = true;
                    built.when_drawn(node.block, move || {
                        if let Some(element) = dom::find_by_id(&root, &id) {
                            dom::scroll_to_and_focus(&element, nav.smooth);
                            // Far into a long article, chunks around the node
                            // are laid out only once it is in view, which can
                            // move it: once they are, it goes to the top again
                            // (unless the reader has scrolled since).
                            if !nav.smooth {
                                spawn_local(async move {
                                    after_paint().await;
                                    if *pinned.borrow() {
                                        dom::scroll_to_and_focus(&element, false);
                                    }
                                });
                            }
                        }
                    });
                }
            }
        });
    }

    use_effect_with(
        (article, state.collapsed.clone()),
        move |(article, collapsed)| {
            let spy = article
                .clone()
                .zip(root.cast::<Element>())
                .map(|(article, root)| {
                    Spy::start(root, article, collapsed, pinned, last, onactive)
                });
            move || drop(spy)
        },
    );
}

/// Sets `--ar-scroll-margin` on the reader to the height of what sticks at the
/// top of the view (the host's `--ar-sticky-top` and our toolbar) plus a gap.
/// Headings and points use it as `scroll-margin-top`, so both our scrolling and
/// the browser's own (find-in-page, text links) leave them on the reading line.
fn set_scroll_margin(root: &Element) {
    let Some(toolbar) = root.query_selector(".ar-toolbar").ok().flatten() else {
        return;
    };
    let top = web_sys::window()
        .and_then(|w| w.get_computed_style(&toolbar).ok().flatten())
        .and_then(|s| s.get_property_value("top").ok())
        // JavaScript's parseFloat: Rust's float parsing and printing would add
        // tens of kilobytes to the wasm for this one number.
        .map(|t| js_sys::parse_float(&t))
        .filter(|t| t.is_finite())
        .unwrap_or(0.0);
    let margin = top + toolbar.get_bounding_client_rect().height() + GAP_PX;
    dom::set_style_property(
        root,
        "--ar-scroll-margin",
        &format!("{}px", margin.round() as i32),
    );
}

/// The running scroll spy; dropping it removes its listeners and cancels
/// the measure it has asked a frame for (which holds the measure, and would
/// otherwise still run once, with the anchors of before a fold).
struct Spy {
    measure: Rc<Measure>,
    _listeners: Vec<EventListener>,
}

impl Drop for Spy {
    fn drop(&mut self) {
        self.measure.frame.borrow_mut().take();
    }
}

/// What the spy measures on each frame.
struct Measure {
    root: Element,
    /// The host's scrolling container, if any: found on the first measure,
    /// which comes after the article's first paint (see [`Measure::start`]).
    container: OnceCell<Option<Element>>,
    /// Visible nodes in document order, with the ids of their anchor
    /// elements (looked up when measured: a long article is still being built).
    anchors: Vec<(usize, String)>,
    /// Which of `anchors` are top-level nodes.
    roots: Vec<usize>,
    pinned: Rc<RefCell<bool>>,
    last: Rc<RefCell<Option<usize>>>,
    onactive: Callback<Action>,
    frame: RefCell<Option<AnimationFrame>>,
    queued: Cell<bool>,
}

impl Measure {
    fn run(&self) {
        self.queued.set(false);
        if *self.pinned.borrow() {
            return;
        }
        set_scroll_margin(&self.root);
        let container = self
            .container
            .get_or_init(|| dom::scroll_container(&self.root));
        let (view_top, view_bottom) = dom::view_bounds(container.as_ref());
        let rect_of = |selector: &str| {
            self.root
                .query_selector(selector)
                .ok()
                .flatten()
                .map(|e| e.get_bounding_client_rect())
        };
        let toolbar_bottom = rect_of(".ar-toolbar").map_or(view_top, |r| r.bottom());
        // Not laid out (hidden, or not in the page): there is nothing to measure.
        let Some(article_bottom) = rect_of(".ar-article")
            .filter(|r| r.height() > 0.0)
            .map(|r| r.bottom())
        else {
            return;
        };
        let line = scroll_spy::reading_line(
            view_top.max(toolbar_bottom) + GAP_PX,
            view_bottom,
            article_bottom,
        );
        // An anchor not built yet is further down than any built one.
        let top_of = |i: usize| {
            dom::find_by_id(&self.root, &self.anchors[i].1)
                .map_or(f64::INFINITY, |e| e.get_bounding_client_rect().top())
        };
        let active = scroll_spy::active_in_tree(&self.roots, self.anchors.len(), top_of, line)
            .map(|i| self.anchors[i].0);
        if active != *self.last.borrow() {
            *self.last.borrow_mut() = active;
            self.onactive.emit(Action::SetActive(active));
        }
    }

    /// Measures for the first time on the frame after next. Measuring reads
    /// layout: on the first frame it forced the new article's layout before
    /// its first paint, and the change of the node being read then had it
    /// styled and laid out again in that frame (the seed's first screen came
    /// about 15 ms later). Events meanwhile wait for it.
    fn start(self: &Rc<Self>) {
        self.queued.set(true);
        let me = self.clone();
        *self.frame.borrow_mut() = Some(request_animation_frame(move |_| {
            me.queued.set(false);
            me.schedule();
        }));
    }

    /// Measures on the next frame, once however many events arrive.
    fn schedule(self: &Rc<Self>) {
        if self.queued.replace(true) {
            return;
        }
        let me = self.clone();
        *self.frame.borrow_mut() = Some(request_animation_frame(move |_| me.run()));
    }
}

impl Spy {
    fn start(
        root: Element,
        article: Rc<Article>,
        collapsed: &Collapsed,
        pinned: Rc<RefCell<bool>>,
        last: Rc<RefCell<Option<usize>>>,
        onactive: Callback<Action>,
    ) -> Spy {
        let anchors: Vec<(usize, String)> = (0..article.document.nodes.len())
            .filter(|&n| !article.is_hidden(n, collapsed))
            .map(|n| (n, dom_ids::node(&article.document.nodes[n].id)))
            .collect();
        let roots = anchors
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| article.document.nodes[*n].parent.is_none())
            .map(|(i, _)| i)
            .collect();
        let measure = Rc::new(Measure {
            container: OnceCell::new(),
            root,
            anchors,
            roots,
            pinned,
            last,
            onactive,
            frame: RefCell::new(None),
            queued: Cell::new(false),
        });
        let Some(window) = web_sys::window() else {
            return Spy {
                measure,
                _listeners: Vec::new(),
            };
        };
        // Capture on the window sees scrolls of any container, including the host's.
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        let mut listeners = Vec::new();
        for event in ["scroll", "resize"] {
            let m = measure.clone();
            listeners.push(EventListener::new_with_options(
                &window,
                event,
                options,
                move |_| m.schedule(),
            ));
        }
        // A reader's own hand on the page ends the hold after a navigation.
        for event in ["wheel", "touchstart", "mousedown", "keydown"] {
            let m = measure.clone();
            listeners.push(EventListener::new_with_options(
                &window,
                event,
                options,
                move |_| {
                    *m.pinned.borrow_mut() = false;
                    m.schedule();
                },
            ));
        }
        measure.start();
        Spy {
            measure,
            _listeners: listeners,
        }
    }
}
