//! The quick reader (src/syntax/quick/) reads well-formed text without pest and must give
//! exactly the tree and the findings pest gives. Generated agreements (tests/generated.rs)
//! hold it to that on whole agreements; here, snippets built from the forms where a
//! hand-written reader could go wrong — every value kind with the look-alikes next to it
//! (`USD` as a word and as a currency, `see` as a word and as a reference, units after
//! numbers and after words, a noun or the next key after a target, `of` after a number,
//! redactions, rule names, comments and line ends between any two tokens), valid or not.
#![allow(clippy::unwrap_used)]

use charter::syntax::{quick_share, readers_agree};
use proptest::prelude::*;

/// Values, well-formed and not, and their look-alikes.
const VALUES: &[&str] = &[
    "\"text\"",
    "\"a \\\"quoted\\\" word\"",
    "\"bad \\q escape\"",
    "\"unclosed",
    "\"é 𝄞 \\u{1F600}\"",
    "\"\"",
    "\"\"\"\n    Line one.\n      Indented.\n    \"\"\"",
    "\"\"\"   \r\n  crlf\r\n  \"\"\"",
    "\"\"\" not a text block\"",
    "\"\"\"\n unclosed text block",
    "42",
    "4.5",
    "4.",
    "007",
    "55%",
    "2/3",
    "2/",
    "1.5/2.25",
    "2027-01-01",
    "2027-1-01",
    "2027-01-011",
    "90 days",
    "1 day",
    "15 business days",
    "15 business  day",
    "15 business weeks",
    "3 yaers",
    "6 months of",
    "3% of net sales",
    "USD 2 of each unit",
    "5 of: 3",
    "12 hours",
    "2 weeks",
    "99999999999999999999999999999999",
    "USD 1,200,000",
    "EUR 250000.50",
    "USD 1,20,000",
    "USD 1.234",
    "USD 1.2.3",
    "USD",
    "USD days",
    "USDX 5",
    "USD\t5",
    "USD [***]",
    "USD [*",
    "[***]",
    "[* * *]",
    "[***]%",
    "[***] days",
    "[ *]",
    "[]",
    "[a, b, c]",
    "[a-b, unknown-key, x1-y2]",
    "[a-b_c]",
    "[a,,b]",
    "[1, 2,]",
    "[\"x\", [1, 2], { a: 1 }]",
    "{ a: 1, b: 2 }",
    "{ a: 50% b: 50% }",
    "{ a 50% }",
    "{}",
    ">= USD 5,000,000",
    "<= 10%",
    "> 4",
    "< 2 days",
    "= 100%",
    ">= 2 candidates",
    ">=4",
    ">= USD",
    ">=",
    "see business_plan",
    "see spa \"clause 4.2\"",
    "see spa \"unclosed",
    "see 5",
    "seeing",
    "see",
    "six months",
    "six  months // note",
    "six months {",
    "Thirty days",
    "joint",
    "majority",
    "_private",
    "word word",
    "a:",
    "}",
    "",
];

/// What may stand between two tokens.
const GAPS: &[&str] = &[
    " ",
    "  ",
    "\t",
    "\n",
    "\n    ",
    "\r\n",
    " // note\n",
    "//\n",
    "\n\n",
];

/// A tape of choices, each falling to its first option when the tape runs out.
struct Tape<'a>(std::slice::Iter<'a, u8>);

impl Tape<'_> {
    fn pick<'s>(&mut self, from: &[&'s str]) -> &'s str {
        let n = self.0.next().copied().unwrap_or(0) as usize;
        from.get(n % from.len()).copied().unwrap_or_default()
    }

    fn below(&mut self, n: u8) -> u8 {
        self.0.next().copied().unwrap_or(0) % n
    }
}

