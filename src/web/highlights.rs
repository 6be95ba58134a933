//! Keyword highlights with the CSS Custom Highlight API.
//!
//! Why: wrapping matches in `<mark>` elements (what mark.js does, and what our
//! fallback does) changes the DOM, and on a long article every change means
//! style and layout work for the whole page: most of the time of a keyword
//! change goes there. Highlight ranges leave the DOM untouched: the browser
//! only repaints. Yew keeps the text nodes, and the ranges point into them.
//!
//! The registry (`CSS.highlights`) is one per page, so the names are shared by
//! every reader (`ar-kw-0` … `ar-kw-9`, `ar-current`, styled by reader.css), and
//! each [`Painter`] removes only the ranges it added: readers never touch each
//! other's highlights.
//!
//! Where the API is missing, [`supported`] is false and blocks render `<mark>`s.

use std::sync::OnceLock;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CharacterData, Element, Node, Range};

use reader_core::article::text::utf16_offsets;
use reader_core::article::{Document, Span};
use reader_core::dom_ids::{self, PALETTE_SIZE};
use reader_core::matcher::Matches;

/// Name of the highlight of the find bar's current match.
const CURRENT: &str = "ar-current";

fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &JsValue::from_str("CSS")).ok()?;
    Reflect::get(&css, &JsValue::from_str("highlights"))
        .ok()
        .filter(|r| !r.is_undefined())
}

/// Whether the browser has the Custom Highlight API.
pub fn supported() -> bool {
    static SUPPORTED: OnceLock<bool> = OnceLock::new();
    *SUPPORTED.get_or_init(|| {
        registry().is_some()
            && Reflect::has(&js_sys::global(), &JsValue::from_str("Highlight")).unwrap_or(false)
    })
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// One shared highlight, with its `add` and `delete` looked up once.
struct Target {
    highlight: JsValue,
    add: Function,
    delete: Function,
}

impl Target {
    /// The page's highlight called `name`, created if this is the first reader to need it.
    fn named(name: &str) -> Option<Target> {
        let registry = registry()?;
        let key = JsValue::from_str(name);
        let mut highlight = method(&registry, "get")?.call1(&registry, &key).ok()?;
        if highlight.is_undefined() {
            let constructor: Function =
                Reflect::get(&js_sys::global(), &JsValue::from_str("Highlight"))
                    .ok()?
                    .dyn_into()
                    .ok()?;
            highlight = Reflect::construct(&constructor, &Array::new()).ok()?;
            if name == CURRENT {
                // The current match paints over the keyword colours.
                let _ = Reflect::set(
                    &highlight,
                    &JsValue::from_str("priority"),
                    &JsValue::from(1),
                );
            }
            method(&registry, "set")?
                .call2(&registry, &key, &highlight)
                .ok()?;
        }
        Some(Target {
            add: method(&highlight, "add")?,
            delete: method(&highlight, "delete")?,
            highlight,
        })
    }
}

/// The ranges one reader has painted, so that it can take them back.
#[derive(Default)]
pub struct Painter {
    keywords: Vec<(usize, Range)>,
    current: Option<Range>,
    targets: Vec<Target>,
}

impl Painter {
    fn target(&mut self, index: usize) -> Option<&Target> {
        if self.targets.is_empty() {
            let names = (0..PALETTE_SIZE)
                .map(|k| dom_ids::keyword_colour(k).to_string())
                .chain([CURRENT.to_string()]);
            self.targets = names.filter_map(|name| Target::named(&name)).collect();
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
                if let (Some(range), Some(target)) = (range, self.target(colour)) {
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
        let target = self.target(PALETTE_SIZE)?;
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
        self.clear_keywords();
        self.clear_current();
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
