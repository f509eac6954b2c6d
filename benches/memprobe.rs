fn rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for l in s.lines() {
        if l.starts_with("VmHWM:") {
            let kb: f64 = l
                .split_whitespace()
                .nth(1)
                .and_then(|x| x.parse().ok())
                .unwrap_or(0.0);
            return kb / 1024.0;
        }
    }
    0.0
}
fn main() {
    let path = std::env::args()
        .filter(|a| !a.starts_with("--"))
        .nth(1)
        .unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    eprintln!("read: {:.1} MB", rss_mb());
    let text = charter::check::decode(&bytes).unwrap_or("");
    let parsed = charter::syntax::parse(text);
    eprintln!("parsed: {:.1} MB", rss_mb());
    let lowered = charter::lower::lower(&parsed.document);
    eprintln!("lowered: {:.1} MB", rss_mb());
    drop(parsed);
    let cx = charter::rules::Context {
        agreement: &lowered.agreement,
        source: text,
    };
    let n = charter::rules::run(&cx).len();
    eprintln!("rules: {:.1} MB ({n})", rss_mb());
}
