//! The dispute ladder and exit: the forum, termination rights and notice, and wind-down are
//! major; time limits on the ladder's steps and the exit review are minor.

use super::value::{self as v, V};
use super::walker::{matched, Walker};
use super::Impact::{self, Editorial, Major, Minor};
use super::Section;
use crate::emit::format;
use crate::model::*;

fn negotiators(n: Negotiators) -> &'static str {
    match n {
        Negotiators::AllianceManagers => "the alliance managers",
        Negotiators::Executives => "senior executives",
        Negotiators::Managers => "managers",
        Negotiators::SeniorExecutives => "senior executives",
        Negotiators::ChiefExecutives => "the chief executives",
    }
}

/// `mediation` → "mediation step", for summaries.
fn step_noun(kind: &str) -> &'static str {
    match kind {
        "negotiation" => "negotiation",
        "escalation" => "escalation",
        "mediation" => "mediation",
        "expert" => "expert determination",
        "arbitration" => "arbitration",
        "litigation" => "litigation",
        _ => "dispute step",
    }
}

/// `for convenience`, `on change of control`.
pub(super) fn ground(kind: TerminationKind) -> &'static str {
    kind.ground()
}

fn review_option(o: ReviewOption) -> &'static str {
    match o {
        ReviewOption::Continue => "continue",
        ReviewOption::Restructure => "restructure",
        ReviewOption::Exit => "exit",
    }
}

fn evolve_into(m: Model) -> &'static str {
    match m {
        Model::Contractual => "a contractual alliance",
        Model::Equity => "an equity alliance",
        Model::JointVenture => "a joint venture",
    }
}

fn otherwise(dissolve: bool) -> &'static str {
    if dissolve {
        "dissolve"
    } else {
        "continue as it is"
    }
}

