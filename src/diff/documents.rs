//! Related documents, and terms whose values are withheld (redacted, or set out in a
//! related document): all major, since either changes what the agreement says.

use super::agreement::named;
use super::value::{self as v, V};
use super::walker::{matched, matched_by_id, Side, Walker};
use super::Impact::{Editorial, Major};
use super::{Kind, Section};
use crate::emit::format::capitalize;
use crate::model::*;
use crate::syntax::ast::RedactedShape;

fn kind(k: DocumentKind) -> &'static str {
    match k {
        DocumentKind::Schedule => "schedule",
        DocumentKind::Exhibit => "exhibit",
        DocumentKind::Annex => "annex",
        DocumentKind::Plan => "plan",
        DocumentKind::Agreement => "separate agreement",
    }
}

/// Where a withheld value is written, as a path: `liability.cap`,
/// `termination.cause.notice`, `sharing.revenue.contoso`.
fn path_of(w: &Withheld) -> String {
    let mut path = String::new();
    if w.section != "agreement" {
        path.push_str(w.section);
        if let Some(label) = &w.label {
            path.push('.');
            if w.titled {
                path.push_str(&format!("\"{label}\""));
            } else {
                path.push_str(label);
            }
        }
        path.push('.');
    }
    path.push_str(w.key);
    if let Some(p) = &w.party {
        path.push('.');
        path.push_str(&p.id);
    }
    path
}

/// What a withheld value says: "redacted", "as set out in Schedule 3 (section 4)".
fn described(side: &Side<'_>, w: &Withheld) -> String {
    match &w.form {
        WithheldForm::Redacted(shape) => match shape {
            RedactedShape::Bare => "redacted".into(),
            RedactedShape::Money(c) => format!("redacted ({c})"),
            RedactedShape::Percent => "redacted (a percentage)".into(),
            RedactedShape::Duration(u) => format!("redacted (in {})", u.key().replace('_', " ")),
        },
        WithheldForm::Event { event, longstop } => {
            let mut s = format!(
                "on {}",
                event.as_ref().map_or("an event", |e| e.value.trim())
            );
            if let Some(d) = longstop {
                s.push_str(&format!(
                    ", at the latest {}",
                    crate::emit::format::date(d.value)
                ));
            }
            s
        }
        WithheldForm::Until { event, at_most } => {
            let mut s = format!(
                "until {}",
                event.as_ref().map_or("an event", |e| e.value.trim())
            );
            if let Some(d) = at_most {
                s.push_str(&format!(
                    ", at most {}",
                    crate::emit::format::duration(d.value)
                ));
            }
            s
        }
        WithheldForm::Elsewhere { document, place } => {
            let doc = side.reference(document);
            match place {
                Some(p) if !p.value.trim().is_empty() => {
                    format!("set out in {doc} ({})", p.value.trim())
                }
                _ => format!("set out in {doc}"),
            }
        }
    }
}

impl<'a> Walker<'a> {
    /// A withheld term as a sentence starts: "Liability cap", "Termination for cause:
    /// notice", "Revenue share of Northwind Traders Ltd.".
    fn term_of(&self, w: &Withheld) -> String {
        let side = &self.new;
        let mut s = match (&w.section, &w.label) {
            (&"agreement", _) => String::new(),
            (section, Some(label)) => format!("{} {label}: ", capitalize(section)),
            (section, None) => format!("{}: ", capitalize(section)),
        };
        s.push_str(w.key);
        if let Some(p) = &w.party {
            s.push_str(&format!(" of {}", side.reference(p)));
        }
        capitalize(&s)
    }

