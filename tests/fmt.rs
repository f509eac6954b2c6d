//! The formatter proves itself: on every example, every fixture, every starter agreement and
//! on generated agreements, formatting keeps the tree (spans aside) and every comment, and
//! formatting twice gives the same text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use charter::fmt::{format, same_tree, FormatErrorKind};
use charter::syntax::{ast::Document, parse};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// The comments' texts, as the formatter writes them (without trailing white space), sorted.
fn comment_texts(doc: &Document) -> Vec<String> {
    let mut texts: Vec<String> = doc
        .comments
        .iter()
        .map(|c| c.text.trim_end().to_string())
        .collect();
    texts.sort();
    texts
}

/// Format `source` (which must parse without a syntax error) and check everything the
/// formatter promises. Returns the formatted text.
fn assert_faithful(source: &str, name: &str) -> String {
    let once = match format(source) {
        Ok(text) => text,
        Err(e) => panic!("{name}: not formatted: {:#?}\n{source}", e.diagnostics),
    };
    let before = parse(source).document;
    // The whole output parsed in one go (the formatter's own check parses it item by item).
    let after = parse(&once).document;
    assert!(!after.has_syntax_errors, "{name}: syntax error in\n{once}");
    assert!(
        same_tree(&before, &after),
        "{name}: the tree changed\n--- source:\n{source}\n--- formatted:\n{once}"
    );
    assert_eq!(
        comment_texts(&before),
        comment_texts(&after),
        "{name}: comments changed\n{once}"
    );
    let twice = format(&once).unwrap_or_else(|e| panic!("{name}: {:?}", e.diagnostics));
    assert_eq!(
        twice, once,
        "{name}: not idempotent\n--- once:\n{once}\n--- twice:\n{twice}"
    );
    assert_eq!(
        charter::fmt::format_if_changed(&once).map_err(|e| e.diagnostics),
        Ok(None),
        "{name}: the formatted text is not seen to be in the layout"
    );
    assert!(
        once.lines().all(|l| l == l.trim_end()),
        "{name}: trailing white space"
    );
    once
}

fn charter_files(folder: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            charter_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "charter") {
            out.push(path);
        }
    }
}

#[test]
fn every_example_fixture_and_complete_agreement_is_formatted_faithfully() {
    let mut files = Vec::new();
    charter_files(Path::new("examples"), &mut files);
    charter_files(Path::new("tests/fixtures"), &mut files);
    charter_files(Path::new("tests/corpus"), &mut files);
    files.push(PathBuf::from("tests/cli_complete.charter"));
    let mut formatted = 0;
    for path in &files {
        let Ok(source) = std::fs::read_to_string(path) else {
            continue; // a fixture that is not UTF-8 on purpose
        };
        let name = path.display().to_string();
        if parse(&source).document.has_syntax_errors {
            // Refused, and the reason is a syntax error.
            let err = format(&source).expect_err("a file with a syntax error is refused");
            assert_eq!(err.kind, FormatErrorKind::Syntax, "{name}");
            continue;
        }
        assert_faithful(&source, &name);
        formatted += 1;
    }
    assert!(formatted >= 8, "only {formatted} files formatted");
}

#[test]
fn every_starter_is_already_formatted() {
    for model in charter::init::MODELS {
        let starter = charter::init::starter(model);
        let once = assert_faithful(starter, model.key());
        assert_eq!(
            once,
            starter,
            "the {} starter is not formatted",
            model.key()
        );
    }
}

#[test]
fn the_layout_of_a_complete_agreement() {
    let source = std::fs::read_to_string("tests/cli_complete.charter").unwrap();
    let once = assert_faithful(&source, "complete");
    // Lists wrap past 100 characters; short blocks stay on one line.
    assert!(once.contains("      matters: [\n        \"Admitting a new party\",\n"));
    assert!(once.contains(
        "    reporting { operations: weekly  progress: monthly  strategy: quarterly }\n"
    ));
    assert!(once.contains("    review { every: annually  decides: steering  options: [continue, restructure, exit] }\n"));
    assert!(once
        .lines()
        .filter(|l| !l.contains('"'))
        .all(|l| l.chars().count() <= 100));
}

#[test]
fn the_benchmark_shaped_agreement_is_formatted_faithfully() {
    // A few hundred lines in the style of scripts/gen_bench.py, with comments everywhere.
    let mut source = String::from("// header\nagreement \"Bench\" {\n  model: contractual\n");
    for i in 0..200 {
        source.push_str(&format!(
            "  // party {i}\n  party p{i} \"Party {i}\" {{ role: member  jurisdiction: \"X\"  signatory: \"S\"  alliance_manager: \"M\" }} // p{i}\n"
        ));
    }
    source.push_str("  sharing {\n    revenue: {");
    for i in 0..200 {
        source.push_str(&format!(" p{i}: 0.5%,"));
    }
    source.push_str(" }\n  }\n}\n");
    assert_faithful(&source, "bench-shaped");
}

