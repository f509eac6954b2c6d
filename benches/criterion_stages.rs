//! Criterion benchmarks of the stages of `charter check` on a typical agreement (the SPEC §6
//! example, about 4 KB): parse, lower, the rules, the whole check, and build.
//!
//! `cargo bench --bench criterion_stages`. For the split of a large file, see
//! `benches/stages.rs`; for whole commands against jq and the JSON-Schema route,
//! `scripts/bench.sh`.

use charter::check::{self, Options};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const TYPICAL: &str = include_str!("../examples/northwind-contoso.charter");

fn stages(c: &mut Criterion) {
    let mut group = c.benchmark_group("typical agreement");
    group.throughput(Throughput::Bytes(TYPICAL.len() as u64));

    group.bench_function("parse", |b| {
        b.iter(|| charter::syntax::parse(black_box(TYPICAL)))
    });

    let parsed = charter::syntax::parse(TYPICAL);
    group.bench_function("lower", |b| {
        b.iter(|| charter::lower::lower(black_box(&parsed.document)))
    });

    let lowered = charter::lower::lower(&parsed.document);
    let cx = charter::rules::Context {
        agreement: &lowered.agreement,
        source: TYPICAL,
    };
    group.bench_function("rules", |b| b.iter(|| charter::rules::run(black_box(&cx))));

    let options = Options::default();
    group.bench_function("check (all stages)", |b| {
        b.iter(|| check::check_text(black_box(TYPICAL), &options))
    });
    group.bench_function("build (JSON and Markdown)", |b| {
        b.iter(|| {
            let build = charter::emit::Build::from_text(black_box(TYPICAL), &options);
            (build.json(), build.markdown())
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
