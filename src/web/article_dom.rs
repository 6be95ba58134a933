//! The article's DOM: planned by `reader_core::render`, built by
//! `render.js`. The first screen is built at once; the rest follows in
//! slices of a few dozen milliseconds with a progress hint (so no task
//! freezes the page however long the article), or all at once before
//! printing. Folds follow the outline's state; what waits for a part not
//! built yet (a link into the end of the article, the next match) runs once
//! it is. Highlights are painted here too (see `web::highlights`), so the
//! blocks still to come get theirs as they arrive.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use web_sys::{DomRect, Element};

use crate::web::dom;
use reader_core::article::{NodeKind, Span};
use reader_core::i18n::Lang;
use reader_core::matcher::Matches;
use reader_core::outline::Collapsed;
use reader_core::reader::Article;
use reader_core::render::{self, ATTR_NAMES, Marks, Ops, Plan, TAG_NAMES};

#[wasm_bindgen(module = "/src/web/render.js")]
extern "C" {
    /// render.js's `ArticleDom`: the elements built, and the highlights.
    #[wasm_bindgen(js_name = ArticleDom)]
    #[derive(Clone)]
    pub(crate) type Builder;

    #[wasm_bindgen(constructor, js_class = "ArticleDom")]
    fn new(tags: &str, attributes: &str) -> Builder;

    #[wasm_bindgen(method)]
    pub(crate) fn attach(this: &Builder, root: &Element);

    #[wasm_bindgen(method)]
    pub(crate) fn build(this: &Builder, codes: &[u32], text: &str);

    #[wasm_bindgen(method)]
    fn redraw(this: &Builder, block: u32, codes: &[u32], text: &str, element: Option<&Element>);

    #[wasm_bindgen(method, js_name = run)]
    fn append(this: &Builder, stack: &js_sys::Array, codes: &[u32], text: &str);

    #[wasm_bindgen(method)]
    fn fold(this: &Builder, node: u32, folded: bool, note: &str);

    #[wasm_bindgen(method)]
    fn progress(this: &Builder, root: &Element, done: u32, label: &str);

    #[wasm_bindgen(method)]
    fn paint(this: &Builder, highlight: &JsValue, list: &[u32]);

    /// An outline row's state: open (`what` 0), tab stop (1), being read (2).
    #[wasm_bindgen(method)]
    pub(crate) fn row(this: &Builder, node: u32, what: u32, on: bool);

    #[wasm_bindgen(method)]
    pub(crate) fn counts(this: &Builder, totals: &[u32], label: &str);

    /// Forgets the counts still to show (the outline is gone).
    #[wasm_bindgen(method, js_name = dropPendingCounts)]
    pub(crate) fn drop_pending_counts(this: &Builder);

    #[wasm_bindgen(method)]
    pub(crate) fn listing(this: &Builder, listed: &[u32]);

    /// Where the first range of a highlight is on screen, if it has one.
    #[wasm_bindgen(js_name = firstBounds)]
    pub fn first_bounds(highlight: &JsValue) -> Option<DomRect>;
}

/// How much text one batch of instructions carries. The first batch is the
/// first screen (about five screens of Chinese text in the default column).
const BATCH_BYTES: usize = 16 * 1024;
/// How long one slice builds before the page gets the main thread back.
const SLICE_MS: f64 = 30.0;

/// One reader's article DOM. Cloning shares it; two are equal when shared.
#[derive(Clone)]
pub struct ArticleDom {
    builder: Builder,
    driver: Rc<RefCell<Option<Driver>>>,
}

impl PartialEq for ArticleDom {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.driver, &other.driver)
    }
}

impl Builder {
    /// A builder with nothing built yet.
    pub(crate) fn fresh() -> Builder {
        Builder::new(&TAG_NAMES.join(","), &ATTR_NAMES.join(","))
    }
}

impl Default for ArticleDom {
    fn default() -> Self {
        ArticleDom {
            builder: Builder::fresh(),
            driver: Rc::default(),
        }
    }
}

/// Work done in slices: batches until a deadline, then the rest in a later
/// task, so the page paints and answers input in between.
pub(crate) trait Sliced: Sized + 'static {
    /// Builds one batch; true once nothing is left.
    fn batch(&mut self) -> bool;
    /// After each slice (`done` after the last): what can run now.
    fn after_slice(&mut self, done: bool) -> Vec<Box<dyn FnOnce()>>;
    /// Where the next slice's timer is kept (dropping it cancels the slice).
    fn next_slice(&mut self) -> &mut Option<Timeout>;
}

