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
                    joint_ip: boolean(&mut lf, "joint_ip"),
                    note: text(&mut lf, "note"),
                    span: l.span,
                }
            })
            .collect();
        let results = f
            .blocks("result")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|r| {
                let mut rf = self.checked(r, &schema::RESULT);
                ResultOwner {
                    title: title_of(r),
                    owner: field_raw!(rf, "owner", Typed::JointIp(j) => j),
                    field: text(&mut rf, "field"),
                    note: text(&mut rf, "note"),
                    span: r.span,
                }
            })
            .collect();
        let patents = f.block("patents").map(|x| {
            let mut xf = self.checked(x, &schema::PATENTS);
            Patents {
                files: field_raw!(xf, "files", Typed::Grantee(g) => g),
                enforces: field_raw!(xf, "enforces", Typed::Grantee(g) => g),
                costs: field!(xf, "costs", Typed::Word(w) => match w {
                    "shared" => PatentCosts::Shared,
                    "pro_rata" => PatentCosts::ProRata,
                    _ => PatentCosts::Filer,
                }),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let publication = f.block("publication").map(|x| {
            let mut xf = self.checked(x, &schema::PUBLICATION);
            Publication {
                by: parties(&mut xf, "by"),
                review: duration(&mut xf, "review"),
                delay: duration(&mut xf, "delay"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let data_protection = f.block("data_protection").map(|x| {
            let mut xf = self.checked(x, &schema::DATA_PROTECTION);
            let personal_data = boolean(&mut xf, "personal_data");
            let roles = field!(xf, "roles", Typed::Word(w) => match w {
                "joint_controllers" => DataRoles::JointControllers,
                "controller_processor" => DataRoles::ControllerProcessor,
                _ => DataRoles::IndependentControllers,
            });
            let controller = reference(&mut xf, "controller");
            let owner = BlockName::new("data_protection", &[]);
            if roles.as_ref().map(|r| r.value) == Some(DataRoles::ControllerProcessor)
                && controller.is_none()
                && !has_damaged(x)
                && !self.written("controller", x.span)
            {
                self.report_missing(
                    MISSING_REQUIRED,
                    "required when one party is the controller and another its processor",
                    "controller",
                    "which party is the controller",
                    &owner,
                    x.head_span(),
                    false,
                    Some(Ty::Party),
                );
            }
            DataProtection {
                personal_data,
                roles,
                controller,
                training: boolean(&mut xf, "training"),
                models_owned_by: field_raw!(xf, "models_owned_by", Typed::JointIp(j) => j),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
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
            joint_exploitation: field!(f, "joint_exploitation", Typed::Word(w) => match w {
                "consent" => JointExploitation::Consent,
                "accounting" => JointExploitation::Accounting,
                _ => JointExploitation::EachFreely,
            }),
            joint_shares: shares(&mut f, "joint_shares"),
            results,
            patents,
            publication,
            data_protection,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
