//! Exit in the term sheet.

use super::*;

impl Sheet<'_> {
    pub(super) fn exit(&mut self) {
        let Some(x) = &self.a.exit else { return };
        self.heading(2, "Exit");
        let any = self.names.any_party();
        let rights: Vec<String> = x
            .terminations
            .iter()
            .map(|t| {
                // Who holds the right: every party unless it says otherwise.
                let held: String;
                let who = match (&t.held_by, t.non_defaulting) {
                    (Some(Parties::List(refs)), _) if !refs.is_empty() => {
                        let names: Vec<String> = refs.iter().map(|r| self.name(r)).collect();
                        held = format!("Only {}", and_list(&names));
                        held.as_str()
                    }
                    (None, Some(_)) => "A party that is not itself in breach",
                    _ => any,
                };
                let notice = t.notice.as_ref().map(|n| format::notice(n.value)).or_else(|| {
                    self.held("notice", t.span)
                        .map(|held| format!("notice ({held})"))
                });
                let immediate = t.immediate.is_some();
                let on = match &notice {
                    Some(n) => format!(" on {n}"),
                    None if immediate => " with immediate effect".into(),
                    None => String::new(),
                };
                let mut s = match t.kind.value {
                    TerminationKind::Convenience => format!("{who} may terminate for convenience{on}"),
                    TerminationKind::Cause => {
                        let mut s = format!("{who} may terminate for cause{on}");
                        if let Some(cure) = &t.cure {
                            s.push_str(&format!(
                                " if the breach is not cured within {}",
                                format::duration(cure.value)
                            ));
                        } else if let Some(held) = self.held("cure", t.span) {
                            s.push_str(&format!(
                                " if the breach is not cured within the cure period ({held})"
                            ));
                        }
                        s
                    }
                    TerminationKind::ChangeOfControl => {
                        format!("{who} may terminate{on} if another party undergoes a change of control")
                    }
                    TerminationKind::Insolvency => {
                        format!("{who} may terminate{on} if another party becomes insolvent")
                    }
                    TerminationKind::Underperformance => {
                        format!("{who} may terminate for underperformance{on}")
                    }
                    TerminationKind::Mutual => {
                        "The parties may end the agreement at any time by mutual written agreement".into()
                    }
                };
                if let Some(plan) = &t.cure_plan {
                    s.push_str(&format!(
                        "; the party in breach must present a plan to cure it: {}",
                        e(plan.value.trim().trim_end_matches('.'))
                    ));
                }
                if t.kind.value != TerminationKind::Cause {
                    if let Some(cure) = &t.cure {
                        s.push_str(&format!(
                            ", after a cure period of {}",
                            format::duration(cure.value)
                        ));
                    }
                }
                if let Some(d) = &t.earliest {
                    s.push_str(&format!(", but not before {}", format::date(d.value)));
                }
                let mut s = sentence(s);
                let cure_given = t.cure.is_some()
                    || t.cure_plan.is_some()
                    || self.held("cure", t.span).is_some();
                let needs_notice = !matches!(
                    t.kind.value,
                    TerminationKind::Insolvency | TerminationKind::Mutual
                ) && !immediate;
                if needs_notice
                    && notice.is_none()
                    && !(t.kind.value == TerminationKind::Cause && cure_given)
                {
                    s.push_str(" No notice period is stated.");
                }
                if let Some(tr) = &t.trigger {
                    s.push_str(&format!(" Trigger: {}", sentence(e(&tr.value))));
                }
                if let Some(n) = &t.note {
                    s.push(' ');
                    s.push_str(&sentence(e(&n.value)));
                }
                s
            })
            .collect();
        if rights.is_empty() {
            self.push("No termination rights are stated.");
        } else {
            self.push("Termination rights:");
            self.list(&rights);
        }
        if let Some(w) = &x.withdrawal {
            let mut s = format!(
                "{} may withdraw from the alliance while the others go on",
                any
            );
            match (&w.notice, w.immediate) {
                (Some(n), _) => s.push_str(&format!(", on {}", format::notice(n.value))),
                (None, Some(_)) => s.push_str(", with immediate effect"),
                (None, None) => {}
            }
            if let Some(d) = &w.earliest {
                s.push_str(&format!(", but not before {}", format::date(d.value)));
            }
            let mut s = sentence(s);
            if let Some(k) = &w.keeps {
                s.push_str(&format!(" It keeps: {}", sentence(e(&k.value))));
            }
            if let Some(l) = &w.loses {
                s.push_str(&format!(" It gives up: {}", sentence(e(&l.value))));
            }
            self.push(s);
            self.note(&w.note);
        }
        if !x.survives.is_empty() {
            let items: Vec<String> = x.survives.iter().map(|t| e(&t.value)).collect();
            self.push(format!(
                "These survive the end of the agreement: {}.",
                and_list(&items).trim_end_matches('.')
            ));
        }
        if let Some(w) = &x.wind_down {
            self.push(format!(
                "After termination, the alliance winds down over {}.",
                format::duration(w.value)
            ));
        } else if let Some(held) = self.held("wind_down", x.span) {
            self.push(format!(
                "After termination, the alliance winds down over a period: {held}."
            ));
        }
        self.labelled("Shared assets.", &x.assets);
        if let Some(r) = &x.review {
            let options: Vec<&str> = r
                .options
                .iter()
                .map(|o| match o.value {
                    ReviewOption::Continue => "continue",
                    ReviewOption::Restructure => "restructure",
                    ReviewOption::Exit => "exit",
                })
                .collect();
            let mut s = match &r.decides {
                Some(by) => capitalize(&format!("{} reviews the alliance", self.the_name(by))),
                None => "The parties review the alliance".to_string(),
            };
            if let Some(ev) = &r.every {
                s.push_str(&format!(" {}", format::cadence(ev.value)));
            }
            if !options.is_empty() {
                s.push_str(&format!(
                    " and decides whether to {}",
                    format::or_list(&options)
                ));
            }
            self.push(sentence(s));
            self.note(&r.note);
        }
        if let Some(v) = &x.evolve {
            let into = match v.into.as_ref().map(|i| i.value) {
                Some(Model::JointVenture) => "a joint venture",
                Some(Model::Equity) => "an equity alliance",
                Some(Model::Contractual) => "a contractual alliance",
                None => "a new form",
            };
            let mut s = match &v.by {
                Some(d) => format!(
                    "By {} the parties decide whether the alliance becomes {into}",
                    format::date(d.value)
                ),
                None => format!("The parties decide whether the alliance becomes {into}"),
            };
            match v.dissolve.as_ref().map(|d| d.value) {
                Some(true) => s.push_str("; if it does not, the alliance dissolves"),
                Some(false) => s.push_str("; if it does not, the alliance continues as it is"),
                None => {}
            }
            self.push(sentence(s));
            self.note(&v.note);
        }
        self.labelled("Transition and surviving obligations.", &x.transition);
        self.note(&x.note);
    }
}

/// `for convenience`, `on change of control`.
pub(super) fn termination_ground(kind: TerminationKind) -> &'static str {
    kind.ground()
}
