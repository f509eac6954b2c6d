//! The agreement's own terms (`term`, `governing_law`, …), the parties and the free clauses.

use super::value::{self as v, V};
use super::walker::{matched_by_id, possessive, quoted, Walker};
use super::Impact::{Editorial, Major, Minor};
use super::Section;
use crate::emit::format;
use crate::model::*;

pub(super) fn renewal(r: Renewal) -> &'static str {
    match r {
        Renewal::None => "no renewal",
        Renewal::Automatic => "automatic renewal",
        Renewal::ByAgreement => "renewal only by agreement",
    }
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Convener => "convener",
        Role::Lead => "lead",
        Role::Member => "member",
        Role::PrimeContractor => "prime contractor",
        Role::Subcontractor => "subcontractor",
    }
}

impl<'a> Walker<'a> {
    pub(super) fn agreement(&mut self) {
        self.section(Section::Agreement);
        let (o, n) = (self.old.a, self.new.a);
        let (o, n) = (Some(o), Some(n));
        self.name("title", Editorial, o, n, |a| &a.title.value, "Agreement");
        self.term(
            "model",
            Major,
            o,
            n,
            |a| v::word(&a.model, format::model),
            || "Alliance model".into(),
        );
        self.term(
            "purpose",
            Editorial,
            o,
            n,
            |a| v::text(&a.purpose),
            || "Purpose".into(),
        );
        self.term(
            "scope",
            Major,
            o,
            n,
            |a| v::text(&a.scope),
            || "Scope".into(),
        );
        self.term(
            "effective",
            Major,
            o,
            n,
            |a| v::date(&a.effective),
            || "Effective date".into(),
        );
        self.term(
            "term",
            Major,
            o,
            n,
            |a| a.term.as_ref().map(|t| V::Term(t.value)),
            || "Term".into(),
        );
        self.term(
            "renewal",
            Major,
            o,
            n,
            |a| v::word(&a.renewal, renewal),
            || "Renewal".into(),
        );
        self.term(
            "renewal_term",
            Major,
            o,
            n,
            |a| v::duration(&a.renewal_term),
            || "Renewal term".into(),
        );
        self.term(
            "renewal_notice",
            Major,
            o,
            n,
            |a| v::duration(&a.renewal_notice),
            || "Notice to stop a renewal".into(),
        );
        self.term(
            "signed",
            Minor,
            o,
            n,
            |a| v::date(&a.signed),
            || "Agreement date".into(),
        );
        self.term(
            "governing_law",
            Major,
            o,
            n,
            |a| v::text(&a.governing_law),
            || "Governing law".into(),
        );
        // The document's own status: a legend ("Subject to contract") or which parts bind
        // changes what the document commits the parties to (major); its stage and date are
        // minor; the version label is its name.
        self.term(
            "status",
            Minor,
            o,
            n,
            |a| {
                a.status.as_ref().map(|s| {
                    V::Word(match s.value {
                        DocumentStatus::Draft => "draft",
                        DocumentStatus::ForSignature => "for signature",
                        DocumentStatus::Signed => "signed",
                    })
                })
            },
            || "Status of the document".into(),
        );
        self.term(
            "version",
            Editorial,
            o,
            n,
            |a| v::text(&a.version),
            || "Version".into(),
        );
        self.term(
            "dated",
            Minor,
            o,
            n,
            |a| v::date(&a.dated),
            || "Date of the version".into(),
        );
        self.list(
            "legend",
            Major,
            v::texts(&self.old.a.legend),
            v::texts(&self.new.a.legend),
            || "Legend".into(),
        );
        let binding = |a: &'a Agreement| -> Vec<&'a str> {
            match &a.binding {
                None => Vec::new(),
                Some(Binding::Nothing(_)) => vec!["none"],
                Some(Binding::All(_)) => vec!["all"],
                Some(Binding::Parts(p)) => p.iter().map(|w| w.value).collect(),
            }
        };
        self.list(
            "binding",
            Major,
            binding(self.old.a),
            binding(self.new.a),
            || "Binding parts".into(),
        );
        self.list(
            "allow",
            Editorial,
            v::texts(&self.old.a.allow),
            v::texts(&self.new.a.allow),
            || "Checks switched off for this file".into(),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |a| v::text(&a.note),
            || "Note on the agreement".into(),
        );
    }

    pub(super) fn parties(&mut self) {
        self.section(Section::Parties);
        let (old, new) = (&self.old.a.parties, &self.new.a.parties);
        for (pair, any) in matched_by_id(old, new, |p| p.id.value.as_str()) {
            let id = any.id.value.as_str();
            // The party's name in the new version, or in the old one when it was removed.
            let name = self
                .new
                .party(id)
                .or_else(|| self.old.party(id))
                .unwrap_or(id)
                .to_string();
            self.at("parties", |w| {
                w.at(id, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Party {name}"),
                        |w, o, n| w.party(o, n, &name),
                    )
                })
            });
        }
    }

    fn party(&mut self, o: Option<&'a Party>, n: Option<&'a Party>, name: &str) {
        let of = |what: &str| format!("{what} of {name}");
        self.name("name", Major, o, n, |p| &p.name.value, "Party");
        self.term(
            "role",
            Major,
            o,
            n,
            |p| v::word(&p.role, role),
            || format!("{} role", possessive(name)),
        );
        self.term(
            "jurisdiction",
            Major,
            o,
            n,
            |p| v::text(&p.jurisdiction),
            || of("Jurisdiction"),
        );
        self.term(
            "short",
            Editorial,
            o,
            n,
            |p| v::text(&p.short),
            || of("Short name"),
        );
        self.term(
            "signatory",
            Major,
            o,
            n,
            |p| v::text(&p.signatory),
            || of("Signatory"),
        );
        self.term(
            "alliance_manager",
            Minor,
            o,
            n,
            |p| v::text(&p.alliance_manager),
            || of("Alliance manager"),
        );
        self.term(
            "contact",
            Minor,
            o,
            n,
            |p| v::text(&p.contact),
            || format!("Contact for {name}"),
        );
        self.term(
            "kind",
            Minor,
            o,
            n,
            |p| v::word(&p.kind, PartyKind::key),
            || format!("Kind of body of {name}"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |p| v::text(&p.note),
            || format!("Note on {name}"),
        );
    }

    pub(super) fn clauses(&mut self) {
        self.section(Section::Clauses);
        let (old, new) = (&self.old.a.clauses, &self.new.a.clauses);
        for (pair, any) in matched_by_id(old, new, |c| c.id.value.as_str()) {
            let id = any.id.value.as_str();
            let title = pair
                .old
                .or(pair.new)
                .map(|c| named(&c.title.value, id))
                .unwrap_or_default();
            self.at("clauses", |w| {
                w.at(id, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Clause {title}"),
                        |w, o, n| {
                            w.name("title", Editorial, o, n, |c| &c.title.value, "Clause");
                            w.term(
                                "text",
                                Major,
                                o,
                                n,
                                |c| v::text(&c.text),
                                || format!("Text of clause {title}"),
                            );
                            w.term(
                                "note",
                                Editorial,
                                o,
                                n,
                                |c| v::text(&c.note),
                                || format!("Note on clause {title}"),
                            );
                        },
                    )
                })
            });
        }
    }
}

/// A title in quotes, or the id when it has none.
pub(super) fn named(title: &str, id: &str) -> String {
    let t = v::normalize(title);
    if t.is_empty() {
        format!("`{id}`")
    } else {
        quoted(&t)
    }
}
