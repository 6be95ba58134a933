//! One node of the outline tree, with its children when it is open.
//!
//! Its `tab_stop` and `active` props are set only when they fall in this
//! node's subtree, so a scroll that moves the current node re-renders just the
//! two paths involved, not the whole tree.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::outline_panel::row_id;
use crate::i18n::Lang;
use crate::outline::{Collapsed, is_parent};
use crate::reader::Article;

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
    pub lang: Lang,
    pub callbacks: ItemCallbacks,
}

#[component]
pub fn OutlineItem(props: &Props) -> Html {
    let article = &props.article;
    let node = &article.document.nodes[props.node];
    let parent = is_parent(node);
    let open = parent && !props.collapsed.contains(&props.node);
    let n = props.node;
    let onclick = {
        let cb = props.callbacks.clone();
        Callback::from(move |event: MouseEvent| {
            event.stop_propagation();
            cb.onfocus.emit(n);
            cb.ongo.emit(n);
        })
    };
    let ontwisty = {
        let cb = props.callbacks.clone();
        Callback::from(move |event: MouseEvent| {
            event.stop_propagation();
            cb.onfocus.emit(n);
            cb.ontoggle.emit(n);
        })
    };
    let count = node.children.len();
    html! {
        <li
            role="treeitem"
            id={row_id(&node.id)}
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
            </div>
            if open {
                <ul role="group" class="ar-tree-group">
                    for (position, &child) in node.children.iter().enumerate() {
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
                            lang={props.lang}
                            callbacks={props.callbacks.clone()}
                        />
                    }
                </ul>
            }
        </li>
    }
}
