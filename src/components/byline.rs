//! The line under the title: author, source, publication time, reading time.
//! A plain view function: it has no state of its own.

use yew::prelude::*;

use reader_core::article::Metadata;
use reader_core::i18n::Lang;

pub fn byline(metadata: &Metadata, reading_minutes: u32, lang: Lang) -> Html {
    let labels = lang.labels();
    let fields = [
        (labels.author, &metadata.author, "ar-byline-author"),
        (labels.source, &metadata.source, "ar-byline-source"),
        (labels.published, &metadata.published, "ar-byline-time"),
    ];
    html! {
        <p class="ar-byline">
            for (label, value, class) in fields.iter().filter_map(|(l, v, c)| v.as_ref().map(|v| (*l, v, *c))) {
                <span class={classes!("ar-byline-item", class)}>
                    <span class="ar-byline-label">{ label }</span>
                    { value }
                </span>
            }
            <span class="ar-byline-item ar-byline-reading">{ lang.reading_time(reading_minutes) }</span>
        </p>
    }
}
