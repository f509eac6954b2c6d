use crate::diagnostic::Diagnostic;
use crate::model::Renewal;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That an agreement with `renewal: automatic` also states `renewal_notice`: how much
    /// notice a party must give to stop the next renewal.
    ///
    /// ## Why it matters
    ///
    /// An automatic renewal with no way to stop it is the kind of open-ended commitment the
    /// practice material warns against: a partnership that ties its members in, term after
    /// term, with no way out (“Beyond the Handshake”). If the agreement does not say how and when a
    /// party may opt out, each term rolls into the next, and a party that wants to leave at
    /// the end of a term must argue over what notice was reasonable — often after the
    /// renewal has already happened.
    ///
    /// ## Example
    ///
    /// ```charter
    /// term: 3 years
    /// renewal: automatic
    /// renewal_term: 1 year
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// term: 3 years
    /// renewal: automatic
    /// renewal_term: 1 year
    /// renewal_notice: 6 months
    /// ```
    pub RenewalWithoutNotice {
        name: "renewal-without-notice",
        severity: Error,
        group: Consistency,
        summary: "renewal is automatic but no notice to stop it is given",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(renewal) = a.renewal.as_ref().filter(|r| r.value == Renewal::Automatic) else {
        return;
    };
    // `renewal_notice` is a key of the agreement only; written with a wrong value, it was
    // reported as such.
    let unreadable = a.unreadable.iter().any(|(key, _)| *key == "renewal_notice");
    if a.renewal_notice.is_some() || unreadable {
        return;
    }
    out.push(
        finding(
            &RenewalWithoutNotice::META,
            renewal.span,
            "the agreement renews automatically, but does not say what notice a party must give to stop the next renewal",
        )
        .with_help("add `renewal_notice:` with the notice to give before the end of a term, such as `renewal_notice: 6 months`"),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn count(keys: &str) -> usize {
        let text = format!("agreement \"A\" {{\n  {keys}\n}}\n");
        check_text(&text, &Default::default())
            .iter()
            .filter(|d| d.rule == "renewal-without-notice")
            .count()
    }

    #[test]
    fn only_automatic_renewal_needs_notice() {
        assert_eq!(count("renewal: automatic  renewal_term: 1 year"), 1);
        assert_eq!(
            count("renewal: automatic  renewal_term: 1 year  renewal_notice: 90 days"),
            0
        );
        assert_eq!(count("renewal: by_agreement"), 0);
        assert_eq!(count("renewal: none"), 0);
        assert_eq!(count(""), 0);
    }

    #[test]
    fn a_mistyped_notice_is_reported_once() {
        assert_eq!(
            count("renewal: automatic  renewal_term: 1 year  renewal_notice: 90"),
            0
        );
    }
}