/// Runs batches of `shared` until `deadline` (ms), or to the end without
/// one; schedules the next slice; then runs what waited for the batches.
pub(crate) fn work<T: Sliced>(shared: &Rc<RefCell<Option<T>>>, deadline: Option<f64>) {
    let ready = {
        let mut guard = shared.borrow_mut();
        let Some(this) = guard.as_mut() else {
            return;
        };
        let done = loop {
            if this.batch() {
                break true;
            }
            if deadline.is_some_and(|t| dom::now_ms() >= t) {
                break false;
            }
        };
        *this.next_slice() = (!done).then(|| {
            let weak: Weak<RefCell<Option<T>>> = Rc::downgrade(shared);
            Timeout::new(0, move || {
                if let Some(shared) = weak.upgrade() {
                    work(&shared, Some(dom::now_ms() + SLICE_MS));
                }
            })
        });
        this.after_slice(done)
    };
    for then in ready {
        then();
    }
}

/// Calls `apply(item, true)` for what `new` adds to `old` and `apply(item,
/// false)` for what it takes away; both are sorted.
pub(crate) fn diff_sorted(old: &[usize], new: &[usize], mut apply: impl FnMut(usize, bool)) {
    let (mut i, mut j) = (0, 0);
    loop {
        match (old.get(i).copied(), new.get(j).copied()) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(a), b) if b.is_none_or(|b| a < b) => {
                apply(a, false);
                i += 1;
            }
            (_, Some(b)) => {
                apply(b, true);
                j += 1;
            }
            _ => break,
        }
    }
}

/// What the title element shows.
pub enum Title {
    /// The article's title block.
    Block(usize),
    /// Other text: the `article-title` attribute, or "untitled".
    Text(String),
}

struct Driver {
    builder: Builder,
    root: Element,
    article: Rc<Article>,
    plan: Plan,
    lang: Lang,
    /// The next step to build.
    next: usize,
    /// Blocks below this index are built.
    drawn: usize,
    /// What should be folded, and the sections folded in the DOM (sorted).
    collapsed: Rc<Collapsed>,
    folded: Vec<usize>,
    /// Keyword marks drawn into the blocks, where highlights cannot be painted.
    marks: Option<(Rc<Matches>, Option<Span>)>,
    /// What runs once a block is built, by block.
    waiting: Vec<(usize, Box<dyn FnOnce()>)>,
    slice: Option<Timeout>,
    _print: Option<EventListener>,
}

impl ArticleDom {
    /// Builds `article` into `root` (empty): the first screen now, the rest
    /// in slices.
    pub fn start(
        &self,
        root: Element,
        article: Rc<Article>,
        collapsed: Rc<Collapsed>,
        lang: Lang,
        marks: Option<(Rc<Matches>, Option<Span>)>,
    ) {
        self.builder.attach(&root);
        let weak = Rc::downgrade(&self.driver);
        let print = web_sys::window().map(|window| {
            EventListener::new(&window, "beforeprint", move |_| {
                if let Some(driver) = weak.upgrade() {
                    work(&driver, None);
                    print_contents(&driver);
                }
            })
        });
        let driver = Driver {
            builder: self.builder.clone(),
            root,
            plan: Plan::new(&article),
            article,
            lang,
            next: 0,
            drawn: 0,
            collapsed,
            folded: Vec::new(),
            marks,
            waiting: Vec::new(),
            slice: None,
            _print: print,
        };
        *self.driver.borrow_mut() = Some(driver);
        work(&self.driver, Some(dom::now_ms()));
    }

    /// Stops building (the article is gone).
    pub fn stop(&self) {
        self.driver.borrow_mut().take();
    }

    /// Draws the title element's text.
    pub fn set_title(&self, element: &Element, title: Title) {
        let guard = self.driver.borrow();
        let Some(driver) = guard.as_ref() else {
            return;
        };
        let mut ops = Ops::default();
        match title {
            Title::Block(block) => {
                render::block_content(&driver.article.document, block, driver.marks(), &mut ops);
                self.builder
                    .redraw(block as u32, &ops.codes, &ops.text, Some(element));
            }
            Title::Text(text) => {
                element.set_text_content(Some(&text));
            }
        }
    }

    /// Folds and unfolds sections to match `collapsed`.
    pub fn set_collapsed(&self, collapsed: Rc<Collapsed>) {
        if let Some(driver) = self.driver.borrow_mut().as_mut() {
            driver.collapsed = collapsed;
            driver.sync_folds();
        }
    }

