//! Related documents, and the values the agreement does not state itself, in the JSON
//! document (added in `schema_version` 2).

use super::*;
use crate::syntax::ast::RedactedShape;

/// A schedule, exhibit, annex, plan or separate agreement the agreement relies on.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct RelatedDocument<'a> {
    /// Its id, as `see` values name it.
    #[schemars(with = "String")]
    pub id: Id,
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// Whether it stands or falls together with this agreement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interdependent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Schedule,
    Exhibit,
    Annex,
    Plan,
    Agreement,
}

/// A term written in the agreement whose value is not given in it as a fixed value:
/// redacted in the filed copy (`redacted`), set out in a related document (`see`), or set by
/// an event (`event`). Exactly one of the three is present. The term's own key is absent from its section.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Withheld<'a> {
    /// The keyword of the block it is written in (`agreement` for the agreement itself).
    pub section: Cow<'a, str>,
    /// That block's id or title, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Cow<'a, str>>,
    /// The key whose value it is.
    pub key: Cow<'a, str>,
    /// For one entry of a map keyed by party, that party's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub party: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redacted: Option<Redacted<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub see: Option<See<'a>>,
    /// A date set by an event, or a period that runs until one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<Event<'a>>,
}

/// A date set by an event (`longstop`: the date by which it must happen), or a period that
/// runs until one (`at_most`: the longest it may run).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Event<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longstop: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Duration>,
}

/// What a redacted value still shows: its currency, that it is a percentage, or its unit
/// of time. Empty when nothing is visible.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Redacted<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
}

/// Where a value is set out: a related document's id, and the place in it as written.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct See<'a> {
    #[schemars(with = "String")]
    pub document: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Cow<'a, str>>,
}

pub(super) fn related_document(d: &m::RelatedDocument) -> RelatedDocument<'_> {
    RelatedDocument {
        id: d.id.value.clone(),
        title: text_of(&d.title),
        kind: d.kind.as_ref().map(|k| match k.value {
            m::DocumentKind::Schedule => DocumentKind::Schedule,
            m::DocumentKind::Exhibit => DocumentKind::Exhibit,
            m::DocumentKind::Annex => DocumentKind::Annex,
            m::DocumentKind::Plan => DocumentKind::Plan,
            m::DocumentKind::Agreement => DocumentKind::Agreement,
        }),
        interdependent: boolean(&d.interdependent),
        signed: date(&d.signed),
        note: text(&d.note),
    }
}

pub(super) fn withheld(w: &m::Withheld) -> Withheld<'_> {
    let mut event = None;
    let (redacted, see) = match &w.form {
        m::WithheldForm::Event { event: e, longstop } => {
            event = Some(Event {
                event: text(e),
                longstop: date(longstop),
                at_most: None,
            });
            (None, None)
        }
        m::WithheldForm::Until { event: e, at_most } => {
            event = Some(Event {
                event: text(e),
                longstop: None,
                at_most: duration(at_most),
            });
            (None, None)
        }
        m::WithheldForm::Redacted(shape) => {
            let mut r = Redacted {
                currency: None,
                percent: None,
                unit: None,
            };
            match shape {
                RedactedShape::Bare => {}
                RedactedShape::Money(c) => r.currency = Some(Cow::Borrowed(c.as_str())),
                RedactedShape::Percent => r.percent = Some(true),
                RedactedShape::Duration(u) => {
                    r.unit = Some(
                        Duration::from(m::Duration {
                            amount: 0,
                            unit: *u,
                        })
                        .unit,
                    )
                }
            }
            (Some(r), None)
        }
        m::WithheldForm::Elsewhere { document, place } => (
            None,
            Some(See {
                document: id(document),
                place: text(place),
            }),
        ),
    };
    Withheld {
        section: Cow::Borrowed(w.section),
        label: w.label.as_deref().map(Cow::Borrowed),
        key: Cow::Borrowed(w.key),
        party: w.party.as_ref().map(id),
        redacted,
        see,
        event,
    }
}
