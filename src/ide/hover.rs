//! What the editor shows over the cursor: for a finding, what it says and the rule page's
//! "Why it matters" and "Instead"; for an id, what it names and where it is declared; for the
//! keys whose dates Charter works out (`effective`, `term`, `renewal_notice`, `earliest`,
//! `by`), the dates in words; for any other key or block, its meaning from the schema.

use super::Analysis;
use crate::emit::analysis::Analysis as Facts;
use crate::emit::format;
use crate::schema::{self, BlockDef};
use crate::span::Span;
use crate::syntax::ast::{Item, ValueKind};

/// A key under the cursor: its name, the block it is in, its span, and its value.
type KeyAt<'a> = (
    &'a str,
    Option<&'static BlockDef>,
    Span,
    Option<&'a ValueKind>,
);

/// Markdown to show, and the part of the text it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub span: Span,
    pub markdown: String,
}

impl Analysis {
    /// What to show over `offset`, if anything.
    pub fn hover(&self, offset: usize) -> Option<Hover> {
        let mut parts: Vec<String> = Vec::new();
        let mut span: Option<Span> = None;
        let inside = |s: Span| s.start as usize <= offset && offset <= s.end as usize;
        // Findings first: they are what the reader needs to act on.
        for d in self.diagnostics().iter().filter(|d| inside(d.span)) {
            parts.push(finding(d));
            span = Some(span.map_or(d.span, |s| s.cover(d.span)));
        }
        if let Some((name, at)) = self.index.id_at(offset) {
            if let Some(decl) = self.index.declaration(name) {
                let line = self.line_of(decl.span.start as usize);
                let title = decl.title.as_deref().unwrap_or(name);
                parts.push(format!(
                    "**{}** — {} `{name}`, declared on line {line}",
                    title.trim(),
                    decl.keyword
                ));
                span = Some(at);
            }
        } else if let Some((key, def, at, value)) = self.key_at(offset) {
            parts.push(self.about_key(key, def, value));
            span = Some(at);
        }
        let span = span?;
        Some(Hover {
            span,
            markdown: parts.join("\n\n---\n\n"),
        })
    }

    /// The 1-based line of `offset`.
    fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text
            .get(..end)
            .map_or(1, |t| t.bytes().filter(|b| *b == b'\n').count() + 1)
    }

    /// The key or block keyword at `offset`: its name, the block it is in (by the schema),
    /// and its span.
    fn key_at(&self, offset: usize) -> Option<KeyAt<'_>> {
        fn walk<'a>(
            items: &'a [Item],
            def: Option<&'static BlockDef>,
            offset: usize,
        ) -> Option<KeyAt<'a>> {
            let inside = |s: Span| s.start as usize <= offset && offset <= s.end as usize;
            for item in items.iter().filter(|i| inside(i.span())) {
                match item {
                    Item::Attribute(a) if inside(a.key.span) => {
                        return Some((a.key.as_str(), def, a.key.span, Some(&a.value.kind)))
                    }
                    Item::Block(b) if inside(b.keyword.span) => {
                        return Some((b.keyword.as_str(), def, b.keyword.span, None))
                    }
                    Item::Block(b) => {
                        let child = def
                            .and_then(|d| d.child(b.keyword.as_str()))
                            .map(|c| c.block);
                        return walk(&b.items, child, offset);
                    }
                    _ => {}
                }
            }
            None
        }
        walk(&self.document.items, Some(&schema::AGREEMENT), offset)
    }

    /// A key's or block's meaning, whether it is required, and the dates Charter works out.
    fn about_key(
        &self,
        name: &str,
        def: Option<&'static BlockDef>,
        value: Option<&ValueKind>,
    ) -> String {
        let Some(def) = def else {
            return format!("`{name}`");
        };
        let mut out = if let Some(k) = def.key(name) {
            let needed = match k.req {
                schema::Req::Required => "required".to_string(),
                schema::Req::Expected => "expected (a warning when missing)".to_string(),
                schema::Req::Optional => "optional".to_string(),
                schema::Req::When(when) => format!("required {when}"),
            };
            format!(
                "`{name}` — {}.\n\nTakes {}; {needed}.",
                k.doc.trim_end_matches('.'),
                k.ty.expectation()
            )
        } else if let Some(c) = def.child(name) {
            format!("`{name} {{ … }}` — {}.", c.block.doc.trim_end_matches('.'))
        } else {
            format!("`{name}` is not a key of `{}`.", def.path)
        };
        if let Some(dates) = self.dates(name, def, value) {
            out.push_str("\n\n");
            out.push_str(&dates);
        }
        out
    }

    /// The dates a key stands for, in words: the term's end, the last day to stop a renewal,
    /// the earliest exit, a due date.
    fn dates(
        &self,
        name: &str,
        def: &'static BlockDef,
        value: Option<&ValueKind>,
    ) -> Option<String> {
        let a = self.agreement();
        let facts = Facts::of(a);
        let top = std::ptr::eq(def, &schema::AGREEMENT);
        match name {
            "term" | "effective" if top => {
                let mut s = match (facts.term_end, &a.effective) {
                    (Some(end), _) => format!("The term ends on {}", format::date(end)),
                    (None, Some(d)) => format!("In force from {}", format::date(d.value)),
                    (None, None) => return None,
                };
                if let Some(by) = facts.renewal_notice_by {
                    s.push_str(&format!("; notice to stop renewal by {}", format::date(by)));
                }
                Some(format!("{s}."))
            }
            "renewal_notice" if top => facts
                .renewal_notice_by
                .map(|by| format!("Notice to stop renewal by {}.", format::date(by))),
            "earliest" => facts
                .earliest_exit
                .and_then(|e| e.date)
                .map(|d| format!("The earliest exit for convenience: {}.", format::date(d))),
            // A due date: in words, and how long after the effective date it falls.
            "by" | "due" | "expires" => {
                let ValueKind::Date(d) = value? else {
                    return None;
                };
                let date = jiff::civil::Date::new(d.year, d.month, d.day).ok()?;
                let mut s = format::date(date);
                if let Some(effective) = a.effective.as_ref().map(|e| e.value) {
                    if let Ok(span) = effective.until((jiff::Unit::Month, date)) {
                        let months = span.get_months();
                        if months > 0 {
                            s.push_str(&format!(
                                ", {months} month{} after the effective date",
                                if months == 1 { "" } else { "s" }
                            ));
                        }
                    }
                }
                Some(format!("{s}."))
            }
            _ => None,
        }
    }
}

/// A finding for the hover: its message and help, then its rule page's "Why it matters" and
/// "Instead".
fn finding(d: &crate::diagnostic::Diagnostic) -> String {
    let mut out = format!("**{}** `{}`: {}", d.severity, d.rule, d.message);
    if let Some(help) = &d.help {
        out.push_str(&format!("\n\nHelp: {help}"));
    }
    if let Some(rule) = crate::rules::lookup(d.rule) {
        for section in ["Why it matters", "Instead"] {
            if let Some(text) = page_section(rule.meta().page, section) {
                out.push_str(&format!("\n\n**{section}.** {text}"));
            }
        }
    }
    out
}

/// The text of `## heading` in a rule page, up to the next heading.
fn page_section(page: &str, heading: &str) -> Option<String> {
    let mut lines = page.lines().map(str::trim);
    lines.find(|l| l.trim_start_matches('#').trim() == heading && l.starts_with("##"))?;
    let body: Vec<&str> = lines.take_while(|l| !l.starts_with('#')).collect();
    let text = body.join("\n").trim().to_string();
    (!text.is_empty()).then_some(text)
}
