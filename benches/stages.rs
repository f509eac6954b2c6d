//! Time each stage of `charter check` on one file: decode, parse, lower, rules.
//!
//! `cargo bench --bench stages -- FILE [RUNS]` prints the median of each stage in
//! milliseconds and its share of the total. `scripts/bench.sh` runs it on the benchmark
//! agreement. (A plain harness: it needs no extra dependency and prints exactly the split.)

mod common;

use common::{file_and_runs, median};
use std::time::{Duration, Instant};

fn main() {
    let (path, runs) = file_and_runs("stages");
    let path = path.as_str();
    let bytes = common::read(path);
    let mut times: [Vec<Duration>; 4] = Default::default();
    let mut findings = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let Ok(text) = charter::check::decode(&bytes) else {
            eprintln!("{path} is not a text file");
            std::process::exit(2);
        };
        times[0].push(t.elapsed());
        let t = Instant::now();
        let parsed = charter::syntax::parse(text);
        times[1].push(t.elapsed());
        let t = Instant::now();
        let lowered = charter::lower::lower(&parsed.document);
        times[2].push(t.elapsed());
        let t = Instant::now();
        let cx = charter::rules::Context {
            agreement: &lowered.agreement,
            source: text,
        };
        findings = charter::rules::run(&cx).len();
        times[3].push(t.elapsed());
    }
    // The slowest rules, once, for the profile.
    if let Ok(text) = charter::check::decode(&bytes) {
        let parsed = charter::syntax::parse(text);
        let lowered = charter::lower::lower(&parsed.document);
        let cx = charter::rules::Context {
            agreement: &lowered.agreement,
            source: text,
        };
        let mut per_rule: Vec<(Duration, &str)> = charter::rules::REGISTRY
            .iter()
            .map(|rule| {
                let t = Instant::now();
                let mut out = Vec::new();
                rule.check(&cx, &mut out);
                (t.elapsed(), rule.meta().name)
            })
            .collect();
        per_rule.sort_unstable_by_key(|r| std::cmp::Reverse(r.0));
        let slowest: Vec<String> = per_rule
            .iter()
            .take(3)
            .map(|(d, name)| format!("{name} {:.2} ms", d.as_secs_f64() * 1e3))
            .collect();
        println!("  slowest rules: {}", slowest.join(", "));
    }
    let medians: Vec<Duration> = times.into_iter().map(median).collect();
    let total: Duration = medians.iter().sum();
    let mb = bytes.len() as f64 / 1e6;
    println!("{path}: {mb:.2} MB, {runs} runs, {findings} rule findings");
    for (name, d) in ["decode", "parse", "lower", "rules"].iter().zip(&medians) {
        println!(
            "  {name:<7} {:>9.2} ms  {:>5.1}%",
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / total.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "  total   {:>9.2} ms  ({:.0} MB/s)",
        total.as_secs_f64() * 1e3,
        mb / total.as_secs_f64().max(1e-9)
    );
}
