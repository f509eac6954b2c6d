//! What may be written at the cursor: the keys and blocks of the block it is in (with their
//! meaning and whether they are required), the words a key accepts, the ids of parties,
//! committees and milestones, and snippets that write a whole block.
//!
//! The context is read from the text before the cursor, not from the syntax tree, so that it
//! holds in a half-typed file: which blocks are open (their keywords, from the `{`s not yet
//! closed, strings and comments skipped) and what the cursor's line says so far.

use super::Analysis;
use crate::schema::{self, BlockDef, Labels, Req, Ty, CADENCES};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Key,
    Block,
    Word,
    Id,
    Snippet,
}

/// One thing that may be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// A line: "required · a date such as `2027-01-01`".
    pub detail: String,
    /// Its meaning, in Markdown.
    pub documentation: String,
    /// What to insert; a snippet (`$1` placeholders) when `snippet`.
    pub insert: String,
    pub snippet: bool,
}

/// What the text before the cursor opens.
#[derive(Debug, PartialEq, Eq)]
enum Open {
    Block(String),
    /// `key: {` — a map.
    Map(String),
}

impl Analysis {
    /// The completions at `offset`.
    pub fn completions(&self, offset: usize) -> Vec<Completion> {
        let mut end = offset.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = self.text.get(..end).unwrap_or_default();
        let (open, line) = context(before);
        let def = open_def(&open);
        match (open.last().map(|(o, _)| o), def) {
            (Some(Open::Map(key)), parent) => {
                let ty = parent.and_then(|d| d.key(key)).map(|k| k.ty);
                match ty {
                    Some(Ty::Shares | Ty::Seats | Ty::Amounts | Ty::RevenueSplit | Ty::CostSplit) => {
                        self.ids(&["party"])
                    }
                    _ => Vec::new(),
                }
            }
            (_, Some(def)) => {
                let trimmed = line.trim_start();
                if let Some((key, _value)) = trimmed.split_once(':') {
                    let key = key.trim();
                    match def.key(key) {
                        Some(k) => self.values(k.ty),
                        None => Vec::new(),
                    }
                } else if trimmed.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    let there = open
                        .last()
                        .map(|(_, brace)| written(&self.text, *brace, offset))
                        .unwrap_or_default();
                    members(def, &there)
                } else {
                    Vec::new()
                }
            }
            (None, None) => vec![snippet(
                "agreement",
                "a new agreement",
                "agreement \"${1:Title}\" {\n\tmodel: ${2|contractual,equity,joint_venture|}\n\tpurpose: \"${3:TODO}\"\n\teffective: ${4:2027-01-01}\n\tterm: ${5:3 years}\n\tgoverning_law: \"${6:TODO}\"\n\t$0\n}",
            )],
            (Some(Open::Block(_)), None) => Vec::new(),
        }
    }

    /// The ids declared by blocks of the given keywords.
    fn ids(&self, keywords: &[&str]) -> Vec<Completion> {
        self.declarations()
            .iter()
            .filter(|d| keywords.contains(&d.keyword))
            .map(|d| Completion {
                label: d.name.clone(),
                kind: CompletionKind::Id,
                detail: format!("{} {}", d.keyword, d.name),
                documentation: d.title.clone().unwrap_or_default(),
                insert: d.name.clone(),
                snippet: false,
            })
            .collect()
    }

    /// What a value of type `ty` may be.
    fn values(&self, ty: Ty) -> Vec<Completion> {
        let mut out = match ty {
            Ty::Party
            | Ty::PartyOrEntity
            | Ty::PartyOrAll
            | Ty::PartiesOrAll
            | Ty::Holders
            | Ty::PartyOrRotating
            | Ty::Owner
            | Ty::DataAccess
            | Ty::JointIp => self.ids(&["party", "entity"]),
            Ty::Committee => self.ids(&["committee", "board"]),
            Ty::Milestone => self.ids(&["milestone"]),
            _ => Vec::new(),
        };
        let extra: &[&str] = match ty {
            Ty::Enum(words) | Ty::Words(words) => words,
            Ty::Bool => &["yes", "no"],
            Ty::Cadence => CADENCES,
            Ty::Decision => &["consensus", "majority", "unanimous"],
            Ty::Term => &["indefinite"],
            Ty::Notice => &["immediate"],
            Ty::PartyOrAll | Ty::PartiesOrAll => &["all"],
            Ty::Holders => &["all", "non_defaulting"],
            Ty::PartyOrRotating => &["rotating"],
            Ty::Owner => &["joint"],
            Ty::DataAccess => &["shared"],
            Ty::JointIp => &["jointly_owned", "creator"],
            Ty::RevenueSplit => &[
                "each_keeps_own",
                "pro_rata_ownership",
                "pro_rata_contributions",
            ],
            Ty::CostSplit => &[
                "each_bears_own",
                "pro_rata_ownership",
                "pro_rata_contributions",
            ],
            Ty::Currency => schema::CURRENCIES,
            Ty::Base => &[
                "net_sales",
                "gross_sales",
                "net_revenue",
                "gross_revenue",
                "profit",
            ],
            Ty::BoolOrStrings => &["yes", "no"],
            _ => &[],
        };
        let meets: &[&str] = match ty {
            Ty::Meets => &["on_referral", "as_needed"],
            Ty::AuditEvery => &["any_time"],
            Ty::Per => &["unit"],
            _ => &[],
        };
        let cadences: &[&str] = if meets.is_empty() { &[] } else { CADENCES };
        out.extend(
            extra
                .iter()
                .chain(cadences)
                .chain(meets)
                .map(|w| Completion {
                    label: (*w).to_string(),
                    kind: CompletionKind::Word,
                    detail: ty.expectation(),
                    documentation: String::new(),
                    insert: (*w).to_string(),
                    snippet: false,
                }),
        );
        out
    }
}

