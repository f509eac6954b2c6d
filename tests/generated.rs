//! Property tests on generated agreements: random agreements that follow the grammar and the
//! schema (SPEC §1–§2) — every section, every value kind, ids that refer to each other,
//! comments, text blocks, escapes, odd but valid layout — with random content, so that the
//! rules have plenty to find. For each one:
//!
//! - checking never panics, and reports no structural error (the generator writes only
//!   what the grammar and the schema accept);
//! - the JSON report is JSON whose summary counts the findings;
//! - the JSON document of `charter build` validates against the shipped schema;
//! - `charter fmt` round-trips and `diff(x, x)` is empty (see the `fmt_and_diff` module at
//!   the end: it is switched off until `charter::fmt` and `charter::diff` are on the branch).
//!
//! The generator draws every choice from a tape of bytes that proptest shrinks, so a failure
//! shrinks to a small agreement (choices fall to their first option when the tape runs out).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use charter::check::{check_bytes, Options};
use charter::diagnostic::Severity;
use charter::emit::Build;
use charter::render::{self, FileResult};
use proptest::prelude::*;
use std::fmt::Write as _;
use std::sync::LazyLock;

/// Rules that mean the generated text is not a structurally valid agreement.
const STRUCTURAL: &[&str] = &[
    "syntax-error",
    "nesting-too-deep",
    "unknown-key",
    "unknown-block",
    "duplicate-key",
    "duplicate-id",
    "type-mismatch",
    "invalid-date",
    "unknown-rule",
];

// ---------------------------------------------------------------------------------------
// The generator.

struct Gen {
    tape: Vec<u8>,
    pos: usize,
    out: String,
    depth: usize,
    /// Inline layout (`{ a: 1  b: 2 }`) for the block being written.
    inline: Vec<bool>,
    parties: Vec<String>,
    committees: Vec<String>,
    entity: Option<String>,
    next_id: usize,
}

const CADENCES: &[&str] = &[
    "weekly",
    "biweekly",
    "monthly",
    "quarterly",
    "semiannually",
    "annually",
];
const CURRENCIES: &[&str] = &["USD", "EUR", "GBP", "JPY", "CHF"];
const UNITS: &[&str] = &[
    "days",
    "day",
    "business days",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
];
const WORDS: &[&str] = &[
    "Northwind",
    "Contoso Retail GmbH",
    "Société Générale",
    "Müller & Söhne",
    "東京データ株式会社",
    "O'Neill",
    "TODO: decide",
    "pipes | and * stars _ and <b>tags</b>",
    "# not a heading",
    "[a link](http://example.com)",
    "emoji 😀",
    "tab\there",
    "back\\slash",
    "say \"yes\"",
    "line\nbreak",
    "",
    " ",
    "England and Wales",
    "Twice-yearly survey of both teams, scored 1 to 5",
];

impl Gen {
    fn new(tape: Vec<u8>) -> Gen {
        Gen {
            tape,
            pos: 0,
            out: String::new(),
            depth: 0,
            inline: Vec::new(),
            parties: Vec::new(),
            committees: Vec::new(),
            entity: None,
            next_id: 0,
        }
    }

    /// A choice in `0..n` (0 once the tape runs out).
    fn pick(&mut self, n: usize) -> usize {
        let b = self.tape.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        if n == 0 {
            0
        } else {
            b as usize % n
        }
    }

    /// True with about `percent` % chance (false once the tape runs out).
    fn chance(&mut self, percent: usize) -> bool {
        let b = self.tape.get(self.pos).copied();
        self.pos += 1;
        b.is_some_and(|b| (b as usize * 100 / 256) < percent)
    }

