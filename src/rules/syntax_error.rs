use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That the file can be read: it holds one `agreement "Title" { … }`, every attribute is
    /// written `key: value`, every block is closed with `}`, every string is closed on its own line,
    /// and every value has a form Charter knows (such as `90 days`, `USD 1,200,000` or
    /// `2027-01-01`). An empty file, a file that is not UTF-8 text, or a binary file is reported
    /// here too, and so are the limits that keep every check quick: a file larger than 64 MB, a
    /// string or text block longer than 1 MB, and a piece of the file too large or too tangled
    /// to read in one go (docs/limits.md lists them). After an error Charter resumes at the next top-level block and goes on reporting,
    /// but the completeness and practice checks wait until the whole file can be read. This rule
    /// cannot be switched off.
    ///
    /// ## Why it matters
    ///
    /// A clause that cannot be read cannot be checked, cannot be carried into the term sheet and
    /// cannot be compared with the previous draft. A single missing `}` or `:` can also make the
    /// terms that follow it belong to the wrong section. Until the text reads cleanly, Charter
    /// cannot tell the team whether the rest of the agreement is complete, so this comes first.
    ///
    /// ## Example
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   effective = 2027-01-01
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   effective: 2027-01-01
    /// }
    /// ```
    pub SyntaxError {
        name: "syntax-error",
        severity: Error,
        group: Structural,
        summary: "the text does not follow Charter's grammar",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    #[test]
    fn attributes_after_an_error_are_unknown_not_missing() {
        // The parser resumes at `party`, so `term` and `governing_law` are never read; they
        // must not be reported as missing.
        let text = "agreement \"A\" {\n  effective = 2027-01-01\n  term: 3 years\n  governing_law: \"England and Wales\"\n  party a \"A\" {}\n}\n";
        let rules: Vec<_> = check_text(text, &Default::default())
            .into_iter()
            .map(|d| (d.rule, d.message))
            .collect();
        assert_eq!(
            rules.iter().filter(|(r, _)| *r == "syntax-error").count(),
            1
        );
        assert!(
            !rules
                .iter()
                .any(|(_, m)| m.contains("`term`") || m.contains("`governing_law`")),
            "{rules:#?}"
        );
    }
}
