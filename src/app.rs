//! The Yew root of one reader: holds the state, runs the effects, and lays out
//! the toolbar, the outline, the article and the match ticks. The rules (what
//! a key does, when the drawer closes) are the core's; this only wires them.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::find_bar::find_bar;
use crate::components::help_sheet::help_sheet;
use crate::components::keyword_bar::KeywordBar;
use crate::components::match_ticks::MatchTicks;
use crate::components::outline_panel::OutlinePanel;
use crate::components::print_contents::print_contents;
use crate::components::print_legend::print_legend;
use crate::components::settings_panel::settings_panel;
use crate::components::status_view::{loading_view, notice_view, problem_view};
use crate::components::toolbar::toolbar;
use crate::hooks::{
    narrow_at_start, use_article, use_changed, use_dismiss, use_focus_request, use_highlights,
    use_memory, use_narrow, use_reading_position, use_reveal_on_find, use_suggestions,
    use_url_hash,
};
use crate::web::article_dom::ArticleDom;
use crate::web::{dom, highlights, storage};
use reader_core::config::Config;
use reader_core::dom_ids;
use reader_core::keys;
use reader_core::matcher::Tick;
use reader_core::reader::{Action, ReaderState, Status, Surface};
use reader_core::source::ArticleSource;

/// The reader state as Yew holds it. A newtype, because Rust lets only this
/// crate or Yew implement Yew's `Reducible` for a type; `reduce` only
/// delegates to the core's [`ReaderState::apply`].
#[derive(Clone, Debug, PartialEq)]
pub struct Store(ReaderState);

impl Deref for Store {
    type Target = ReaderState;

    fn deref(&self) -> &ReaderState {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

/// Lets the element's JavaScript API read and change the state of its reader.
#[derive(Clone, Default)]
pub struct Bridge(Rc<RefCell<Option<UseReducerHandle<Store>>>>);

impl Bridge {
    /// The reader's state handle, once the app has mounted. Reading through it
    /// sees every dispatched action at once, before the next render.
    pub fn state(&self) -> Option<UseReducerHandle<Store>> {
        self.0.borrow().clone()
    }

    /// Lets go of the state, once the app is gone.
    pub fn clear(&self) {
        self.0.borrow_mut().take();
    }
}

impl PartialEq for Bridge {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub source: ArticleSource,
    pub config: Config,
    /// The `<article-reader>` element, which receives our events.
    #[prop_or_default]
    pub host: Option<HtmlElement>,
    #[prop_or_default]
    pub bridge: Bridge,
}

#[component]
pub fn App(props: &Props) -> Html {
    let config = &props.config;
    let state = use_reducer(|| {
        let mut state = ReaderState::default();
        state.apply(Action::SetOutlinePreset(config.outline_open));
        state.apply(Action::SetPreset(config.keywords.clone()));
        // Settings before the first render, so the theme never flashes.
        state.apply(Action::SetSettingsPreset(config.settings));
        state.apply(Action::RestoreSettings(storage::load_settings()));
        if let Some(narrow) = props.host.as_ref().and_then(narrow_at_start) {
            state.apply(Action::SetNarrow(narrow));
        }
        Store(state)
    });
    let root = use_node_ref();
    // The dispatcher's callback is the same object on every render, so passing
    // it down does not make children render again.
    let onaction = state.dispatcher().to_callback();
    let article = state.article().cloned();

    // Attributes that change after the start reach the state here; the rest
    // (theme, labels, title) are read from `config` on every render.
    use_changed(
        config.outline_open,
        onaction.reform(Action::SetOutlinePreset),
    );
    use_changed(config.keywords.clone(), onaction.reform(Action::SetPreset));
    use_changed(config.settings, onaction.reform(Action::SetSettingsPreset));
    use_changed(
        state.own_settings,
        Callback::from(|own| storage::store_settings(&own)),
    );
    use_focus_request(root.clone(), state.focus_request);
    use_dismiss(
        root.clone(),
        state.sheet_open(),
        state.drawer_over_text(),
        onaction.clone(),
    );
    use_narrow(
        root.clone(),
        state.narrow,
        onaction.reform(Action::SetNarrow),
    );
    use_article(
        &props.source,
        props.host.clone(),
        config.hash.clone(),
        config.name.clone(),
        onaction.clone(),
    );
    // Where the article is built: one per article, shared by the article
    // view, the highlights and navigation.
    let article_dom = use_memo(article.clone(), |_| ArticleDom::default());
    use_reading_position(root.clone(), &article_dom, &state, onaction.clone());
    use_highlights(root.clone(), &article_dom, &state);
    use_url_hash(config.hash.clone(), &state, onaction.clone());
    use_reveal_on_find(root.clone(), onaction.clone());
    use_suggestions(article.clone(), &article_dom, onaction.clone());
    use_memory(&state, config.name.as_deref());
    {
        let (bridge, state) = (props.bridge.clone(), state.clone());
        use_effect_with((), move |_| *bridge.0.borrow_mut() = Some(state));
    }
    {
        let host = props.host.clone();
        use_effect_with(article.is_some(), move |&shown| {
            if shown && let Some(host) = host {
                announce_ready(&host);
            }
        });
    }

    let outline_shown = state.outline_shown();
    let ontoggle_section = use_callback(onaction.clone(), |node: usize, onaction| {
        onaction.emit(Action::Toggle(node))
    });
    // Keys pressed anywhere in this reader (not on the page: several readers
    // must not all answer one key), after the input and the tree had theirs.
    let onkeydown = {
        let onaction = onaction.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.default_prevented() {
                return;
            }
            if let Some(action) = keys::reader_action(&dom::key_press(&event)) {
                event.prevent_default();
                onaction.emit(action);
            }
        })
    };