    fn one<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[self.pick(options.len())]
    }

    fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        // Ids may be keywords or enumeration words (SPEC §2.2) — but then the enumeration
        // word is meant where both fit, which changes what refers to what; keep them apart.
        format!("{prefix}{}", self.next_id)
    }

    // --- Layout --------------------------------------------------------------------------

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn comment_line(&mut self) {
        if self.inline.last() != Some(&true) && self.chance(8) {
            self.indent();
            let text = self.one(&[" a comment", "", " // nested // slashes \"quoted\"", " é"]);
            let _ = writeln!(self.out, "//{text}");
        }
    }

    fn open(&mut self, head: &str) {
        let inline = self.chance(15);
        self.comment_line();
        self.indent();
        self.out.push_str(head);
        if inline {
            self.out.push_str(" { ");
        } else {
            self.out.push_str(" {\n");
        }
        self.depth += 1;
        self.inline.push(inline);
    }

    fn close(&mut self) {
        self.maybe_note();
        self.depth -= 1;
        let inline = self.inline.pop().unwrap_or(false);
        if inline {
            self.out.push_str("}\n");
        } else {
            self.indent();
            self.out.push_str("}\n");
        }
    }

    /// `key: value` where `value` is written by `f`.
    fn attr(&mut self, key: &str, f: impl FnOnce(&mut Gen)) {
        let inline = self.inline.last() == Some(&true);
        if !inline {
            self.comment_line();
            self.indent();
        }
        self.out.push_str(key);
        let colon = if self.chance(10) { ":\t" } else { ": " };
        self.out.push_str(colon);
        f(self);
        if inline {
            self.out.push_str("  ");
        } else {
            if self.chance(5) {
                self.out.push_str("  // trailing comment");
            }
            self.out.push('\n');
        }
    }

    fn maybe_note(&mut self) {
        if self.chance(10) {
            self.attr("note", |g| g.prose());
        }
    }

    // --- Values --------------------------------------------------------------------------

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn string(&mut self) {
        let text = self.one(WORDS);
        let mut s = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => s.push_str("\\\""),
                '\\' => s.push_str("\\\\"),
                '\n' => s.push_str("\\n"),
                '\t' => s.push_str("\\t"),
                c if !c.is_ascii() && self.chance(20) => {
                    let _ = write!(s, "\\u{{{:X}}}", c as u32);
                }
                c => s.push(c),
            }
        }
        s.push('"');
        self.out.push_str(&s);
    }

    /// A string or, in a block laid out on lines, sometimes a text block.
    fn prose(&mut self) {
        if self.inline.last() != Some(&true) && self.chance(25) {
            let pad = "  ".repeat(self.depth + 1);
            self.out.push_str("\"\"\"\n");
            for _ in 0..=self.pick(3) {
                let line = self.one(&[
                    "Each party keeps its background IP.",
                    "  indented more: \"quotes\" and \\ backslashes stay",
                    "",
                    "Unicode: café, 東京, 😀",
                    "A line with a \" quote and two \"\" of them",
                ]);
                if line.is_empty() {
                    self.out.push('\n');
                } else {
                    let _ = writeln!(self.out, "{pad}{line}");
                }
            }
            let _ = write!(self.out, "{pad}\"\"\"");
        } else {
            self.string();
        }
    }

    fn number(&mut self) -> String {
        match self.pick(4) {
            0 => format!("{}", self.pick(10)),
            1 => format!("{}", self.pick(200)),
            2 => format!("{}.{}", self.pick(20), self.pick(10)),
            _ => format!("{}", self.pick(5) + 1),
        }
    }

    fn percent(&mut self) -> String {
        match self.pick(3) {
            0 => format!("{}%", self.pick(101)),
            1 => format!("{}.5%", self.pick(100)),
            _ => "50%".into(),
        }
    }

    fn money(&mut self) -> String {
        let currency = self.one(CURRENCIES);
        let amount = match self.pick(4) {
            0 => format!("{}", self.pick(1000)),
            1 => format!("{},{:03}", self.pick(999) + 1, self.pick(1000)),
            2 => format!(
                "{},{:03},{:03}",
                self.pick(99) + 1,
                self.pick(1000),
                self.pick(1000)
            ),
            _ => format!("{}.{:02}", self.pick(250) * 1000, self.pick(100)),
        };
        format!("{currency} {amount}")
    }

    fn duration(&mut self) -> String {
        let unit = self.one(UNITS);
        let n = if unit.ends_with('s') {
            self.pick(120) + 2
        } else {
            1
        };
        format!("{n} {unit}")
    }

    fn date(&mut self) -> String {
        format!(
            "{}-{:02}-{:02}",
            2025 + self.pick(10),
            self.pick(12) + 1,
            self.pick(28) + 1
        )
    }

    fn cadence(&mut self) -> String {
        self.one(CADENCES).to_string()
    }

    fn decision(&mut self) -> String {
        match self.pick(5) {
            0 => "consensus".into(),
            1 => "majority".into(),
            2 => "unanimous".into(),
            3 => "2/3".into(),
            _ => "75%".into(),
        }
    }

    fn boolean(&mut self) -> String {
        self.one(&["yes", "no"]).into()
    }

    fn party(&mut self) -> String {
        let n = self.parties.len();
        let i = self.pick(n);
        self.parties
            .get(i)
            .cloned()
            .unwrap_or_else(|| "nobody".into())
    }

    fn committee(&mut self) -> String {
        let n = self.committees.len();
        let i = self.pick(n);
        self.committees
            .get(i)
            .cloned()
            .unwrap_or_else(|| "nobody".into())
    }

    /// `[a, b]`, possibly over several lines, possibly with a trailing comma.
    fn list(&mut self, items: Vec<String>) {
        let multiline = self.inline.last() != Some(&true) && self.chance(20);
        let trailing = self.chance(30);
        if multiline {
            self.out.push_str("[\n");
            let pad = "  ".repeat(self.depth + 1);
            for (i, item) in items.iter().enumerate() {
                let comma = if i + 1 < items.len() || trailing {
                    ","
                } else {
                    ""
                };
                let _ = writeln!(self.out, "{pad}{item}{comma}");
            }
            self.indent();
            self.out.push(']');
        } else {
            let mut s = items.join(", ");
            if trailing && !items.is_empty() {
                s.push(',');
            }
            let _ = write!(self.out, "[{s}]");
        }
    }

    /// `{ a: 1, b: 2 }`, possibly over several lines with commas or newlines between entries.
    fn map(&mut self, entries: Vec<(String, String)>) {
        let multiline = self.inline.last() != Some(&true) && self.chance(25);
        if multiline {
            let commas = self.chance(50);
            self.out.push_str("{\n");
            let pad = "  ".repeat(self.depth + 1);
            for (k, v) in &entries {
                let _ = writeln!(self.out, "{pad}{k}: {v}{}", if commas { "," } else { "" });
            }
            self.indent();
            self.out.push('}');
        } else if entries.is_empty() {
            self.out.push_str("{}");
        } else {
            let s: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            let _ = write!(self.out, "{{ {} }}", s.join(", "));
        }
    }

    /// Shares of every party (sometimes not adding up to 100, sometimes with a stranger).
    fn shares(&mut self) -> Vec<(String, String)> {
        let parties = self.parties.clone();
        let n = parties.len().max(1);
        let mut entries: Vec<(String, String)> = Vec::new();
        let mut left = 100usize;
        for (i, p) in parties.iter().enumerate() {
            let share = if i + 1 == n { left } else { left / (n - i) };
            left -= share;
            entries.push((p.clone(), format!("{share}%")));
        }
        if self.chance(15) {
            entries.pop();
        }
        if self.chance(10) {
            entries.push(("stranger".into(), "5%".into()));
        }
        entries
    }

    fn seats(&mut self) -> Vec<(String, String)> {
        let mut entries = Vec::new();
        for p in self.parties.clone() {
            if !self.chance(10) {
                let n = self.pick(4);
                entries.push((p, n.to_string()));
            }
        }
        entries
    }

    // --- The agreement -------------------------------------------------------------------

    fn agreement(mut self) -> String {
        if self.chance(5) {
            self.out.push('\u{FEFF}');
        }
        if self.chance(30) {
            self.out.push_str("// Generated agreement\n\n");
        }
        let model = self.one(&["contractual", "equity", "joint_venture"]);
        let n_parties = 2 + self.pick(4);
        for _ in 0..n_parties {
            let id = self.id("p");
            self.parties.push(id);
        }
        self.out.push_str("agreement ");
        self.string();
        self.out.push_str(" {\n");
        self.depth = 1;
        self.inline.push(false);

        self.attr("model", |g| g.raw(model));
        self.attr("purpose", |g| g.prose());
        if self.chance(30) {
            self.attr("scope", |g| g.prose());
        }
        let effective = self.date();
        self.attr("effective", |g| g.raw(&effective));
        if self.chance(15) {
            self.attr("term", |g| g.raw("indefinite"));
        } else {
            let d = self.duration();
            self.attr("term", |g| g.raw(&d));
        }
        match self.pick(4) {
            0 => {}
            1 => self.attr("renewal", |g| g.raw("none")),
            2 => self.attr("renewal", |g| g.raw("by_agreement")),
            _ => {
                self.attr("renewal", |g| g.raw("automatic"));
                let (a, b) = (self.duration(), self.duration());
                self.attr("renewal_term", |g| g.raw(&a));
                if !self.chance(20) {
                    self.attr("renewal_notice", |g| g.raw(&b));
                }
            }
        }
        if self.chance(20) {
            let d = self.date();
            self.attr("signed", |g| g.raw(&d));
        }
        self.attr("governing_law", |g| g.string());
        if self.chance(15) {
            let rules = [
                "no-mediation",
                "todo-left",
                "metric-not-joint",
                "long-lock-in",
            ];
            let items: Vec<String> = (0..=self.pick(2))
                .map(|_| rules[self.pick(rules.len())].to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            self.attr("allow", |g| g.list(items));
        }
        self.out.push('\n');

        for p in self.parties.clone() {
            self.party_block(&p);
        }
        if model == "equity" || self.chance(5) {
            self.equity();
        }
        if model == "joint_venture" || self.chance(5) {
            self.entity_block();
        }
        self.governance();
        self.contributions();
        self.sharing();
        if self.chance(70) {
            self.liability();
        }
        if self.chance(70) {
            self.ip();
        }
        if self.chance(60) {
            self.compliance();
        }
        if self.chance(20) {
            self.open("confidentiality");
            let d = self.duration();
            self.attr("term", |g| g.raw(&d));
            self.close();
        }
        if self.chance(40) {
            self.covenants();
        }
        self.metrics();
        self.disputes();
        self.exit();
        for _ in 0..self.pick(3) {
            let id = self.id("clause");
            let head = format!("clause {id} \"Clause {id}\"");
            self.open(&head);
            self.attr("text", |g| g.prose());
            self.close();
        }
        self.out.push_str("}\n");
        if self.chance(10) {
            self.out = self.out.replace('\n', "\r\n");
        }
        self.out
    }

    fn party_block(&mut self, id: &str) {
        let head = format!("party {id} \"{id} Holdings Ltd.\"");
        self.open(&head);
        if self.chance(40) {
            let role = self.one(&["convener", "lead", "member"]);
            self.attr("role", |g| g.raw(role));
        }
        for key in ["jurisdiction", "signatory", "alliance_manager", "contact"] {
            if !self.chance(15) {
                self.attr(key, |g| g.string());
            }
        }
        self.close();
    }

    fn equity(&mut self) {
        self.open("equity");
        for _ in 0..=self.pick(2) {
            self.open("stake");
            let (h, i) = (self.party(), self.party());
            self.attr("holder", |g| g.raw(&h));
            self.attr("issuer", |g| g.raw(&i));
            let p = self.percent();
            self.attr("percent", |g| g.raw(&p));
            if self.chance(70) {
                let m = self.money();
                self.attr("amount", |g| g.raw(&m));
            }
            if self.chance(30) {
                let d = self.date();
                self.attr("closing", |g| g.raw(&d));
            }
            self.close();
        }
        if self.chance(50) {
            let s = self.seats();
            self.attr("board_seats", |g| g.map(s));
        }
        let b = self.boolean();
        self.attr("information_rights", |g| g.raw(&b));
        self.attr("unwind", |g| g.string());
        self.close();
    }

    fn entity_block(&mut self) {
        let id = self.id("jv");
        self.entity = Some(id.clone());
        let head = format!("entity {id} \"Joint Venture {id} Ltd.\"");
        self.open(&head);
        self.attr("jurisdiction", |g| g.string());
        let s = self.shares();
        self.attr("ownership", |g| g.map(s));
        if self.chance(60) {
            let parties = self.parties.clone();
            let entries: Vec<_> = parties.into_iter().map(|p| (p, self.money())).collect();
            self.attr("capital", |g| g.map(entries));
        }
        if self.chance(40) {
            self.attr("management", |g| g.string());
        }
        self.open("board");
        let s = self.seats();
        self.attr("seats", |g| g.map(s));
        if self.chance(50) {
            let n = self.number();
            self.attr("independent", |g| g.raw(&n));
        }
        let d = self.decision();
        self.attr("decides", |g| g.raw(&d));
        if self.chance(70) {
            let items = vec![
                "\"Capital allocation\"".to_string(),
                "\"Appointing the chief executive\"".to_string(),
            ];
            self.attr("reserved", |g| g.list(items));
        }
        self.close();
        self.close();
    }

    fn governance(&mut self) {
        self.open("governance");
        for _ in 0..=self.pick(2) {
            let id = self.id("committee");
            self.committees.push(id.clone());
            let head = format!("committee {id} \"Committee {id}\"");
            self.open(&head);
            let s = self.seats();
            self.attr("seats", |g| g.map(s));
            let c = self.cadence();
            self.attr("meets", |g| g.raw(&c));
            let d = self.decision();
            self.attr("decides", |g| g.raw(&d));
            if self.chance(50) {
                let n = self.number();
                self.attr("quorum", |g| g.raw(&n));
            }
            match self.pick(3) {
                0 => {}
                1 => {
                    let p = self.party();
                    self.attr("chair", |g| g.raw(&p));
                }
                _ => {
                    self.attr("chair", |g| g.raw("rotating"));
                    let c = self.cadence();
                    self.attr("rotation", |g| g.raw(&c));
                }
            }
            if self.chance(20) {
                let n = self.number();
                self.attr("independent", |g| g.raw(&n));
            }
            self.close();
        }
        if self.chance(70) {
            self.open("reporting");
            for key in ["operations", "progress", "strategy"] {
                if self.chance(80) {
                    let c = self.cadence();
                    self.attr(key, |g| g.raw(&c));
                }
            }
            self.close();
        }
        if self.chance(70) {
            let c = self.cadence();
            self.attr("health_check", |g| g.raw(&c));
        }
        if self.chance(40) {
            self.open("reserved_matters");
            let items = vec!["\"Admitting a new party\"".to_string()];
            self.attr("matters", |g| g.list(items));
            let d = self.decision();
            self.attr("decides", |g| g.raw(&d));
            self.close();
        }
        if self.chance(50) {
            self.open("scope_change");
            let c = self.committee();
            self.attr("approved_by", |g| g.raw(&c));
            let b = self.boolean();
            self.attr("amendment_required", |g| g.raw(&b));
            self.close();
        }
        self.close();
    }

    fn contributions(&mut self) {
        self.open("contributions");
        if self.chance(70) {
            let c = self.cadence();
            self.attr("review", |g| g.raw(&c));
        }
        for p in self.parties.clone() {
            if self.chance(10) {
                continue;
            }
            let head = format!("from {p}");
            self.open(&head);
            for _ in 0..self.pick(4) {
                self.open("resource \"A resource\"");
                let kind = self.one(&[
                    "cash",
                    "ip",
                    "data",
                    "staff",
                    "facilities",
                    "technology",
                    "market_access",
                    "brand",
                    "other",
                ]);
                self.attr("kind", |g| g.raw(kind));
                if kind == "cash" || self.chance(50) {
                    let m = self.money();
                    self.attr("value", |g| g.raw(&m));
                }
                if self.chance(20) {
                    let n = self.number();
                    self.attr("fte", |g| g.raw(&n));
                }
                if kind == "ip" || self.chance(10) {
                    let l = self.one(&["exclusive", "non_exclusive", "assignment"]);
                    self.attr("license", |g| g.raw(l));
                }
                if self.chance(20) {
                    self.attr("schedule", |g| g.string());
                }
                self.close();
            }
            for _ in 0..self.pick(3) {
                self.open("deliverable \"A deliverable\"");
                let d = self.date();
                self.attr("due", |g| g.raw(&d));
                if self.chance(30) {
                    self.attr("acceptance", |g| g.string());
                }
                self.close();
            }
            self.close();
        }
        self.close();
    }

    fn sharing(&mut self) {
        self.open("sharing");
        let r = self.shares();
        self.attr("revenue", |g| g.map(r));
        let c = self.shares();
        self.attr("costs", |g| g.map(c));
        if self.chance(40) {
            self.attr("method", |g| g.string());
        }
        self.close();
    }

    fn liability(&mut self) {
        self.open("liability");
        if self.chance(60) {
            let m = self.money();
            self.attr("cap", |g| g.raw(&m));
        }
        if self.chance(40) {
            let m = self.money();
            self.attr("joint_pool", |g| g.raw(&m));
            let s = self.shares();
            self.attr("pool_shares", |g| g.map(s));
        }
        let o = self.one(&["each_party", "shared"]);
        self.attr("own_people_and_assets", |g| g.raw(o));
        if self.chance(30) {
            self.attr("insurance", |g| g.string());
        }
        if self.chance(30) {
            let items = vec!["\"breach of confidentiality\"".to_string()];
            self.attr("uncapped", |g| g.list(items));
        }
        if self.chance(20) {
            let m = self.money();
            self.attr("termination_fee", |g| g.raw(&m));
        }
        if self.chance(20) {
            let d = self.duration();
            self.attr("warranty", |g| g.raw(&d));
        }
        self.close();
    }

    fn ip(&mut self) {
        self.open("ip");
        let b = self.one(&["retained", "licensed"]);
        self.attr("background", |g| g.raw(b));
        let joint = match self.pick(3) {
            0 => "jointly_owned".to_string(),
            1 => self.party(),
            _ => self
                .entity
                .clone()
                .unwrap_or_else(|| "jointly_owned".into()),
        };
        self.attr("joint", |g| g.raw(&joint));
        if self.chance(85) {
            self.attr("after_exit", |g| g.prose());
        }
        for _ in 0..self.pick(3) {
            self.open("license \"A licence\"");
            let gr = self.party();
            self.attr("grantor", |g| g.raw(&gr));
            let ge = if self.chance(30) {
                "all".to_string()
            } else {
                self.party()
            };
            self.attr("grantee", |g| g.raw(&ge));
            self.attr("scope", |g| g.string());
            for key in [
                "exclusive",
                "transferable",
                "sublicensable",
                "affiliates",
                "perpetual",
                "irrevocable",
            ] {
                if self.chance(40) {
                    let b = self.boolean();
                    self.attr(key, |g| g.raw(&b));
                }
            }
            if self.chance(30) {
                let r = if self.chance(50) {
                    self.percent()
                } else {
                    self.money()
                };
                self.attr("royalty", |g| g.raw(&r));
            }
            self.close();
        }
        self.close();
    }

    fn compliance(&mut self) {
        self.open("compliance");
        let items = vec!["\"EU\"".to_string(), "\"UK\"".to_string()];
        self.attr("jurisdictions", |g| g.list(items));
        let all = [
            "antitrust",
            "data_privacy",
            "export_control",
            "anti_bribery",
            "sanctions",
        ];
        let regimes: Vec<String> = all
            .iter()
            .filter(|_| self.chance(50))
            .map(|s| s.to_string())
            .collect();
        self.attr("regimes", |g| g.list(regimes));
        if self.chance(40) {
            self.attr("change_in_law", |g| g.string());
        }
        self.close();
    }

    fn binds(&mut self) -> String {
        if self.chance(40) {
            "all".into()
        } else {
            let p = self.party();
            format!("[{p}]")
        }
    }

    fn covenants(&mut self) {
        self.open("covenants");
        if self.chance(40) {
            self.open("exclusivity");
            let b = self.binds();
            self.attr("binds", |g| g.raw(&b));
            self.attr("scope", |g| g.string());
            if self.chance(50) {
                let d = self.duration();
                self.attr("after_exit", |g| g.raw(&d));
            }
            self.close();
        }
        if self.chance(40) {
            self.open("non_compete");
            let b = self.binds();
            self.attr("binds", |g| g.raw(&b));
            self.attr("scope", |g| g.string());
            if self.chance(50) {
                self.attr("territory", |g| g.string());
            }
            if self.chance(50) {
                let d = self.duration();
                self.attr("after_exit", |g| g.raw(&d));
            }
            self.close();
        }
        if self.chance(30) {
            self.open("non_solicit");
            let items = vec!["customers".to_string(), "employees".to_string()];
            self.attr("of", |g| g.list(items));
            let b = self.binds();
            self.attr("binds", |g| g.raw(&b));
            self.close();
        }
        if self.chance(30) {
            self.open("first_refusal \"Right of first refusal\"");
            let p = self.party();
            self.attr("holder", |g| g.raw(&p));
            let k = self.one(&["refusal", "offer", "negotiation"]);
            self.attr("kind", |g| g.raw(k));
            self.attr("over", |g| g.string());
            let d = self.duration();
            self.attr("window", |g| g.raw(&d));
            self.close();
        }
        if self.chance(30) {
            self.open("minimum_commitment \"Minimum purchase\"");
            let p = self.party();
            self.attr("party", |g| g.raw(&p));
            let m = self.money();
            self.attr("amount", |g| g.raw(&m));
            let c = self.cadence();
            self.attr("per", |g| g.raw(&c));
            self.close();
        }
        if self.chance(50) {
            self.open("assignment");
            let b = self.boolean();
            self.attr("consent_required", |g| g.raw(&b));
            self.close();
        }
        if self.chance(30) {
            self.open("audit");
            let b = self.binds();
            self.attr("by", |g| g.raw(&b));
            let c = self.cadence();
            self.attr("every", |g| g.raw(&c));
            let d = self.duration();
            self.attr("notice", |g| g.raw(&d));
            self.close();
        }
        self.close();
    }

    fn metrics(&mut self) {
        self.open("metrics");
        if self.chance(70) {
            let c = self.cadence();
            self.attr("review", |g| g.raw(&c));
        }
        if self.chance(70) {
            let d = if self.chance(70) {
                "shared".to_string()
            } else {
                self.party()
            };
            self.attr("data_access", |g| g.raw(&d));
        }
        for _ in 0..=self.pick(3) {
            let id = self.id("metric");
            let head = format!("metric {id} \"Metric {id}\"");
            self.open(&head);
            let k = self.one(&["quantitative", "qualitative"]);
            self.attr("kind", |g| g.raw(k));
            if self.chance(90) {
                let cmp = self.one(&[">=", "<=", ">", "<", "="]);
                let target = match self.pick(4) {
                    0 => self.money(),
                    1 => self.percent(),
                    2 => self.duration(),
                    _ => self.number(),
                };
                let space = if self.chance(50) { " " } else { "" };
                self.attr("target", |g| g.raw(&format!("{cmp}{space}{target}")));
            }
            if self.chance(40) {
                let d = self.date();
                self.attr("by", |g| g.raw(&d));
            }
            match self.pick(3) {
                0 => self.attr("owner", |g| g.raw("joint")),
                1 => {
                    let p = vec![self.party()];
                    self.attr("owner", |g| g.list(p));
                }
                _ => {}
            }
            if self.chance(30) {
                self.attr("source", |g| g.string());
            }
            self.close();
        }
        for _ in 0..self.pick(3) {
            let id = self.id("milestone");
            let head = format!("milestone {id} \"Milestone {id}\"");
            self.open(&head);
            let d = self.date();
            self.attr("due", |g| g.raw(&d));
            if self.chance(50) {
                let h = self.one(&["quick_win", "medium_term", "ultimate"]);
                self.attr("horizon", |g| g.raw(h));
            }
            self.close();
        }
        self.close();
    }

    fn disputes(&mut self) {
        self.open("disputes");
        if self.chance(70) {
            self.open("negotiation");
            let b = self.one(&["alliance_managers", "executives"]);
            self.attr("between", |g| g.raw(b));
            if self.chance(80) {
                let d = self.duration();
                self.attr("within", |g| g.raw(&d));
            }
            self.close();
        }
        if self.chance(50) {
            self.open("escalation");
            let c = self.committee();
            self.attr("to", |g| g.raw(&c));
            let d = self.duration();
            self.attr("within", |g| g.raw(&d));
            self.close();
        }
        if self.chance(60) {
            self.open("mediation");
            self.attr("provider", |g| g.string());
            let d = self.duration();
            self.attr("within", |g| g.raw(&d));
            self.close();
        }
        match self.pick(4) {
            0 => {
                self.open("arbitration");
                self.attr("rules", |g| g.string());
                self.attr("seat", |g| g.string());
                if self.chance(50) {
                    let n = self.one(&["1", "3"]);
                    self.attr("arbitrators", |g| g.raw(n));
                }
                self.close();
            }
            1 => {
                self.open("litigation");
                self.attr("courts", |g| g.string());
                self.close();
            }
            2 => {
                self.open("expert");
                self.attr("provider", |g| g.string());
                let b = self.boolean();
                self.attr("binding", |g| g.raw(&b));
                self.close();
            }
            _ => {}
        }
        self.close();
    }

    fn exit(&mut self) {
        self.open("exit");
        let kinds = [
            "convenience",
            "cause",
            "change_of_control",
            "insolvency",
            "underperformance",
        ];
        for kind in kinds {
            if !self.chance(50) {
                continue;
            }
            let head = format!("termination {kind}");
            self.open(&head);
            if self.chance(85) {
                let d = self.duration();
                self.attr("notice", |g| g.raw(&d));
            }
            if self.chance(30) {
                let d = self.duration();
                self.attr("cure", |g| g.raw(&d));
            }
            if self.chance(30) {
                let d = self.date();
                self.attr("earliest", |g| g.raw(&d));
            }
            if self.chance(20) {
                self.attr("trigger", |g| g.string());
            }
            self.close();
        }
        let d = self.duration();
        self.attr("wind_down", |g| g.raw(&d));
        if self.chance(70) {
            self.attr("assets", |g| g.prose());
        }
        if self.chance(60) {
            self.open("review");
            let c = self.cadence();
            self.attr("every", |g| g.raw(&c));
            let c = self.committee();
            self.attr("decides", |g| g.raw(&c));
            let items = vec![
                "continue".to_string(),
                "restructure".to_string(),
                "exit".to_string(),
            ];
            self.attr("options", |g| g.list(items));
            self.close();
        }
        if self.chance(20) {
            self.open("evolve");
            let d = self.date();
            self.attr("by", |g| g.raw(&d));
            let i = self.one(&["equity", "joint_venture"]);
            self.attr("into", |g| g.raw(i));
            let o = self.one(&["dissolve", "continue"]);
            self.attr("otherwise", |g| g.raw(o));
            self.close();
        }
        if self.chance(30) {
            self.attr("transition", |g| g.prose());
        }
        self.close();
    }
}

