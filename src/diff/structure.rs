//! The equity stakes and the joint-venture entity.

use super::value::{self as v, V};
use super::walker::{matched, possessive, Walker};
use super::Impact::{Editorial, Major, Minor};
use super::Section;
use crate::model::*;

impl<'a> Walker<'a> {
    pub(super) fn equity(&mut self) {
        self.section(Section::Equity);
        let (o, n) = (self.old.a.equity.as_ref(), self.new.a.equity.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("equity", |w| {
            let empty: &'a [Stake] = &[];
            let old = o.map_or(empty, |e| e.stakes.as_slice());
            let new = n.map_or(empty, |e| e.stakes.as_slice());
            let id = |r: &'a Option<Ref>| r.as_ref().map_or("?", |r| r.id.as_str());
            for pair in matched(old, new, |s| (id(&s.holder), id(&s.issuer))) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let holder = w.name_of(
                    pair.old.and_then(|s| s.holder.as_ref()),
                    pair.new.and_then(|s| s.holder.as_ref()),
                );
                let issuer = w.name_of(
                    pair.old.and_then(|s| s.issuer.as_ref()),
                    pair.new.and_then(|s| s.issuer.as_ref()),
                );
                let stake = format!("{} stake in {issuer}", possessive(&holder));
                let mut segment = format!("stake.{}.{}", id(&any.holder), id(&any.issuer));
                if pair.occurrence > 0 {
                    segment.push_str(&format!("#{}", pair.occurrence + 1));
                }
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Equity stake of {holder} in {issuer}"),
                        |w, o, n| w.stake(o, n, &stake),
                    )
                });
            }
            w.party_map(
                "board_seats",
                Major,
                o.and_then(|e| e.board_seats.as_ref()),
                n.and_then(|e| e.board_seats.as_ref()),
                |x| V::Number(*x),
                |p| format!("{} board seats", possessive(p)),
            );
            w.term(
                "information_rights",
                Major,
                o,
                n,
                |e| v::boolean(&e.information_rights),
                || "Information rights of the shareholders".into(),
            );
            w.term(
                "unwind",
                Major,
                o,
                n,
                |e| v::text(&e.unwind),
                || "Unwinding of the stakes on exit".into(),
            );
            w.term(
                "survives_sale",
                Major,
                o,
                n,
                |e| v::boolean(&e.survives_sale),
                || "Whether the alliance survives the sale of a stake".into(),
            );
            w.term(
                "note",
                Editorial,
                o,
                n,
                |e| v::text(&e.note),
                || "Note on equity".into(),
            );
        });
    }

    fn stake(&mut self, o: Option<&'a Stake>, n: Option<&'a Stake>, stake: &str) {
        // Holder and issuer are the key; shown when the stake is described.
        self.term(
            "holder",
            Major,
            o,
            n,
            |s| v::reference(&s.holder),
            || format!("Holder of {stake}"),
        );
        self.term(
            "issuer",
            Major,
            o,
            n,
            |s| v::reference(&s.issuer),
            || format!("Issuer of {stake}"),
        );
        self.term(
            "percent",
            Major,
            o,
            n,
            |s| v::percent(&s.percent),
            || format!("Size of {stake}"),
        );
        self.term(
            "shares",
            Major,
            o,
            n,
            |s| s.shares.as_ref().map(|x| V::Number(x.value)),
            || format!("Number of shares in {stake}"),
        );
        self.term(
            "class",
            Major,
            o,
            n,
            |s| v::text(&s.class),
            || format!("Class of shares in {stake}"),
        );
        self.term(
            "amount",
            Major,
            o,
            n,
            |s| v::money(&s.amount),
            || format!("Price of {stake}"),
        );
        self.term(
            "closing",
            Major,
            o,
            n,
            |s| v::date(&s.closing),
            || format!("Closing of {stake}"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |s| v::text(&s.note),
            || format!("Note on {stake}"),
        );
    }

    pub(super) fn entity(&mut self) {
        self.section(Section::Entity);
        let (o, n) = (self.old.a.entity.as_ref(), self.new.a.entity.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        let jv = "the joint venture";
        self.at("entity", |w| {
            w.term(
                "id",
                Editorial,
                o,
                n,
                |e| Some(V::Text(&e.id.value)),
                || "Id of the joint venture".into(),
            );
            w.name("name", Major, o, n, |e| &e.name.value, "Joint venture");
            w.term(
                "jurisdiction",
                Major,
                o,
                n,
                |e| v::text(&e.jurisdiction),
                || "Jurisdiction of the joint venture".into(),
            );
            w.party_map(
                "ownership",
                Major,
                o.and_then(|e| e.ownership.as_ref()),
                n.and_then(|e| e.ownership.as_ref()),
                |x| V::Percent(*x),
                |p| format!("{} ownership of {jv}", possessive(p)),
            );
            w.party_map(
                "capital",
                Major,
                o.and_then(|e| e.capital.as_ref()),
                n.and_then(|e| e.capital.as_ref()),
                V::Money,
                |p| format!("{} capital contribution to {jv}", possessive(p)),
            );
            w.term(
                "management",
                Minor,
                o,
                n,
                |e| v::text(&e.management),
                || "Management of the joint venture".into(),
            );
            let (of, nf) = (
                o.and_then(|e| e.funding.as_ref()),
                n.and_then(|e| e.funding.as_ref()),
            );
            w.at("funding", |w| {
                w.party_map(
                    "commitments",
                    Major,
                    of.and_then(|f| f.commitments.as_ref()),
                    nf.and_then(|f| f.commitments.as_ref()),
                    V::Money,
                    |p| format!("{} funding commitment to {jv}", possessive(p)),
                );
                w.term(
                    "calls",
                    Major,
                    of,
                    nf,
                    |f| v::text(&f.calls),
                    || "Capital calls".into(),
                );
                w.term(
                    "non_funding",
                    Major,
                    of,
                    nf,
                    |f| v::word(&f.non_funding, non_funding_words),
                    || "Consequence of not funding a call".into(),
                );
                w.term(
                    "note",
                    Editorial,
                    of,
                    nf,
                    |f| v::text(&f.note),
                    || "Note on funding".into(),
                );
            });
            let (ob, nb) = (
                o.and_then(|e| e.board.as_ref()),
                n.and_then(|e| e.board.as_ref()),
            );
            w.at("board", |w| {
                w.party_map(
                    "seats",
                    Major,
                    ob.and_then(|b| b.seats.as_ref()),
                    nb.and_then(|b| b.seats.as_ref()),
                    |x| V::Number(*x),
                    |p| format!("{} seats on the board of {jv}", possessive(p)),
                );
                w.term(
                    "independent",
                    Major,
                    ob,
                    nb,
                    |b| v::number(&b.independent),
                    || "Independent directors of the joint venture".into(),
                );
                w.term(
                    "decides",
                    Major,
                    ob,
                    nb,
                    |b| v::decides(&b.decides),
                    || "Decision rule of the board of the joint venture".into(),
                );
                w.list(
                    "reserved",
                    Major,
                    ob.map(|b| v::texts(&b.reserved)).unwrap_or_default(),
                    nb.map(|b| v::texts(&b.reserved)).unwrap_or_default(),
                    || "Matters reserved to the parents".into(),
                );
                w.term(
                    "reserved_decides",
                    Major,
                    ob,
                    nb,
                    |b| v::decides(&b.reserved_decides),
                    || "Majority the reserved matters need".into(),
                );
                w.special_majorities(
                    ob.map(|b| b.special.as_slice()),
                    nb.map(|b| b.special.as_slice()),
                );
                w.term(
                    "meets",
                    Minor,
                    ob,
                    nb,
                    |b| v::cadence(&b.meets),
                    || "Meetings of the board of the joint venture".into(),
                );
                w.term(
                    "quorum",
                    Major,
                    ob,
                    nb,
                    |b| v::number(&b.quorum),
                    || "Quorum of the board of the joint venture".into(),
                );
                w.term(
                    "chair",
                    Major,
                    ob,
                    nb,
                    |b| b.chair.as_ref().map(V::Chair),
                    || "Chair of the board of the joint venture".into(),
                );
                w.term(
                    "casting_vote",
                    Major,
                    ob,
                    nb,
                    |b| v::boolean(&b.casting_vote),
                    || "Casting vote of the chair of the joint venture".into(),
                );
                w.party_map(
                    "observers",
                    Minor,
                    ob.and_then(|b| b.observers.as_ref()),
                    nb.and_then(|b| b.observers.as_ref()),
                    |x| V::Number(*x),
                    |p| format!("{} observers on the board of {jv}", possessive(p)),
                );
                w.term(
                    "auditor",
                    Minor,
                    ob,
                    nb,
                    |b| v::text(&b.auditor),
                    || "Statutory auditor of the joint venture".into(),
                );
                w.term(
                    "note",
                    Editorial,
                    ob,
                    nb,
                    |b| v::text(&b.note),
                    || "Note on the board of the joint venture".into(),
                );
            });
            w.term(
                "note",
                Editorial,
                o,
                n,
                |e| v::text(&e.note),
                || "Note on the joint venture".into(),
            );
        });
    }
}

fn non_funding_words(n: NonFunding) -> &'static str {
    match n {
        NonFunding::Dilution => "dilution",
        NonFunding::Loan => "a loan from the other parent",
        NonFunding::Default => "default",
        NonFunding::BuyOut => "a buy-out",
    }
}
