//! Intellectual property and licences, compliance and confidentiality: all major.

use super::value::{self as v, V};
use super::walker::{matched, possessive, quoted, title_segment, Walker};
use super::Impact::{Editorial, Major, Minor};
use super::Section;
use crate::emit::format::capitalize;
use crate::model::*;
use crate::span::Spanned;

fn background(b: BackgroundIp) -> &'static str {
    match b {
        BackgroundIp::Retained => "retained by each party",
        BackgroundIp::Licensed => "licensed to the alliance",
        BackgroundIp::Assigned => "assigned to the alliance",
    }
}

fn regime(word: &str) -> &str {
    match word {
        "antitrust" => "competition (antitrust) law",
        "data_privacy" => "data-protection law",
        "export_control" => "export controls",
        "anti_bribery" => "anti-bribery law",
        "sanctions" => "sanctions regimes",
        other => other,
    }
}

/// A licence's yes-or-no term.
type Flag = fn(&License) -> &Option<Spanned<bool>>;

impl<'a> Walker<'a> {
    pub(super) fn ip(&mut self) {
        self.section(Section::Ip);
        let (o, n) = (self.old.a.ip.as_ref(), self.new.a.ip.as_ref());
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("ip", |w| {
            w.term(
                "background",
                Major,
                o,
                n,
                |i| v::word(&i.background, background),
                || "Background IP".into(),
            );
            w.term(
                "joint",
                Major,
                o,
                n,
                |i| i.joint.as_ref().map(V::JointIp),
                || "Ownership of jointly developed IP".into(),
            );
            w.term(
                "after_exit",
                Major,
                o,
                n,
                |i| v::text(&i.after_exit),
                || "IP after exit".into(),
            );
            w.term(
                "assigned_to",
                Major,
                o,
                n,
                |i| v::reference(&i.assigned_to),
                || "Assignee of IP created under the alliance".into(),
            );
            w.term(
                "escrow",
                Major,
                o,
                n,
                |i| v::text(&i.escrow),
                || "Escrow".into(),
            );
            let empty: &'a [License] = &[];
            let old = o.map_or(empty, |i| i.licenses.as_slice());
            let new = n.map_or(empty, |i| i.licenses.as_slice());
            for pair in matched(old, new, |l| l.title.value.as_str()) {
                let Some(any) = pair.new.or(pair.old) else {
                    continue;
                };
                let licence = format!("licence {}", quoted(&any.title.value));
                let segment = title_segment("license", &any.title.value, pair.occurrence);
                w.at(&segment, |w| {
                    w.item(
                        pair.old,
                        pair.new,
                        Major,
                        |_| capitalize(&licence),
                        |w, o, n| w.license(o, n, &licence),
                    )
                });
            }
            w.ip_detail(o, n);
            w.term(
                "note",
                Editorial,
                o,
                n,
                |i| v::text(&i.note),
                || "Note on IP".into(),
            );
        });
    }