/// The keys and blocks of `def` that may still be written (a key or a block that appears once
/// is left out when `written` has it), required ones first.
fn members(def: &'static BlockDef, written: &[&str]) -> Vec<Completion> {
    let need = |r: Req| match r {
        Req::Required => "required".to_string(),
        Req::Expected => "expected".to_string(),
        Req::Optional => "optional".to_string(),
        Req::When(when) => format!("required {when}"),
    };
    let mut out: Vec<Completion> = def
        .keys
        .iter()
        .chain(std::iter::once(&schema::NOTE))
        .filter(|k| !written.contains(&k.name))
        .map(|k| Completion {
            label: k.name.to_string(),
            kind: CompletionKind::Key,
            detail: format!("{} · {}", need(k.req), k.ty.expectation()),
            documentation: k.doc.to_string(),
            insert: format!("{}: ", k.name),
            snippet: false,
        })
        .collect();
    let blocks = def
        .blocks
        .iter()
        .filter(|c| c.repeats || !written.contains(&c.block.keyword));
    out.extend(blocks.map(|c| {
        let b = c.block;
        let head = match b.labels {
            Labels::None => String::new(),
            Labels::IdAndTitle => " ${1:id} \"${2:Title}\"".to_string(),
            Labels::Title => " \"${1:Title}\"".to_string(),
            Labels::PartyRef => " ${1:party}".to_string(),
            Labels::Kind(kinds) => format!(" ${{1|{}|}}", kinds.join(",")),
        };
        // The block's required keys, with TODO for the values to write.
        let required: Vec<String> = b
            .keys
            .iter()
            .filter(|k| k.req == Req::Required)
            .map(|k| format!("\t{}: {}", k.name, placeholder(k.ty)))
            .collect();
        let body = if required.is_empty() {
            "\t$0".to_string()
        } else {
            format!("{}\n\t$0", required.join("\n"))
        };
        Completion {
            label: b.keyword.to_string(),
            kind: CompletionKind::Block,
            detail: format!("{} · block", need(c.req)),
            documentation: b.doc.to_string(),
            insert: format!("{}{head} {{\n{body}\n}}", b.keyword),
            snippet: true,
        }
    }));
    // Required and expected items first, then the rest, each in the schema's order.
    out.sort_by_key(|c| {
        if c.detail.starts_with("required") {
            0
        } else if c.detail.starts_with("expected") {
            1
        } else {
            2
        }
    });
    out
}

/// A value to fill in: `TODO` where the type takes a string, a sample otherwise.
pub(super) fn placeholder(ty: Ty) -> &'static str {
    match ty {
        Ty::Str | Ty::Text => "\"TODO\"",
        Ty::Date => "2027-01-01",
        Ty::Duration | Ty::Notice => "90 days",
        Ty::Term => "3 years",
        Ty::Money => "USD 0",
        Ty::Percent => "0%",
        Ty::Number | Ty::Count => "1",
        Ty::Bool => "yes",
        _ => "TODO",
    }
}

fn snippet(label: &str, what: &str, body: &str) -> Completion {
    Completion {
        label: label.to_string(),
        kind: CompletionKind::Snippet,
        detail: what.to_string(),
        documentation: String::new(),
        insert: body.to_string(),
        snippet: true,
    }
}

