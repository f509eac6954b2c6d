//! Metrics and milestones in the term sheet.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn metrics(&mut self) {
        let Some(mt) = &self.a.metrics else { return };
        self.heading(2, "Metrics and milestones");
        self.covers(mt.span);
        let mut intro = Vec::new();
        if let Some(r) = &mt.review {
            intro.push(format!(
                "The parties review performance {}.",
                format::cadence(r.value)
            ));
        }
        match &mt.data_access {
            Some(DataAccess::Shared(_)) => {
                intro.push("Performance data is shared between the parties.".into())
            }
            Some(DataAccess::Party(r)) => intro.push(sentence(format!(
                "Performance data is held by {}",
                self.name(r)
            ))),
            None => {}
        }
        if !intro.is_empty() {
            self.push(intro.join(" "));
        }
        let mut table = Table::new(&["Metric", "Target", "By", "Owner", "Review", "Source"]);
        for m in &mt.metrics {
            let mut title = c(&m.title.value);
            if let Some(k) = &m.kind {
                title.push_str(match k.value {
                    MetricKind::Quantitative => "",
                    MetricKind::Qualitative => " (qualitative)",
                });
            }
            let owner = match &m.owner {
                Some(Owner::Joint(_)) => "Joint".to_string(),
                Some(Owner::Parties(refs, _)) => self.names(refs),
                None => String::new(),
            };
            let review = m.review.as_ref().or(mt.review.as_ref());
            table.row(cells![
                title,
                m.target.as_ref().map_or_else(
                    || {
                        self.held("target", m.span)
                            .map(|h| capitalize(&h))
                            .unwrap_or_default()
                    },
                    |t| capitalize(&format::bound(&t.value)),
                ),
                m.by.as_ref()
                    .map_or_else(String::new, |d| format::date(d.value)),
                owner,
                review.map_or_else(String::new, |r| cadence_cell(r.value)),
                opt_cell(&m.source),
            ]);
        }
        self.table(table);
        let mut table = Table::new(&["Milestone", "Due", "Horizon"]);
        for m in &mt.milestones {
            table.row(cells![
                Cell::User(&m.title.value),
                m.due.as_ref().map_or_else(
                    || self.held("due", m.span).unwrap_or_default(),
                    |d| format::date(d.value),
                ),
                m.horizon.as_ref().map_or_else(String::new, |h| {
                    match h.value {
                        Horizon::QuickWin => "Quick win",
                        Horizon::MediumTerm => "Medium term",
                        Horizon::Ultimate => "Ultimate goal",
                    }
                    .to_string()
                }),
            ]);
        }
        self.table(table);
        let notes: Vec<(String, &Option<Text>)> = mt
            .metrics
            .iter()
            .map(|m| (e(&m.title.value), &m.note))
            .chain(mt.milestones.iter().map(|m| (e(&m.title.value), &m.note)))
            .collect();
        self.item_notes(notes);
        self.note(&mt.note);
    }
}
