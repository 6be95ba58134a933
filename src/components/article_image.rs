//! An image of the article: loaded lazily, as wide as the column at most, and
//! its alt text in its place if it cannot load (broken link, blocked by the
//! page's Content-Security-Policy, offline).
//!
//! The alt text is drawn by CSS from an attribute, not as a text node, so the
//! block's DOM text stays exactly its text and highlights keep their places.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Always an absolute http(s) URL (`reader_core::html::url`).
    pub src: AttrValue,
    pub alt: AttrValue,
}

#[component]
pub fn ArticleImage(props: &Props) -> Html {
    let failed = use_state(|| false);
    if *failed {
        return html! {
            <span class="ar-image-failed" role="img" aria-label={props.alt.clone()} data-alt={props.alt.clone()}></span>
        };
    }
    let onerror = Callback::from(move |_: Event| failed.set(true));
    html! {
        <img
            class="ar-image"
            src={props.src.clone()}
            alt={props.alt.clone()}
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            {onerror}
        />
    }
}