/// The definition of the innermost open block, from the agreement down; `None` for a block
/// the schema does not know (or no agreement open).
fn open_def(open: &[(Open, usize)]) -> Option<&'static BlockDef> {
    let mut def: Option<&'static BlockDef> = None;
    for (i, (o, _)) in open.iter().enumerate() {
        match o {
            Open::Block(kw) if i == 0 && kw == "agreement" => def = Some(&schema::AGREEMENT),
            Open::Block(kw) => def = def?.child(kw).map(|c| c.block),
            // A map stays in the block that holds its key.
            Open::Map(_) => {}
        }
    }
    def
}

/// The blocks and maps open before the cursor, outermost first, each with the offset of its
/// `{`, and the cursor's line so far.
fn context(before: &str) -> (Vec<(Open, usize)>, &str) {
    let mut open: Vec<(Open, usize)> = Vec::new();
    let bytes = before.as_bytes();
    let mut head_start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(next) = skip_literal(bytes, i) {
            i = next;
            continue;
        }
        match b {
            b'{' => {
                let head = before.get(head_start..i).unwrap_or_default();
                open.push((opener(head), i));
                head_start = i + 1;
            }
            b'}' => {
                open.pop();
                head_start = i + 1;
            }
            b'\n' => head_start = i + 1,
            _ => {}
        }
        i += 1;
    }
    let line = before.rsplit(['\n', '{', '}']).next().unwrap_or_default();
    (open, line)
}

/// When a comment or string starts at `i`, the offset just after it.
fn skip_literal(bytes: &[u8], mut i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'/' if bytes.get(i + 1) == Some(&b'/') => {
            // A comment runs to the end of the line.
            while bytes.get(i).is_some_and(|c| *c != b'\n') {
                i += 1;
            }
            Some(i)
        }
        b'"' if bytes.get(i..i + 3) == Some(b"\"\"\"") => {
            i += 3;
            while i < bytes.len() && bytes.get(i..i + 3) != Some(b"\"\"\"") {
                i += 1;
            }
            Some(i + 3)
        }
        b'"' => {
            i += 1;
            while let Some(&c) = bytes.get(i) {
                i += 1;
                match c {
                    b'\\' => i += 1,
                    b'"' | b'\n' => break,
                    _ => {}
                }
            }
            Some(i)
        }
        _ => None,
    }
}

/// The words that start a line directly inside the block whose `{` is at `brace` (its keys
/// and child blocks), leaving out the line the cursor is on.
fn written(text: &str, brace: usize, cursor: usize) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    let mut i = brace + 1;
    while let Some(&b) = bytes.get(i) {
        if let Some(next) = skip_literal(bytes, i) {
            i = next;
            line_start = false;
            continue;
        }
        match b {
            b'{' => depth += 1,
            b'}' if depth == 0 => break,
            b'}' => depth -= 1,
            b'\n' => {
                line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            _ if line_start && depth == 0 => {
                let end = bytes
                    .get(i..)
                    .and_then(|rest| {
                        rest.iter()
                            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                    })
                    .map_or(bytes.len(), |n| i + n);
                let line_end = text
                    .get(i..)
                    .and_then(|r| r.find('\n'))
                    .map_or(text.len(), |n| i + n);
                let on_cursor_line = (i..=line_end).contains(&cursor);
                if end > i && !on_cursor_line {
                    out.push(text.get(i..end).unwrap_or_default());
                }
            }
            _ => {}
        }
        line_start = false;
        i += 1;
    }
    out
}

/// What a `{` opens, from the text before it on its line: `key: {` a map, else the block
/// whose keyword starts the head.
fn opener(head: &str) -> Open {
    let head = head.trim();
    let word: String = head
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let rest = head.get(word.len()..).unwrap_or_default().trim_start();
    if rest.starts_with(':') {
        Open::Map(word)
    } else {
        Open::Block(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_blocks_are_read_from_the_text() {
        let (open, line) = context(
            "agreement \"A { x\" {\n  // party { \n  governance {\n    committee s \"S\" {\n      seats: { a",
        );
        let open: Vec<Open> = open.into_iter().map(|(o, _)| o).collect();
        assert_eq!(
            open,
            vec![
                Open::Block("agreement".into()),
                Open::Block("governance".into()),
                Open::Block("committee".into()),
                Open::Map("seats".into()),
            ]
        );
        assert_eq!(line, " a");
    }

    #[test]
    fn the_words_written_in_a_block_are_read_before_and_after_the_cursor() {
        let text = "agreement \"A\" {\n  model: equity\n  pu\n  // term: 3 years\n  party a \"A\" {\n    role: \"x\"\n  }\n  effective: 2027-01-01\n}\n";
        let cursor = text.find("pu").unwrap_or_default() + 2;
        let brace = text.find('{').unwrap_or_default();
        assert_eq!(
            written(text, brace, cursor),
            vec!["model", "party", "effective"]
        );
    }
}
