//! The outline tree's DOM: every node's row built from the core's
//! instructions (`reader_core::render::OutlinePlan`) by render.js, a few
//! hundred rows at once and the rest in slices, then kept in step with the
//! reader's state by changing the rows in place (what is open, the tab stop,
//! the node being read, counts, which nodes are listed). A keyword change
//! only rewrites the counts that changed; the tree is never drawn again.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::Element;

use crate::web::article_dom::{Builder, Sliced, diff_sorted, work};
use crate::web::dom;
use reader_core::outline::Collapsed;
use reader_core::reader::Article;
use reader_core::render::{Ops, OutlinePlan};

/// Rows built by one batch (the first batch is the first screen of the tree).
const BATCH_ROWS: usize = 300;

/// What of a row's state changes (see `row` in render.js).
const OPEN: u32 = 0;
const TAB_STOP: u32 = 1;
const BEING_READ: u32 = 2;

/// The state the rows show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutlineState {
    pub collapsed: Rc<Collapsed>,
    pub tab_stop: Option<usize>,
    pub active: Option<usize>,
}

/// One reader's outline tree. Cloning shares it; two are equal when shared.
#[derive(Clone)]
pub struct OutlineDom {
    builder: Builder,
    driver: Rc<RefCell<Option<Driver>>>,
}

impl PartialEq for OutlineDom {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.driver, &other.driver)
    }
}

impl Default for OutlineDom {
    fn default() -> Self {
        OutlineDom {
            builder: Builder::fresh(),
            driver: Rc::default(),
        }
    }
}

struct Driver {
    builder: Builder,
    article: Rc<Article>,
    plan: OutlinePlan,
    next: usize,
    /// Nodes below this index have rows (nodes come parents first, in order).
    built: usize,
    wanted: OutlineState,
    /// What the rows show: closed nodes, the tab stop, the node being read.
    closed: Vec<usize>,
    tab_stop: Option<usize>,
    active: Option<usize>,
    slice: Option<Timeout>,
}

impl OutlineDom {
    /// Builds the tree of `article` into `tree` (empty), showing `state`.
    pub fn start(&self, tree: &Element, article: Rc<Article>, state: OutlineState) {
        self.builder.attach(tree);
        *self.driver.borrow_mut() = Some(Driver {
            builder: self.builder.clone(),
            plan: OutlinePlan::new(&article.document),
            article,
            next: 0,
            built: 0,
            wanted: state,
            closed: Vec::new(),
            tab_stop: None,
            active: None,
            slice: None,
        });
        work(&self.driver, Some(dom::now_ms()));
    }

    /// Stops building (the article is gone).
    pub fn stop(&self) {
        self.driver.borrow_mut().take();
        self.builder.drop_pending_counts();
    }

    /// Shows `state` on the rows built, and on those to come.
    pub fn show(&self, state: OutlineState) {
        if let Some(driver) = self.driver.borrow_mut().as_mut() {
            driver.wanted = state;
            driver.sync();
        }
    }

    /// Match counts per node (empty without keywords), on every row.
    pub fn counts(&self, totals: &[u32], label: &str) {
        self.builder.counts(totals, label);
    }

    /// Which nodes are listed (`reader_core::render::listing`), on every row.
    pub fn listing(&self, listed: &[u32]) {
        self.builder.listing(listed);
    }
}

impl Driver {
    fn sync(&mut self) {
        let built = self.built;
        let doc = &self.article.document;
        let closed: Vec<usize> = self
            .wanted
            .collapsed
            .iter()
            .copied()
            .filter(|&n| n < built && !doc.nodes[n].children.is_empty())
            .collect();
        let builder = &self.builder;
        diff_sorted(&self.closed, &closed, |node, closes| {
            builder.row(node as u32, OPEN, !closes)
        });
        self.closed = closed;
        let tab_stop = self.wanted.tab_stop.filter(|&n| n < built);
        if tab_stop != self.tab_stop {
            move_mark(builder, TAB_STOP, self.tab_stop, tab_stop);
            self.tab_stop = tab_stop;
        }
        let active = self.wanted.active.filter(|&n| n < built);
        if active != self.active {
            move_mark(builder, BEING_READ, self.active, active);
            self.active = active;
        }
    }
}

/// Moves a mark only one row holds (`what`) from row `from` to row `to`.
fn move_mark(builder: &Builder, what: u32, from: Option<usize>, to: Option<usize>) {
    if let Some(node) = from {
        builder.row(node as u32, what, false);
    }
    if let Some(node) = to {
        builder.row(node as u32, what, true);
    }
}

impl Sliced for Driver {
    fn batch(&mut self) -> bool {
        let mut ops = Ops::default();
        let doc = &self.article.document;
        let seconds = &self.article.node_seconds;
        self.next = self
            .plan
            .emit(doc, seconds, self.next, BATCH_ROWS, &mut ops);
        self.builder.build(&ops.codes, &ops.text);
        // Rows open in node order: the nodes before the next one to open are built.
        self.built = self.plan.next_node(self.next).unwrap_or(doc.nodes.len());
        self.next >= self.plan.len()
    }

    fn after_slice(&mut self, _done: bool) -> Vec<Box<dyn FnOnce()>> {
        self.sync();
        Vec::new()
    }

    fn next_slice(&mut self) -> &mut Option<Timeout> {
        &mut self.slice
    }
}
