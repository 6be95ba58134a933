//! The Yew root of one reader: holds the state, loads the article, lays out the widget.

use std::rc::Rc;

use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::status_view::StatusView;
use crate::config::Config;
use crate::hooks::use_article;
use crate::reader::{Action, ReaderState, Status};
use crate::source::ArticleSource;

impl Reducible for ReaderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub source: ArticleSource,
    pub config: Config,
    /// The `<article-reader>` element, which receives our events.
    #[prop_or_default]
    pub host: Option<HtmlElement>,
}

#[component]
pub fn App(props: &Props) -> Html {
    let state = use_reducer(ReaderState::default);
    use_article(&props.source, state.dispatcher());

    let shown = state.article().is_some();
    let host = props.host.clone();
    use_effect_with(shown, move |&shown| {
        if shown && let Some(host) = host {
            announce_ready(&host);
        }
    });

    let config = &props.config;
    let body = match &state.status {
        Status::Loading(loading) => html! { <StatusView lang={config.lang} loading={*loading} /> },
        Status::Failed(problem) => {
            html! { <StatusView lang={config.lang} problem={problem.clone()} /> }
        }
        Status::Ready(article) => html! {
            <ArticleView
                article={article.clone()}
                lang={config.lang}
                title_override={config.article_title.clone().map(AttrValue::from)}
            />
        },
    };
    html! {
        <div class={classes!("ar-reader", config.theme.class())} lang={config.lang.tag()}>
            { body }
        </div>
    }
}

/// Fires `reader-ready` on the host element once the article is on screen.
fn announce_ready(host: &HtmlElement) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = CustomEvent::new_with_event_init_dict("reader-ready", &init) {
        let _ = host.dispatch_event(&event);
    }
}
