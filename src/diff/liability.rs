//! Liability: the cap, whom it protects, the claims outside it, indemnities and force majeure.

use super::value::{self as v, V};
use super::walker::{matched, possessive, quoted, title_segment, Walker};
use super::Impact::{Editorial, Major, Minor};
use super::Section;
use crate::model::*;

impl<'a> Walker<'a> {
    pub(super) fn liability(&mut self) {
        self.section(Section::Liability);
        let (o, n) = (self.old.a.liability.as_ref(), self.new.a.liability.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("liability", |w| {
            w.term(
                "cap",
                Major,
                o,
                n,
                |l| v::money(&l.cap),
                || "Liability cap".into(),
            );
            w.term(
                "cap_formula",
                Major,
                o,
                n,
                |l| v::text(&l.cap_formula),
                || "Formula of the liability cap".into(),
            );
            w.term(
                "cap_for",
                Major,
                o,
                n,
                |l| v::parties(&l.cap_for),
                || "Parties whose liability is capped".into(),
            );
            w.term(
                "joint_pool",
                Major,
                o,
                n,
                |l| v::money(&l.joint_pool),
                || "Joint liability pool".into(),
            );
            w.party_map(
                "pool_shares",
                Major,
                o.and_then(|l| l.pool_shares.as_ref()),
                n.and_then(|l| l.pool_shares.as_ref()),
                |x| V::Percent(*x),
                |p| format!("{} share of the liability pool", possessive(p)),
            );
            w.term(
                "own_people_and_assets",
                Major,
                o,
                n,
                |l| v::word(&l.own_people_and_assets, own_people),
                || "Responsibility for the parties' own people and assets".into(),
            );
            w.term(
                "insurance",
                Major,
                o,
                n,
                |l| v::text(&l.insurance),
                || "Insurance".into(),
            );
            w.list(
                "uncapped",
                Major,
                o.map(|l| v::texts(&l.uncapped)).unwrap_or_default(),
                n.map(|l| v::texts(&l.uncapped)).unwrap_or_default(),
                || "Claims outside the liability cap".into(),
            );
            w.term(
                "liquidated_damages",
                Major,
                o,
                n,
                |l| v::text(&l.liquidated_damages),
                || "Liquidated damages".into(),
            );
            w.term(
                "termination_fee",
                Major,
                o,
                n,
                |l| v::money(&l.termination_fee),
                || "Termination fee".into(),
            );
            w.term(
                "warranty",
                Major,
                o,
                n,
                |l| v::duration(&l.warranty),
                || "Warranty period".into(),
            );
            w.remedies(o, n);
            w.term(
                "note",
                Editorial,
                o,
                n,
                |l| v::text(&l.note),
                || "Note on liability".into(),
            );
        });
    }

    /// Warranties, indirect loss, injunctions, costs, indemnities and force majeure: who
    /// pays when things go wrong is major, except the force majeure notice.
    fn remedies(&mut self, o: Option<&'a Liability>, n: Option<&'a Liability>) {
        self.list(
            "warranties",
            Major,
            o.map(|l| v::texts(&l.warranties)).unwrap_or_default(),
            n.map(|l| v::texts(&l.warranties)).unwrap_or_default(),
            || "Warranties".into(),
        );
        self.term(
            "disclaimer",
            Major,
            o,
            n,
            |l| v::boolean(&l.disclaimer),
            || "Disclaimer of other warranties".into(),
        );
        self.term(
            "indirect_loss",
            Major,
            o,
            n,
            |l| v::boolean(&l.indirect_loss_excluded),
            || "Exclusion of indirect and consequential loss".into(),
        );
        self.term(
            "injunctive_relief",
            Major,
            o,
            n,
            |l| v::word(&l.injunctive_relief, Injunction::key),
            || "Injunctive relief".into(),
        );
        self.term(
            "costs",
            Major,
            o,
            n,
            |l| v::word(&l.costs, Costs::key),
            || "Costs of a dispute".into(),
        );
        let old = o.map_or(&[][..], |l| l.indemnities.as_slice());
        let new = n.map_or(&[][..], |l| l.indemnities.as_slice());
        for pair in matched(old, new, |i| i.title.value.as_str()) {
            let Some(any) = pair.new.or(pair.old) else {
                continue;
            };
            let title = any.title.value.clone();
            self.at(&title_segment("indemnity", &title, pair.occurrence), |w| {
                w.item(
                    pair.old,
                    pair.new,
                    Major,
                    |_| format!("Indemnity {}", quoted(&title)),
                    |w, o, n| {
                        let of = |what: &str| format!("{what} of the indemnity {}", quoted(&title));
                        w.term("by", Major, o, n, |i| grantee(&i.by), || of("Giver"));
                        w.term("to", Major, o, n, |i| grantee(&i.to), || of("Beneficiary"));
                        w.term(
                            "covers",
                            Major,
                            o,
                            n,
                            |i| v::text(&i.covers),
                            || of("Scope"),
                        );
                        w.term(
                            "capped",
                            Major,
                            o,
                            n,
                            |i| v::boolean(&i.capped),
                            || of("Cap"),
                        );
                        w.term("note", Editorial, o, n, |i| v::text(&i.note), || of("Note"));
                    },
                )
            });
        }
        let old = o.map_or(&[][..], |l| l.guarantees.as_slice());
        let new = n.map_or(&[][..], |l| l.guarantees.as_slice());
        for pair in matched(old, new, |g| g.title.value.as_str()) {
            let Some(any) = pair.new.or(pair.old) else {
                continue;
            };
            let title = any.title.value.clone();
            self.at(&title_segment("guarantee", &title, pair.occurrence), |w| {
                w.item(
                    pair.old,
                    pair.new,
                    Major,
                    |_| format!("Guarantee {}", quoted(&title)),
                    |w, o, n| {
                        let of = |what: &str| format!("{what} of the guarantee {}", quoted(&title));
                        w.term("by", Major, o, n, |g| v::text(&g.by), || of("Guarantor"));
                        w.term(
                            "for",
                            Major,
                            o,
                            n,
                            |g| v::reference(&g.party),
                            || of("Party guaranteed"),
                        );
                        w.term(
                            "covers",
                            Major,
                            o,
                            n,
                            |g| v::text(&g.covers),
                            || of("Scope"),
                        );
                        w.term("cap", Major, o, n, |g| v::money(&g.cap), || of("Cap"));
                        w.term("note", Editorial, o, n, |g| v::text(&g.note), || of("Note"));
                    },
                )
            });
        }
        let (of, nf) = (
            o.and_then(|l| l.force_majeure.as_ref()),
            n.and_then(|l| l.force_majeure.as_ref()),
        );
        self.at("force_majeure", |w| {
            w.item(
                of,
                nf,
                Major,
                |_| "Force majeure".into(),
                |w, o, n| {
                    w.list(
                        "events",
                        Major,
                        o.map(|f| v::texts(&f.events)).unwrap_or_default(),
                        n.map(|f| v::texts(&f.events)).unwrap_or_default(),
                        || "Force majeure events".into(),
                    );
                    w.term(
                        "notice",
                        Minor,
                        o,
                        n,
                        |f| v::duration(&f.notice),
                        || "Notice of force majeure".into(),
                    );
                    w.term(
                        "longstop",
                        Major,
                        o,
                        n,
                        |f| v::duration(&f.longstop),
                        || "Force majeure long-stop before termination".into(),
                    );
                    w.term(
                        "note",
                        Editorial,
                        o,
                        n,
                        |f| v::text(&f.note),
                        || "Note on force majeure".into(),
                    );
                },
            )
        });
    }
}

fn grantee(g: &Option<Grantee>) -> Option<V<'_>> {
    g.as_ref().map(V::Grantee)
}

fn own_people(o: OwnPeople) -> &'static str {
    match o {
        OwnPeople::EachParty => "each party is responsible for its own",
        OwnPeople::Shared => "shared",
    }
}
