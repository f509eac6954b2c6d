//! Metrics and milestones.

use super::*;

pub static METRIC: BlockDef = block(
    "metric",
    "metrics.metric",
    Labels::IdAndTitle,
    "a measure of success: `metric ID \"TITLE\" { … }`",
    &[
        key(
            "kind",
            Ty::Enum(METRIC_KINDS),
            Req::Required,
            "quantitative or qualitative",
        ),
        dedicated(
            "target",
            Ty::Bound,
            Req::Required,
            "metric-without-target",
            "the target",
        ),
        key(
            "by",
            Ty::Date,
            Req::Optional,
            "when the target is to be met",
        ),
        key("owner", Ty::Owner, Req::Expected, "who owns the metric"),
        key(
            "review",
            Ty::Cadence,
            Req::Optional,
            "how often it is reviewed",
        ),
        key(
            "source",
            Ty::Str,
            Req::Optional,
            "where the figures come from",
        ),
    ],
    &[],
);

pub static MILESTONE: BlockDef = block(
    "milestone",
    "metrics.milestone",
    Labels::IdAndTitle,
    "a milestone: `milestone ID \"TITLE\" { … }`",
    &[
        key("due", Ty::Date, Req::Required, "when it is due"),
        key(
            "horizon",
            Ty::Enum(HORIZONS),
            Req::Optional,
            "quick win, medium term or ultimate goal",
        ),
    ],
    &[],
);

pub static METRICS: BlockDef = block(
    "metrics",
    "metrics",
    Labels::None,
    "how success is measured",
    &[
        key(
            "review",
            Ty::Cadence,
            Req::Expected,
            "how often metrics are reviewed",
        ),
        key(
            "data_access",
            Ty::DataAccess,
            Req::Expected,
            "who sees the data",
        ),
    ],
    &[
        many(&METRIC, Req::Required),
        many(&MILESTONE, Req::Optional),
    ],
);

// Disputes.
