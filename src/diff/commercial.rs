//! Contributions, revenue and cost sharing, and liability: the economics of the deal.

use super::value::{self as v, V};
use super::walker::{matched, possessive, quoted, title_segment, Walker};
use super::Impact::{Editorial, Major, Minor};
use super::Section;
use crate::emit::format::capitalize;
use crate::model::*;

fn resource_kind(k: ResourceKind) -> &'static str {
    match k {
        ResourceKind::Cash => "cash",
        ResourceKind::Ip => "intellectual property",
        ResourceKind::Data => "data",
        ResourceKind::Staff => "staff",
        ResourceKind::Facilities => "facilities",
        ResourceKind::Technology => "technology",
        ResourceKind::MarketAccess => "market access",
        ResourceKind::Brand => "brand",
        ResourceKind::Other => "other",
    }
}

fn license_terms(l: LicenseTerms) -> &'static str {
    match l {
        LicenseTerms::Exclusive => "exclusive licence",
        LicenseTerms::NonExclusive => "non-exclusive licence",
        LicenseTerms::Assignment => "assigned outright",
    }
}

fn own_people(o: OwnPeople) -> &'static str {
    match o {
        OwnPeople::EachParty => "each party is responsible for its own",
        OwnPeople::Shared => "shared",
    }
}

impl<'a> Walker<'a> {
    pub(super) fn contributions(&mut self) {
        self.section(Section::Contributions);
        let (o, n) = (
            self.old.a.contributions.as_ref(),
            self.new.a.contributions.as_ref(),
        );
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("contributions", |w| {
            w.term(
                "review",
                Minor,
                o,
                n,
                |c| v::cadence(&c.review),
                || "Review of contributions".into(),
            );
            let empty: &'a [From] = &[];
            let old = o.map_or(empty, |c| c.from.as_slice());
            let new = n.map_or(empty, |c| c.from.as_slice());
            for pair in matched(old, new, |f| f.party.id.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let party = w.name_of(pair.old.map(|f| &f.party), pair.new.map(|f| &f.party));
                let mut segment = any.party.id.to_string();
                if pair.occurrence > 0 {
                    segment.push_str(&format!("#{}", pair.occurrence + 1));
                }
                w.at("from", |w| {
                    w.at(&segment, |w| w.from(pair.old, pair.new, &party))
                });
            }
            w.term(
                "note",
                Editorial,
                o,
                n,
                |c| v::text(&c.note),
                || "Note on contributions".into(),
            );
        });
    }

    /// A `from PARTY` block: its resources and deliverables, matched by title.
    fn from(&mut self, o: Option<&'a From>, n: Option<&'a From>, party: &str) {
        let empty: &'a [Resource] = &[];
        let old = o.map_or(empty, |f| f.resources.as_slice());
        let new = n.map_or(empty, |f| f.resources.as_slice());
        for pair in matched(old, new, |r| r.title.value.as_str()) {
            let Some(any) = pair.new.or(pair.old) else {
                continue;
            };
            let title = quoted(&any.title.value);
            let subject = format!("{title} from {party}");
            let segment = title_segment("resource", &any.title.value, pair.occurrence);
            self.at(&segment, |w| {
                w.item(
                    pair.old,
                    pair.new,
                    Major,
                    |_| format!("Resource {subject}"),
                    |w, o, n| w.resource(o, n, &subject),
                )
            });
        }
        let empty: &'a [Deliverable] = &[];
        let old = o.map_or(empty, |f| f.deliverables.as_slice());
        let new = n.map_or(empty, |f| f.deliverables.as_slice());
        for pair in matched(old, new, |d| d.title.value.as_str()) {
            let Some(any) = pair.new.or(pair.old) else {
                continue;
            };
            let subject = format!("deliverable {} from {party}", quoted(&any.title.value));
            let segment = title_segment("deliverable", &any.title.value, pair.occurrence);
            self.at(&segment, |w| {
                w.item(
                    pair.old,
                    pair.new,
                    Major,
                    |_| capitalize(&subject),
                    |w, o, n| w.deliverable(o, n, &subject),
                )
            });
        }
        self.term(
            "note",
            Editorial,
            o,
            n,
            |f| v::text(&f.note),
            || format!("Note on the contributions from {party}"),
        );
    }

    fn resource(&mut self, o: Option<&'a Resource>, n: Option<&'a Resource>, r: &str) {
        let of = |what: &str| format!("{what} of {r}");
        self.name("title", Editorial, o, n, |r| &r.title.value, "Resource");
        self.term(
            "kind",
            Major,
            o,
            n,
            |r| v::word(&r.kind, resource_kind),
            || of("Kind"),
        );
        self.term("value", Major, o, n, |r| v::money(&r.value), || of("Value"));
        self.term(
            "fte",
            Major,
            o,
            n,
            |r| v::number(&r.fte),
            || of("Full-time staff"),
        );
        self.term(
            "license",
            Major,
            o,
            n,
            |r| v::word(&r.license, license_terms),
            || of("Licence terms"),
        );
        self.term(
            "schedule",
            Major,
            o,
            n,
            |r| v::text(&r.schedule),
            || of("Schedule"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |r| v::text(&r.note),
            || format!("Note on {r}"),
        );
    }

    fn deliverable(&mut self, o: Option<&'a Deliverable>, n: Option<&'a Deliverable>, d: &str) {
        let of = |what: &str| format!("{what} of {d}");
        self.name("title", Editorial, o, n, |d| &d.title.value, "Deliverable");
        self.term("due", Minor, o, n, |d| v::date(&d.due), || of("Due date"));
        self.term(
            "acceptance",
            Major,
            o,
            n,
            |d| v::text(&d.acceptance),
            || of("Acceptance criteria"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |d| v::text(&d.note),
            || format!("Note on {d}"),
        );
    }

    pub(super) fn sharing(&mut self) {
        self.section(Section::Sharing);
        let (o, n) = (self.old.a.sharing.as_ref(), self.new.a.sharing.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("sharing", |w| {
            w.party_map(
                "revenue",
                Major,
                o.and_then(|s| s.revenue.as_ref()),
                n.and_then(|s| s.revenue.as_ref()),
                |x| V::Percent(*x),
                |p| format!("{} revenue share", possessive(p)),
            );
            w.party_map(
                "costs",
                Major,
                o.and_then(|s| s.costs.as_ref()),
                n.and_then(|s| s.costs.as_ref()),
                |x| V::Percent(*x),
                |p| format!("{} cost share", possessive(p)),
            );
            w.term(
                "method",
                Major,
                o,
                n,
                |s| v::text(&s.method),
                || "Method of sharing revenue and costs".into(),
            );
            w.term(
                "note",
                Editorial,
                o,
                n,
                |s| v::text(&s.note),
                || "Note on sharing".into(),
            );
        });
    }

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
}