// ---------------------------------------------------------------------------------------
// Generated agreements: random trees written with random layout, comments, escapes and
// white space, then formatted.

#[derive(Clone, Debug)]
enum Val {
    Str(String),
    Text(Vec<String>),
    Num(String),
    Percent(String),
    Money(&'static str, String),
    Duration(u32, &'static str),
    Date(String),
    Ratio(u32, u32),
    Bound(&'static str, Box<Val>),
    Word(String),
    Rule(String),
    List(Vec<Val>),
    Map(Vec<(String, Val)>),
}

#[derive(Clone, Debug)]
enum Node {
    Attr(String, Val),
    Block(String, Vec<Label>, Vec<Node>),
}

#[derive(Clone, Debug)]
enum Label {
    Id(String),
    Title(String),
}

fn ident() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_][a-z0-9_]{0,7}",
        Just("party".to_string()),
        Just("note".to_string()),
        Just("agreement".to_string()),
        Just("yes".to_string()),
        Just("days".to_string()),
        Just("business".to_string()),
    ]
}

fn text_string() -> impl Strategy<Value = String> {
    // Quotes, backslashes, control and invisible characters, `//`, text-block quotes.
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9 ,.;:%€é]{1,6}",
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("\n".to_string()),
            Just("\t".to_string()),
            Just("\u{1}".to_string()),
            Just("\u{7f}".to_string()),
            Just("\u{202E}".to_string()),
            Just("\u{FEFF}".to_string()),
            Just("😀".to_string()),
            Just("//".to_string()),
            Just("\"\"\"".to_string()),
            Just("\r".to_string()),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

fn text_lines() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[ \t]{0,3}[a-zA-Z0-9 ,.;:/'é😀-]{0,20}", 0..5)
}

fn scalar() -> impl Strategy<Value = Val> {
    prop_oneof![
        text_string().prop_map(Val::Str),
        text_lines().prop_map(Val::Text),
        "[0-9]{1,5}(\\.[0-9]{1,3})?".prop_map(Val::Num),
        "[0-9]{1,3}(\\.[0-9]{1,2})?".prop_map(Val::Percent),
        (
            prop_oneof![Just("USD"), Just("EUR"), Just("INR")],
            "[0-9]{1,10}(\\.[0-9]{1,2})?"
        )
            .prop_map(|(c, a)| Val::Money(c, a)),
        (
            0u32..40,
            prop_oneof![
                Just("day"),
                Just("days"),
                Just("business days"),
                Just("business  day"),
                Just("weeks"),
                Just("month"),
                Just("years"),
            ]
        )
            .prop_map(|(n, u)| Val::Duration(n, u)),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]".prop_map(Val::Date),
        (1u32..10, 1u32..10).prop_map(|(a, b)| Val::Ratio(a, b)),
        (
            prop_oneof![Just(">="), Just("<="), Just(">"), Just("<"), Just("=")],
            prop_oneof![
                "[0-9]{1,4}".prop_map(Val::Num),
                "[0-9]{1,2}".prop_map(Val::Percent),
                "[0-9]{4,9}".prop_map(|a| Val::Money("USD", a)),
                (1u32..5).prop_map(|n| Val::Duration(n, "years")),
            ]
        )
            .prop_map(|(c, v)| Val::Bound(c, Box::new(v))),
        ident().prop_map(Val::Word),
        "[a-z][a-z0-9]{0,4}(-[a-z0-9]{1,4}){1,2}".prop_map(Val::Rule),
    ]
}

fn value() -> impl Strategy<Value = Val> {
    scalar().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Val::List),
            proptest::collection::vec((ident(), inner), 0..5).prop_map(Val::Map),
        ]
    })
}

fn node() -> impl Strategy<Value = Node> {
    let attr = (ident(), value()).prop_map(|(k, v)| Node::Attr(k, v));
    attr.prop_recursive(3, 40, 6, |inner| {
        (
            ident(),
            proptest::collection::vec(
                prop_oneof![
                    ident().prop_map(Label::Id),
                    text_string().prop_map(Label::Title)
                ],
                0..3,
            ),
            proptest::collection::vec(inner, 0..6),
        )
            .prop_map(|(k, labels, items)| Node::Block(k, labels, items))
    })
}

