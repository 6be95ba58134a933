//! Keyword highlights with the CSS Custom Highlight API.
//!
//! Why: wrapping matches in `<mark>` elements (what mark.js does, and what our
//! fallback does) changes the DOM, and on a long article every change means
//! style and layout work for the whole page: most of the time of a keyword
//! change goes there. Highlight ranges leave the DOM untouched: the browser
//! only repaints. The ranges are `StaticRange`s over the article's text
//! nodes, made in one batch per highlight by `web::article_dom` (render.js),
//! in the blocks built and in those still to come.
//!
//! The registry (`CSS.highlights`) is one per page, shared with the host's
//! scripts and styles, so each [`Painter`] uses names of its own with a random
//! part ([`HighlightNames`]) and the rules that paint them go in a stylesheet
//! it adopts into the reader's shadow root: no host rule on `::highlight(…)`
//! and no other script's highlight can meet ours, and readers never share one.
//! Dropping the painter takes its names out of the registry and its
//! stylesheet out of the shadow root, so nothing keeps a removed reader's
//! text alive.
//!
//! [`Painter::paint`] paints any spans of the article under one of the
//! reader's names; keywords and the find bar's current match are two uses.
//! Where the API is missing, [`supported`] is false and blocks draw `<mark>`s.

use std::sync::OnceLock;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomRect, Element};

use crate::web::article_dom::{self, ArticleDom};
use reader_core::article::{Document, Span};
use reader_core::dom_ids::{HighlightNames, PALETTE_SIZE};
use reader_core::matcher::Matches;
use reader_core::render;

fn global(name: &str) -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
}

fn registry() -> Option<JsValue> {
    Reflect::get(&global("CSS")?, &JsValue::from_str("highlights"))
        .ok()
        .filter(|r| !r.is_undefined())
}

