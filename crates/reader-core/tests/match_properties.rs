//! Property tests of keyword matching: matches land on character boundaries
//! inside one block, and every keyword's count equals a naive count.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use reader_core::article::parse;
use reader_core::article::text::fold_str;
use reader_core::matcher::{Folded, Keyword, count, find};

fn piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("人才"),
        Just("干部"),
        Just("党"),
        Just("组织"),
        Just("，"),
        Just(","),
        Just("。"),
        Just("Ａ"),
        Just("a"),
        Just("A"),
        Just("é"),
        Just("e\u{301}"),
        Just("\u{301}"),
        Just("É"),
        Just("cat"),
        Just(" "),
        Just("\n"),
        Just("\n\n"),
        Just("一、"),
        Just("ß"),
        Just("Σ"),
        Just("ς"),
        Just("<b>"),
        Just(".*"),
        Just("aa"),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|p| p.concat())
}

fn keyword() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..4).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn matches_sit_on_boundaries_and_counts_are_naive(
        body in text(),
        inputs in prop::collection::vec(keyword(), 1..6),
    ) {
        let doc = parse(&format!("Title\n\n{body}"));
        let mut keywords: Vec<Keyword> = Vec::new();
        for input in &inputs {
            if let Ok(k) = Keyword::add(&keywords, input) {
                keywords.push(k);
            }
        }
        let matches = find(&doc, &Folded::new(&doc.body), &keywords, false);
        for m in &matches.all {
            prop_assert!(doc.body.is_char_boundary(m.span.start) && doc.body.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end);
            prop_assert!(doc.blocks.iter().any(|b| b.span.contains(m.span)), "a match crosses blocks");
        }
        for (k, keyword) in keywords.iter().enumerate() {
            let needle = fold_str(&keyword.text);
            let naive: usize = doc
                .blocks
                .iter()
                .map(|b| fold_str(doc.text(b.span)).matches(needle.as_str()).count())
                .sum();
            prop_assert_eq!(matches.counts[k], naive, "keyword {:?}", keyword.text);
        }
        // Paint covers only matched text, in order, without overlaps.
        for paint in &matches.paint {
            for pair in paint.windows(2) {
                prop_assert!(pair[0].span.end <= pair[1].span.start);
            }
            for p in paint.iter() {
                prop_assert!(matches.all.iter().any(|m| m.span.contains(p.span) && m.keyword == p.keyword));
            }
        }
    }

    #[test]
    fn whole_words_only_remove_matches(body in text(), input in keyword()) {
        let doc = parse(&format!("Title\n\n{body}"));
        if let Ok(k) = Keyword::parse(&input) {
            let folded = Folded::new(&doc.body);
            let all = find(&doc, &folded, std::slice::from_ref(&k), false);
            let whole = find(&doc, &folded, std::slice::from_ref(&k), true);
            prop_assert!(whole.counts[0] <= all.counts[0]);
            // The quick count of the keyword being typed agrees with the full search.
            prop_assert_eq!(count(&folded, &k, false), all.counts[0]);
            prop_assert_eq!(count(&folded, &k, true), whole.counts[0]);
        }
    }
}
