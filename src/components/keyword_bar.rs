//! The keyword bar (a search landmark): a chip per keyword (its colour, its
//! count, a remove button), the input that adds keywords, whole words, clear,
//! and a sheet of suggestions from the article. On phones it hides behind the
//! search button, its chips a strip that scrolls sideways.
//!
//! The text being typed lives here, not in the reader state: a keystroke
//! renders this bar only (with a live count of the draft), never the article.
//! After a button that goes away is pressed (a chip's ×, a suggestion, clear),
//! focus moves to its neighbour or the input, never to the page's `<body>`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::toggle_button;
use crate::web::dom;
use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::keys::InputKey;
use reader_core::matcher::{self, Keyword, KeywordProblem, MAX_KEYWORD_INPUT_CHARS, Matches};
use reader_core::reader::{Action, Article, KeywordsBy, focus_after_removal};

/// Where focus goes once the bar has rendered after a press.
#[derive(Clone, Copy)]
enum AfterPress {
    /// The × of chip `i` was pressed: the chip that takes its place.
    ChipRemoved(usize),
    /// Suggestion `i` was added: the one that takes its place.
    SuggestionAdded(usize),
    /// The input (after clear, or dismissing a problem).
    Input,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Rc<Article>,
    pub keywords: Rc<Vec<Keyword>>,
    pub matches: Rc<Matches>,
    pub whole_words: bool,
    pub find_target: Option<usize>,
    pub problem: Option<(String, KeywordProblem)>,
    pub suggestions: Option<Rc<Vec<String>>>,
    pub suggestions_open: bool,
    /// The bar shows (on phones, only after the search button).
    pub shown: bool,
    pub lang: Lang,
    pub onaction: Callback<Action>,
}

