//! Governance in the term sheet: committees, the board, reporting, reserved matters.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn governance(&mut self) {
        let Some(g) = &self.a.governance else { return };
        self.heading(2, "Governance");
        self.covers(g.span);
        for cm in &g.committees {
            let title = cm.name.value.trim();
            let title = if title.is_empty() {
                cm.id.value.to_string()
            } else {
                title.to_string()
            };
            self.heading(3, &e(&title));
            self.covers(cm.span);
            let mut s = Vec::new();
            if let Some(seats) = self.seats(&cm.seats, &cm.independent, "independent members") {
                s.push(format!("The committee has {seats}."));
            }
            let mut how = Vec::new();
            if let Some(m) = &cm.meets {
                how.push(format!("meets {}", format::cadence(m.value)));
            }
            match cm.meets_when.as_ref().map(|m| m.value) {
                Some(Occasion::OnReferral) => {
                    how.push("meets only when a matter is referred to it".into())
                }
                Some(Occasion::AsNeeded) => how.push("meets as needed".into()),
                None => {}
            }
            if let Some(d) = &cm.decides {
                how.push(format!("decides {}", format::decision(&d.value)));
            }
            let mut second = if how.is_empty() {
                String::new()
            } else {
                format!("It {}", and_list(&how))
            };
            if let Some(q) = &cm.quorum {
                if second.is_empty() {
                    second = format!("Its quorum is {}", format::number(q.value));
                } else {
                    second.push_str(&format!(", with a quorum of {}", format::number(q.value)));
                }
            }
            if !second.is_empty() {
                s.push(sentence(second));
            }
            match &cm.chair {
                Some(Chair::Rotating(_)) => match &cm.rotation {
                    Some(r) => s.push(format!(
                        "The chair rotates among the parties {}.",
                        format::cadence(r.value)
                    )),
                    None => s.push("The chair rotates among the parties.".into()),
                },
                Some(Chair::Party(r)) => s.push(format!("{} chairs it.", self.name(r))),
                None => {}
            }
            match cm.casting_vote.as_ref().map(|c| c.value) {
                Some(true) => s.push("The chair has a casting vote on a tie.".into()),
                Some(false) => s.push("The chair has no casting vote.".into()),
                None => {}
            }
            if let Some(r) = &cm.reports_to {
                s.push(format!("It reports to {}.", self.the_name(r)));
            }
            self.push(s.join(" "));
            if !cm.decides_on.is_empty() {
                self.push("It decides:");
                let items: Vec<String> = cm.decides_on.iter().map(|x| e(&x.value)).collect();
                self.list(&items);
            }
            if !cm.recommends.is_empty() {
                self.push("It only recommends, for the parties to decide:");
                let items: Vec<String> = cm.recommends.iter().map(|x| e(&x.value)).collect();
                self.list(&items);
            }
            self.note(&cm.note);
        }
        let general = g.reporting.is_some()
            || g.health_check.is_some()
            || g.reserved_matters.is_some()
            || g.scope_change.is_some()
            || g.deadlock.is_some()
            || !g.key_persons.is_empty()
            || g.note.is_some();
        if general && !g.committees.is_empty() {
            self.heading(3, "Reporting and oversight");
        }
        if let Some(r) = &g.reporting {
            let mut items = Vec::new();
            for (what, cadence) in [
                ("operations", &r.operations),
                ("progress", &r.progress),
                ("strategy", &r.strategy),
            ] {
                match cadence {
                    Some(c) => items.push(format!("on {what} {}", format::cadence(c.value))),
                    None => {
                        if let Some(held) = self.held(what, r.span) {
                            items.push(format!("on {what} ({held})"));
                        }
                    }
                }
            }
            if !items.is_empty() {
                self.push(format!("The parties report {}.", and_list(&items)));
            }
            self.note(&r.note);
        }
        if let Some(h) = &g.health_check {
            self.push(format!(
                "The parties hold a health check of the alliance {}.",
                format::cadence(h.value)
            ));
        }
        if let Some(rm) = &g.reserved_matters {
            let lead = match &rm.decides {
                Some(d) => format!(
                    "These reserved matters are decided {}:",
                    format::decision(&d.value)
                ),
                None => "Reserved matters:".into(),
            };
            if !rm.matters.is_empty() {
                self.push(lead);
                let items: Vec<String> = rm.matters.iter().map(|m| e(&m.value)).collect();
                self.list(&items);
            }
            self.special_majorities(&rm.special);
            self.note(&rm.note);
        }
        if let Some(d) = &g.deadlock {
            self.deadlock(d);
        }
        if !g.key_persons.is_empty() {
            let mut table = Table::new(&["Key person", "Party", "Role", "Replacement"]);
            for k in &g.key_persons {
                table.row(cells![
                    Cell::User(&k.name.value),
                    self.opt_name(&k.party),
                    opt_cell(&k.role),
                    opt_cell(&k.replacement),
                ]);
            }
            self.table(table);
            let notes: Vec<(String, &Option<Text>)> = g
                .key_persons
                .iter()
                .map(|k| (c(&k.name.value), &k.note))
                .collect();
            self.item_notes(notes);
        }
        if let Some(sc) = &g.scope_change {
            let mut s = String::from("A change of scope");
            if let Some(by) = &sc.approved_by {
                s.push_str(&format!(" must be approved by {}", self.the_name(by)));
                if let Some(a) = &sc.amendment_required {
                    s.push_str(if a.value {
                        " and recorded in a written amendment to the agreement"
                    } else {
                        "; no amendment to the agreement is needed"
                    });
                }
            } else if let Some(a) = &sc.amendment_required {
                s.push_str(if a.value {
                    " must be recorded in a written amendment to the agreement"
                } else {
                    " needs no amendment to the agreement"
                });
            } else {
                s.clear();
            }
            if !s.is_empty() {
                self.push(sentence(s));
            }
            self.note(&sc.note);
        }
        self.note(&g.note);
    }
}

