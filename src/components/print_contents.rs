//! The outline as a table of contents at the start of a printed article
//! (hidden on screen; a reading setting turns it off). Rendered once per
//! article: its props only change with the article.

use std::rc::Rc;

use yew::prelude::*;

use reader_core::article::Document;
use reader_core::i18n::Lang;
use reader_core::reader::Article;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub lang: Lang,
}

#[component]
pub fn PrintContents(props: &Props) -> Html {
    let doc = &props.article.document;
    if doc.nodes.is_empty() {
        return Html::default();
    }
    let roots: Vec<usize> = doc.roots().collect();
    html! {
        <div class="ar-print-contents">
            <p class="ar-print-contents-title">{ props.lang.labels().outline }</p>
            { entries(doc, &roots) }
        </div>
    }
}

fn entries(doc: &Document, nodes: &[usize]) -> Html {
    html! {
        <ul class="ar-print-contents-list">
            for &n in nodes {
                <li>
                    { &doc.nodes[n].label }
                    if !doc.nodes[n].children.is_empty() {
                        { entries(doc, &doc.nodes[n].children) }
                    }
                </li>
            }
        </ul>
    }
}