fn item(tape: &mut Tape<'_>, out: &mut String, depth: u8) {
    const KEYS: &[&str] = &[
        "role", "cap", "target", "kind", "share", "see", "USD", "six",
    ];
    out.push_str(tape.pick(KEYS));
    match tape.below(if depth > 3 { 2 } else { 4 }) {
        // `key: value`, perhaps with the next key on the same line.
        0 | 1 => {
            out.push_str(tape.pick(&[":", " :", ":\n", " // c\n:"]));
            out.push_str(tape.pick(&[" ", "\n  ", "\t"]));
            out.push_str(tape.pick(VALUES));
        }
        // A block with labels and children.
        _ => {
            for _ in 0..tape.below(3) {
                out.push(' ');
                out.push_str(tape.pick(&["p1", "\"Title\"", "\"T \\\" x\"", "x\n", "\"open"]));
            }
            out.push_str(tape.pick(&[" {", "{", "\n{", " { // c"]));
            for _ in 0..tape.below(4) {
                out.push_str(tape.pick(GAPS));
                item(tape, out, depth + 1);
            }
            out.push_str(tape.pick(GAPS));
            out.push_str(tape.pick(&["}", "}", "}", ""]));
        }
    }
}

fn snippet(bytes: &[u8]) -> String {
    let mut tape = Tape(bytes.iter());
    let mut out = String::from("agreement \"T\" {\n");
    while tape.0.len() > 0 {
        out.push_str("  ");
        item(&mut tape, &mut out, 0);
        out.push_str(tape.pick(GAPS));
    }
    out.push_str("}\n");
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn the_quick_reader_agrees_with_pest(bytes in proptest::collection::vec(any::<u8>(), 0..48)) {
        let text = snippet(&bytes);
        prop_assert!(readers_agree(&text), "{}", text);
    }
}

/// Each value on its own, where it can end the item, be followed by the next key on its
/// line, or close a block.
#[test]
fn every_value_in_every_position() {
    for value in VALUES {
        for after in ["\n", "  next: 1\n", " }\n", " // c\n", ""] {
            let attribute = format!("agreement \"T\" {{\n  key: {value}{after}}}\n");
            assert!(readers_agree(&attribute), "{attribute}");
            let nested = format!("agreement \"T\" {{\n  b {{ key: {value}{after}}}\n}}\n");
            assert!(readers_agree(&nested), "{nested}");
            let listed = format!("agreement \"T\" {{\n  key: [{value}, {value}]{after}}}\n");
            assert!(readers_agree(&listed), "{listed}");
            let mapped = format!("agreement \"T\" {{\n  key: {{ a: {value} }}{after}}}\n");
            assert!(readers_agree(&mapped), "{mapped}");
        }
    }
}

/// The quick reader reads every piece of the examples and of the real agreements: pest
/// reads only what it declines (errors, shares, numbers in words).
#[test]
fn the_quick_reader_reads_all_of_every_example() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = 0;
    for dir in ["examples", "tests/corpus/real"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "charter") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let (taken, declined) = quick_share(&text);
            assert!(taken > 10, "{}: {taken} pieces read", path.display());
            assert_eq!(declined, 0, "{}", path.display());
            files += 1;
        }
    }
    assert!(files >= 20, "{files} files");
}

/// What it declines, pest reads or reports, and reading goes on.
#[test]
fn what_the_quick_reader_declines_pest_reads() {
    let text = "agreement \"T\" {\n  a: 3% of net sales\n  b: six months\n  c: >= 2 candidates\n  d: \"bad \\q\"\n  e: 1\n}\n";
    assert!(readers_agree(text));
    assert_eq!(quick_share(text), (1, 4));
}

/// Thousands of children, in a block and in a list, after siblings already gathered: the
/// quick reader hands over its gathering vector instead of copying them (`take`).
#[test]
fn thousands_of_children_after_their_siblings() {
    let resources: String = (0..5000)
        .map(|i| format!("      resource \"R {i}\" {{ kind: data }}\n"))
        .collect();
    let words = vec!["w"; 5000].join(", ");
    let text = format!(
        "agreement \"T\" {{\n  contributions {{\n    note: 1\n    from a {{\n      x: [1, 2]\n{resources}    }}\n    tags: [a, b, [{words}], c]\n  }}\n}}\n"
    );
    assert!(readers_agree(&text));
    assert_eq!(quick_share(&text), (1, 0));
}