impl<'a> Walker<'a> {
    pub(super) fn disputes(&mut self) {
        self.section(Section::Disputes);
        let (o, n) = (self.old.a.disputes.as_ref(), self.new.a.disputes.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("disputes", |w| {
            let empty: &'a [DisputeStep] = &[];
            let old = o.map_or(empty, |d| d.steps.as_slice());
            let new = n.map_or(empty, |d| d.steps.as_slice());
            w.ladder(old, new);
            for pair in matched(old, new, |s| s.kind.key()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let key = any.kind.key();
                let mut segment = key.to_string();
                if pair.occurrence > 0 {
                    segment.push_str(&format!("#{}", pair.occurrence + 1));
                }
                let noun = step_noun(key);
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("{} step", format::capitalize(noun)),
                        |w, o, n| w.step(o, n, noun),
                    )
                });
            }
            w.term(
                "note",
                Editorial,
                o,
                n,
                |d| v::text(&d.note),
                || "Note on dispute resolution".into(),
            );
        });
    }

    /// The order of the ladder: the steps both versions have, in the order each has them.
    fn ladder(&mut self, old: &'a [DisputeStep], new: &'a [DisputeStep]) {
        let kinds = |steps: &[DisputeStep]| -> Vec<&'static str> {
            steps.iter().map(|s| s.kind.key()).collect()
        };
        let (all_old, all_new) = (kinds(old), kinds(new));
        let common_old: Vec<&str> = all_old
            .iter()
            .copied()
            .filter(|k| all_new.contains(k))
            .collect();
        let common_new: Vec<&str> = all_new
            .iter()
            .copied()
            .filter(|k| all_old.contains(k))
            .collect();
        if common_old == common_new {
            return;
        }
        let show = |ks: &[&str]| {
            ks.iter()
                .map(|k| step_noun(k))
                .collect::<Vec<_>>()
                .join(" → ")
        };
        let (os, ns) = (show(&all_old), show(&all_new));
        self.change(
            "ladder",
            Major,
            os,
            ns,
            "Order of the dispute resolution steps changed".into(),
        );
    }

    fn step(&mut self, o: Option<&'a DisputeStep>, n: Option<&'a DisputeStep>, noun: &str) {
        macro_rules! step_term {
            ($key:literal, $impact:expr, $variant:ident, $field:ident, $value:expr, $label:expr) => {
                self.term(
                    $key,
                    $impact,
                    o,
                    n,
                    |s| match &s.kind {
                        StepKind::$variant { $field, .. } => $field.as_ref().and_then($value),
                        _ => None,
                    },
                    || $label.to_string(),
                )
            };
        }
        let text = |t: &'a Text| Some(V::Text(&t.value));
        step_term!(
            "between",
            Minor,
            Negotiation,
            between,
            |b: &'a crate::span::Spanned<Negotiators>| Some(V::Word(negotiators(b.value))),
            "Negotiators"
        );
        step_term!(
            "to",
            Minor,
            Escalation,
            to,
            |r: &'a Ref| Some(V::Ref(r)),
            "Body disputes are escalated to"
        );
        step_term!(
            "provider",
            Major,
            Mediation,
            provider,
            text,
            "Mediation provider"
        );
        step_term!("provider", Major, Expert, provider, text, "Expert");
        step_term!(
            "binding",
            Major,
            Expert,
            binding,
            |b: &'a crate::span::Spanned<bool>| Some(V::Bool(b.value)),
            "Binding force of expert determination"
        );
        step_term!(
            "rules",
            Major,
            Arbitration,
            rules,
            text,
            "Arbitration rules"
        );
        step_term!(
            "seat",
            Major,
            Arbitration,
            seat,
            text,
            "Seat of arbitration"
        );
        step_term!(
            "arbitrators",
            Major,
            Arbitration,
            arbitrators,
            |x: &'a crate::span::Spanned<rust_decimal::Decimal>| Some(V::Number(x.value)),
            "Number of arbitrators"
        );
        step_term!(
            "courts",
            Major,
            Litigation,
            courts,
            text,
            "Courts for litigation"
        );
        self.term(
            "within",
            Minor,
            o,
            n,
            |s| v::duration(&s.within),
            || format!("Time limit for {noun}"),
        );
        self.term(
            "meetings",
            Minor,
            o,
            n,
            |s| s.meetings.as_ref().map(|x| V::Number(x.value)),
            || format!("Meetings before {noun} ends"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |s| v::text(&s.note),
            || format!("Note on {noun}"),
        );
    }

    pub(super) fn exit(&mut self) {
        self.section(Section::Exit);
        let (o, n) = (self.old.a.exit.as_ref(), self.new.a.exit.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("exit", |w| {
            let empty: &'a [Termination] = &[];
            let old = o.map_or(empty, |x| x.terminations.as_slice());
            let new = n.map_or(empty, |x| x.terminations.as_slice());
            for pair in matched(old, new, |t| t.kind.value) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let mut segment = format!("termination.{}", any.kind.value.key());
                if pair.occurrence > 0 {
                    segment.push_str(&format!("#{}", pair.occurrence + 1));
                }
                let right = format!("termination {}", ground(any.kind.value));
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format!("Right of {right}"),
                        |w, o, n| w.termination(o, n, &right),
                    )
                });
            }
            let old_options = o.map_or(&[][..], |x| x.options.as_slice());
            let new_options = n.map_or(&[][..], |x| x.options.as_slice());
            // Matched by kind and holder: two call options, one for each parent, are two
            // rights, whatever their order in the file.
            let holder = |x: &'a ShareOption| x.holder.as_ref().map(|h| h.id.as_str());
            for pair in matched(old_options, new_options, |x| (x.kind.value, holder(x))) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let mut segment = format!("option.{}", any.kind.value.key());
                if let Some(h) = holder(any) {
                    segment.push_str(&format!(".{h}"));
                }
                if pair.occurrence > 0 {
                    segment.push_str(&format!("#{}", pair.occurrence + 1));
                }
                let name = match &any.holder {
                    Some(h) => format!(
                        "{} option of {}",
                        any.kind.value.key(),
                        w.name_of(pair.old.and_then(|o| o.holder.as_ref()), Some(h))
                    ),
                    None => format!("{} option", any.kind.value.key()),
                };
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| format::capitalize(&name),
                        |w, o, n| w.share_option(o, n, &name),
                    )
                });
            }
            let (ow, nw) = (
                o.and_then(|x| x.withdrawal.as_ref()),
                n.and_then(|x| x.withdrawal.as_ref()),
            );
            w.at("withdrawal", |w| {
                w.item(
                    ow,
                    nw,
                    Major,
                    |_| "Right of a party to withdraw".into(),
                    |w, o, n| {
                        w.term(
                            "notice",
                            Major,
                            o,
                            n,
                            |x| v::duration(&x.notice),
                            || "Notice to withdraw".into(),
                        );
                        w.term(
                            "immediate",
                            Major,
                            o,
                            n,
                            |x| x.immediate.map(|_| V::Bool(true)),
                            || "Immediate withdrawal".into(),
                        );
                        w.term(
                            "earliest",
                            Major,
                            o,
                            n,
                            |x| v::date(&x.earliest),
                            || "Earliest date to withdraw".into(),
                        );
                        w.term(
                            "keeps",
                            Major,
                            o,
                            n,
                            |x| v::text(&x.keeps),
                            || "What a withdrawing party keeps".into(),
                        );
                        w.term(
                            "loses",
                            Major,
                            o,
                            n,
                            |x| v::text(&x.loses),
                            || "What a withdrawing party gives up".into(),
                        );
                        w.term(
                            "note",
                            Editorial,
                            o,
                            n,
                            |x| v::text(&x.note),
                            || "Note on withdrawal".into(),
                        );
                    },
                )
            });
            w.list(
                "survives",
                Major,
                o.map(|x| v::texts(&x.survives)).unwrap_or_default(),
                n.map(|x| v::texts(&x.survives)).unwrap_or_default(),
                || "Clauses that survive the agreement".into(),
            );
            w.term(
                "wind_down",
                Major,
                o,
                n,
                |x| v::duration(&x.wind_down),
                || "Wind-down period".into(),
            );
            w.term(
                "assets",
                Major,
                o,
                n,
                |x| v::text(&x.assets),
                || "Treatment of shared assets on exit".into(),
            );
            let (or, nr) = (
                o.and_then(|x| x.review.as_ref()),
                n.and_then(|x| x.review.as_ref()),
            );
            w.at("review", |w| {
                w.term(
                    "every",
                    Minor,
                    or,
                    nr,
                    |r| v::cadence(&r.every),
                    || "Review of the alliance".into(),
                );
                w.term(
                    "decides",
                    Minor,
                    or,
                    nr,
                    |r| v::reference(&r.decides),
                    || "Body deciding the review of the alliance".into(),
                );
                let options = |r: &'a ExitReview| -> Vec<&'a str> {
                    r.options.iter().map(|x| review_option(x.value)).collect()
                };
                w.list(
                    "options",
                    Minor,
                    or.map(options).unwrap_or_default(),
                    nr.map(options).unwrap_or_default(),
                    || "Options at the review of the alliance".into(),
                );
                w.term(
                    "note",
                    Editorial,
                    or,
                    nr,
                    |r| v::text(&r.note),
                    || "Note on the review of the alliance".into(),
                );
            });
            let (oe, ne) = (
                o.and_then(|x| x.evolve.as_ref()),
                n.and_then(|x| x.evolve.as_ref()),
            );
            w.at("evolve", |w| {
                w.term(
                    "by",
                    Major,
                    oe,
                    ne,
                    |e| v::date(&e.by),
                    || "Deadline to decide whether the alliance evolves".into(),
                );
                w.term(
                    "into",
                    Major,
                    oe,
                    ne,
                    |e| v::word(&e.into, evolve_into),
                    || "What the alliance may evolve into".into(),
                );
                w.term(
                    "otherwise",
                    Major,
                    oe,
                    ne,
                    |e| v::word(&e.dissolve, otherwise),
                    || "What happens if the alliance does not evolve".into(),
                );
                w.term(
                    "note",
                    Editorial,
                    oe,
                    ne,
                    |e| v::text(&e.note),
                    || "Note on the evolution of the alliance".into(),
                );
            });
            w.term(
                "transition",
                Major,
                o,
                n,
                |x| v::text(&x.transition),
                || "Transition and surviving obligations".into(),
            );
            w.term(
                "note",
                Editorial,
                o,
                n,
                |x| v::text(&x.note),
                || "Note on exit".into(),
            );
        });
    }

    fn termination(&mut self, o: Option<&'a Termination>, n: Option<&'a Termination>, t: &str) {
        let impact: Impact = Major;
        self.term(
            "notice",
            impact,
            o,
            n,
            |t| v::duration(&t.notice),
            || format!("Notice for {t}"),
        );
        self.term(
            "cure",
            impact,
            o,
            n,
            |t| v::duration(&t.cure),
            || format!("Cure period for {t}"),
        );
        self.term(
            "immediate",
            impact,
            o,
            n,
            |t| t.immediate.map(|_| V::Bool(true)),
            || format!("Immediate effect of {t}"),
        );
        self.term(
            "cure_plan",
            impact,
            o,
            n,
            |t| v::text(&t.cure_plan),
            || format!("Cure plan for {t}"),
        );
        self.term(
            "held_by",
            impact,
            o,
            n,
            |t| match (&t.held_by, t.non_defaulting) {
                (Some(p), _) => Some(V::Parties(p)),
                (None, Some(_)) => Some(V::Word("a party not in breach")),
                (None, None) => None,
            },
            || format!("Who holds the right of {t}"),
        );
        self.term(
            "earliest",
            impact,
            o,
            n,
            |t| v::date(&t.earliest),
            || format!("Earliest date for {t}"),
        );
        self.term(
            "trigger",
            impact,
            o,
            n,
            |t| v::text(&t.trigger),
            || format!("Trigger for {t}"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |t| v::text(&t.note),
            || format!("Note on {t}"),
        );
    }
}

