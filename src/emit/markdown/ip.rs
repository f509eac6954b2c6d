//! Intellectual property and compliance in the term sheet.

use super::*;

impl Sheet<'_> {
    pub(super) fn ip_and_compliance(&mut self) {
        let a = self.a;
        if a.ip.is_none() && a.compliance.is_none() && a.confidentiality.is_none() {
            return;
        }
        self.heading(2, "IP and compliance");
        if let Some(ip) = &a.ip {
            let mut s = Vec::new();
            match ip.background.as_ref().map(|b| b.value) {
                Some(BackgroundIp::Retained) => {
                    s.push("Each party keeps its background IP.".to_string())
                }
                Some(BackgroundIp::Licensed) => s.push(
                    "Each party keeps its background IP and licenses it to the alliance."
                        .to_string(),
                ),
                Some(BackgroundIp::Assigned) => s.push(match &a.entity {
                    Some(entity) => sentence(format!(
                        "The background IP a party brings to the alliance is assigned to {}",
                        e(&entity.name.value)
                    )),
                    None => "The background IP a party brings to the alliance is assigned to it."
                        .to_string(),
                }),
                None => {}
            }
            match &ip.joint {
                Some(JointIp::JointlyOwned(_)) => {
                    s.push("IP the parties develop together is owned jointly.".into())
                }
                Some(JointIp::Creator(_)) => s.push(
                    "IP developed under the alliance is owned by the party that creates it.".into(),
                ),
                Some(JointIp::Owner(r)) => s.push(sentence(format!(
                    "IP the parties develop together is owned by {}",
                    self.name(r)
                ))),
                None => {}
            }
            if let Some(r) = &ip.assigned_to {
                s.push(sentence(format!(
                    "IP a party creates under the alliance is assigned to {}",
                    self.name(r)
                )));
            }
            if !s.is_empty() {
                self.push(s.join(" "));
            }
            self.labelled("After exit.", &ip.after_exit);
            self.labelled("Escrow.", &ip.escrow);
            self.note(&ip.note);
            if !ip.licenses.is_empty() {
                self.heading(3, "Licences");
                let mut table = Table::new(&[
                    "Licence",
                    "Grantor → grantee",
                    "Scope",
                    "Exclusive",
                    "Transferable",
                    "Perpetual",
                    "Royalty",
                    "Other terms",
                ]);
                for l in &ip.licenses {
                    let grantee = l
                        .grantee
                        .as_ref()
                        .map_or_else(|| NONE.to_string(), |g| e(&self.names.grantee(g)));
                    let grantor = l
                        .grantor
                        .as_ref()
                        .map_or_else(|| NONE.to_string(), |r| self.name(r));
                    let mut other = Vec::new();
                    for (flag, yes, no) in [
                        (&l.sublicensable, "sublicensable", "not sublicensable"),
                        (&l.affiliates, "extends to affiliates", "not to affiliates"),
                        (&l.irrevocable, "irrevocable", "revocable"),
                    ] {
                        if let Some(f) = flag {
                            other.push(if f.value { yes } else { no });
                        }
                    }
                    table.row(vec![
                        c(&l.title.value),
                        format!("{grantor} → {grantee}"),
                        opt_cell(&l.scope),
                        yes_no(&l.exclusive),
                        yes_no(&l.transferable),
                        yes_no(&l.perpetual),
                        l.royalty.as_ref().map_or_else(
                            || self.held("royalty", l.span).unwrap_or_default(),
                            |r| match &r.value {
                                Royalty::Percent(p) => format::percent(*p),
                                Royalty::Money(m) => format::money(m),
                            },
                        ),
                        capitalize(&other.join("; ")),
                    ]);
                }
                self.table(table);
                let notes: Vec<(String, &Option<Text>)> = ip
                    .licenses
                    .iter()
                    .map(|l| (e(&l.title.value), &l.note))
                    .collect();
                self.item_notes(notes);
            }
        }
        if let Some(cp) = &a.compliance {
            self.heading(3, "Compliance");
            let mut s = Vec::new();
            if !cp.jurisdictions.is_empty() {
                let items: Vec<String> = cp.jurisdictions.iter().map(|j| e(&j.value)).collect();
                s.push(sentence(format!(
                    "Jurisdictions covered: {}",
                    and_list(&items)
                )));
            } else if let Some(held) = self.held("jurisdictions", cp.span) {
                s.push(sentence(format!("Jurisdictions covered: {held}")));
            }
            if !cp.regimes.is_empty() {
                let items: Vec<&str> = cp.regimes.iter().map(|r| regime(r.value)).collect();
                s.push(format!("The parties comply with {}.", and_list(&items)));
            }
            if !s.is_empty() {
                self.push(s.join(" "));
            }
            self.labelled("Change in law.", &cp.change_in_law);
            self.note(&cp.note);
        }
        if let Some(cf) = &a.confidentiality {
            self.heading(3, "Confidentiality");
            if let Some(t) = &cf.term {
                self.push(format!(
                    "Confidentiality obligations last {}.",
                    format::duration(t.value)
                ));
            } else if let Some(held) = self.held("term", cf.span) {
                self.push(format!(
                    "How long confidentiality obligations last: {held}."
                ));
            }
            self.note(&cf.note);
        }
    }
}

pub(super) fn regime(word: &str) -> &'static str {
    match word {
        "antitrust" => "competition (antitrust) law",
        "data_privacy" => "data-protection law",
        "export_control" => "export controls",
        "anti_bribery" => "anti-bribery law",
        "sanctions" => "sanctions regimes",
        _ => "other regulation",
    }
}
