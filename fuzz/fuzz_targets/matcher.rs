//! The matcher, through the reader's state as the page drives it: any
//! article, any keywords, whole words or not. Never panics, every match falls
//! on character boundaries of the body, and each keyword's count is its own.
#![no_main]

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use reader_core::article::ParseOptions;
use reader_core::reader::{Action, Article, KeywordsBy, Memory, ReaderState};

fuzz_target!(|input: (&str, Vec<String>, bool)| {
    let (text, keywords, whole_words) = input;
    let Ok(article) = Article::parse(text, ParseOptions::default()) else {
        return;
    };
    let article = Rc::new(article);
    let mut state = ReaderState::default();
    state.apply(Action::Loaded {
        article: article.clone(),
        memory: Memory::default(),
    });
    if whole_words {
        state.apply(Action::ToggleWholeWords);
    }
    state.apply(Action::SetKeywords {
        list: keywords,
        by: KeywordsBy::Host,
    });
    let body = &article.document.body;
    for m in &state.matches.all {
        assert!(m.span.start < m.span.end && m.span.end <= body.len());
        assert!(body.is_char_boundary(m.span.start) && body.is_char_boundary(m.span.end));
    }
    for (k, count) in state.matches.counts.iter().enumerate() {
        assert_eq!(*count, state.matches.all.iter().filter(|m| m.keyword == k).count());
    }
    state.apply(Action::StepMatch { forward: true });
    state.apply(Action::StepMatch { forward: false });
});