impl<'a> Walker<'a> {
    /// A put or call option: who holds it, what opens it and its price are all major.
    fn share_option(&mut self, o: Option<&'a ShareOption>, n: Option<&'a ShareOption>, name: &str) {
        let of = |what: &str| format!("{what} of the {name}");
        self.term(
            "holder",
            Major,
            o,
            n,
            |x| v::reference(&x.holder),
            || of("Holder"),
        );
        self.term(
            "against",
            Major,
            o,
            n,
            |x| v::reference(&x.against),
            || of("Counterparty"),
        );
        self.term("over", Major, o, n, |x| v::text(&x.over), || of("Subject"));
        let triggers = |x: &'a ShareOption| -> Vec<&'a str> {
            x.triggers.iter().map(|t| t.value.key()).collect()
        };
        self.list(
            "triggers",
            Major,
            o.map(triggers).unwrap_or_default(),
            n.map(triggers).unwrap_or_default(),
            || of("Triggers"),
        );
        self.term(
            "from",
            Major,
            o,
            n,
            |x| v::date(&x.from),
            || of("Start of the window"),
        );
        self.term(
            "until",
            Major,
            o,
            n,
            |x| v::date(&x.until),
            || of("End of the window"),
        );
        self.term(
            "price",
            Major,
            o,
            n,
            |x| v::word(&x.price, price_words),
            || of("Price mechanism"),
        );
        self.term(
            "price_by",
            Major,
            o,
            n,
            |x| v::text(&x.price_by),
            || of("Valuer"),
        );
        self.term(
            "price_formula",
            Major,
            o,
            n,
            |x| v::text(&x.price_formula),
            || of("Price formula"),
        );
        self.term(
            "amount",
            Major,
            o,
            n,
            |x| v::money(&x.amount),
            || of("Price"),
        );
        self.term(
            "discount",
            Major,
            o,
            n,
            |x| v::percent(&x.discount),
            || of("Discount"),
        );
        self.term("note", Editorial, o, n, |x| v::text(&x.note), || of("Note"));
    }
}

/// How an option's price is set, as the redline names it.
fn price_words(p: OptionPrice) -> &'static str {
    match p {
        OptionPrice::FairMarketValue => "fair market value",
        OptionPrice::NetBookValue => "net book value",
        OptionPrice::Formula => "a formula",
        OptionPrice::Fixed => "a fixed price",
    }
}