/// Whether the browser has the Custom Highlight API.
pub fn supported() -> bool {
    static SUPPORTED: OnceLock<bool> = OnceLock::new();
    *SUPPORTED.get_or_init(|| registry().is_some() && global("Highlight").is_some())
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// `new Constructor()` for a global constructor.
fn construct(name: &str) -> Option<JsValue> {
    let constructor: Function = global(name)?.dyn_into().ok()?;
    Reflect::construct(&constructor, &Array::new()).ok()
}

/// A new highlight registered as `name`; `priority` 1 paints over 0.
fn registered(name: &str, priority: i32) -> Option<JsValue> {
    let registry = registry()?;
    let highlight = construct("Highlight")?;
    Reflect::set(
        &highlight,
        &JsValue::from_str("priority"),
        &JsValue::from(priority),
    )
    .ok()?;
    method(&registry, "set")?
        .call2(&registry, &JsValue::from_str(name), &highlight)
        .ok()?;
    Some(highlight)
}

/// The stylesheet painting a painter's highlights, adopted by the document or
/// shadow root holding the reader.
struct Adopted {
    scope: JsValue,
    sheet: JsValue,
}

impl Adopted {
    fn into(root: &Element, css: &str) -> Option<Adopted> {
        let scope: JsValue = root.get_root_node().into();
        let sheet = construct("CSSStyleSheet")?;
        method(&sheet, "replaceSync")?
            .call1(&sheet, &JsValue::from_str(css))
            .ok()?;
        let key = JsValue::from_str("adoptedStyleSheets");
        let sheets: Array = Reflect::get(&scope, &key).ok()?.dyn_into().ok()?;
        let sheets = sheets.concat(&Array::of1(&sheet));
        Reflect::set(&scope, &key, &sheets).ok()?;
        Some(Adopted { scope, sheet })
    }
}

impl Drop for Adopted {
    fn drop(&mut self) {
        let key = JsValue::from_str("adoptedStyleSheets");
        if let Some(sheets) = Reflect::get(&self.scope, &key)
            .ok()
            .and_then(|s| s.dyn_into::<Array>().ok())
        {
            let kept = sheets.filter(&mut |sheet, _, _| sheet != self.sheet);
            let _ = Reflect::set(&self.scope, &key, &kept);
        }
    }
}

/// One reader's highlights: their names, the highlights registered under
/// them and the stylesheet that paints them.
pub struct Painter {
    names: HighlightNames,
    /// Keyword colours, then the current match: registered on the first paint.
    targets: Vec<JsValue>,
    adopted: Option<Adopted>,
}

/// The index of the find bar's current match among a painter's highlights.
pub const CURRENT: usize = PALETTE_SIZE;

impl Default for Painter {
    fn default() -> Self {
        // Random names: unguessable enough that no page meets them by accident.
        let nonce = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        Painter {
            names: HighlightNames::new(nonce),
            targets: Vec::new(),
            adopted: None,
        }
    }
}

impl Painter {
    /// Adopts the stylesheet that paints the highlights into `root`'s shadow
    /// root, if not done yet. Done as soon as an article is shown, while
    /// little of it is built: adopting a stylesheet restyles the reader, which
    /// took 15 ms on 10 MB when the first keyword did it.
    pub fn adopt_styles(&mut self, root: &Element) {
        if self.adopted.is_none() {
            self.adopted = Adopted::into(root, &self.names.stylesheet());
        }
    }

    fn target(&mut self, root: &Element, index: usize) -> Option<&JsValue> {
        if self.targets.is_empty() {
            self.adopt_styles(root);
            let current = self.names.current();
            self.targets = self
                .names
                .all()
                .iter()
                .filter_map(|name| registered(name, i32::from(*name == current)))
                .collect();
        }
        self.targets.get(index)
    }

    /// Paints `spans` (ascending, not overlapping) as highlight `index` (a
    /// keyword colour, or [`CURRENT`]) in the article `dom` builds under
    /// `root`, replacing what it painted before.
    pub fn paint(
        &mut self,
        root: &Element,
        dom: &ArticleDom,
        doc: &Document,
        index: usize,
        spans: &[Span],
    ) {
        // Nothing to paint and nothing painted: nothing to register either.
        if spans.is_empty() && self.targets.is_empty() {
            return;
        }
        self.paint_offsets(root, dom, index, &render::block_offsets(doc, spans));
    }

    /// Paints `[block, start, end]…` (`render::block_offsets`) as highlight
    /// `index`.
    fn paint_offsets(&mut self, root: &Element, dom: &ArticleDom, index: usize, offsets: &[u32]) {
        if let Some(target) = self.target(root, index) {
            dom.paint(target, offsets);
        }
    }

    /// Paints every keyword match of `matches`, each in its keyword's colour.
    pub fn paint_keywords(
        &mut self,
        root: &Element,
        dom: &ArticleDom,
        doc: &Document,
        matches: &Matches,
    ) {
        let paints: Vec<_> = matches.paint.iter().flat_map(|p| p.iter()).collect();
        if paints.is_empty() && self.targets.is_empty() {
            return;
        }
        let spans: Vec<Span> = paints.iter().map(|p| p.span).collect();
        let colour = |i: usize| paints[i].keyword % PALETTE_SIZE;
        let by_colour = render::block_offsets_grouped(doc, &spans, &colour, PALETTE_SIZE);
        for (colour, offsets) in by_colour.iter().enumerate() {
            self.paint_offsets(root, dom, colour, offsets);
        }
    }

    /// Where the first range of highlight `index` is on screen, once painted.
    pub fn first_bounds(&self, index: usize) -> Option<DomRect> {
        article_dom::first_bounds(self.targets.get(index)?)
    }
}

impl Drop for Painter {
    fn drop(&mut self) {
        if self.targets.is_empty() {
            return;
        }
        if let Some((registry, delete)) =
            registry().and_then(|r| Some((r.clone(), method(&r, "delete")?)))
        {
            for name in self.names.all() {
                let _ = delete.call1(&registry, &JsValue::from_str(&name));
            }
        }
    }
}
