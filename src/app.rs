//! The Yew root of one reader: holds the state, runs the effects, lays out the
//! toolbar, the outline and the article.

use std::rc::Rc;

use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::outline_panel::OutlinePanel;
use crate::components::status_view::StatusView;
use crate::components::toolbar::Toolbar;
use crate::config::Config;
use crate::hooks::{
    use_article, use_memory, use_narrow, use_reading_position, use_reveal_on_find, use_url_hash,
};
use crate::outline::TreeKey;
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

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub source: ArticleSource,
    pub config: Config,
    /// The `<article-reader>` element, which receives our events.
    #[prop_or_default]
    pub host: Option<HtmlElement>,
}

#[component]
pub fn App(props: &Props) -> Html {
    let config = &props.config;
    let state = use_reducer(|| ReaderState {
        outline_open: config.outline_open,
        ..ReaderState::default()
    });
    let root = use_node_ref();
    let narrow = use_narrow(root.clone());
    // The dispatcher's callback is the same object on every render, so passing
    // it down does not make children render again.
    let onaction = state.dispatcher().to_callback();

    use_article(&props.source, config.hash.clone(), state.dispatcher());
    use_reading_position(root.clone(), &state, onaction.clone());
    use_url_hash(config.hash.clone(), &state, onaction.clone());
    use_reveal_on_find(root.clone(), onaction.clone());
    use_memory(&state);

    let shown = state.article().is_some();
    let host = props.host.clone();
    use_effect_with(shown, move |&shown| {
        if shown && let Some(host) = host {
            announce_ready(&host);
        }
    });

    let outline_shown = state.outline_open.unwrap_or(!narrow);
    let ontoggle_outline = {
        let onaction = onaction.clone();
        Callback::from(move |()| onaction.emit(Action::SetOutlineOpen(!outline_shown)))
    };
    // In the narrow layout the outline is a drawer over the text: going to a
    // node closes it, and so does Escape. Memoised so the outline's props stay equal.
    let onoutline_action = {
        let onaction = onaction.clone();
        use_callback(narrow, move |action: Action, &narrow| {
            let leaves = matches!(
                action,
                Action::GoTo { .. }
                    | Action::OutlineKey {
                        key: TreeKey::Enter,
                        ..
                    }
            );
            onaction.emit(action);
            if narrow && leaves {
                onaction.emit(Action::SetOutlineOpen(false));
            }
        })
    };
    let ontoggle_section = {
        let onaction = onaction.clone();
        use_callback((), move |node: usize, _| {
            onaction.emit(Action::Toggle(node))
        })
    };
    let onkeydown_outline = {
        let onaction = onaction.clone();
        Callback::from(move |event: KeyboardEvent| {
            if narrow && event.key() == "Escape" {
                onaction.emit(Action::SetOutlineOpen(false));
            }
        })
    };

    let body = match &state.status {
        Status::Loading(loading) => html! { <StatusView lang={config.lang} loading={*loading} /> },
        Status::Failed(problem) => {
            html! { <StatusView lang={config.lang} problem={problem.clone()} /> }
        }
        Status::Ready(article) => html! {
            <>
                <Toolbar lang={config.lang} {outline_shown} {ontoggle_outline} />
                <div class="ar-layout">
                    <nav
                        id="ar-outline"
                        class="ar-outline"
                        aria-label={config.lang.labels().outline}
                        onkeydown={onkeydown_outline}
                    >
                        <OutlinePanel
                            article={article.clone()}
                            collapsed={state.collapsed.clone()}
                            tab_stop={state.tab_stop()}
                            active={state.active}
                            reading_times={state.reading_times}
                            lang={config.lang}
                            onaction={onoutline_action}
                        />
                    </nav>
                    <ArticleView
                        article={article.clone()}
                        collapsed={state.collapsed.clone()}
                        lang={config.lang}
                        title_override={config.article_title.clone().map(AttrValue::from)}
                        ontoggle={ontoggle_section}
                    />
                </div>
            </>
        },
    };
    let layout = if outline_shown {
        "ar-outline-shown"
    } else {
        "ar-outline-hidden"
    };
    html! {
        <div class={classes!("ar-reader", config.theme.class(), layout)} lang={config.lang.tag()} ref={root}>
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