fn agreement() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..1500).prop_map(|tape| Gen::new(tape).agreement())
}

// ---------------------------------------------------------------------------------------
// The properties.

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/schema/charter.schema.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
});

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// The fast parser (whose tree is read) and the detailed one (which describes errors)
    /// accept the same texts, and the quick reader reads them as pest does: whole, and cut
    /// short.
    #[test]
    fn the_two_parsers_agree(text in agreement(), cut in 0.0..1.0f64) {
        prop_assert!(charter::syntax::parsers_agree(&text));
        prop_assert!(charter::syntax::readers_agree(&text));
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        prop_assert!(charter::syntax::parsers_agree(&text[..at]), "cut at {}", at);
        prop_assert!(charter::syntax::readers_agree(&text[..at]), "cut at {}", at);
    }

    #[test]
    fn generated_agreements_check_without_structural_errors(text in agreement()) {
        let report = check_bytes(text.as_bytes(), &Options::default());
        let structural: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| STRUCTURAL.contains(&d.rule))
            .map(|d| format!("{}: {} at {:?}", d.rule, d.message, &text[d.span.range()]))
            .collect();
        prop_assert!(structural.is_empty(), "{structural:#?}\n{text}");

        // The JSON report is JSON, and its summary counts the findings.
        let file = FileResult { path: "generated.charter", report: &report };
        let json: serde_json::Value =
            serde_json::from_str(&render::json::render(std::slice::from_ref(&file)).unwrap()).unwrap();
        for (key, severity) in [("errors", Severity::Error), ("warnings", Severity::Warning), ("infos", Severity::Info)] {
            prop_assert_eq!(json["summary"][key].as_u64().unwrap() as usize, report.count(severity));
        }
    }

    #[test]
    fn the_json_document_of_generated_agreements_validates(text in agreement()) {
        let build = Build::from_text(&text, &Options::default());
        prop_assert!(!build.has_syntax_errors, "{:?}", build.diagnostics.first());
        let value: serde_json::Value = serde_json::from_str(&build.json()).unwrap();
        let errors: Vec<String> = SCHEMA
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        prop_assert!(errors.is_empty(), "{errors:#?}\n{text}");
        let _ = build.markdown();
    }
}

