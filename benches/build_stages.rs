//! Time each stage of `charter build` on one file: the checked agreement, the JSON
//! document, the term sheet as a document, and the Markdown and HTML writers.
//!
//! `cargo bench --bench build_stages -- FILE [RUNS]` prints the median of each stage in
//! milliseconds and its share of the total. (A plain harness, like `stages`.)

mod common;

use charter::emit::{html, json, markdown, sheet, Build};
use common::{file_and_runs, median};
use std::time::{Duration, Instant};

fn main() {
    let (path, runs) = file_and_runs("build_stages");
    let path = path.as_str();
    let bytes = common::read(path);
    let names = ["analyse", "json", "sheet", "markdown", "html", "drop"];
    let mut times: [Vec<Duration>; 6] = Default::default();
    let options = charter::check::Options::default();
    for _ in 0..runs {
        let t = Instant::now();
        let build = Build::from_bytes(&bytes, &options);
        times[0].push(t.elapsed());
        let t = Instant::now();
        let out = json::to_string(&build.agreement, &build.status);
        times[1].push(t.elapsed());
        drop(out);
        let t = Instant::now();
        let doc = sheet::document(&build.agreement, &build.status);
        times[2].push(t.elapsed());
        let t = Instant::now();
        let out = markdown::write(&doc);
        times[3].push(t.elapsed());
        drop(out);
        let t = Instant::now();
        let out = html::write(&doc);
        times[4].push(t.elapsed());
        drop(out);
        let t = Instant::now();
        drop(doc);
        drop(build);
        times[5].push(t.elapsed());
    }
    let medians: Vec<Duration> = times.into_iter().map(median).collect();
    let mb = bytes.len() as f64 / 1e6;
    println!("{path}: {mb:.2} MB, {runs} runs");
    let total: Duration = medians.iter().sum();
    for (name, d) in names.iter().zip(&medians) {
        println!(
            "  {name:<9} {:>9.2} ms  {:>5.1}%",
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / total.as_secs_f64().max(1e-9)
        );
    }
}
