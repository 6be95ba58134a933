//! Keyword matching throughput (criterion prints MiB/s) on a generated 1 MB
//! Chinese article with 1, 10 and 100 keywords, 100 keywords that all start
//! with the text's most frequent character (the worst case for the matcher's
//! first-character filter), and the time to compute keyword suggestions.
//! Run with `cargo bench -p reader-core --bench matcher`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use reader_core::matcher::{Folded, Keyword, find};
use reader_core::{article, suggest, synthetic};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

/// Keywords that occur in the text: its own frequent phrases, then its bigrams.
fn keywords_for(body: &str, n: usize) -> Vec<Keyword> {
    let mut list = suggest::suggest(body, n);
    let chars: Vec<char> = body
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect();
    let mut i = 0;
    while list.len() < n && i + 1 < chars.len() {
        let pair: String = chars[i..i + 2].iter().collect();
        if !list.contains(&pair) {
            list.push(pair);
        }
        i += 97;
    }
    list.iter().filter_map(|k| Keyword::parse(k).ok()).collect()
}

/// `n` different phrases of the text that all start with its most frequent
/// Han character: every one of them is tried wherever that character occurs.
fn keywords_sharing_first_char(body: &str, n: usize) -> Vec<Keyword> {
    let mut frequency: HashMap<char, usize> = HashMap::new();
    for c in body
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
    {
        *frequency.entry(c).or_default() += 1;
    }
    let first = frequency
        .into_iter()
        .max_by_key(|&(c, count)| (count, c))
        .map(|(c, _)| c)
        .expect("the article has Han characters");
    let mut list: Vec<String> = Vec::new();
    for length in 2..=4 {
        for (at, _) in body.match_indices(first) {
            let phrase: String = body[at..].chars().take(length).collect();
            if phrase.chars().count() == length && !list.contains(&phrase) {
                list.push(phrase);
            }
            if list.len() == n {
                return list.iter().filter_map(|k| Keyword::parse(k).ok()).collect();
            }
        }
    }
    panic!("fewer than {n} phrases start with {first}");
}

fn matching(c: &mut Criterion) {
    let text = synthetic::chinese_article(1 << 20, 7);
    let doc = article::parse(&text);
    let folded = Folded::new(&doc.body);
    let mut group = c.benchmark_group("match-1MB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes(doc.body.len() as u64));
    for n in [1, 10, 100] {
        let keywords = keywords_for(&doc.body, n);
        group.bench_function(format!("{n}-keywords"), |b| {
            b.iter(|| find(black_box(&doc), &folded, &keywords, false))
        });
    }
    let crowded = keywords_sharing_first_char(&doc.body, 100);
    group.bench_function("100-keywords-one-first-char", |b| {
        b.iter(|| find(black_box(&doc), &folded, &crowded, false))
    });
    group.bench_function("fold-body", |b| {
        b.iter(|| Folded::new(black_box(&doc.body)))
    });
    group.finish();

    let mut group = c.benchmark_group("suggest");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes(doc.body.len() as u64));
    group.bench_function("1MB", |b| {
        b.iter(|| suggest::suggest(black_box(&doc.body), 12))
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
