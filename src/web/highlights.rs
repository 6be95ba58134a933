//! Keyword highlights with the CSS Custom Highlight API.
//!
//! Why: wrapping matches in `<mark>` elements (what mark.js does, and what our
//! fallback does) changes the DOM, and on a long article every change means
//! style and layout work for the whole page: most of the time of a keyword
//! change goes there. Highlight ranges leave the DOM untouched: the browser
//! only repaints. Yew keeps the text nodes, and the ranges point into them.
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
//! Where the API is missing, [`supported`] is false and blocks render `<mark>`s.

use std::sync::OnceLock;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CharacterData, Element, Node, Range};

use reader_core::article::text::utf16_offsets;
use reader_core::article::{Document, Span};
use reader_core::dom_ids::{HighlightNames, PALETTE_SIZE};
use reader_core::matcher::Matches;

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

/// One highlight of ours, with its `add` and `delete` looked up once.
struct Target {
    highlight: JsValue,
    add: Function,
    delete: Function,
}

impl Target {
    /// A new highlight registered as `name`.
    fn registered(name: &str, priority: i32) -> Option<Target> {
        let registry = registry()?;
        let highlight = construct("Highlight")?;
        // The current match paints over the keyword colours.
        Reflect::set(
            &highlight,
            &JsValue::from_str("priority"),
            &JsValue::from(priority),
        )
        .ok()?;
        method(&registry, "set")?
            .call2(&registry, &JsValue::from_str(name), &highlight)
            .ok()?;
        Some(Target {
            add: method(&highlight, "add")?,
            delete: method(&highlight, "delete")?,
            highlight,
        })
    }
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

/// The ranges one reader has painted, so that it can take them back.
pub struct Painter {
    names: HighlightNames,
    keywords: Vec<(usize, Range)>,
    current: Option<Range>,
    /// Keyword colours, then the current match: registered on the first paint.
    targets: Vec<Target>,
    adopted: Option<Adopted>,
}

impl Default for Painter {
    fn default() -> Self {
        // Random names: unguessable enough that no page meets them by accident.
        let nonce = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        Painter {
            names: HighlightNames::new(nonce),
            keywords: Vec::new(),
            current: None,
            targets: Vec::new(),
            adopted: None,
        }
    }
}

impl Painter {
    fn target(&mut self, root: &Element, index: usize) -> Option<&Target> {
        if self.targets.is_empty() {
            self.adopted = Adopted::into(root, &self.names.stylesheet());
            let current = self.names.current();
            self.targets = self
                .names
                .all()
                .iter()
                .filter_map(|name| Target::registered(name, i32::from(*name == current)))
                .collect();
        }
        self.targets.get(index)
    }

    /// Paints every keyword match of `matches` in the article under `root`.
    pub fn paint_keywords(&mut self, root: &Element, doc: &Document, matches: &Matches) {
        self.clear_keywords();
        let blocks = block_elements(root, doc.blocks.len());
        for (b, paint) in matches.paint.iter().enumerate() {
            let Some(element) = blocks.get(b).and_then(Option::as_ref) else {
                continue;
            };
            let spans: Vec<Span> = paint.iter().map(|p| p.span).collect();
            let ranges = ranges_in(element, doc, doc.blocks[b].span, &spans);
            for (range, p) in ranges.into_iter().zip(paint.iter()) {
                let colour = p.keyword % PALETTE_SIZE;
                if let (Some(range), Some(target)) = (range, self.target(root, colour)) {
                    let _ = target.add.call1(&target.highlight, &range);
                    self.keywords.push((colour, range));
                }
            }
        }
    }

    /// Paints the find bar's current match; returns its range, to scroll to.
    pub fn paint_current(
        &mut self,
        root: &Element,
        doc: &Document,
        current: Option<Span>,
    ) -> Option<Range> {
        self.clear_current();
        let span = current?;
        let block = doc.blocks.iter().position(|b| b.span.contains(span))?;
        let element = block_elements(root, doc.blocks.len())
            .into_iter()
            .nth(block)
            .flatten()?;
        let range = ranges_in(&element, doc, doc.blocks[block].span, &[span])
            .pop()
            .flatten()?;
        let target = self.target(root, PALETTE_SIZE)?;
        target.add.call1(&target.highlight, &range).ok()?;
        self.current = Some(range.clone());
        Some(range)
    }

    fn clear_keywords(&mut self) {
        for (colour, range) in std::mem::take(&mut self.keywords) {
            if let Some(target) = self.targets.get(colour) {
                let _ = target.delete.call1(&target.highlight, &range);
            }
        }
    }

    fn clear_current(&mut self) {
        if let (Some(range), Some(target)) = (self.current.take(), self.targets.get(PALETTE_SIZE)) {
            let _ = target.delete.call1(&target.highlight, &range);
        }
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

/// The element of each block (`data-block="i"`), by block index.
fn block_elements(root: &Element, count: usize) -> Vec<Option<Element>> {
    let mut out = vec![None; count];
    let Ok(list) = root.query_selector_all("[data-block]") else {
        return out;
    };
    for i in 0..list.length() {
        let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if let Some(slot) = element
            .get_attribute("data-block")
            .and_then(|b| b.parse::<usize>().ok())
            .and_then(|b| out.get_mut(b))
        {
            *slot = Some(element);
        }
    }
    out
}

/// DOM ranges for ascending, non-overlapping `spans` of the block at `block`,
/// whose element renders the block's text in order (perhaps with more after).
fn ranges_in(element: &Element, doc: &Document, block: Span, spans: &[Span]) -> Vec<Option<Range>> {
    let Some(document) = element.owner_document() else {
        return Vec::new();
    };
    let Ok(walker) = document.create_tree_walker_with_what_to_show(element, 4 /* SHOW_TEXT */)
    else {
        return Vec::new();
    };
    // Text nodes with the UTF-16 offset (within the block) where each starts.
    let mut nodes: Vec<(Node, u32)> = Vec::new();
    let mut at = 0u32;
    while let Ok(Some(node)) = walker.next_node() {
        // CharacterData.length counts UTF-16 units, without copying the text.
        let length = node
            .dyn_ref::<CharacterData>()
            .map_or(0, CharacterData::length);
        nodes.push((node, at));
        at += length;
    }
    let bytes: Vec<usize> = spans
        .iter()
        .flat_map(|s| [s.start - block.start, s.end - block.start])
        .collect();
    let units = utf16_offsets(doc.text(block), &bytes);
    // The text node holding a UTF-16 offset, and the offset within it. An end
    // offset prefers the node it ends, a start the node it begins.
    let locate = |unit: u32, end: bool| {
        let i = nodes.partition_point(|&(_, start)| if end { start < unit } else { start <= unit });
        let (node, start) = nodes.get(i.checked_sub(1)?)?;
        Some((node.clone(), unit - start))
    };
    units
        .chunks(2)
        .map(|pair| {
            let (start, start_offset) = locate(pair[0], false)?;
            let (end, end_offset) = locate(pair[1], true)?;
            let range = document.create_range().ok()?;
            range.set_start(&start, start_offset).ok()?;
            range.set_end(&end, end_offset).ok()?;
            Some(range)
        })
        .collect()
}
