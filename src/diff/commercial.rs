//! Contributions, and revenue and cost sharing: the economics of the deal.

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
                "revenue_rule",
                Major,
                o,
                n,
                |s| {
                    s.revenue_rule
                        .as_ref()
                        .map(|r| V::Word(split_rule(r.value, true)))
                },
                || "Revenue split".into(),
            );
            w.term(
                "costs_rule",
                Major,
                o,
                n,
                |s| {
                    s.costs_rule
                        .as_ref()
                        .map(|r| V::Word(split_rule(r.value, false)))
                },
                || "Cost split".into(),
            );
            w.term(
                "currency",
                Major,
                o,
                n,
                |s| s.currency.as_ref().map(|c| V::Text(c.value.as_str())),
                || "Currency of payments".into(),
            );
            w.term(
                "payment_terms",
                Major,
                o,
                n,
                |s| v::duration(&s.payment_terms),
                || "Time to pay an invoice".into(),
            );
            let (ol, nl) = (
                o.and_then(|s| s.late_interest.as_ref()),
                n.and_then(|s| s.late_interest.as_ref()),
            );
            w.at("late_interest", |w| {
                w.item(
                    ol,
                    nl,
                    Major,
                    |_| "Interest on late payments".into(),
                    |w, o, n| {
                        w.term(
                            "rate",
                            Major,
                            o,
                            n,
                            |l| v::percent(&l.rate),
                            || "Rate of late interest".into(),
                        );
                        w.term(
                            "per",
                            Major,
                            o,
                            n,
                            |l| v::cadence(&l.per),
                            || "Period of the late-interest rate".into(),
                        );
                        w.term(
                            "above",
                            Major,
                            o,
                            n,
                            |l| v::text(&l.above),
                            || "Reference rate of late interest".into(),
                        );
                    },
                );
            });
            let empty: &'a [Fee] = &[];
            let (old, new) = (
                o.map_or(empty, |s| s.fees.as_slice()),
                n.map_or(empty, |s| s.fees.as_slice()),
            );
            for pair in matched(old, new, |f| f.title.value.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let title = quoted(&any.title.value);
                let segment = title_segment("fee", &any.title.value, pair.occurrence);
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Fee {title}"),
                        |w, o, n| {
                            w.term(
                                "payer",
                                Major,
                                o,
                                n,
                                |f| f.payer.as_ref().map(V::Ref),
                                || format!("Payer of fee {title}"),
                            );
                            w.term(
                                "payee",
                                Major,
                                o,
                                n,
                                |f| f.payee.as_ref().map(V::Ref),
                                || format!("Payee of fee {title}"),
                            );
                            w.term(
                                "amount",
                                Major,
                                o,
                                n,
                                |f| v::money(&f.amount),
                                || format!("Amount of fee {title}"),
                            );
                            w.term(
                                "rate",
                                Major,
                                o,
                                n,
                                |f| v::percent(&f.rate),
                                || format!("Rate of fee {title}"),
                            );
                            w.term(
                                "of",
                                Major,
                                o,
                                n,
                                |f| v::text(&f.of),
                                || format!("Base of fee {title}"),
                            );
                            w.term(
                                "per",
                                Major,
                                o,
                                n,
                                |f| per(&f.per),
                                || format!("How often fee {title} is paid"),
                            );
                            w.term(
                                "cap",
                                Major,
                                o,
                                n,
                                |f| f.cap.as_ref().map(|c| V::Royalty(&c.value)),
                                || format!("Cap on fee {title}"),
                            );
                            w.term(
                                "floor",
                                Major,
                                o,
                                n,
                                |f| f.floor.as_ref().map(|c| V::Royalty(&c.value)),
                                || format!("Floor of fee {title}"),
                            );
                            w.term(
                                "note",
                                Editorial,
                                o,
                                n,
                                |f| v::text(&f.note),
                                || format!("Note on fee {title}"),
                            );
                        },
                    )
                });
            }
            let empty: &'a [MilestonePayment] = &[];
            let (old, new) = (
                o.map_or(empty, |s| s.milestone_payments.as_slice()),
                n.map_or(empty, |s| s.milestone_payments.as_slice()),
            );
            for pair in matched(old, new, |p| p.title.value.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let title = quoted(&any.title.value);
                let segment = title_segment("milestone_payment", &any.title.value, pair.occurrence);
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Milestone payment {title}"),
                        |w, o, n| {
                            w.term(
                                "payer",
                                Major,
                                o,
                                n,
                                |p| p.payer.as_ref().map(V::Ref),
                                || format!("Payer of milestone payment {title}"),
                            );
                            w.term(
                                "payee",
                                Major,
                                o,
                                n,
                                |p| p.payee.as_ref().map(V::Ref),
                                || format!("Payee of milestone payment {title}"),
                            );
                            w.term(
                                "amount",
                                Major,
                                o,
                                n,
                                |p| v::money(&p.amount),
                                || format!("Milestone payment {title}"),
                            );
                            w.term(
                                "on",
                                Major,
                                o,
                                n,
                                |p| p.on.as_ref().map(V::Ref),
                                || format!("Milestone that triggers payment {title}"),
                            );
                            w.term(
                                "note",
                                Editorial,
                                o,
                                n,
                                |p| v::text(&p.note),
                                || format!("Note on milestone payment {title}"),
                            );
                        },
                    )
                });
            }
            let empty: &'a [RoyaltyTerms] = &[];
            let (old, new) = (
                o.map_or(empty, |s| s.royalties.as_slice()),
                n.map_or(empty, |s| s.royalties.as_slice()),
            );
            for pair in matched(old, new, |r| r.title.value.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let title = quoted(&any.title.value);
                let segment = title_segment("royalty", &any.title.value, pair.occurrence);
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Royalty {title}"),
                        |w, o, n| {
                            w.term(
                                "payer",
                                Major,
                                o,
                                n,
                                |r| r.payer.as_ref().map(V::Ref),
                                || format!("Payer of royalty {title}"),
                            );
                            w.term(
                                "payee",
                                Major,
                                o,
                                n,
                                |r| r.payee.as_ref().map(V::Ref),
                                || format!("Payee of royalty {title}"),
                            );
                            w.term(
                                "rate",
                                Major,
                                o,
                                n,
                                |r| v::percent(&r.rate),
                                || format!("Rate of royalty {title}"),
                            );
                            w.term(
                                "amount",
                                Major,
                                o,
                                n,
                                |r| v::money(&r.amount),
                                || format!("Amount of royalty {title}"),
                            );
                            w.term(
                                "per",
                                Major,
                                o,
                                n,
                                |r| per(&r.per),
                                || format!("How often royalty {title} is paid"),
                            );
                            w.term(
                                "base",
                                Major,
                                o,
                                n,
                                |r| r.base.as_ref().map(|b| V::Text(base_text(&b.value))),
                                || format!("Base of royalty {title}"),
                            );
                            w.term(
                                "term",
                                Major,
                                o,
                                n,
                                |r| v::duration(&r.term),
                                || format!("Term of royalty {title}"),
                            );
                            w.term(
                                "note",
                                Editorial,
                                o,
                                n,
                                |r| v::text(&r.note),
                                || format!("Note on royalty {title}"),
                            );
                        },
                    )
                });
            }
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
}

fn split_rule(r: SplitRule, revenue: bool) -> &'static str {
    match r {
        SplitRule::EachOwn if revenue => "each party keeps its own revenue",
        SplitRule::EachOwn => "each party bears its own costs",
        SplitRule::ProRataOwnership => "in proportion to ownership",
        SplitRule::ProRataContributions => "in proportion to contributions",
    }
}

fn base_text(b: &Base) -> &str {
    match b {
        Base::NetSales => "net sales",
        Base::GrossSales => "gross sales",
        Base::NetRevenue => "net revenue",
        Base::GrossRevenue => "gross revenue",
        Base::Profit => "profit",
        Base::Other(t) => t,
    }
}

fn per(p: &Option<crate::span::Spanned<Per>>) -> Option<V<'static>> {
    p.as_ref().map(|p| match p.value {
        Per::Unit => V::Word("per unit sold"),
        Per::Cadence(c) => V::Cadence(c),
    })
}
