//! Visiting every reference in a lowered agreement, to resolve the ones that named an id
//! declared further down the file (lowering reads one top-level item at a time).

use crate::model::*;

/// Call `f` on every [`Ref`] in the agreement.
pub(crate) fn visit_refs(a: &mut Agreement, f: &mut dyn FnMut(&mut Ref)) {
    fn map<T>(m: &mut Option<PartyMap<T>>, f: &mut dyn FnMut(&mut Ref)) {
        for m in m.iter_mut() {
            for e in &mut m.entries {
                f(&mut e.party);
            }
            m.held
                .iter_mut()
                .flat_map(|h| h.iter_mut())
                .for_each(&mut *f);
        }
    }
    fn one(r: &mut Option<Ref>, f: &mut dyn FnMut(&mut Ref)) {
        if let Some(r) = r {
            f(r);
        }
    }
    fn parties(p: &mut Option<Parties>, f: &mut dyn FnMut(&mut Ref)) {
        if let Some(Parties::List(list)) = p {
            list.iter_mut().for_each(&mut *f);
        }
    }
    for s in &mut a.sides {
        s.parties.iter_mut().for_each(&mut *f);
    }
    for w in &mut a.withheld {
        one(&mut w.party, f);
        if let WithheldForm::Elsewhere { document, .. } = &mut w.form {
            f(document);
        }
    }
    if let Some(e) = &mut a.equity {
        map(&mut e.board_seats, f);
        for s in &mut e.stakes {
            one(&mut s.holder, f);
            one(&mut s.issuer, f);
        }
    }
    if let Some(e) = &mut a.entity {
        map(&mut e.ownership, f);
        map(&mut e.capital, f);
        if let Some(fu) = &mut e.funding {
            map(&mut fu.commitments, f);
        }
        if let Some(b) = &mut e.board {
            map(&mut b.seats, f);
            map(&mut b.observers, f);
            if let Some(Chair::Party(r)) = &mut b.chair {
                f(r);
            }
        }
    }
    if let Some(s) = &mut a.sharing {
        for fee in &mut s.fees {
            one(&mut fee.payer, f);
            one(&mut fee.payee, f);
        }
        for p in &mut s.milestone_payments {
            one(&mut p.payer, f);
            one(&mut p.payee, f);
            one(&mut p.on, f);
        }
        for r in &mut s.royalties {
            one(&mut r.payer, f);
            one(&mut r.payee, f);
        }
    }
    if let Some(g) = &mut a.governance {
        for c in &mut g.committees {
            map(&mut c.seats, f);
            one(&mut c.reports_to, f);
            if let Some(Chair::Party(r)) = &mut c.chair {
                f(r);
            }
        }
        for k in &mut g.key_persons {
            one(&mut k.party, f);
        }
        if let Some(s) = &mut g.scope_change {
            one(&mut s.approved_by, f);
        }
    }
    if let Some(c) = &mut a.contributions {
        c.from.iter_mut().for_each(|from| f(&mut from.party));
    }
    if let Some(s) = &mut a.sharing {
        map(&mut s.revenue, f);
        map(&mut s.costs, f);
    }
    if let Some(l) = &mut a.liability {
        map(&mut l.pool_shares, f);
        parties(&mut l.cap_for, f);
        for g in &mut l.guarantees {
            one(&mut g.party, f);
        }
        for i in &mut l.indemnities {
            for g in [&mut i.by, &mut i.to].into_iter().flatten() {
                if let Grantee::Party(r) = g {
                    f(r);
                }
            }
        }
    }
    if let Some(ip) = &mut a.ip {
        for res in &mut ip.results {
            if let Some(JointIp::Owner(r)) = &mut res.owner {
                f(r);
            }
        }
        map(&mut ip.joint_shares, f);
        if let Some(p) = &mut ip.patents {
            for g in [&mut p.files, &mut p.enforces].into_iter().flatten() {
                if let Grantee::Party(r) = g {
                    f(r);
                }
            }
        }
        if let Some(p) = &mut ip.publication {
            parties(&mut p.by, f);
        }
        if let Some(d) = &mut ip.data_protection {
            one(&mut d.controller, f);
            if let Some(JointIp::Owner(r)) = &mut d.models_owned_by {
                f(r);
            }
        }
        if let Some(JointIp::Owner(r)) = &mut ip.joint {
            f(r);
        }
        one(&mut ip.assigned_to, f);
        for l in &mut ip.licenses {
            one(&mut l.grantor, f);
            if let Some(Grantee::Party(r)) = &mut l.grantee {
                f(r);
            }
        }
    }
    if let Some(x) = &mut a.exit {
        for t in &mut x.terminations {
            parties(&mut t.held_by, f);
        }
        for (_, holders) in &mut x.rejected {
            parties(holders, f);
        }
        for o in &mut x.options {
            one(&mut o.holder, f);
            one(&mut o.against, f);
        }
    }
    if let Some(c) = &mut a.covenants {
        for r in [&mut c.exclusivity, &mut c.non_compete]
            .into_iter()
            .flatten()
        {
            parties(&mut r.binds, f);
        }
        if let Some(x) = &mut c.non_solicit {
            parties(&mut x.binds, f);
        }
        if let Some(x) = &mut c.non_disparagement {
            parties(&mut x.binds, f);
        }
        if let Some(x) = &mut c.transfers {
            parties(&mut x.binds, f);
        }
        for x in &mut c.first_refusals {
            one(&mut x.holder, f);
        }
        if let Some(x) = &mut c.most_favoured {
            one(&mut x.beneficiary, f);
        }
        for x in &mut c.minimum_commitments {
            one(&mut x.party, f);
        }
        if let Some(x) = &mut c.audit {
            parties(&mut x.by, f);
        }
    }
    if let Some(m) = &mut a.metrics {
        if let Some(DataAccess::Party(r)) = &mut m.data_access {
            f(r);
        }
        for metric in &mut m.metrics {
            if let Some(Owner::Parties(list, _)) = &mut metric.owner {
                list.iter_mut().for_each(&mut *f);
            }
        }
    }
    if let Some(d) = &mut a.disputes {
        for step in &mut d.steps {
            if let StepKind::Escalation { to } = &mut step.kind {
                one(to, f);
            }
        }
    }
    if let Some(x) = &mut a.exit {
        if let Some(r) = &mut x.review {
            one(&mut r.decides, f);
        }
    }
}