    /// Draws the keyword marks again where they changed (only where the
    /// browser cannot paint highlights).
    pub fn set_marks(&self, matches: Rc<Matches>, current: Option<Span>) {
        let mut guard = self.driver.borrow_mut();
        let Some(driver) = guard.as_mut() else {
            return;
        };
        let old = driver.marks.replace((matches.clone(), current));
        let doc = &driver.article.document;
        let touches = |span: Option<Span>, block: usize| {
            span.is_some_and(|s| doc.blocks[block].span.contains(s))
        };
        for block in 0..doc.blocks.len().min(driver.drawn) {
            let changed = match &old {
                Some((before, was)) => {
                    before.paint_of(block)[..] != matches.paint_of(block)[..]
                        || (was != &current && (touches(*was, block) || touches(current, block)))
                }
                None => true,
            };
            if changed {
                let mut ops = Ops::default();
                render::block_content(doc, block, driver.marks(), &mut ops);
                driver
                    .builder
                    .redraw(block as u32, &ops.codes, &ops.text, None);
            }
        }
    }

    /// Runs `then` once block `block` is built: now if it is.
    pub fn when_drawn(&self, block: usize, then: impl FnOnce() + 'static) {
        let mut guard = self.driver.borrow_mut();
        match guard.as_mut() {
            Some(driver) if block >= driver.drawn => driver.waiting.push((block, Box::new(then))),
            _ => {
                drop(guard);
                then();
            }
        }
    }

    /// Paints `list` (`[block, start, end]…` by block, UTF-16 offsets in each
    /// block's text: `reader_core::render::block_offsets`) as `highlight`'s
    /// ranges, in the blocks built and in those to come.
    pub fn paint(&self, highlight: &JsValue, list: &[u32]) {
        self.builder.paint(highlight, list);
    }
}

impl Driver {
    fn marks(&self) -> Option<Marks<'_>> {
        self.marks.as_ref().map(|(matches, current)| Marks {
            paint: &matches.paint,
            current: *current,
        })
    }

    fn done(&self) -> bool {
        self.next >= self.plan.len()
    }

    /// Folds what should be folded among the sections built, and unfolds the rest.
    fn sync_folds(&mut self) {
        let doc = &self.article.document;
        let wanted: Vec<usize> = self
            .collapsed
            .iter()
            .copied()
            .filter(|&n| {
                matches!(doc.nodes[n].kind, NodeKind::Section { .. })
                    && doc.nodes[n].block < self.drawn
            })
            .collect();
        let (builder, note) = (&self.builder, self.lang.labels().folded);
        diff_sorted(&self.folded, &wanted, |node, folded| {
            builder.fold(node as u32, folded, note)
        });
        self.folded = wanted;
    }
}

impl Sliced for Driver {
    fn batch(&mut self) -> bool {
        let mut ops = Ops::default();
        let from = self.next;
        let doc = &self.article.document;
        self.next = self
            .plan
            .emit(doc, self.lang, self.marks(), from, BATCH_BYTES, &mut ops);
        self.builder.build(&ops.codes, &ops.text);
        if let Some(last) = (from..self.next)
            .rev()
            .find_map(|step| self.plan.block_at(doc, step))
        {
            self.drawn = last + 1;
        }
        self.done()
    }

    fn after_slice(&mut self, done: bool) -> Vec<Box<dyn FnOnce()>> {
        if done {
            self.drawn = usize::MAX;
        }
        self.sync_folds();
        let built = (self.next * 100 / self.plan.len().max(1)) as u32;
        self.builder
            .progress(&self.root, built, self.lang.labels().rendering);
        let drawn = self.drawn;
        let (ready, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|(block, _)| *block < drawn);
        self.waiting = waiting;
        ready.into_iter().map(|(_, then)| then).collect()
    }

    fn next_slice(&mut self) -> &mut Option<Timeout> {
        &mut self.slice
    }
}

/// Before printing: the outline as a table of contents, where the reader
/// shows one (`.ar-print-contents`, built here rather than on every load).
fn print_contents(shared: &Rc<RefCell<Option<Driver>>>) {
    let guard = shared.borrow();
    let Some(driver) = guard.as_ref() else {
        return;
    };
    let holder = driver
        .root
        .closest(".ar-reader")
        .ok()
        .flatten()
        .and_then(|reader| reader.query_selector(".ar-print-contents").ok().flatten());
    let Some(holder) = holder else {
        return;
    };
    if holder
        .query_selector(".ar-print-contents-list")
        .ok()
        .flatten()
        .is_none()
    {
        let mut ops = Ops::default();
        render::contents_list(&driver.article.document, &mut ops);
        driver
            .builder
            .append(&js_sys::Array::of1(&holder), &ops.codes, &ops.text);
    }
}
