//! Related documents (`document ID "TITLE" { kind: … }`), and values the agreement does not
//! give itself: blacked out in the filed copy (`[***]`) or set out in a related document
//! (`see ID "place"`).

use super::*;
use crate::syntax::ast::{Redacted, RedactedShape};

impl Lowerer {
    pub(super) fn document(&mut self, b: &Block) -> RelatedDocument {
        let mut f = self.checked(b, &schema::DOCUMENT);
        let (id, title) = id_and_title(b);
        RelatedDocument {
            id,
            title,
            kind: field!(f, "kind", Typed::Word(w) => match w {
                "schedule" => DocumentKind::Schedule,
                "exhibit" => DocumentKind::Exhibit,
                "annex" => DocumentKind::Annex,
                "plan" => DocumentKind::Plan,
                _ => DocumentKind::Agreement,
            }),
            interdependent: boolean(&mut f, "interdependent"),
            signed: date(&mut f, "signed"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    /// Record a withheld value (`[***]` or `see ID`) of `key`, of type `ty`, written in the
    /// block being checked; for an entry of a party map, `party` is its party. A redaction
    /// that keeps a visible part of the wrong kind (`[***]%` where an amount belongs) is a
    /// `type-mismatch` instead. Returns whether the value was recorded.
    pub(super) fn withhold(
        &mut self,
        value: &Value,
        ty: Ty,
        key: &str,
        party: Option<&Ref>,
    ) -> bool {
        let form = match &value.kind {
            ValueKind::Redacted(Redacted { shape }) => {
                if !redaction_fits(shape, ty) {
                    self.mismatch(value, key, ty);
                    return false;
                }
                WithheldForm::Redacted(shape.clone())
            }
            ValueKind::Elsewhere(e) => {
                let document =
                    self.resolve(&e.document.name, e.document.span, &[IdKind::Document], key);
                let place = e.place.as_ref().map(|p| {
                    self.strings.push(p.span);
                    Spanned::new(p.value.clone(), p.span)
                });
                WithheldForm::Elsewhere { document, place }
            }
            _ => return false,
        };
        self.record_withheld(value, key, party, form)
    }
}

impl Lowerer {
    /// A date or a period set by an event, written as a small map: `{ event: "…", longstop:
    /// DATE }` for a date, `{ until: "…", at_most: DURATION }` for a term or a period. It
    /// counts as present, and is recorded as a withheld value (no fixed date or length is
    /// given). Entries of another name are reported.
    pub(super) fn event_value(&mut self, value: &Value, entries: &[ast::Entry], ty: Ty, key: &str) {
        let date_like = ty == Ty::Date;
        let (event_key, bound_key) = if date_like {
            ("event", "longstop")
        } else {
            ("until", "at_most")
        };
        let mut event = None;
        let mut longstop = None;
        let mut at_most = None;
        for entry in entries {
            let name = entry.key.as_str();
            if name == event_key {
                match &entry.value.kind {
                    ValueKind::String(s) | ValueKind::Text(s) => {
                        self.strings.push(entry.value.span);
                        event = Some(Spanned::new(s.clone(), entry.value.span));
                    }
                    _ => self.mismatch(&entry.value, event_key, Ty::Str),
                }
            } else if name == bound_key {
                match (date_like, &entry.value.kind) {
                    (true, ValueKind::Date(d)) => {
                        longstop = self
                            .date(*d, entry.value.span)
                            .map(|d| Spanned::new(d, entry.value.span));
                    }
                    (false, ValueKind::Duration(n, unit)) => {
                        at_most = self
                            .duration(*n, *unit, &entry.value, bound_key)
                            .map(|d| Spanned::new(d, entry.value.span));
                    }
                    _ => self.mismatch(
                        &entry.value,
                        bound_key,
                        if date_like { Ty::Date } else { Ty::Duration },
                    ),
                }
            } else {
                self.push(
                    Diagnostic::error(
                        UNKNOWN_KEY,
                        entry.key.span,
                        format!("`{key}` given as an event takes `{event_key}` and `{bound_key}`, not `{name}`"),
                    )
                    .with_help(if date_like {
                        "write `{ event: \"the Initial Closing\", longstop: 2027-06-30 }`: the event, and the date by which it must happen"
                    } else {
                        "write `{ until: \"delivery of all forms\", at_most: 30 months }`: the event it runs until, and the longest it may run"
                    }),
                );
            }
        }
        if event.is_none() {
            self.push(
                Diagnostic::error(
                    MISSING_REQUIRED,
                    value.span,
                    format!("`{key}` is given as an event, but does not say which: it has no `{event_key}`"),
                )
                .with_help(format!("add `{event_key}: \"…\"` naming the event")),
            );
        }
        let form = if date_like {
            WithheldForm::Event { event, longstop }
        } else {
            WithheldForm::Until { event, at_most }
        };
        self.record_withheld(value, key, None, form);
    }

    fn record_withheld(
        &mut self,
        value: &Value,
        key: &str,
        party: Option<&Ref>,
        form: WithheldForm,
    ) -> bool {
        let Some(key) = schema_key(key) else {
            return false;
        };
        let (block, section, label, titled) = self.owner.clone();
        let label = label.map(|l| l.to_string());
        self.withheld.push(Withheld {
            key,
            party: party.cloned(),
            span: value.span,
            block,
            section,
            label,
            titled,
            form,
        });
        true
    }
}

/// Whether what a redaction still shows fits the type expected: `USD [***]` an amount,
/// `[***]%` a percentage, `[***] days` a duration; a bare `[***]` anything.
fn redaction_fits(shape: &RedactedShape, ty: Ty) -> bool {
    match shape {
        RedactedShape::Bare => true,
        RedactedShape::Money(_) => matches!(ty, Ty::Money | Ty::Royalty | Ty::Amounts | Ty::Bound),
        RedactedShape::Percent => {
            matches!(
                ty,
                Ty::Percent | Ty::Decision | Ty::Royalty | Ty::Shares | Ty::Bound
            )
        }
        RedactedShape::Duration(_) => {
            matches!(ty, Ty::Duration | Ty::Term | Ty::Notice | Ty::Bound)
        }
    }
}

/// The schema's own `&'static str` for a key name (keys are named in the schema, and the
/// model keeps names by reference).
fn schema_key(key: &str) -> Option<&'static str> {
    schema::all_blocks()
        .into_iter()
        .flat_map(|def| def.key_names())
        .find(|k| *k == key)
}
