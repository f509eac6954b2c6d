//! Governance (committees, reporting, reserved matters, scope changes) and the metrics and
//! milestones: governance mechanics, cadences, targets and dates are minor.

use super::agreement::named;
use super::value::{self as v, V};
use super::walker::{matched, matched_by_id, possessive, quoted, the, title_segment, Walker};
use super::Impact::{Editorial, Major, Minor};
use super::Section;
use crate::emit::format::capitalize;
use crate::model::*;

fn metric_kind(k: MetricKind) -> &'static str {
    match k {
        MetricKind::Quantitative => "quantitative",
        MetricKind::Qualitative => "qualitative",
    }
}

fn horizon(h: Horizon) -> &'static str {
    match h {
        Horizon::QuickWin => "quick win",
        Horizon::MediumTerm => "medium term",
        Horizon::Ultimate => "ultimate goal",
    }
}

impl<'a> Walker<'a> {
    pub(super) fn governance(&mut self) {
        self.section(Section::Governance);
        let (o, n) = (
            self.old.a.governance.as_ref(),
            self.new.a.governance.as_ref(),
        );
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("governance", |w| {
            let empty: &'a [Committee] = &[];
            let old = o.map_or(empty, |g| g.committees.as_slice());
            let new = n.map_or(empty, |g| g.committees.as_slice());
            for (pair, any) in matched_by_id(old, new, |c| c.id.value.as_str()) {
                let title = named(&any.name.value, &any.id.value);
                // "the Alliance Steering Committee"
                let committee = {
                    let name = v::normalize(&any.name.value);
                    if name.is_empty() {
                        format!("committee `{}`", any.id.value)
                    } else {
                        the(&name)
                    }
                };
                w.at("committee", |w| {
                    w.at(&any.id.value, |w| {
                        w.item(
                            pair.old,
                            pair.new,
                            Major,
                            |_| format!("Committee {title}"),
                            |w, o, n| w.committee(o, n, &committee),
                        )
                    })
                });
            }
            let (or, nr) = (
                o.and_then(|g| g.reporting.as_ref()),
                n.and_then(|g| g.reporting.as_ref()),
            );
            w.at("reporting", |w| {
                w.term(
                    "operations",
                    Minor,
                    or,
                    nr,
                    |r| v::cadence(&r.operations),
                    || "Operations reporting".into(),
                );
                w.term(
                    "progress",
                    Minor,
                    or,
                    nr,
                    |r| v::cadence(&r.progress),
                    || "Progress reporting".into(),
                );
                w.term(
                    "strategy",
                    Minor,
                    or,
                    nr,
                    |r| v::cadence(&r.strategy),
                    || "Strategy reporting".into(),
                );
                w.term(
                    "note",
                    Editorial,
                    or,
                    nr,
                    |r| v::text(&r.note),
                    || "Note on reporting".into(),
                );
            });
            w.term(
                "health_check",
                Minor,
                o,
                n,
                |g| v::cadence(&g.health_check),
                || "Alliance health check".into(),
            );
            let (om, nm) = (
                o.and_then(|g| g.reserved_matters.as_ref()),
                n.and_then(|g| g.reserved_matters.as_ref()),
            );
            w.at("reserved_matters", |w| {
                w.list(
                    "matters",
                    Major,
                    om.map(|m| v::texts(&m.matters)).unwrap_or_default(),
                    nm.map(|m| v::texts(&m.matters)).unwrap_or_default(),
                    || "Reserved matters".into(),
                );
                w.term(
                    "decides",
                    Major,
                    om,
                    nm,
                    |m| v::decides(&m.decides),
                    || "Decision rule for reserved matters".into(),
                );
                w.special_majorities(
                    om.map(|m| m.special.as_slice()),
                    nm.map(|m| m.special.as_slice()),
                );
                w.term(
                    "note",
                    Editorial,
                    om,
                    nm,
                    |m| v::text(&m.note),
                    || "Note on reserved matters".into(),
                );
            });
            let (os, ns) = (
                o.and_then(|g| g.scope_change.as_ref()),
                n.and_then(|g| g.scope_change.as_ref()),
            );
            w.at("scope_change", |w| {
                w.term(
                    "approved_by",
                    Major,
                    os,
                    ns,
                    |s| v::reference(&s.approved_by),
                    || "Approval of changes of scope".into(),
                );
                w.term(
                    "amendment_required",
                    Major,
                    os,
                    ns,
                    |s| v::boolean(&s.amendment_required),
                    || "Written amendment for changes of scope".into(),
                );
                w.term(
                    "note",
                    Editorial,
                    os,
                    ns,
                    |s| v::text(&s.note),
                    || "Note on changes of scope".into(),
                );
            });
            let (od, nd) = (
                o.and_then(|g| g.deadlock.as_ref()),
                n.and_then(|g| g.deadlock.as_ref()),
            );
            w.at("deadlock", |w| w.deadlock(od, nd));
            let empty: &'a [KeyPerson] = &[];
            let old = o.map_or(empty, |g| g.key_persons.as_slice());
            let new = n.map_or(empty, |g| g.key_persons.as_slice());
            for pair in matched(old, new, |k| k.name.value.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let name = any.name.value.clone();
                w.at(&title_segment("key_person", &name, pair.occurrence), |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Key person {}", quoted(&name)),
                        |w, o, n| {
                            let of = |what: &str| format!("{what} of {}", quoted(&name));
                            w.term(
                                "party",
                                Major,
                                o,
                                n,
                                |k| v::reference(&k.party),
                                || of("Employer"),
                            );
                            w.term("role", Minor, o, n, |k| v::text(&k.role), || of("Role"));
                            w.term(
                                "replacement",
                                Major,
                                o,
                                n,
                                |k| v::text(&k.replacement),
                                || of("Replacement"),
                            );
                            w.term("note", Editorial, o, n, |k| v::text(&k.note), || of("Note"));
                        },
                    )
                });
            }
            w.term(
                "note",
                Editorial,
                o,
                n,
                |g| v::text(&g.note),
                || "Note on governance".into(),
            );
        });
    }

    /// Reserved matters with a majority of their own, matched by the matter: a matter added or
    /// removed, or its majority changed, moves a veto, so each is major.
    pub(super) fn special_majorities(
        &mut self,
        o: Option<&'a [SpecialMajority]>,
        n: Option<&'a [SpecialMajority]>,
    ) {
        let (old, new) = (o.unwrap_or_default(), n.unwrap_or_default());
        for pair in matched(old, new, |s| s.matter.value.as_str()) {
            let Some(any) = pair.new.or(pair.old) else {
                continue;
            };
            let matter = any.matter.value.clone();
            self.at(&title_segment("matter", &matter, pair.occurrence), |w| {
                w.item(
                    pair.old,
                    pair.new,
                    Major,
                    |_| format!("Reserved matter {} with its own majority", quoted(&matter)),
                    |w, o, n| {
                        w.term(
                            "decides",
                            Major,
                            o,
                            n,
                            |s| v::decides(&s.decides),
                            || format!("Majority needed for {}", quoted(&matter)),
                        );
                        w.term(
                            "note",
                            Editorial,
                            o,
                            n,
                            |s| v::text(&s.note),
                            || format!("Note on the reserved matter {}", quoted(&matter)),
                        );
                    },
                )
            });
        }
    }

    /// The deadlock procedure: what ends a deadlock decides who can force the other out,
    /// so the device and what counts as a deadlock are major; the steps are minor.
    fn deadlock(&mut self, o: Option<&'a Deadlock>, n: Option<&'a Deadlock>) {
        self.term(
            "means",
            Major,
            o,
            n,
            |d| v::text(&d.means),
            || "What counts as a deadlock".into(),
        );
        let steps =
            |d: &'a Deadlock| -> Vec<&'a str> { d.steps.iter().map(|s| s.value.key()).collect() };
        self.list(
            "steps",
            Minor,
            o.map(steps).unwrap_or_default(),
            n.map(steps).unwrap_or_default(),
            || "Steps before a deadlock is ended".into(),
        );
        self.term(
            "within",
            Minor,
            o,
            n,
            |d| v::duration(&d.within),
            || "Time for the deadlock steps".into(),
        );
        self.term(
            "device",
            Major,
            o,
            n,
            |d| v::word(&d.device, device_words),
            || "What ends a deadlock".into(),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |d| v::text(&d.note),
            || "Note on deadlock".into(),
        );
    }

    fn committee(&mut self, o: Option<&'a Committee>, n: Option<&'a Committee>, c: &str) {
        let of = |what: &str| format!("{what} of {c}");
        self.name("name", Editorial, o, n, |c| &c.name.value, "Committee");
        self.party_map(
            "seats",
            Major,
            o.and_then(|c| c.seats.as_ref()),
            n.and_then(|c| c.seats.as_ref()),
            |x| V::Number(*x),
            |p| format!("{} seats on {c}", possessive(p)),
        );
        self.term(
            "independent",
            Major,
            o,
            n,
            |c| v::number(&c.independent),
            || of("Independent members"),
        );
        self.term(
            "meets",
            Minor,
            o,
            n,
            |c| v::cadence(&c.meets),
            || of("Meetings"),
        );
        self.term(
            "meets_when",
            Minor,
            o,
            n,
            |c| {
                c.meets_when.as_ref().map(|m| {
                    V::Word(match m.value {
                        Occasion::OnReferral => "when a matter is referred to it",
                        Occasion::AsNeeded => "as needed",
                    })
                })
            },
            || of("Meetings"),
        );
        self.term(
            "decides",
            Major,
            o,
            n,
            |c| v::decides(&c.decides),
            || of("Decision rule"),
        );
        self.term(
            "quorum",
            Major,
            o,
            n,
            |c| v::number(&c.quorum),
            || of("Quorum"),
        );
        self.term(
            "chair",
            Major,
            o,
            n,
            |c| c.chair.as_ref().map(V::Chair),
            || of("Chair"),
        );
        self.term(
            "rotation",
            Minor,
            o,
            n,
            |c| v::cadence(&c.rotation),
            || of("Rotation of the chair"),
        );
        self.term(
            "casting_vote",
            Major,
            o,
            n,
            |c| v::boolean(&c.casting_vote),
            || of("Casting vote of the chair"),
        );
        self.list(
            "decides_on",
            Major,
            o.map(|c| v::texts(&c.decides_on)).unwrap_or_default(),
            n.map(|c| v::texts(&c.decides_on)).unwrap_or_default(),
            || of("Powers"),
        );
        self.list(
            "recommends",
            Major,
            o.map(|c| v::texts(&c.recommends)).unwrap_or_default(),
            n.map(|c| v::texts(&c.recommends)).unwrap_or_default(),
            || of("Recommendations"),
        );
        self.term(
            "reports_to",
            Minor,
            o,
            n,
            |c| v::reference(&c.reports_to),
            || of("Body reported to"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |c| v::text(&c.note),
            || format!("Note on {c}"),
        );
    }

    pub(super) fn metrics(&mut self) {
        self.section(Section::Metrics);
        let (o, n) = (self.old.a.metrics.as_ref(), self.new.a.metrics.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("metrics", |w| {
            w.term(
                "review",
                Minor,
                o,
                n,
                |m| v::cadence(&m.review),
                || "Review of the metrics".into(),
            );
            w.term(
                "data_access",
                Minor,
                o,
                n,
                |m| m.data_access.as_ref().map(V::DataAccess),
                || "Access to performance data".into(),
            );
            let empty: &'a [Metric] = &[];
            let old = o.map_or(empty, |m| m.metrics.as_slice());
            let new = n.map_or(empty, |m| m.metrics.as_slice());
            for (pair, any) in matched_by_id(old, new, |m| m.id.value.as_str()) {
                let title = format!("metric {}", named(&any.title.value, &any.id.value));
                w.at("metric", |w| {
                    w.at(&any.id.value, |w| {
                        w.item(
                            pair.old,
                            pair.new,
                            Minor,
                            |_| capitalize(&title),
                            |w, o, n| w.metric(o, n, &title),
                        )
                    })
                });
            }
            let empty: &'a [Milestone] = &[];
            let old = o.map_or(empty, |m| m.milestones.as_slice());
            let new = n.map_or(empty, |m| m.milestones.as_slice());
            for (pair, any) in matched_by_id(old, new, |m| m.id.value.as_str()) {
                let title = format!("milestone {}", named(&any.title.value, &any.id.value));
                w.at("milestone", |w| {
                    w.at(&any.id.value, |w| {
                        w.item(
                            pair.old,
                            pair.new,
                            Minor,
                            |_| capitalize(&title),
                            |w, o, n| w.milestone(o, n, &title),
                        )
                    })
                });
            }
            w.term(
                "note",
                Editorial,
                o,
                n,
                |m| v::text(&m.note),
                || "Note on metrics".into(),
            );
        });
    }

    fn metric(&mut self, o: Option<&'a Metric>, n: Option<&'a Metric>, m: &str) {
        let of = |what: &str| format!("{what} of {m}");
        self.name("title", Editorial, o, n, |m| &m.title.value, "Metric");
        self.term(
            "kind",
            Minor,
            o,
            n,
            |m| v::word(&m.kind, metric_kind),
            || of("Kind"),
        );
        self.term(
            "target",
            Minor,
            o,
            n,
            |m| m.target.as_ref().map(|t| V::Bound(&t.value)),
            || of("Target"),
        );
        self.term("by", Minor, o, n, |m| v::date(&m.by), || of("Deadline"));
        self.term(
            "owner",
            Minor,
            o,
            n,
            |m| m.owner.as_ref().map(V::Owner),
            || of("Owner"),
        );
        self.term(
            "review",
            Minor,
            o,
            n,
            |m| v::cadence(&m.review),
            || of("Review"),
        );
        self.term(
            "source",
            Minor,
            o,
            n,
            |m| v::text(&m.source),
            || of("Source"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |m| v::text(&m.note),
            || format!("Note on {m}"),
        );
    }

    fn milestone(&mut self, o: Option<&'a Milestone>, n: Option<&'a Milestone>, m: &str) {
        let of = |what: &str| format!("{what} of {m}");
        self.name("title", Editorial, o, n, |m| &m.title.value, "Milestone");
        self.term("due", Minor, o, n, |m| v::date(&m.due), || of("Due date"));
        self.term(
            "horizon",
            Minor,
            o,
            n,
            |m| v::word(&m.horizon, horizon),
            || of("Horizon"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |m| v::text(&m.note),
            || format!("Note on {m}"),
        );
    }
}

/// A deadlock device as the redline names it.
fn device_words(d: DeadlockDevice) -> &'static str {
    match d {
        DeadlockDevice::CastingVote => "the chair's casting vote",
        DeadlockDevice::Expert => "an expert's binding decision",
        DeadlockDevice::PutCall => "a put and call option",
        DeadlockDevice::Shotgun => "a shotgun (buy-sell) clause",
        DeadlockDevice::TexasShootout => "a sealed-bid shoot-out",
        DeadlockDevice::Sale => "a sale of the venture",
        DeadlockDevice::Dissolution => "dissolution of the venture",
        DeadlockDevice::StatusQuo => "the status quo (the proposal falls)",
    }
}
