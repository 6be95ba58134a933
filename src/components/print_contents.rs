//! The outline as a table of contents at the start of a printed article
//! (hidden on screen; a reading setting turns it off). Only its title is drawn
//! here: the list is built just before printing (`web::article_dom`), so a
//! long outline costs nothing until someone prints. A plain view function.

use yew::prelude::*;

use reader_core::article::Document;
use reader_core::i18n::Lang;

pub fn print_contents(doc: &Document, lang: Lang) -> Html {
    if doc.nodes.is_empty() {
        return Html::default();
    }
    html! {
        <div class="ar-print-contents">
            <p class="ar-print-contents-title">{ lang.labels().outline }</p>
        </div>
    }
}