    /// Co-ownership, results by kind, patents, publication and data protection: who owns
    /// and may use the results is major; patent costs and the publication delays are minor.
    fn ip_detail(&mut self, o: Option<&'a Ip>, n: Option<&'a Ip>) {
        self.term(
            "joint_exploitation",
            Major,
            o,
            n,
            |i| v::word(&i.joint_exploitation, JointExploitation::key),
            || "What a co-owner may do alone with joint IP".into(),
        );
        self.party_map(
            "joint_shares",
            Major,
            o.and_then(|i| i.joint_shares.as_ref()),
            n.and_then(|i| i.joint_shares.as_ref()),
            |x| V::Percent(*x),
            |p| format!("{} share of joint IP", possessive(p)),
        );
        let empty: &'a [ResultOwner] = &[];
        let old = o.map_or(empty, |i| i.results.as_slice());
        let new = n.map_or(empty, |i| i.results.as_slice());
        for pair in matched(old, new, |r| r.title.value.as_str()) {
            let Some(any) = pair.new.or(pair.old) else {
                continue;
            };
            let title = any.title.value.clone();
            self.at(&title_segment("result", &title, pair.occurrence), |w| {
                w.item(
                    pair.old,
                    pair.new,
                    Major,
                    |_| format!("Ownership of {}", quoted(&title)),
                    |w, o, n| {
                        let of = |what: &str| format!("{what} of {}", quoted(&title));
                        w.term(
                            "owner",
                            Major,
                            o,
                            n,
                            |r| r.owner.as_ref().map(V::JointIp),
                            || of("Owner"),
                        );
                        w.term("field", Major, o, n, |r| v::text(&r.field), || of("Field"));
                        w.term("note", Editorial, o, n, |r| v::text(&r.note), || of("Note"));
                    },
                )
            });
        }
        let (op, np) = (
            o.and_then(|i| i.patents.as_ref()),
            n.and_then(|i| i.patents.as_ref()),
        );
        self.at("patents", |w| {
            w.item(
                op,
                np,
                Major,
                |_| "Patent terms".into(),
                |w, o, n| {
                    w.term(
                        "files",
                        Major,
                        o,
                        n,
                        |p| p.files.as_ref().map(V::Grantee),
                        || "Who files patents".into(),
                    );
                    w.term(
                        "enforces",
                        Major,
                        o,
                        n,
                        |p| p.enforces.as_ref().map(V::Grantee),
                        || "Who enforces patents".into(),
                    );
                    w.term(
                        "costs",
                        Major,
                        o,
                        n,
                        |p| v::word(&p.costs, PatentCosts::key),
                        || "Who pays for patents".into(),
                    );
                    w.term(
                        "note",
                        Editorial,
                        o,
                        n,
                        |p| v::text(&p.note),
                        || "Note on patents".into(),
                    );
                },
            )
        });
        let (ou, nu) = (
            o.and_then(|i| i.publication.as_ref()),
            n.and_then(|i| i.publication.as_ref()),
        );
        self.at("publication", |w| {
            w.item(
                ou,
                nu,
                Major,
                |_| "Right to publish".into(),
                |w, o, n| {
                    w.term(
                        "by",
                        Major,
                        o,
                        n,
                        |p| v::parties(&p.by),
                        || "Who may publish".into(),
                    );
                    w.term(
                        "review",
                        Minor,
                        o,
                        n,
                        |p| v::duration(&p.review),
                        || "Review before publication".into(),
                    );
                    w.term(
                        "delay",
                        Minor,
                        o,
                        n,
                        |p| v::duration(&p.delay),
                        || "Delay of publication for patents".into(),
                    );
                    w.term(
                        "note",
                        Editorial,
                        o,
                        n,
                        |p| v::text(&p.note),
                        || "Note on publication".into(),
                    );
                },
            )
        });
        let (od, nd) = (
            o.and_then(|i| i.data_protection.as_ref()),
            n.and_then(|i| i.data_protection.as_ref()),
        );
        self.at("data_protection", |w| {
            w.item(
                od,
                nd,
                Major,
                |_| "Data protection".into(),
                |w, o, n| {
                    w.term(
                        "personal_data",
                        Major,
                        o,
                        n,
                        |d| v::boolean(&d.personal_data),
                        || "Sharing of personal data".into(),
                    );
                    w.term(
                        "roles",
                        Major,
                        o,
                        n,
                        |d| v::word(&d.roles, DataRoles::key),
                        || "Data-protection roles".into(),
                    );
                    w.term(
                        "controller",
                        Major,
                        o,
                        n,
                        |d| v::reference(&d.controller),
                        || "Controller of personal data".into(),
                    );
                    w.term(
                        "training",
                        Major,
                        o,
                        n,
                        |d| v::boolean(&d.training),
                        || "Training of models on alliance data".into(),
                    );
                    w.term(
                        "models_owned_by",
                        Major,
                        o,
                        n,
                        |d| d.models_owned_by.as_ref().map(V::JointIp),
                        || "Ownership of trained models".into(),
                    );
                    w.term(
                        "note",
                        Editorial,
                        o,
                        n,
                        |d| v::text(&d.note),
                        || "Note on data protection".into(),
                    );
                },
            )
        });
    }

