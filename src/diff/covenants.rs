//! The covenants: every change is major. Each covenant block reads as one unit when it is
//! added or removed.

use super::value::{self as v, V};
use super::walker::{matched, quoted, title_segment, Walker};
use super::Impact::{Editorial, Major};
use super::Section;
use crate::emit::format;
use crate::model::*;

fn refusal_kind(k: RefusalKind) -> &'static str {
    match k {
        RefusalKind::Refusal => "right of first refusal",
        RefusalKind::Offer => "right of first offer",
        RefusalKind::Negotiation => "right of first negotiation",
    }
}

impl<'a> Walker<'a> {
    pub(super) fn covenants(&mut self) {
        self.section(Section::Covenants);
        let (o, n) = (self.old.a.covenants.as_ref(), self.new.a.covenants.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("covenants", |w| {
            for (key, noun, get) in [
                (
                    "exclusivity",
                    "exclusivity",
                    (|c| c.exclusivity.as_ref()) as fn(&'a Covenants) -> Option<&'a Restraint>,
                ),
                ("non_compete", "the non-compete", |c| c.non_compete.as_ref()),
            ] {
                let (or, nr) = (o.and_then(get), n.and_then(get));
                w.at(key, |w| {
                    w.item(
                        or,
                        nr,
                        Major,
                        |_| format!("{} covenant", format::capitalize(key).replace('_', "-")),
                        |w, o, n| w.restraint(o, n, noun),
                    )
                });
            }
            let (os, ns) = (
                o.and_then(|c| c.non_solicit.as_ref()),
                n.and_then(|c| c.non_solicit.as_ref()),
            );
            w.at("non_solicit", |w| {
                w.item(
                    os,
                    ns,
                    Major,
                    |_| "Non-solicitation covenant".into(),
                    |w, o, n| {
                        let words = |s: &'a NonSolicit| -> Vec<&'a str> {
                            s.of.iter().map(|x| x.value).collect()
                        };
                        w.list(
                            "of",
                            Major,
                            o.map(words).unwrap_or_default(),
                            n.map(words).unwrap_or_default(),
                            || "Who may not be solicited".into(),
                        );
                        w.term(
                            "binds",
                            Major,
                            o,
                            n,
                            |s| v::parties(&s.binds),
                            || "Parties bound not to solicit".into(),
                        );
                        w.term(
                            "after_exit",
                            Major,
                            o,
                            n,
                            |s| v::duration(&s.after_exit),
                            || "Non-solicitation period after exit".into(),
                        );
                        w.term(
                            "note",
                            Editorial,
                            o,
                            n,
                            |s| v::text(&s.note),
                            || "Note on non-solicitation".into(),
                        );
                    },
                )
            });
            let (od, nd) = (
                o.and_then(|c| c.non_disparagement.as_ref()),
                n.and_then(|c| c.non_disparagement.as_ref()),
            );
            w.at("non_disparagement", |w| {
                w.item(
                    od,
                    nd,
                    Major,
                    |_| "Non-disparagement covenant".into(),
                    |w, o, n| {
                        w.term(
                            "binds",
                            Major,
                            o,
                            n,
                            |d| v::parties(&d.binds),
                            || "Parties bound not to disparage".into(),
                        );
                        w.term(
                            "note",
                            Editorial,
                            o,
                            n,
                            |d| v::text(&d.note),
                            || "Note on non-disparagement".into(),
                        );
                    },
                )
            });
            let empty: &'a [FirstRefusal] = &[];
            let old = o.map_or(empty, |c| c.first_refusals.as_slice());
            let new = n.map_or(empty, |c| c.first_refusals.as_slice());
            for pair in matched(old, new, |f| f.title.value.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let kind = any
                    .kind
                    .as_ref()
                    .map_or("priority right", |k| refusal_kind(k.value));
                let right = format!("{kind} {}", quoted(&any.title.value));
                let segment = title_segment("first_refusal", &any.title.value, pair.occurrence);
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format::capitalize(&right),
                        |w, o, n| w.first_refusal(o, n, &right),
                    )
                });
            }
            let (ot, nt) = (
                o.and_then(|c| c.transfers.as_ref()),
                n.and_then(|c| c.transfers.as_ref()),
            );
            w.at("transfers", |w| {
                w.item(
                    ot,
                    nt,
                    Major,
                    |_| "Transfer restrictions".into(),
                    |w, o, n| w.transfers(o, n),
                )
            });
            let (om, nm) = (
                o.and_then(|c| c.most_favoured.as_ref()),
                n.and_then(|c| c.most_favoured.as_ref()),
            );
            w.at("most_favoured", |w| {
                w.item(
                    om,
                    nm,
                    Major,
                    |_| "Most-favoured terms".into(),
                    |w, o, n| {
                        w.term(
                            "beneficiary",
                            Major,
                            o,
                            n,
                            |m| v::reference(&m.beneficiary),
                            || "Beneficiary of most-favoured terms".into(),
                        );
                        w.term(
                            "scope",
                            Major,
                            o,
                            n,
                            |m| v::text(&m.scope),
                            || "Scope of most-favoured terms".into(),
                        );
                        w.term(
                            "note",
                            Editorial,
                            o,
                            n,
                            |m| v::text(&m.note),
                            || "Note on most-favoured terms".into(),
                        );
                    },
                )
            });
            let empty: &'a [MinimumCommitment] = &[];
            let old = o.map_or(empty, |c| c.minimum_commitments.as_slice());
            let new = n.map_or(empty, |c| c.minimum_commitments.as_slice());
            for pair in matched(old, new, |m| m.title.value.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let commitment = format!("minimum commitment {}", quoted(&any.title.value));
                let segment =
                    title_segment("minimum_commitment", &any.title.value, pair.occurrence);
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format::capitalize(&commitment),
                        |w, o, n| w.minimum_commitment(o, n, &commitment),
                    )
                });
            }
            let (oa, na) = (
                o.and_then(|c| c.assignment.as_ref()),
                n.and_then(|c| c.assignment.as_ref()),
            );
            w.at("assignment", |w| {
                w.item(
                    oa,
                    na,
                    Major,
                    |_| "Assignment clause".into(),
                    |w, o, n| {
                        w.term(
                            "consent_required",
                            Major,
                            o,
                            n,
                            |a| v::boolean(&a.consent_required),
                            || "Consent needed to assign the agreement".into(),
                        );
                        w.term(
                            "exceptions",
                            Major,
                            o,
                            n,
                            |a| v::text(&a.exceptions),
                            || "Exceptions to the consent to assign".into(),
                        );
                        w.term(
                            "note",
                            Editorial,
                            o,
                            n,
                            |a| v::text(&a.note),
                            || "Note on assignment".into(),
                        );
                    },
                )
            });
            let (oa, na) = (
                o.and_then(|c| c.audit.as_ref()),
                n.and_then(|c| c.audit.as_ref()),
            );
            w.at("audit", |w| {
                w.item(
                    oa,
                    na,
                    Major,
                    |_| "Audit right".into(),
                    |w, o, n| {
                        w.term(
                            "by",
                            Major,
                            o,
                            n,
                            |a| v::parties(&a.by),
                            || "Parties entitled to audit".into(),
                        );
                        w.term(
                            "every",
                            Major,
                            o,
                            n,
                            |a| v::cadence(&a.every),
                            || "Frequency of audits".into(),
                        );
                        w.term(
                            "any_time",
                            Major,
                            o,
                            n,
                            |a| a.any_time.map(|_| V::Bool(true)),
                            || "Audit at any time".into(),
                        );
                        w.term(
                            "notice",
                            Major,
                            o,
                            n,
                            |a| v::duration(&a.notice),
                            || "Notice before an audit".into(),
                        );
                        w.term(
                            "note",
                            Editorial,
                            o,
                            n,
                            |a| v::text(&a.note),
                            || "Note on audits".into(),
                        );
                    },
                )
            });
            w.term(
                "third_party_beneficiaries",
                Major,
                o,
                n,
                |c| {
                    c.third_party_beneficiaries
                        .as_ref()
                        .map(|t| V::ThirdParties(&t.value))
                },
                || "Third-party beneficiaries".into(),
            );
            w.term(
                "note",
                Editorial,
                o,
                n,
                |c| v::text(&c.note),
                || "Note on covenants".into(),
            );
        });
    }

    /// Exclusivity or the non-compete: `noun` is "exclusivity" or "the non-compete".
    fn restraint(&mut self, o: Option<&'a Restraint>, n: Option<&'a Restraint>, noun: &str) {
        self.term(
            "binds",
            Major,
            o,
            n,
            |r| v::parties(&r.binds),
            || format!("Parties bound by {noun}"),
        );
        self.term(
            "scope",
            Major,
            o,
            n,
            |r| v::text(&r.scope),
            || format!("Scope of {noun}"),
        );
        self.term(
            "territory",
            Major,
            o,
            n,
            |r| v::text(&r.territory),
            || format!("Territory of {noun}"),
        );
        self.term(
            "after_exit",
            Major,
            o,
            n,
            |r| v::duration(&r.after_exit),
            || format::capitalize(&format!("{noun} period after exit")),
        );
        self.term(
            "carve_outs",
            Major,
            o,
            n,
            |r| v::text(&r.carve_outs),
            || format!("Carve-outs from {noun}"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |r| v::text(&r.note),
            || format!("Note on {noun}"),
        );
    }

    fn first_refusal(&mut self, o: Option<&'a FirstRefusal>, n: Option<&'a FirstRefusal>, r: &str) {
        let of = |what: &str| format!("{what} of the {r}");
        self.name("title", Editorial, o, n, |f| &f.title.value, "Right");
        self.term(
            "holder",
            Major,
            o,
            n,
            |f| v::reference(&f.holder),
            || of("Holder"),
        );
        self.term(
            "kind",
            Major,
            o,
            n,
            |f| v::word(&f.kind, refusal_kind),
            || of("Kind"),
        );
        self.term("over", Major, o, n, |f| v::text(&f.over), || of("Subject"));
        self.term(
            "window",
            Major,
            o,
            n,
            |f| v::duration(&f.window),
            || format!("Window to exercise the {r}"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |f| v::text(&f.note),
            || format!("Note on the {r}"),
        );
    }

    fn minimum_commitment(
        &mut self,
        o: Option<&'a MinimumCommitment>,
        n: Option<&'a MinimumCommitment>,
        m: &str,
    ) {
        let of = |what: &str| format!("{what} of the {m}");
        self.name(
            "title",
            Editorial,
            o,
            n,
            |c| &c.title.value,
            "Minimum commitment",
        );
        self.term(
            "party",
            Major,
            o,
            n,
            |c| v::reference(&c.party),
            || format!("Party bound by the {m}"),
        );
        self.term(
            "amount",
            Major,
            o,
            n,
            |c| v::money(&c.amount),
            || of("Amount"),
        );
        self.term(
            "per",
            Major,
            o,
            n,
            |c| c.per.as_ref().map(|p| V::Word(format::per_period(p.value))),
            || of("Period"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |c| v::text(&c.note),
            || format!("Note on the {m}"),
        );
    }
}

impl<'a> Walker<'a> {
    /// Transfer restrictions: who can get out, and when, is major throughout.
    fn transfers(&mut self, o: Option<&'a Transfers>, n: Option<&'a Transfers>) {
        self.term(
            "lock_up",
            Major,
            o,
            n,
            |t| v::duration(&t.lock_up),
            || "Lock-up".into(),
        );
        self.term(
            "binds",
            Major,
            o,
            n,
            |t| v::parties(&t.binds),
            || "Parties bound by the lock-up".into(),
        );
        self.term(
            "after_lock_up",
            Major,
            o,
            n,
            |t| v::word(&t.after_lock_up, after_lock_up_words),
            || "Transfers after the lock-up".into(),
        );
        self.list(
            "permitted",
            Major,
            o.map(|t| v::texts(&t.permitted)).unwrap_or_default(),
            n.map(|t| v::texts(&t.permitted)).unwrap_or_default(),
            || "Permitted transfers".into(),
        );
        self.term(
            "tag_along",
            Major,
            o,
            n,
            |t| v::boolean(&t.tag_along),
            || "Tag-along right".into(),
        );
        self.term(
            "drag_along",
            Major,
            o,
            n,
            |t| v::boolean(&t.drag_along),
            || "Drag-along right".into(),
        );
        self.term(
            "drag_threshold",
            Major,
            o,
            n,
            |t| v::percent(&t.drag_threshold),
            || "Holding needed to drag the others along".into(),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |t| v::text(&t.note),
            || "Note on transfers".into(),
        );
    }
}

fn after_lock_up_words(a: AfterLockUp) -> &'static str {
    match a {
        AfterLockUp::Free => "free transfer",
        AfterLockUp::FirstRefusal => "subject to first refusal or offer",
        AfterLockUp::Consent => "only with consent",
    }
}
