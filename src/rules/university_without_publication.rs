use crate::diagnostic::Diagnostic;
use crate::model::PartyKind;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// An agreement with a party of `kind: university` or `kind: research_institute`: it is
    /// reported when the `ip` block has no `publication` block, the university's right to
    /// publish results after the others have reviewed them.
    ///
    /// ## Why it matters
    ///
    /// A university exists to publish; a company needs to file patents before results are
    /// public. Research agreements reconcile the two with a publication clause: the
    /// university may publish, after the company has had a set time to review the draft and,
    /// if need be, a further delay to file a patent. The MD Anderson and Adaptimmune strategic
    /// alliance agreement (in Charter's corpus of real agreements) gives MD Anderson that
    /// right after a review period. Without the clause, either the university's academic
    /// freedom or the company's patents are at risk.
    ///
    /// ## Example
    ///
    /// ```charter
    /// party ut "The University of Texas" { kind: university }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// ip {
    ///   publication { by: [ut]  review: 30 days  delay: 60 days }
    /// }
    /// ```
    pub UniversityWithoutPublication {
        name: "university-without-publication",
        severity: Warning,
        group: Practice,
        summary: "a university or research institute with no publication clause",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    if a.ip.as_ref().is_some_and(|ip| ip.publication.is_some()) {
        return;
    }
    for p in &a.parties {
        let Some(kind) = &p.kind else { continue };
        if !kind.value.is_academic() {
            continue;
        }
        let what = if kind.value == PartyKind::University {
            "a university"
        } else {
            "a research institute"
        };
        out.push(
            finding(
                &UniversityWithoutPublication::META,
                kind.span,
                format!(
                    "`{}` is {what}, but the agreement has no publication clause: nothing reconciles its right to publish with the others' patents",
                    p.id.value
                ),
            )
            .with_label(keyword_span(p.span, "party"), "the party")
            .with_help(format!(
                "add `publication {{ by: [{}]  review: 30 days  delay: 60 days }}` to `ip`: it may publish after the others have reviewed the draft, with a delay to file patents",
                p.id.value
            )),
        );
    }
}
