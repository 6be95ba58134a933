//! The outline: a WAI-ARIA tree of sections and points, with expand/collapse
//! all and reading times. One tab stop (roving tabindex); keys are handled by
//! `reader_core::outline` through [`Action::OutlineKey`]. The tree's rows are
//! not drawn by Yew but built by [`OutlineDom`] (a long article has tens of
//! thousands of nodes), which this keeps in step with the reader's state: a
//! keyword change only rewrites the counts that changed.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::components::toggle_button;
use crate::web::dom;
use crate::web::outline_dom::{OutlineDom, OutlineState};
use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::matcher::Matches;
use reader_core::outline::{Collapsed, TreeKey};
use reader_core::reader::{Action, Article};
use reader_core::render;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub collapsed: Rc<Collapsed>,
    pub tab_stop: Option<usize>,
    pub active: Option<usize>,
    pub reading_times: bool,
    /// Match counts per node, shown when there are keywords.
    pub matches: Rc<Matches>,
    pub has_keywords: bool,
    /// List only nodes with matches.
    pub only_with_matches: bool,
    pub lang: Lang,
    /// Every outline interaction, as a reader action.
    pub onaction: Callback<Action>,
}

#[component]
pub fn OutlinePanel(props: &Props) -> Html {
    let labels = props.lang.labels();
    let panel = use_node_ref();
    let tree = use_node_ref();
    let doc = &props.article.document;

    // The rows: built once per article, then changed in place.
    let outline = use_memo(props.article.clone(), |_| OutlineDom::default());
    let state = OutlineState {
        collapsed: props.collapsed.clone(),
        tab_stop: props.tab_stop,
        active: props.active,
    };
    {
        let (tree, state) = (tree.clone(), state.clone());
        use_effect_with(
            (props.article.clone(), outline.clone()),
            move |(article, outline)| {
                if let Some(tree) = tree.cast::<Element>() {
                    outline.start(&tree, article.clone(), state);
                }
                let outline = outline.clone();
                move || outline.stop()
            },
        );
    }
    use_effect_with((outline.clone(), state), |(outline, state)| {
        outline.show(state.clone())
    });
    {
        let (label, nodes) = (labels.matches_in_node, doc.nodes.len());
        use_effect_with(
            (outline.clone(), props.matches.clone(), props.has_keywords),
            move |(outline, matches, has_keywords)| {
                let totals: Vec<u32> = if *has_keywords {
                    (0..nodes).map(|n| matches.node_total(n)).collect()
                } else {
                    Vec::new()
                };
                outline.counts(&totals, label);
            },
        );
    }
    use_effect_with(
        (
            outline.clone(),
            props.article.clone(),
            props.matches.clone(),
            props.only_with_matches,
        ),
        |(outline, article, matches, only)| {
            let listed = |n: usize| matches.lists(n, *only);
            outline.listing(&render::listing(&article.document, listed));
        },
    );

    // Keyboard focus follows the tab stop while the reader is in the tree.
    {
        let tree = tree.clone();
        let article = props.article.clone();
        use_effect_with(props.tab_stop, move |tab_stop| {
            let target = tab_stop.zip(tree.cast::<Element>());
            if let Some((node, tree)) = target
                && dom::has_focus_within(&tree)
                && let Some(item) = dom::find_by_id(
                    &tree,
                    &dom_ids::outline_row(&article.document.nodes[node].id),
                )
            {
                let _ = item.focus();
            }
        });
    }
    // The node being read stays in view inside the outline, which scrolls on
    // its own: the panel in the narrow drawer, the sidebar around it when wide.
    {
        let (panel, article) = (panel.clone(), props.article.clone());
        use_effect_with(props.active, move |active| {
            let found = active
                .zip(panel.cast::<Element>())
                .and_then(|(node, panel)| {
                    let item = dom::find_by_id(
                        &panel,
                        &dom_ids::outline_row(&article.document.nodes[node].id),
                    )?;
                    let row = item.first_element_child()?;
                    let scroller = [Some(panel.clone()), panel.parent_element()]
                        .into_iter()
                        .flatten()
                        .find(|e| e.scroll_height() > e.client_height())?;
                    Some((scroller, row))
                });
            if let Some((scroller, row)) = found {
                dom::reveal_in_panel(&scroller, &row);
            }
        });
    }

    let onkeydown = {
        let onaction = props.onaction.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() || event.is_composing() {
                return;
            }
            if let Some(key) = TreeKey::from_key(&event.key()) {
                event.prevent_default();
                onaction.emit(Action::OutlineKey {
                    key,
                    now_ms: dom::now_ms(),
                });
            }
        })
    };
    // The action is made on each press (it is not `Clone`d: that costs code).
    let emit = |action: fn() -> Action| {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(action()))
    };
    // Rows are built apart: one listener hears them all. A click takes the
    // tab stop to the row, then folds it (on its twisty) or goes there.
    let onclick = {
        let onaction = props.onaction.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let node = target
                .closest(".ar-tree-row")
                .ok()
                .flatten()
                .and_then(|row| row.parent_element())
                .and_then(|item| item.get_attribute("data-node"))
                .and_then(|n| n.parse::<usize>().ok());
            let Some(node) = node else {
                return;
            };
            let twisty = target.closest(".ar-twisty-parent").ok().flatten().is_some();
            onaction.emit(Action::Focus(node));
            onaction.emit(if twisty {
                Action::Toggle(node)
            } else {
                Action::GoTo { node, smooth: true }
            });
        })
    };
    let listed_roots = doc
        .roots()
        .filter(|&r| props.matches.lists(r, props.only_with_matches))
        .count();
    html! {
            <div class="ar-outline-panel" ref={panel}>
                <div class="ar-outline-head">
                    <h2 class="ar-outline-title" id={dom_ids::OUTLINE_TITLE}>{ labels.outline }</h2>
                    <div class="ar-outline-actions">
                        <button type="button" class="ar-button" onclick={emit(|| Action::ExpandAll)}>{ labels.expand_all }</button>
                        <button type="button" class="ar-button" onclick={emit(|| Action::CollapseAll)}>{ labels.collapse_all }</button>
    { toggle_button(labels.reading_times, props.reading_times, emit(|| Action::ToggleReadingTimes)) }
                        if props.has_keywords {
                            { toggle_button(labels.only_with_matches, props.only_with_matches, emit(|| Action::ToggleOnlyWithMatches)) }
                        }
                    </div>
                </div>
                if listed_roots == 0 {
                    <p class="ar-outline-empty">{ "—" }</p>
                }
                <ul
                    class={classes!("ar-tree", props.reading_times.then_some("ar-tree-times"))}
                    role="tree"
                    aria-labelledby={dom_ids::OUTLINE_TITLE}
                    hidden={listed_roots == 0}
                    ref={tree}
                    {onkeydown}
                    {onclick}
                ></ul>
            </div>
        }
}
