//! Exit in the term sheet.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn exit(&mut self) {
        let Some(x) = &self.a.exit else { return };
        self.heading(2, "Exit");
        self.covers(x.span);
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
                let notice = t.notice.as_ref().map(|n| format::on_notice(n.value)).or_else(|| {
                    self.held("notice", t.span)
                        .map(|held| format!("on notice ({held})"))
                });
                let immediate = t.immediate.is_some();
                let on = match &notice {
                    Some(n) => format!(" {n}"),
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
        if !x.options.is_empty() {
            let options: Vec<String> = x.options.iter().map(|o| self.share_option(o)).collect();
            self.push("Options:");
            self.list(&options);
        }
        if let Some(w) = &x.withdrawal {
            let mut s = format!(
                "{} may withdraw from the alliance while the others go on",
                any
            );
            match (&w.notice, w.immediate) {
                (Some(n), _) => s.push_str(&format!(", {}", format::on_notice(n.value))),
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

impl<'a> Sheet<'a> {
    /// "Tata may require Starbucks to buy Tata's shares (a put option), on a deadlock or a
    /// change of control, at their fair market value as set by …".
    fn share_option(&self, o: &ShareOption) -> String {
        let holder = o
            .holder
            .as_ref()
            .map_or_else(|| "A party".into(), |h| self.name(h));
        let against = o
            .against
            .as_ref()
            .map_or_else(|| "another party".into(), |a| self.name(a));
        let over = o.over.as_ref().map_or_else(
            || "its interest".into(),
            |t| e(t.value.trim().trim_end_matches('.')),
        );
        let (verb, name) = match o.kind.value {
            OptionKind::Put => ("buy", "a put option"),
            OptionKind::Call => ("sell", "a call option"),
        };
        let mut s = format!("{holder} may require {against} to {verb} {over} ({name})");
        let triggers: Vec<String> = o
            .triggers
            .iter()
            .map(|t| match t.value {
                OptionTrigger::Breach => "on a breach".to_string(),
                OptionTrigger::ChangeOfControl => "on a change of control".to_string(),
                OptionTrigger::Insolvency => "on an insolvency".to_string(),
                OptionTrigger::Deadlock => "on a deadlock".to_string(),
                OptionTrigger::Window => match (&o.from, &o.until) {
                    (Some(f), Some(u)) => format!(
                        "between {} and {}",
                        format::date(f.value),
                        format::date(u.value)
                    ),
                    (Some(f), None) => format!("from {}", format::date(f.value)),
                    _ => "in a window".to_string(),
                },
            })
            .collect();
        if !triggers.is_empty() {
            s.push_str(&format!(", {}", or_list(&triggers)));
        }
        let price = match o.price.as_ref().map(|p| p.value) {
            Some(OptionPrice::FairMarketValue) => Some(match &o.price_by {
                Some(by) => format!(
                    "at fair market value, as set by {}",
                    lower_first(&e(by.value.trim()))
                ),
                None => "at fair market value".to_string(),
            }),
            Some(OptionPrice::NetBookValue) => Some("at net book value".to_string()),
            Some(OptionPrice::Formula) => Some(match &o.price_formula {
                Some(f) => format!(
                    "at a price set by formula: {}",
                    lower_first(&e(f.value.trim().trim_end_matches('.')))
                ),
                None => "at a price set by formula".to_string(),
            }),
            Some(OptionPrice::Fixed) => Some(match &o.amount {
                Some(m) => format!("at {}", format::money(&m.value)),
                None => "at a fixed price".to_string(),
            }),
            None => self
                .held("price", o.span)
                .map(|h| format!("at a price ({h})")),
        };
        match price {
            Some(p) => s.push_str(&format!(", {p}")),
            None => s.push_str("; no price is stated"),
        }
        if let Some(d) = &o.discount {
            s.push_str(&format!(
                ", less a discount of {}",
                format::percent(d.value)
            ));
        }
        let mut s = sentence(s);
        if let Some(n) = &o.note {
            s.push(' ');
            s.push_str(&sentence(e(&n.value)));
        }
        s
    }
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
