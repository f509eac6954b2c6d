//! Related documents, and the terms the agreement does not state itself (redacted in the
//! filed copy, or set out in another document), in the term sheet.

use super::*;
use crate::syntax::ast::RedactedShape;

impl<'a> Sheet<'a> {
    /// The "Related documents" table, after the parties.
    pub(super) fn related_documents(&mut self) {
        if self.a.documents.is_empty() {
            return;
        }
        self.heading(2, "Related documents");
        for d in &self.a.documents {
            self.covers(d.span);
        }
        let mut table = Table::new(&[
            "Document",
            "Kind",
            "Signed",
            "Stands or falls with this agreement",
        ]);
        for d in &self.a.documents {
            let title = d.title.value.trim();
            table.row(cells![
                c(if title.is_empty() {
                    d.id.value.as_str()
                } else {
                    title
                }),
                d.kind
                    .as_ref()
                    .map_or_else(|| NONE.to_string(), |k| document_kind(k.value).to_string()),
                d.signed
                    .as_ref()
                    .map_or_else(|| NONE.to_string(), |s| format::date(s.value)),
                yes_no(&d.interdependent),
            ]);
        }
        self.table(table);
        for d in &self.a.documents {
            self.note(&d.note);
        }
    }

    /// "Terms not stated in this agreement": every withheld value, where it is written and
    /// where it can be found.
    pub(super) fn withheld_terms(&mut self) {
        if self.a.withheld.is_empty() {
            return;
        }
        self.appendix("Terms not stated in this agreement");
        self.push("These terms are written in the agreement, but their values are redacted in the filed copy or set out in another document.");
        let mut table = Table::new(&["Where", "Term", "Value"]);
        for w in &self.a.withheld {
            let section = capitalize(&w.section.replace('_', " "));
            let place = match &w.label {
                Some(label) => format!("{section} {label}"),
                None => section,
            };
            let key = w.key.replace('_', " ");
            let term = match &w.party {
                Some(party) => format!("{key} of {}", self.names.reference(party)),
                None => key,
            };
            table.row(cells![c(&place), c(&term), self.withheld_text(w)]);
        }
        self.table(table);
    }

    /// What a withheld value says, for a table cell: "redacted", "USD, amount redacted", "as
    /// set out in Schedule 3: Business Plan (section 4)".
    pub(super) fn withheld_text(&self, w: &Withheld) -> String {
        match &w.form {
            WithheldForm::Redacted(shape) => match shape {
                RedactedShape::Bare => "redacted".into(),
                RedactedShape::Money(currency) => format!("{}, amount redacted", e(currency)),
                RedactedShape::Percent => "a percentage, redacted".into(),
                RedactedShape::Duration(unit) => {
                    format!("a number of {}, redacted", unit.key().replace('_', " "))
                }
            },
            WithheldForm::Event { event, longstop } => {
                let mut s = format!(
                    "on {}",
                    event
                        .as_ref()
                        .map_or_else(|| "an event".into(), |t| e(t.value.trim()))
                );
                if let Some(d) = longstop {
                    s.push_str(&format!(", and no later than {}", format::date(d.value)));
                }
                s
            }
            WithheldForm::Until { event, at_most } => {
                let mut s = format!(
                    "until {}",
                    event
                        .as_ref()
                        .map_or_else(|| "an event".into(), |t| e(t.value.trim()))
                );
                if let Some(d) = at_most {
                    s.push_str(&format!(", for at most {}", format::duration(d.value)));
                }
                s
            }
            WithheldForm::Elsewhere { document, place } => {
                let doc = e(&self.names.reference(document));
                match place {
                    Some(p) if !p.value.trim().is_empty() => {
                        format!("as set out in {doc} ({})", e(&p.value))
                    }
                    _ => format!("as set out in {doc}"),
                }
            }
        }
    }

    /// The withheld value of `key` written directly in the block at `block`, as text.
    pub(super) fn held(&self, key: &str, block: crate::span::Span) -> Option<String> {
        self.a
            .withheld_in(key, block)
            .map(|w| self.withheld_text(w))
    }

    /// The withheld value of a key of the agreement block itself (`term`, `effective`).
    pub(super) fn held_at_top(&self, key: &str) -> Option<String> {
        self.a.withheld_at_top(key).map(|w| self.withheld_text(w))
    }

    /// The withheld value of `party`'s entry in the party map written at `map`.
    pub(super) fn held_entry(&self, map: crate::span::Span, party: &Ref) -> String {
        self.a
            .withheld
            .iter()
            .find(|w| {
                map.start <= w.span.start
                    && w.span.end <= map.end
                    && w.party.as_ref().is_some_and(|p| p.span == party.span)
            })
            .map_or_else(|| "not stated".into(), |w| self.withheld_text(w))
    }
}

fn document_kind(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Schedule => "schedule",
        DocumentKind::Exhibit => "exhibit",
        DocumentKind::Annex => "annex",
        DocumentKind::Plan => "plan",
        DocumentKind::Agreement => "separate agreement",
    }
}