/// A tiny deterministic random source for layout choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn chance(&mut self, in_n: u64) -> bool {
        self.next() % in_n == 0
    }
    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[(self.next() % options.len() as u64) as usize]
    }
}

/// Writes a generated tree as source text, with random white space and comments.
struct Writer {
    rng: Rng,
    out: String,
    comments: usize,
    /// Inside a list: rule names may be written.
    in_list: bool,
    /// One place in `comment_rate` gets a comment.
    comment_rate: u64,
}

impl Writer {
    /// White space between tokens (at least one character).
    fn space(&mut self) {
        let s = self
            .rng
            .pick(&[" ", " ", "\n", "  ", "\n\n\n", "\t", " \n    "]);
        self.out.push_str(s);
    }

    fn comment_text(&mut self) -> String {
        self.comments += 1;
        let body = self.rng.pick(&[
            " a note",
            "no space",
            " \"quoted\" // nested",
            " é😀 unicode",
            " trailing spaces   ",
            "/ three slashes",
            "",
            " {[ brackets ]}",
        ]);
        format!("//{body}")
    }

    /// Maybe a comment: own-line or at the end of the line. Always ends the line.
    fn maybe_comment(&mut self) {
        if self.rng.chance(self.comment_rate) {
            let own_line = self.rng.chance(2);
            let text = self.comment_text();
            if own_line {
                self.out.push('\n');
            } else {
                self.out.push(' ');
            }
            self.out.push_str(&text);
            self.out.push('\n');
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            let escaped = match c {
                '"' => "\\\"".to_string(),
                '\\' => "\\\\".to_string(),
                '\n' => "\\n".to_string(),
                '\r' => "\\u{d}".to_string(),
                '\t' if self.rng.chance(2) => "\\t".to_string(),
                c if self.rng.chance(6) => format!("\\u{{{:x}}}", c as u32),
                c => c.to_string(),
            };
            self.out.push_str(&escaped);
        }
        self.out.push('"');
    }

