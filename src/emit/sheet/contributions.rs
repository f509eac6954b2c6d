//! Contributions in the term sheet: what each party brings.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn contributions(&mut self) {
        let Some(cn) = &self.a.contributions else {
            return;
        };
        self.heading(2, "Contributions");
        self.covers(cn.span);
        if let Some(r) = &cn.review {
            self.push(format!(
                "The parties review contributions {}.",
                format::cadence(r.value)
            ));
        }
        self.note(&cn.note);
        for from in &cn.from {
            self.heading(3, &self.name(&from.party));
            self.covers(from.span);
            let mut resources = Table::new(&["Resource", "Kind", "Value", "Terms"]);
            for r in &from.resources {
                let mut terms = Vec::new();
                if let Some(f) = &r.fte {
                    terms.push(format!("{} FTE", format::number(f.value)));
                }
                if let Some(l) = &r.license {
                    terms.push(
                        match l.value {
                            LicenseTerms::Exclusive => "exclusive licence",
                            LicenseTerms::NonExclusive => "non-exclusive licence",
                            LicenseTerms::Assignment => "assigned outright",
                        }
                        .to_string(),
                    );
                } else if let Some(held) = self.held("license", r.span) {
                    terms.push(format!("licence terms {held}"));
                }
                if let Some(s) = &r.schedule {
                    terms.push(format!("schedule: {}", c(&s.value)));
                }
                resources.row(cells![
                    Cell::User(&r.title.value),
                    r.kind
                        .as_ref()
                        .map_or_else(String::new, |k| resource_kind(k.value).to_string()),
                    r.value.as_ref().map_or_else(
                        || self.held("value", r.span).unwrap_or_default(),
                        |v| format::money(&v.value),
                    ),
                    capitalize(&terms.join("; ")),
                ]);
            }
            let mut deliverables = Table::new(&["Deliverable", "Due", "Acceptance"]);
            for d in &from.deliverables {
                deliverables.row(cells![
                    Cell::User(&d.title.value),
                    d.due.as_ref().map_or_else(
                        || self.held("due", d.span).unwrap_or_default(),
                        |d| format::date(d.value),
                    ),
                    opt_cell(&d.acceptance),
                ]);
            }
            if resources.rows.is_empty() && deliverables.rows.is_empty() {
                self.push("No contributions are listed.");
            }
            self.table(resources);
            self.table(deliverables);
            let notes: Vec<(String, &Option<Text>)> = from
                .resources
                .iter()
                .map(|r| (e(&r.title.value), &r.note))
                .chain(
                    from.deliverables
                        .iter()
                        .map(|d| (e(&d.title.value), &d.note)),
                )
                .collect();
            self.item_notes(notes);
            self.note(&from.note);
        }
    }
}

pub(super) fn resource_kind(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Cash => "Cash",
        ResourceKind::Ip => "Intellectual property",
        ResourceKind::Data => "Data",
        ResourceKind::Staff => "Staff",
        ResourceKind::Facilities => "Facilities",
        ResourceKind::Technology => "Technology",
        ResourceKind::MarketAccess => "Market access",
        ResourceKind::Brand => "Brand",
        ResourceKind::Other => "Other",
    }
}
