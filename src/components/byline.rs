//! The line under the title: source, publication time, author, reading time.

use yew::prelude::*;

use crate::article::Metadata;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub metadata: Metadata,
    pub reading_minutes: u32,
    pub lang: Lang,
}

#[component]
pub fn Byline(props: &Props) -> Html {
    let labels = props.lang.labels();
    let Metadata {
        source,
        published,
        author,
    } = &props.metadata;
    let fields = [
        (labels.author, author, "ar-byline-author"),
        (labels.source, source, "ar-byline-source"),
        (labels.published, published, "ar-byline-time"),
    ];
    html! {
        <p class="ar-byline">
            for (label, value, class) in fields.iter().filter_map(|(l, v, c)| v.as_ref().map(|v| (*l, v, *c))) {
                <span class={classes!("ar-byline-item", class)}>
                    <span class="ar-byline-label">{ label }</span>
                    { value }
                </span>
            }
            <span class="ar-byline-item ar-byline-reading">{ props.lang.reading_time(props.reading_minutes) }</span>
        </p>
    }
}
