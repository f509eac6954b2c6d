//! The cost of reporting findings, apart from finding them.
//!
//! `cargo bench --bench report -- FILE [RUNS]` checks FILE once, keeps every finding (not
//! only the first [`charter::limits::MAX_DIAGNOSTICS_PER_FILE`] that `charter check` lists),
//! and prints the median time to render all of them in each report format; then the time to
//! report one finding at the start of the file and one at its end, which must not differ (the
//! line index is built once; no finding scans the file from its start). `scripts/bench.sh`
//! runs it on the 6 MB shape with 10,000 findings.

use charter::check::FileReport;
use charter::diagnostic::Diagnostic;
use charter::render::{self, human::HumanOptions, FileResult};
use charter::span::{LineIndex, Span};
mod common;

use common::{file_and_runs, median};
use std::time::{Duration, Instant};

fn report(text: &str, diagnostics: Vec<Diagnostic>) -> FileReport {
    FileReport {
        text: text.to_string(),
        line_index: LineIndex::new(text),
        diagnostics,
        omitted: Default::default(),
    }
}

/// The median time of `runs` renderings of `report` in `format`, and the output's size.
fn time(format: &str, report: &FileReport, runs: usize) -> (Duration, usize) {
    let file = FileResult {
        path: "agreement.charter",
        report,
    };
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let out = match format {
            "human" => render::human::render(&file, &HumanOptions::default()),
            "concise" => render::concise::render(&file),
            "json" => render::json::render(std::slice::from_ref(&file)).unwrap_or_default(),
            _ => render::sarif::render(std::slice::from_ref(&file), &[]).unwrap_or_default(),
        };
        times.push(t.elapsed());
        size = out.len();
    }
    (median(times), size)
}

fn main() {
    let (path, runs) = file_and_runs("report");
    let path = path.as_str();
    let Ok(text) = String::from_utf8(common::read(path)) else {
        eprintln!("{path} is not a text file");
        std::process::exit(2);
    };
    // Every finding, uncapped: parse, lower and the rules, as `check` runs them.
    let parsed = charter::syntax::parse(&text);
    let lowered = charter::lower::lower(&parsed.document);
    let cx = charter::rules::Context {
        agreement: &lowered.agreement,
        source: &text,
    };
    let mut all = parsed.diagnostics;
    all.extend(lowered.diagnostics);
    all.extend(charter::rules::run(&cx));
    all.sort_by_key(|d| (d.span.start, d.span.end));
    let n = all.len();
    let many = report(&text, all.clone());
    println!("{path}: {} findings, {runs} runs", n);
    for format in ["human", "concise", "json", "sarif"] {
        let (d, size) = time(format, &many, runs);
        println!(
            "  {format:<8} {:>8.1} ms  ({:.1} µs a finding, {:.1} MB written)",
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() * 1e6 / n.max(1) as f64,
            size as f64 / 1e6
        );
    }
    // One finding at the start of the file and one at its end, each alone.
    let at = |offset: usize| {
        let mut d = all.first().cloned().unwrap_or_else(|| {
            Diagnostic::error("bench", Span::point(0), "a finding for the benchmark")
        });
        d.span = Span::from_range(offset, offset + 1);
        d.labels.clear();
        report(&text, vec![d])
    };
    let last = text.trim_end().len().saturating_sub(1);
    let (first, _) = time("human", &at(0), runs.max(101));
    let (end, _) = time("human", &at(last), runs.max(101));
    println!(
        "  one finding, human: {:.1} µs at the start of the file, {:.1} µs at its end",
        first.as_secs_f64() * 1e6,
        end.as_secs_f64() * 1e6
    );
}
