//! One node of the outline tree, with its children when it is open.
//!
//! Its `tab_stop` and `active` props are set only when they fall in this
//! node's subtree, so a scroll that moves the current node re-renders just the
//! two paths involved, not the whole tree.

use std::rc::Rc;

use yew::prelude::*;

use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::matcher::Matches;
use reader_core::outline::{Collapsed, is_parent};
use reader_core::reader::Article;

/// What a click on a node can do.
#[derive(Clone, PartialEq)]
pub struct ItemCallbacks {
    pub ongo: Callback<usize>,
    pub ontoggle: Callback<usize>,
    pub onfocus: Callback<usize>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub node: usize,
    pub posinset: usize,
    pub setsize: usize,
    pub collapsed: Rc<Collapsed>,
    pub tab_stop: Option<usize>,
    pub active: Option<usize>,
    pub reading_times: bool,
    /// Match counts, when there are keywords.
    pub matches: Option<Rc<Matches>>,
    /// List only children with matches.
    pub only_with_matches: bool,
    pub lang: Lang,
    pub callbacks: ItemCallbacks,
}

#[component]
pub fn OutlineItem(props: &Props) -> Html {
    let article = &props.article;
    let node = &article.document.nodes[props.node];
    let children: Vec<usize> = node
        .children
        .iter()
        .copied()
        .filter(|&c| {
            props
                .matches
                .as_ref()
                .is_none_or(|m| m.lists(c, props.only_with_matches))
        })
        .collect();
    let parent = is_parent(node) && !children.is_empty();
    let open = parent && !props.collapsed.contains(&props.node);
    let n = props.node;
    // A click takes the tab stop to the row, then goes there or folds it.
    let focus_then = |then: &Callback<usize>| {
        let (onfocus, then) = (props.callbacks.onfocus.clone(), then.clone());
        Callback::from(move |event: MouseEvent| {
            event.stop_propagation();
            onfocus.emit(n);
            then.emit(n);
        })
    };
    let onclick = focus_then(&props.callbacks.ongo);
    let ontwisty = focus_then(&props.callbacks.ontoggle);
    let count = children.len();
    let hits = props.matches.as_ref().map_or(0, |m| m.node_total(n));
    html! {
        <li
            role="treeitem"
            id={dom_ids::outline_row(&node.id)}
            class={classes!("ar-tree-item", (props.active == Some(n)).then_some("ar-current"))}
            aria-level={(node.depth + 1).to_string()}
            aria-posinset={props.posinset.to_string()}
            aria-setsize={props.setsize.to_string()}
            aria-expanded={parent.then(|| open.to_string())}
            aria-current={(props.active == Some(n)).then_some("location")}
            tabindex={if props.tab_stop == Some(n) { "0" } else { "-1" }}
        >
            <div class="ar-tree-row" {onclick}>
                <span class={classes!("ar-twisty", parent.then_some("ar-twisty-parent"))} aria-hidden="true" onclick={parent.then_some(ontwisty)}></span>
                <span class="ar-tree-label">{ &node.label }</span>
                if props.reading_times {
                    <span class="ar-tree-time">{ props.lang.short_duration(article.node_seconds[n]) }</span>
                }
                if hits > 0 {
                    <span class="ar-tree-count">
                        { hits }
                        <span class="ar-visually-hidden">{ " " }{ props.lang.labels().matches_in_node }</span>
                    </span>
                }
            </div>
            if open && !children.is_empty() {
                <ul role="group" class="ar-tree-group">
                    for (position, &child) in children.iter().enumerate() {
                        <OutlineItem
                            key={child}
                            article={props.article.clone()}
                            node={child}
                            posinset={position + 1}
                            setsize={count}
                            collapsed={props.collapsed.clone()}
                            tab_stop={props.tab_stop.filter(|&t| article.in_subtree(child, t))}
                            active={props.active.filter(|&a| article.in_subtree(child, a))}
                            reading_times={props.reading_times}
                            matches={props.matches.clone()}
                            only_with_matches={props.only_with_matches}
                            lang={props.lang}
                            callbacks={props.callbacks.clone()}
                        />
                    }
                </ul>
            }
        </li>
    }
}
