//! Lowering metrics and milestones.

use super::*;

impl Lowerer {
    pub(super) fn metrics(&mut self, b: &Block) -> Metrics {
        let mut f = self.checked(b, &schema::METRICS);
        let metrics = f
            .blocks("metric")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|m| {
                let mut mf = self.checked(m, &schema::METRIC);
                let (id, title) = id_and_title(m);
                Metric {
                    id,
                    title,
                    kind: field!(mf, "kind", Typed::Word(w) => if w == "qualitative" {
                        MetricKind::Qualitative
                    } else {
                        MetricKind::Quantitative
                    }),
                    target: field!(mf, "target", Typed::Bound(t) => t),
                    by: date(&mut mf, "by"),
                    owner: field_raw!(mf, "owner", Typed::Owner(o) => o),
                    review: cadence(&mut mf, "review"),
                    source: text(&mut mf, "source"),
                    note: text(&mut mf, "note"),
                    span: m.span,
                }
            })
            .collect();
        let milestones = f
            .blocks("milestone")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|m| {
                let mut mf = self.checked(m, &schema::MILESTONE);
                let (id, title) = id_and_title(m);
                Milestone {
                    id,
                    title,
                    due: date(&mut mf, "due"),
                    horizon: field!(mf, "horizon", Typed::Word(w) => match w {
                        "quick_win" => Horizon::QuickWin,
                        "medium_term" => Horizon::MediumTerm,
                        _ => Horizon::Ultimate,
                    }),
                    note: text(&mut mf, "note"),
                    span: m.span,
                }
            })
            .collect();
        Metrics {
            review: cadence(&mut f, "review"),
            data_access: field_raw!(f, "data_access", Typed::DataAccess(d) => d),
            metrics,
            milestones,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