    let lang = config.lang;
    // Marks in the DOM only where the Highlight API is missing (see use_highlights);
    // otherwise keyword changes leave the article's DOM alone.
    let marks =
        (!highlights::supported()).then(|| (state.matches.clone(), state.current_match_span()));
    let ticks = {
        let body_len = article.as_ref().map_or(0, |a| a.document.body.len());
        use_memo(state.matches.clone(), move |matches| {
            Rc::<[Tick]>::from(matches.ticks(body_len))
        })
    };
    let body = match &state.status {
        Status::Loading(loading) => {
            let url = match &props.source {
                ArticleSource::Url { url, .. } => Some(url.as_str()),
                _ => None,
            };
            // The toolbar and the layout are there already (inert), so the
            // article takes the place of the hint without moving anything.
            html! {
                <>
                    { toolbar(&state, lang, &onaction, None, Html::default()) }
                    <div class="ar-layout">
                        <div class="ar-layout-status">{ loading_view(*loading, url, lang) }</div>
                    </div>
                </>
            }
        }
        Status::Failed(problem) => problem_view(problem, lang),
        Status::Ready(article) => {
            let bars = html! {
                <>
                    <KeywordBar
                        article={article.clone()}
                        keywords={state.keywords.clone()}
                        matches={state.matches.clone()}
                        whole_words={state.whole_words}
                        find_target={state.find_target}
                        problem={state.keyword_problem.clone()}
                        suggestions={state.suggestions.clone()}
                        suggestions_open={state.suggestions_open}
                        shown={state.search_shown()}
                        {lang}
                        onaction={onaction.clone()}
                    />
                    { find_bar(&state, lang, &onaction) }
                </>
            };
            // Sheets are exclusive: at most one shows.
            let sheets = if state.is_open(Surface::Settings) {
                settings_panel(&state.settings, lang, &onaction)
            } else if state.is_open(Surface::Help) {
                help_sheet(lang, &onaction)
            } else {
                Html::default()
            };
            html! {
                <>
                    { toolbar(&state, lang, &onaction, Some(bars), sheets) }
                    <div class="ar-layout">
                        <nav id={dom_ids::OUTLINE} class="ar-outline" aria-label={lang.labels().outline}>
                            <OutlinePanel
                                article={article.clone()}
                                collapsed={state.collapsed.clone()}
                                tab_stop={state.tab_stop()}
                                active={state.active}
                                reading_times={state.reading_times}
                                matches={state.matches.clone()}
                                has_keywords={!state.keywords.is_empty()}
                                only_with_matches={state.only_with_matches}
                                {lang}
                                onaction={onaction.clone()}
                            />
                        </nav>
                        // What only printing shows, after the title (see reader.css, print).
                        <div class="ar-print-only ar-print-front">
                            { print_legend(&state.keywords, &state.matches, lang) }
                            if state.settings.print_outline {
                                { print_contents(&article.document, lang) }
                            }
                        </div>
                        <ArticleView
                            article={article.clone()}
                            dom={(*article_dom).clone()}
                            collapsed={state.collapsed.clone()}
                            {marks}
                            {lang}
                            title_override={config.article_title.clone().map(AttrValue::from)}
                            ontoggle={ontoggle_section}
                        />
                        <MatchTicks ticks={(*ticks).clone()} {lang} onaction={onaction.clone()} />
                    </div>
                </>
            }
        }
    };
    let layout = if outline_shown {
        "ar-outline-shown"
    } else {
        "ar-outline-hidden"
    };
    let title = config
        .article_title
        .as_deref()
        .or(article.as_ref().map(|a| a.document.title.as_str()))
        .unwrap_or_default();
    html! {
        // tabindex -1: a click anywhere in the reader focuses it, so F3 works there.
        <div
            class={classes!("ar-reader", state.settings.classes().to_vec(), layout)}
            lang={lang.tag()}
            role="region"
            aria-label={lang.reader_label(title)}
            ref={root}
            tabindex="-1"
            {onkeydown}
        >
            { for config.notices.iter().map(|notice| notice_view(notice, lang)) }
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