#[component]
pub fn KeywordBar(props: &Props) -> Html {
    let labels = props.lang.labels();
    let draft = use_state(String::new);
    let onaction = &props.onaction;
    let bar = use_node_ref();
    let after_press = use_mut_ref(|| None::<AfterPress>);
    {
        let (bar, after_press) = (bar.clone(), after_press.clone());
        use_effect(move || {
            if let Some(after) = after_press.borrow_mut().take() {
                focus_after(&bar, after);
            }
        });
    }
    // Emits the action `make` makes (on each press: cloning one costs code)
    // and says where focus goes once the bar has rendered.
    let press = |make: Box<dyn Fn() -> Action>, after: AfterPress| {
        let (onaction, after_press) = (onaction.clone(), after_press.clone());
        Callback::from(move |_: MouseEvent| {
            *after_press.borrow_mut() = Some(after);
            onaction.emit(make());
        })
    };

    let oninput = {
        let (draft, onaction) = (draft.clone(), onaction.clone());
        let had_problem = props.problem.is_some();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            draft.set(input.value());
            if had_problem {
                onaction.emit(Action::DismissKeywordProblem);
            }
        })
    };
    let onkeydown = {
        let (draft, onaction) = (draft.clone(), onaction.clone());
        Callback::from(move |event: KeyboardEvent| {
            let Some(key) = InputKey::of(&dom::key_press(&event), &draft) else {
                return;
            };
            // Backspace still deletes in the browser's way: nothing is typed.
            event.prevent_default();
            match key {
                InputKey::AddDraft => {
                    onaction.emit(Action::AddKeyword((*draft).clone()));
                    draft.set(String::new());
                }
                InputKey::ClearDraft => draft.set(String::new()),
                other => {
                    if let Some(action) = other.action() {
                        onaction.emit(action);
                    }
                }
            }
        })
    };
    // A refused keyword stays in the input so it can be fixed; an accepted one clears it.
    let draft_count = Keyword::parse(&draft)
        .ok()
        .map(|k| matcher::count(&props.article.folded, &k, props.whole_words));

    let chips = props.keywords.iter().enumerate().map(|(i, keyword)| {
        let targeted = props.find_target == Some(i);
        let ontarget = onaction.reform(move |_: MouseEvent| Action::SetFindTarget((!targeted).then_some(i)));
        let onremove = press(Box::new(move || Action::RemoveKeyword(i)), AfterPress::ChipRemoved(i));
        html! {
            <li class={classes!("ar-chip", dom_ids::keyword_colour(i), targeted.then_some("ar-chip-target"))} key={keyword.text.clone()}>
                <button
                    type="button"
                    class="ar-chip-label"
                    aria-pressed={targeted.to_string()}
                    title={props.lang.target_keyword(&keyword.text)}
                    onclick={ontarget}
                >
                    <span class="ar-chip-text">{ &keyword.text }</span>
                    <span class="ar-chip-count">{ props.matches.counts.get(i).copied().unwrap_or(0) }</span>
                </button>
                <button
                    type="button"
                    class="ar-chip-remove"
                    aria-label={props.lang.remove_keyword(&keyword.text)}
                    onclick={onremove}
                ></button>
            </li>
        }
    });

    let ontoggle_suggestions = onaction.reform(|_: MouseEvent| Action::ToggleSuggestions);
    let suggestion_panel = (props.suggestions_open && props.shown).then(|| {
        let body = match &props.suggestions {
            None => html! { <p class="ar-muted" role="status">{ labels.suggesting }</p> },
            Some(list) if list.is_empty() => html! { <p class="ar-muted">{ labels.no_suggestions }</p> },
            Some(list) => html! {
                <ul class="ar-suggestion-list">
                    for (i, phrase) in list.iter().filter(|p| !props.keywords.iter().any(|k| &k.text == *p)).enumerate() {
                        <li key={phrase.clone()}>
                            <button
                                type="button"
                                class="ar-button ar-suggestion"
                                aria-label={props.lang.add_suggestion(phrase)}
                                onclick={press(Box::new({ let phrase = phrase.clone(); move || Action::AddKeyword(phrase.clone()) }), AfterPress::SuggestionAdded(i))}
                            >
                                { phrase }
                            </button>
                        </li>
                    }
                </ul>
            },
        };
        html! { <div class="ar-suggestions ar-sheet" id={dom_ids::SUGGESTIONS}>{ body }</div> }
    });
    let has_keywords = !props.keywords.is_empty();
    let onclear = press(
        Box::new(|| Action::SetKeywords {
            list: Vec::new(),
            by: KeywordsBy::Reader,
        }),
        AfterPress::Input,
    );

    html! {
        <div
            class="ar-keyword-bar"
            id={dom_ids::KEYWORD_BAR}
            role="search"
            aria-label={labels.keywords}
            hidden={!props.shown}
            ref={bar}
        >
            if has_keywords {
                <ul class="ar-chips">{ for chips }</ul>
            }
            <div class="ar-keyword-row">
                <span class="ar-keyword-field">
                    <input
                        id={dom_ids::KEYWORD_INPUT}
                        class="ar-keyword-input"
                        type="text"
                        enterkeyhint="search"
                        autocomplete="off"
                        spellcheck="false"
                        maxlength={MAX_KEYWORD_INPUT_CHARS.to_string()}
                        placeholder={labels.add_keyword}
                        aria-label={labels.add_keyword}
                        aria-invalid={props.problem.is_some().then_some("true")}
                        aria-describedby={props.problem.is_some().then_some(dom_ids::KEYWORD_PROBLEM)}
                        value={(*draft).clone()}
                        {oninput}
                        {onkeydown}
                    />
                    if let Some(count) = draft_count {
                        <span class="ar-draft-count" aria-live="polite">{ props.lang.match_position(None, count) }</span>
                    }
                </span>
                <button
                    type="button"
                    id={dom_ids::SUGGESTIONS_TOGGLE}
                    class="ar-button"
                    aria-expanded={props.suggestions_open.to_string()}
                    aria-controls={props.suggestions_open.then_some(dom_ids::SUGGESTIONS)}
                    onclick={ontoggle_suggestions}
                >
                    { labels.suggestions }
                </button>
                { toggle_button(labels.whole_words, props.whole_words, onaction.reform(|_: MouseEvent| Action::ToggleWholeWords)) }
                <button type="button" class="ar-button" disabled={!has_keywords} onclick={onclear}>
                    { labels.clear_keywords }
                </button>
            </div>
            if let Some((_, problem)) = &props.problem {
                <p class="ar-keyword-problem" id={dom_ids::KEYWORD_PROBLEM} role="alert">
                    { props.lang.keyword_problem(problem) }
                    <button
                        type="button"
                        class="ar-chip-remove"
                        aria-label={labels.dismiss}
                        onclick={press(Box::new(|| Action::DismissKeywordProblem), AfterPress::Input)}
                    ></button>
                </p>
            }
            { suggestion_panel.unwrap_or_default() }
        </div>
    }
}

/// Focuses what takes the place of a pressed button that went away (see
/// [`focus_after_removal`]), or the input when there is nothing in its place.
fn focus_after(bar: &NodeRef, after: AfterPress) {
    let Some(bar) = bar.cast::<web_sys::Element>() else {
        return;
    };
    let nth = |selector: &str, removed: usize| {
        let list = bar.query_selector_all(selector).ok()?;
        let index = focus_after_removal(removed, list.length() as usize)?;
        list.item(index as u32)?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()
    };
    let target = match after {
        AfterPress::ChipRemoved(i) => nth(".ar-chip .ar-chip-remove", i),
        AfterPress::SuggestionAdded(i) => nth(".ar-suggestion", i),
        AfterPress::Input => None,
    }
    .or_else(|| dom::find_by_id(&bar, dom_ids::KEYWORD_INPUT));
    if let Some(target) = target {
        dom::focus_quietly(&target);
    }
}