    fn license(&mut self, o: Option<&'a License>, n: Option<&'a License>, l: &str) {
        let of = |what: &str| format!("{what} of {l}");
        self.name("title", Editorial, o, n, |l| &l.title.value, "Licence");
        self.term(
            "grantor",
            Major,
            o,
            n,
            |l| v::reference(&l.grantor),
            || of("Grantor"),
        );
        self.term(
            "grantee",
            Major,
            o,
            n,
            |l| l.grantee.as_ref().map(V::Grantee),
            || of("Grantee"),
        );
        self.term("scope", Major, o, n, |l| v::text(&l.scope), || of("Scope"));
        let flags: [(&str, &str, Flag); 7] = [
            ("exclusive", "Exclusivity", |l| &l.exclusive),
            ("transferable", "Transferability", |l| &l.transferable),
            ("sublicensable", "Right to sublicense", |l| &l.sublicensable),
            ("affiliates", "Extension to affiliates", |l| &l.affiliates),
            ("perpetual", "Perpetuity", |l| &l.perpetual),
            ("irrevocable", "Irrevocability", |l| &l.irrevocable),
            ("joint_ip", "Cover of the joint IP", |l| &l.joint_ip),
        ];
        for (key, what, get) in flags {
            self.term(key, Major, o, n, |l| v::boolean(get(l)), || of(what));
        }
        self.term(
            "royalty",
            Major,
            o,
            n,
            |l| l.royalty.as_ref().map(|r| V::Royalty(&r.value)),
            || of("Royalty"),
        );
        self.term(
            "note",
            Editorial,
            o,
            n,
            |l| v::text(&l.note),
            || format!("Note on {l}"),
        );
    }

    pub(super) fn compliance(&mut self) {
        self.section(Section::Compliance);
        let (o, n) = (
            self.old.a.compliance.as_ref(),
            self.new.a.compliance.as_ref(),
        );
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("compliance", |w| {
            w.list(
                "jurisdictions",
                Major,
                o.map(|c| v::texts(&c.jurisdictions)).unwrap_or_default(),
                n.map(|c| v::texts(&c.jurisdictions)).unwrap_or_default(),
                || "Jurisdictions covered".into(),
            );
            let regimes = |c: &'a Compliance| -> Vec<&'a str> {
                c.regimes.iter().map(|r| regime(r.value)).collect()
            };
            w.list(
                "regimes",
                Major,
                o.map(regimes).unwrap_or_default(),
                n.map(regimes).unwrap_or_default(),
                || "Compliance regimes".into(),
            );
            w.term(
                "change_in_law",
                Major,
                o,
                n,
                |c| v::text(&c.change_in_law),
                || "Change in law".into(),
            );
            w.term(
                "note",
                Editorial,
                o,
                n,
                |c| v::text(&c.note),
                || "Note on compliance".into(),
            );
        });
    }

    pub(super) fn confidentiality(&mut self) {
        self.section(Section::Confidentiality);
        let (o, n) = (
            self.old.a.confidentiality.as_ref(),
            self.new.a.confidentiality.as_ref(),
        );
        if o.is_none() && n.is_none() {
            return;
        }
        self.at("confidentiality", |w| {
            w.term(
                "term",
                Major,
                o,
                n,
                |c| v::duration(&c.term),
                || "Confidentiality period".into(),
            );
            w.term(
                "note",
                Editorial,
                o,
                n,
                |c| v::text(&c.note),
                || "Note on confidentiality".into(),
            );
        });
    }
}