    fn value(&mut self, v: &Val) {
        match v {
            Val::Str(s) => self.string(s),
            Val::Text(lines) => {
                let indent = " ".repeat((self.rng.next() % 6) as usize);
                self.out.push_str("\"\"\"\n");
                for line in lines {
                    if !line.trim().is_empty() {
                        self.out.push_str(&indent);
                    }
                    self.out.push_str(line);
                    self.out.push('\n');
                }
                self.out.push_str(&indent);
                self.out.push_str("\"\"\"");
            }
            Val::Num(n) => self.out.push_str(n),
            Val::Percent(n) => {
                self.out.push_str(n);
                self.out.push('%');
            }
            Val::Money(c, a) => {
                self.out.push_str(c);
                self.out.push(' ');
                let (whole, fraction) = a.split_once('.').unwrap_or((a, ""));
                if self.rng.chance(2) {
                    // With comma groups.
                    let digits: Vec<char> = whole.chars().collect();
                    for (i, d) in digits.iter().enumerate() {
                        if i > 0 && (digits.len() - i) % 3 == 0 {
                            self.out.push(',');
                        }
                        self.out.push(*d);
                    }
                } else {
                    self.out.push_str(whole);
                }
                if !fraction.is_empty() {
                    self.out.push('.');
                    self.out.push_str(fraction);
                }
            }
            Val::Duration(n, u) => {
                self.out.push_str(&format!("{n} {u}"));
            }
            Val::Date(d) => self.out.push_str(d),
            Val::Ratio(a, b) => self.out.push_str(&format!("{a}/{b}")),
            Val::Bound(c, v) => {
                self.out.push_str(c);
                if self.rng.chance(2) {
                    self.out.push(' ');
                }
                self.value(v);
            }
            Val::Word(w) => self.out.push_str(w),
            Val::Rule(w) if self.in_list => self.out.push_str(w),
            Val::Rule(w) => self.out.push_str(&w.replace('-', "_")),
            Val::List(items) => {
                let was = std::mem::replace(&mut self.in_list, true);
                self.out.push('[');
                self.maybe_comment();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                        self.maybe_comment();
                        self.space();
                    }
                    self.value(item);
                }
                if !items.is_empty() && self.rng.chance(3) {
                    self.out.push(',');
                }
                self.maybe_comment();
                self.out.push(']');
                self.in_list = was;
            }
            Val::Map(entries) => {
                let was = std::mem::replace(&mut self.in_list, false);
                self.out.push('{');
                self.maybe_comment();
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        if self.rng.chance(2) {
                            self.out.push(',');
                        }
                        self.maybe_comment();
                        self.space();
                    }
                    self.out.push_str(k);
                    self.out.push(':');
                    self.maybe_comment();
                    self.space();
                    self.value(v);
                    self.after_value();
                }
                self.maybe_comment();
                self.out.push_str(" }");
                self.in_list = was;
            }
        }
    }

    /// A number followed by a word on the same line would read as a duration (`5 days`).
    fn after_value(&mut self) {
        if self.out.ends_with(|c: char| c.is_ascii_digit()) {
            self.out.push('\n');
        }
    }

    fn node(&mut self, n: &Node) {
        self.maybe_comment();
        self.space();
        match n {
            Node::Attr(k, v) => {
                self.out.push_str(k);
                self.out.push(':');
                self.maybe_comment();
                self.space();
                self.value(v);
                self.after_value();
            }
            Node::Block(k, labels, items) => {
                self.out.push_str(k);
                for label in labels {
                    self.maybe_comment();
                    self.space();
                    match label {
                        Label::Id(id) => self.out.push_str(id),
                        Label::Title(t) => self.string(t),
                    }
                }
                self.space();
                self.out.push('{');
                self.maybe_comment();
                for item in items {
                    self.node(item);
                }
                self.maybe_comment();
                self.space();
                self.out.push('}');
            }
        }
        self.maybe_comment();
        self.space();
    }

    fn document(&mut self, title: &str, items: &[Node]) {
        if self.rng.chance(3) {
            self.out.push('\u{FEFF}');
        }
        self.maybe_comment();
        self.out.push_str("agreement ");
        self.string(title);
        self.out.push_str(" {");
        self.maybe_comment();
        self.out.push('\n');
        for item in items {
            self.node(item);
        }
        self.maybe_comment();
        self.out.push_str("\n}");
        self.maybe_comment();
        if self.rng.chance(2) {
            self.out.push('\n');
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_agreements_are_formatted_faithfully(
        title in text_string(),
        items in proptest::collection::vec(node(), 0..8),
        seed in any::<u64>(),
        crlf in any::<bool>(),
    ) {
        let comment_rate = [3, 8, 40][(seed % 3) as usize];
        let mut w = Writer { rng: Rng(seed | 1), out: String::new(), comments: 0, in_list: false, comment_rate };
        w.document(&title, &items);
        let mut source = w.out;
        if crlf {
            source = source.replace('\n', "\r\n");
        }
        let parsed = parse(&source);
        prop_assert!(
            !parsed.document.has_syntax_errors,
            "the generator wrote a syntax error: {:#?}\n{source}",
            parsed.diagnostics
        );
        prop_assert_eq!(parsed.document.comments.len(), w.comments);
        if std::env::var_os("FMT_DUMP").is_some() { eprintln!("=====\n{source}\n-----\n{}", format(&source).unwrap()); }
        assert_faithful(&source, "generated");
    }
}

/// Pieces of the language, for soups that are mostly not valid agreements.
const TOKENS: &[&str] = &[
    "agreement",
    "\"Title\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\n",
    " ",
    "party",
    "a",
    "b",
    "governance",
    "seats",
    "55%",
    "USD 1,200,000",
    "EUR 1,20,0",
    "90 days",
    "2027-01-01",
    "2/3",
    ">=",
    "yes",
    "\"\"\"\n  text\n  \"\"\"",
    "\"\"\"",
    "\"unclosed",
    "// comment\n",
    "\"a\\qb\"",
    "no-mediation",
    "\u{FEFF}",
    "\r\n",
    "é",
    "@",
    "%",
    "-",
    "9999999999999999999999999999999",
    "days",
    "5",
    "\t",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever the input, formatting does not panic; when it succeeds, it is faithful.
    #[test]
    fn token_soups_are_formatted_faithfully_or_refused(
        picks in proptest::collection::vec(0..TOKENS.len(), 0..120),
        wrap in any::<bool>(),
    ) {
        let soup: String = picks.iter().map(|&i| TOKENS[i]).collect::<Vec<_>>().join(" ");
        let source = if wrap { format!("agreement \"T\" {{\n{soup}\n}}\n") } else { soup };
        match format(&source) {
            Ok(_) => {
                assert_faithful(&source, "soup");
            }
            Err(e) => {
                prop_assert_eq!(e.kind, FormatErrorKind::Syntax, "{:?}\n{}", e.diagnostics, source);
                prop_assert!(parse(&source).document.has_syntax_errors || parse(&source).document.header.is_none());
            }
        }
    }
}
