//! The key terms table (model, dates, term, renewal, law, the split, notice periods, the
//! earliest exit) and the purpose and scope.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn key_terms(&mut self) {
        self.heading(2, "Key terms");
        let a = self.a;
        let spans = [
            a.model.as_ref().map(|x| x.span),
            a.effective.as_ref().map(|x| x.span),
            a.term.as_ref().map(|x| x.span),
            a.renewal.as_ref().map(|x| x.span),
            a.renewal_term.as_ref().map(|x| x.span),
            a.renewal_notice.as_ref().map(|x| x.span),
            a.signed.as_ref().map(|x| x.span),
            a.governing_law.as_ref().map(|x| x.span),
        ];
        for span in spans.into_iter().flatten() {
            self.covers(span);
        }
        let mut table = Table::new(&["Item", "Agreed terms"]);
        if let Some(m) = &a.model {
            table.row(cells![
                "Model".to_string(),
                format::model(m.value).to_string()
            ]);
        }
        for (label, key, date) in [
            ("Effective date", "effective", &a.effective),
            ("Agreement date", "signed", &a.signed),
        ] {
            match date {
                Some(d) => table.row(cells![label.to_string(), format::date(d.value)]),
                None => {
                    if let Some(held) = self.held_at_top(key) {
                        table.row(cells![label.to_string(), capitalize(&held)]);
                    }
                }
            }
        }
        if let Some(t) = &a.term {
            let text = match (t.value, self.facts.term_end) {
                (Term::Fixed(d), Some(end)) => {
                    format!("{}, ending on {}", format::duration(d), format::date(end))
                }
                (Term::Fixed(d), None) => format::duration(d),
                (Term::Indefinite, _) => "Indefinite (no fixed end date)".into(),
            };
            table.row(cells!["Term".to_string(), text]);
        } else if let Some(held) = self.held_at_top("term") {
            table.row(cells!["Term".to_string(), capitalize(&held)]);
        }
        if let Some(r) = &a.renewal {
            table.row(cells!["Renewal".to_string(), self.renewal(r.value)]);
        } else if let Some(held) = self.held_at_top("renewal") {
            table.row(cells!["Renewal".to_string(), capitalize(&held)]);
        }
        table.row(cells![
            "Governing law".to_string(),
            a.governing_law
                .as_ref()
                .map_or_else(|| "Not stated".to_string(), |g| c(&g.value)),
        ]);
        if let Some(s) = &a.sharing {
            for (label, key, map, rule) in [
                ("Revenue split", "revenue", &s.revenue, &s.revenue_rule),
                ("Cost split", "costs", &s.costs, &s.costs_rule),
            ] {
                match (map, rule) {
                    (Some(m), _) => table.row(cells![label.to_string(), self.shares(m)]),
                    (None, Some(r)) => table.row(cells![
                        label.to_string(),
                        match (key, r.value) {
                            ("revenue", SplitRule::EachOwn) => {
                                "Each party keeps its own revenue".to_string()
                            }
                            (_, SplitRule::EachOwn) => "Each party bears its own costs".to_string(),
                            (_, SplitRule::ProRataOwnership) =>
                                "In proportion to ownership".to_string(),
                            (_, SplitRule::ProRataContributions) => {
                                "In proportion to contributions".to_string()
                            }
                        },
                    ]),
                    (None, None) => {
                        if let Some(held) = self.held(key, s.span) {
                            table.row(cells![label.to_string(), held]);
                        }
                    }
                }
            }
        }
        if let Some(exit) = &a.exit {
            let notices: Vec<String> = exit
                .terminations
                .iter()
                .map(|t| {
                    let mut s = capitalize(termination_ground(t.kind.value));
                    if let Some(Parties::List(refs)) = &t.held_by {
                        s.push_str(&format!(", by {}", self.names(refs)));
                    }
                    s.push_str(": ");
                    s.push_str(&match &t.notice {
                        Some(n) => format::notice(n.value),
                        None if t.immediate.is_some() => "with immediate effect".into(),
                        None => match self.held("notice", t.span) {
                            Some(held) => format!("notice: {held}"),
                            None if matches!(
                                t.kind.value,
                                TerminationKind::Insolvency | TerminationKind::Mutual
                            ) =>
                            {
                                "no notice needed".into()
                            }
                            None => "no notice period stated".into(),
                        },
                    });
                    if let Some(cure) = &t.cure {
                        s.push_str(&format!(" ({} to cure)", format::duration(cure.value)));
                    }
                    if let Some(d) = &t.earliest {
                        s.push_str(&format!(", not before {}", format::date(d.value)));
                    }
                    s
                })
                .collect();
            if !notices.is_empty() {
                table.row(cells!["Notice periods".to_string(), notices.join("<br>")]);
            }
            if let Some(w) = &exit.wind_down {
                table.row(cells!["Wind-down".to_string(), format::duration(w.value)]);
            }
        }
        let shortest = match &self.facts.earliest_exit {
            Some(x) => {
                let mut s = String::from("For convenience");
                if let Some(d) = x.date {
                    s.push_str(&format!(", from {}", format::date(d)));
                }
                if let Some(n) = x.notice {
                    s.push_str(&format!(", {}", format::on_notice(n)));
                }
                s
            }
            None => "No termination for convenience".into(),
        };
        if a.exit.is_some() {
            table.row(cells!["Earliest exit".to_string(), shortest]);
        }
        self.table(table);
    }

    pub(super) fn renewal(&self, renewal: Renewal) -> String {
        match renewal {
            Renewal::None => "Does not renew".into(),
            Renewal::ByAgreement => "Only by agreement of the parties".into(),
            Renewal::Automatic => {
                let mut s = String::from("Renews automatically");
                if let Some(t) = &self.a.renewal_term {
                    s.push_str(&format!(" for {}", format::duration(t.value)));
                }
                match &self.a.renewal_notice {
                    Some(n) => {
                        s.push_str(&format!(
                            " unless {} gives {}",
                            self.names.any_party().to_lowercase(),
                            format::notice(n.value)
                        ));
                        if let Some(by) = self.facts.renewal_notice_by {
                            s.push_str(&format!(
                                " (to stop the first renewal, by {})",
                                format::date(by)
                            ));
                        }
                    }
                    None => s.push_str(" (no notice period to stop it is stated)"),
                }
                s
            }
        }
    }

    pub(super) fn purpose(&mut self) {
        let a = self.a;
        if a.purpose.is_none() && a.scope.is_none() && a.note.is_none() {
            return;
        }
        self.heading(2, "Purpose and scope");
        for t in [&a.purpose, &a.scope].into_iter().flatten() {
            self.covers(t.span);
        }
        if let Some(p) = &a.purpose {
            self.prose(&p.value);
        }
        self.labelled("Scope.", &a.scope);
        self.note(&a.note);
    }
}
