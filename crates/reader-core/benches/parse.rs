//! Parse throughput on the seed article and on generated 1 MB and 10 MB articles.
//! Run with `cargo bench --bench parse`; criterion prints MiB/s per input.
//! Target: at least 30 MB/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use reader_core::{article, sample, synthetic};
use std::hint::black_box;
use std::time::Duration;

fn parse_throughput(c: &mut Criterion) {
    let inputs = [
        ("seed", sample::SEED_ARTICLE.to_string()),
        ("generated-1MB", synthetic::chinese_article(1 << 20, 1)),
        ("generated-10MB", synthetic::chinese_article(10 << 20, 1)),
    ];
    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| article::parse(black_box(text))));
    }
    group.finish();
}

criterion_group!(benches, parse_throughput);
criterion_main!(benches);
