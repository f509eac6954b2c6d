//! Lowering intellectual property: background, joint developments, licences.

use super::*;

impl Lowerer {
    pub(super) fn ip(&mut self, b: &Block) -> Ip {
        let mut f = self.checked(b, &schema::IP);
        let licenses = f
            .blocks("license")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|l| {
                let mut lf = self.checked(l, &schema::LICENSE);
                License {
                    title: title_of(l),
                    grantor: reference(&mut lf, "grantor"),
                    grantee: field_raw!(lf, "grantee", Typed::Grantee(g) => g),
                    scope: text(&mut lf, "scope"),
                    exclusive: boolean(&mut lf, "exclusive"),
                    transferable: boolean(&mut lf, "transferable"),
                    sublicensable: boolean(&mut lf, "sublicensable"),
                    affiliates: boolean(&mut lf, "affiliates"),
                    perpetual: boolean(&mut lf, "perpetual"),
                    irrevocable: boolean(&mut lf, "irrevocable"),
                    royalty: field!(lf, "royalty", Typed::Royalty(r) => r),
                    note: text(&mut lf, "note"),
                    span: l.span,
                }
            })
            .collect();
        Ip {
            background: field!(f, "background", Typed::Word(w) => match w {
                "licensed" => BackgroundIp::Licensed,
                "assigned" => BackgroundIp::Assigned,
                _ => BackgroundIp::Retained,
            }),
            joint: field_raw!(f, "joint", Typed::JointIp(j) => j),
            after_exit: text(&mut f, "after_exit"),
            licenses,
            assigned_to: reference(&mut f, "assigned_to"),
            escrow: text(&mut f, "escrow"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
