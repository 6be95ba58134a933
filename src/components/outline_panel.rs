//! The outline: a WAI-ARIA tree of sections and points, with expand/collapse
//! all and reading times. One tab stop (roving tabindex); keys are handled by
//! `reader_core::outline` through [`Action::OutlineKey`].

use std::rc::Rc;

use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::components::outline_item::{ItemCallbacks, OutlineItem};
use crate::components::toggle_button;
use crate::web::dom;
use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::matcher::Matches;
use reader_core::outline::{Collapsed, TreeKey};
use reader_core::reader::{Action, Article};

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
    let emit = |action: Action| {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(action.clone()))
    };
    // Made once, so the items' props stay equal and unchanged items skip rendering.
    let callbacks = use_memo(props.onaction.clone(), |onaction| ItemCallbacks {
        ongo: onaction.reform(|node| Action::GoTo { node, smooth: true }),
        ontoggle: onaction.reform(Action::Toggle),
        onfocus: onaction.reform(Action::Focus),
    });
    let roots: Vec<usize> = doc
        .roots()
        .filter(|&r| props.matches.lists(r, props.only_with_matches))
        .collect();
    let count = roots.len();
    html! {
            <div class="ar-outline-panel" ref={panel}>
                <div class="ar-outline-head">
                    <h2 class="ar-outline-title" id={dom_ids::OUTLINE_TITLE}>{ labels.outline }</h2>
                    <div class="ar-outline-actions">
                        <button type="button" class="ar-button" onclick={emit(Action::ExpandAll)}>{ labels.expand_all }</button>
                        <button type="button" class="ar-button" onclick={emit(Action::CollapseAll)}>{ labels.collapse_all }</button>
    { toggle_button(labels.reading_times, props.reading_times, emit(Action::ToggleReadingTimes)) }
                        if props.has_keywords {
                            { toggle_button(labels.only_with_matches, props.only_with_matches, emit(Action::ToggleOnlyWithMatches)) }
                        }
                    </div>
                </div>
                if roots.is_empty() {
                    <p class="ar-outline-empty">{ "—" }</p>
                } else {
                    <ul class="ar-tree" role="tree" aria-labelledby={dom_ids::OUTLINE_TITLE} ref={tree} {onkeydown}>
                        for (position, &node) in roots.iter().enumerate() {
                            <OutlineItem
                                key={node}
                                article={props.article.clone()}
                                {node}
                                posinset={position + 1}
                                setsize={count}
                                collapsed={props.collapsed.clone()}
                                tab_stop={props.tab_stop.filter(|&t| props.article.in_subtree(node, t))}
                                active={props.active.filter(|&a| props.article.in_subtree(node, a))}
                                reading_times={props.reading_times}
                                matches={props.has_keywords.then(|| props.matches.clone())}
                                only_with_matches={props.only_with_matches}
                                lang={props.lang}
                                callbacks={(*callbacks).clone()}
                            />
                        }
                    </ul>
                }
            </div>
        }
}
