//! Any bytes → `charter build`: the JSON document, the Markdown term sheet and the HTML page.
//! Never a panic or a hang; the JSON document is JSON.
#![no_main]

use charter::check::Options;
use charter::emit::Build;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let build = Build::from_bytes(data, &Options::default());
    let json = build.json();
    let _: serde_json::Value = serde_json::from_str(&json).expect("the JSON document parses");
    let _ = build.markdown();
    let _ = build.html();
});