impl<'a> Sheet<'a> {
    /// "**Deadlock.** A deadlock is: … . It goes to the chief executives, then to mediation,
    /// for up to 60 days; then a shotgun clause ends it: …".
    fn deadlock(&mut self, d: &'a Deadlock) {
        let mut s = String::from("**Deadlock.**");
        if let Some(m) = &d.means {
            s.push_str(&format!(
                " {}",
                sentence(format!(
                    "A deadlock is: {}",
                    lower_first(&e(m.value.trim().trim_end_matches('.')))
                ))
            ));
        }
        let steps: Vec<&str> = d
            .steps
            .iter()
            .map(|st| match st.value {
                DeadlockStep::Managers => "the managers",
                DeadlockStep::Executives => "the executives",
                DeadlockStep::SeniorExecutives => "the senior executives",
                DeadlockStep::ChiefExecutives => "the chief executives",
                DeadlockStep::Mediation => "mediation",
                DeadlockStep::Expert => "an expert",
            })
            .collect();
        if !steps.is_empty() {
            let mut t = format!("It goes to {}", steps.join(", then to "));
            if let Some(w) = &d.within {
                t.push_str(&format!(", for up to {}", format::duration(w.value)));
            }
            s.push_str(&format!(" {}", sentence(t)));
        }
        let device = d.device.as_ref().map(|v| match v.value {
            DeadlockDevice::CastingVote => "the chair's casting vote decides",
            DeadlockDevice::Expert => "an expert decides, and the decision binds the parties",
            DeadlockDevice::PutCall => "a put and call option ends it: one party may require the other to buy its interest, or to sell its own",
            DeadlockDevice::Shotgun => "a shotgun clause ends it: one party names a price, and the other must either buy at that price or sell at it",
            DeadlockDevice::TexasShootout => "a sealed-bid shoot-out ends it: each party bids for the other's interest, and the higher bidder buys",
            DeadlockDevice::Sale => "the venture is sold",
            DeadlockDevice::Dissolution => "the venture is dissolved",
            DeadlockDevice::StatusQuo => "the proposal falls and the business goes on as before",
        });
        match device {
            Some(v) => {
                let lead = if steps.is_empty() {
                    "Then"
                } else {
                    "If that fails"
                };
                s.push_str(&format!(" {lead}, {v}."));
            }
            None => s.push_str(" Nothing is stated that ends a deadlock."),
        }
        self.push(s);
        self.note(&d.note);
    }
}
