//! Any bytes → `charter check` (every stage and every renderer): never a panic or a hang;
//! spans inside the text; at most the per-file limit of findings listed; what the human
//! report prints for one finding is bounded, however long the lines; the JSON report is
//! JSON and its summary counts every finding.
#![no_main]

use charter::check::{check_bytes, Options};
use charter::diagnostic::Severity;
use charter::render::{self, FileResult};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = check_bytes(data, &Options::default());
    assert!(report.diagnostics.len() <= charter::limits::MAX_DIAGNOSTICS_PER_FILE + 1);
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end, "reversed span: {d:?}");
        assert!(d.span.end as usize <= report.text.len(), "span past the end: {d:?}");
    }
    let file = FileResult {
        path: "fuzz.charter",
        report: &report,
    };
    let _ = render::concise::render(&file);
    let human = render::human::render(&file, &render::human::HumanOptions::default());
    // A message, a help line and each label at most 1 KB; at most a few windows of 120
    // characters of the file.
    let per_finding = 32 * 1024;
    assert!(
        human.len() <= per_finding * (report.diagnostics.len() + 1),
        "the human report prints {} bytes for {} findings",
        human.len(),
        report.diagnostics.len()
    );
    let json = render::json::render(std::slice::from_ref(&file)).expect("JSON report");
    let value: serde_json::Value = serde_json::from_str(&json).expect("the JSON report parses");
    let errors = value["summary"]["errors"].as_u64().unwrap_or(u64::MAX) as usize;
    assert_eq!(errors, report.count(Severity::Error));
});
