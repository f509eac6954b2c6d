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
        let Some(key) = schema_key(key) else {
            return false;
        };
        let (block, section, label, titled) = self.owner.clone();
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
        RedactedShape::Money(_) => matches!(ty, Ty::Money | Ty::Royalty | Ty::Amounts),
        RedactedShape::Percent => {
            matches!(ty, Ty::Percent | Ty::Decision | Ty::Royalty | Ty::Shares)
        }
        RedactedShape::Duration(_) => matches!(ty, Ty::Duration | Ty::Term | Ty::Notice),
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