    /// Sides: who acts together with whom changes who holds rights and seats (major).
    pub(super) fn sides(&mut self) {
        self.section(Section::Parties);
        let (old, new) = (&self.old.a.sides, &self.new.a.sides);
        for (pair, any) in matched_by_id(old, new, |s| s.id.value.as_str()) {
            let id = any.id.value.as_str();
            let title = named(&any.name.value, id);
            self.at("sides", |w| {
                w.at(id, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Side {title}"),
                        |w, o, n| {
                            w.name("name", Editorial, o, n, |s| &s.name.value, "Side");
                            let ids = |s: &'a crate::model::Side| -> Vec<&'a str> {
                                s.parties.iter().map(|r| r.id.as_str()).collect()
                            };
                            w.list(
                                "parties",
                                Major,
                                o.map(ids).unwrap_or_default(),
                                n.map(ids).unwrap_or_default(),
                                || format!("Parties of side {title}"),
                            );
                            w.term(
                                "liability",
                                Major,
                                o,
                                n,
                                |s| {
                                    s.liability.as_ref().map(|l| {
                                        V::Word(match l.value {
                                            SideLiability::JointAndSeveral => {
                                                "jointly and severally"
                                            }
                                            SideLiability::Several => "severally",
                                        })
                                    })
                                },
                                || format!("Liability of side {title}"),
                            );
                            w.term(
                                "note",
                                Editorial,
                                o,
                                n,
                                |s| v::text(&s.note),
                                || format!("Note on side {title}"),
                            );
                        },
                    )
                })
            });
        }
    }

    pub(super) fn documents(&mut self) {
        self.section(Section::Documents);
        let (old, new) = (&self.old.a.documents, &self.new.a.documents);
        for (pair, any) in matched_by_id(old, new, |d| d.id.value.as_str()) {
            let id = any.id.value.as_str();
            let title = named(&any.title.value, id);
            self.at("documents", |w| {
                w.at(id, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Related document {title}"),
                        |w, o, n| {
                            w.name("title", Editorial, o, n, |d| &d.title.value, "Document");
                            w.term(
                                "kind",
                                Major,
                                o,
                                n,
                                |d| v::word(&d.kind, kind),
                                || format!("Kind of document {title}"),
                            );
                            w.term(
                                "interdependent",
                                Major,
                                o,
                                n,
                                |d| v::boolean(&d.interdependent),
                                || format!("Whether {title} stands or falls with this agreement"),
                            );
                            w.term(
                                "signed",
                                Editorial,
                                o,
                                n,
                                |d| v::date(&d.signed),
                                || format!("Signature date of {title}"),
                            );
                            w.term(
                                "note",
                                Editorial,
                                o,
                                n,
                                |d| v::text(&d.note),
                                || format!("Note on {title}"),
                            );
                        },
                    )
                })
            });
        }
    }

    pub(super) fn withheld(&mut self) {
        self.section(Section::Documents);
        let items = |list: &'a [Withheld]| -> Vec<(String, &'a Withheld)> {
            list.iter().map(|w| (path_of(w), w)).collect()
        };
        let (old, new) = (items(&self.old.a.withheld), items(&self.new.a.withheld));
        for pair in matched(&old, &new, |(p, _)| p.as_str()) {
            if pair.occurrence > 0 {
                continue;
            }
            let o = pair.old.map(|(_, w)| described(&self.old, w));
            let n = pair.new.map(|(_, w)| described(&self.new, w));
            let Some((path, _)) = pair.new.or(pair.old) else {
                continue;
            };
            let any = pair.new.or(pair.old).map(|(_, w)| *w);
            let term = any.map_or_else(String::new, |w| self.term_of(w));
            // The walk of the section has already reported the value as removed (or
            // added): one change says both.
            let stated = self.changes.iter().position(|c| {
                (c.path == *path || c.path.ends_with(&format!(".{path}")))
                    && c.kind
                        == if n.is_some() {
                            Kind::Removed
                        } else {
                            Kind::Added
                        }
            });
            if let Some(i) = stated {
                let c = &mut self.changes[i];
                match (&o, &n) {
                    (None, Some(n)) => {
                        let was = c.old.clone().unwrap_or_default();
                        c.summary = format!("{term} is now {n} (was {was})");
                        c.new = Some(n.clone());
                    }
                    (Some(o), None) => {
                        let now = c.new.clone().unwrap_or_default();
                        c.summary = format!("{term} is now stated: {now} (was {o})");
                        c.old = Some(o.clone());
                    }
                    _ => {}
                }
                c.kind = Kind::Changed;
                continue;
            }
            let (kind, summary) = match (&o, &n) {
                (Some(o), Some(n)) if o == n => continue,
                (Some(o), Some(n)) => (Kind::Changed, format!("{term} was {o}; now {n}")),
                (None, Some(n)) => (Kind::Added, format!("{term} is now {n}")),
                (Some(o), None) => (Kind::Removed, format!("{term} is no longer {o}")),
                (None, None) => continue,
            };
            self.record(path, kind, o, n, Major, summary);
        }
    }
}
