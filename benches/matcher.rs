//! Keyword matching throughput (criterion prints MiB/s) on a generated 1 MB
//! Chinese article with 1, 10 and 100 keywords, and the time to compute keyword
//! suggestions. Run with `cargo bench --bench matcher`.

use article_reader::matcher::{Folded, Keyword, find};
use article_reader::{article, suggest, synthetic};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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
