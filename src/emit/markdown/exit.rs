//! Exit in the term sheet.

use super::*;

impl Sheet<'_> {
    pub(super) fn exit(&mut self) {
        let Some(x) = &self.a.exit else { return };
        self.heading(2, "Exit");
        let who = self.names.any_party();
        let rights: Vec<String> = x
            .terminations
            .iter()
            .map(|t| {
                let notice = t.notice.as_ref().map(|n| format::notice(n.value)).or_else(|| {
                    self.held("notice", t.span)
                        .map(|held| format!("notice ({held})"))
                });
                let on = notice.as_ref().map_or_else(String::new, |n| format!(" on {n}"));
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
                };
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
                let cure_given = t.cure.is_some() || self.held("cure", t.span).is_some();
                if notice.is_none() && !(t.kind.value == TerminationKind::Cause && cure_given) {
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
        if let Some(w) = &x.wind_down {
            self.push(format!(
                "After termination, the alliance winds down over {}.",
                format::duration(w.value)
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

pub(super) fn termination_ground(kind: TerminationKind) -> &'static str {
    match kind {
        TerminationKind::Convenience => "for convenience",
        TerminationKind::Cause => "for cause",
        TerminationKind::ChangeOfControl => "on change of control",
        TerminationKind::Insolvency => "on insolvency",
        TerminationKind::Underperformance => "for underperformance",
    }
}
