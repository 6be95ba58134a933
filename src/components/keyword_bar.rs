//! The keyword bar: a chip per keyword (its colour, its count, a remove
//! button), the input that adds keywords, and suggestions from the article.
//!
//! The text being typed lives here, not in the reader state: a keystroke
//! renders this bar only (with a live count of the draft), never the article.

use std::rc::Rc;

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::web::dom;
use reader_core::dom_ids;
use reader_core::i18n::Lang;
use reader_core::keys::InputKey;
use reader_core::matcher::{self, Keyword, KeywordProblem, MAX_KEYWORD_INPUT_CHARS, Matches};
use reader_core::reader::{Action, Article};

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
    pub lang: Lang,
    pub onaction: Callback<Action>,
}

#[component]
pub fn KeywordBar(props: &Props) -> Html {
    let labels = props.lang.labels();
    let draft = use_state(String::new);
    let onaction = &props.onaction;

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
        let onremove = onaction.reform(move |_: MouseEvent| Action::RemoveKeyword(i));
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
    let suggestion_panel = props.suggestions_open.then(|| {
        let body = match &props.suggestions {
            None => html! { <p class="ar-muted" role="status">{ labels.suggesting }</p> },
            Some(list) if list.is_empty() => html! { <p class="ar-muted">{ labels.no_suggestions }</p> },
            Some(list) => html! {
                <ul class="ar-suggestion-list">
                    for phrase in list.iter().filter(|p| !props.keywords.iter().any(|k| &k.text == *p)) {
                        <li key={phrase.clone()}>
                            <button
                                type="button"
                                class="ar-button ar-suggestion"
                                aria-label={props.lang.add_suggestion(phrase)}
                                onclick={onaction.reform({ let p = phrase.clone(); move |_: MouseEvent| Action::AddKeyword(p.clone()) })}
                            >
                                { phrase }
                            </button>
                        </li>
                    }
                </ul>
            },
        };
        html! { <div class="ar-suggestions" id={dom_ids::SUGGESTIONS}>{ body }</div> }
    });

    html! {
        <div class="ar-keyword-bar">
            <div class="ar-keyword-row" role="group" aria-label={labels.keywords}>
                <ul class="ar-chips">{ for chips }</ul>
                <span class="ar-keyword-field">
                    <input
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
                    class="ar-button"
                    aria-expanded={props.suggestions_open.to_string()}
                    aria-controls={dom_ids::SUGGESTIONS}
                    onclick={ontoggle_suggestions}
                >
                    { labels.suggestions }
                </button>
            </div>
            if let Some((_, problem)) = &props.problem {
                <p class="ar-keyword-problem" id={dom_ids::KEYWORD_PROBLEM} role="alert">
                    { props.lang.keyword_problem(problem) }
                    <button
                        type="button"
                        class="ar-chip-remove"
                        aria-label={labels.dismiss}
                        onclick={onaction.reform(|_: MouseEvent| Action::DismissKeywordProblem)}
                    ></button>
                </p>
            }
            { suggestion_panel.unwrap_or_default() }
        </div>
    }
}