/// `charter fmt` and `charter diff` on generated agreements: formatting is idempotent and
/// changes no finding; an agreement compared with itself has no change.
mod fmt_and_diff {
    use super::*;

    fn rules(text: &str) -> Vec<&'static str> {
        let mut rules: Vec<_> = check_bytes(text.as_bytes(), &Options::default())
            .diagnostics
            .iter()
            .map(|d| d.rule)
            .collect();
        rules.sort_unstable();
        rules
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        #[test]
        fn fmt_round_trips(text in agreement()) {
            let once = charter::fmt::format(&text).unwrap();
            let twice = charter::fmt::format(&once).unwrap();
            prop_assert_eq!(&once, &twice, "not idempotent");
            prop_assert!(charter::fmt::format_if_changed(&once).is_ok_and(|c| c.is_none()));
            // Formatting changes the layout, never the findings.
            prop_assert_eq!(rules(&text), rules(&once));
        }

        #[test]
        fn diff_of_an_agreement_with_itself_is_empty(text in agreement()) {
            let agreement = charter::diff::read(&text).unwrap().agreement;
            let changes = charter::diff::diff(&agreement, &agreement);
            prop_assert!(changes.is_empty(), "{} changes", changes.len());
        }
    }
}

/// Print one generated agreement and its findings, to see what the generator writes:
/// `cargo test --test generated print_sample -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_sample() {
    let tape: Vec<u8> = (0..1500u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let text = Gen::new(tape).agreement();
    println!("{text}");
    for d in check_bytes(text.as_bytes(), &Options::default()).diagnostics {
        println!("{} {}", d.rule, d.message);
    }
}
