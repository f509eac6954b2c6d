//! What the plain benchmark harnesses share: their command line and the median.

use std::time::Duration;

/// The median of some timings (zero for none).
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// `FILE [RUNS]` from the command line (cargo's own `--bench` flag left out), RUNS 7 unless
/// given; prints the usage and exits when FILE is missing.
pub fn file_and_runs(bench: &str) -> (String, usize) {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench {bench} -- FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(7);
    (path.clone(), runs)
}

/// The bytes of the file at `path`; says why and exits when it cannot be read.
pub fn read(path: &str) -> Vec<u8> {
    match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    }
}
