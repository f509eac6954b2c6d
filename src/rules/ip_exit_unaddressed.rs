use crate::diagnostic::Diagnostic;
use crate::model::ResourceKind;
use crate::rules::{finding, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That when a party contributes intellectual property (a `resource` of `kind: ip`), the
    /// `ip` block says in `after_exit` what happens to IP when the alliance ends.
    ///
    /// ## Why it matters
    ///
    /// The practice material is explicit on this point: a clean exit deals with what becomes
    /// of shared intellectual property (“Beyond the Handshake”), including on what terms
    /// IP the partners developed together may be used once the agreement ends (“Beyond the Handshake”). Once IP has
    /// been contributed, the partners build on it together; if the agreement is silent, the
    /// contributor may find its technology still in use after exit, or the other party may
    /// lose the right to use what it paid to develop. This is the term that is hardest to
    /// negotiate once the relationship has broken down.
    ///
    /// ## Example
    ///
    /// ```charter
    /// from northwind {
    ///   resource "Loyalty analytics engine" { kind: ip  license: non_exclusive }
    /// }
    /// …
    /// ip {
    ///   background: retained
    ///   joint: jointly_owned
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// ip {
    ///   background: retained
    ///   joint: jointly_owned
    ///   after_exit: "Each party keeps a perpetual, royalty-free, non-exclusive licence to jointly developed IP."
    /// }
    /// ```
    pub IpExitUnaddressed {
        name: "ip-exit-unaddressed",
        severity: Error,
        group: Consistency,
        summary: "IP is contributed but `ip.after_exit` does not say what happens to it",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(contributions) = &a.contributions else {
        return;
    };
    let first_ip = contributions.from.iter().find_map(|f| {
        f.resources
            .iter()
            .find(|r| r.kind.as_ref().is_some_and(|k| k.value == ResourceKind::Ip))
            .map(|r| (f, r))
    });
    let Some((from, resource)) = first_ip else {
        return;
    };
    let help = match &a.ip {
        Some(ip) if ip.after_exit.is_some() || a.unreadable_in("after_exit", ip.span) => return,
        Some(_) => "add `after_exit:` to the `ip` block, saying who may use the contributed and the jointly developed IP once the alliance ends, and on what terms",
        None => "add an `ip` block with `background`, `joint` and `after_exit:`, saying who may use the contributed and the jointly developed IP once the alliance ends",
    };
    let who = if from.party.id.is_empty() {
        "a party".to_string()
    } else {
        format!("`{}`", from.party.id)
    };
    // `resource "Title"`: the head of the block.
    let head = Span::new(
        resource.span.start,
        resource.title.span.end.max(resource.span.start),
    );
    out.push(
        finding(
            &IpExitUnaddressed::META,
            head,
            format!(
                "{who} contributes IP (\"{}\"), but the agreement does not say what happens to IP when the alliance ends",
                resource.title.value
            ),
        )
        .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(body: &str) -> Vec<(String, String)> {
        let text = format!(
            "agreement \"A\" {{\n  party a \"A\" {{}}\n  contributions {{ from a {{ resource \"Data\" {{ kind: data }} resource \"Engine\" {{ kind: ip }} resource \"Patents\" {{ kind: ip }} }} }}\n{body}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "ip-exit-unaddressed")
            .map(|d| (text[d.span.range()].to_string(), d.message))
            .collect()
    }

    #[test]
    fn reported_once_at_the_first_ip_resource() {
        let expected = [(
            "resource \"Engine\"".to_string(),
            "`a` contributes IP (\"Engine\"), but the agreement does not say what happens to IP when the alliance ends"
                .to_string(),
        )];
        assert_eq!(findings(""), expected);
        assert_eq!(findings("ip { background: retained }"), expected);
        assert!(findings("ip { after_exit: \"Licences end.\" }").is_empty());
        assert!(findings("ip { after_exit: 5 }").is_empty());
    }

    #[test]
    fn without_ip_resources_after_exit_is_an_ordinary_required_key() {
        let text = "agreement \"A\" {\n  contributions { from a { resource \"Data\" { kind: data } } }\n  ip { background: retained }\n}\n";
        let rules: Vec<_> = check_text(text, &Default::default())
            .into_iter()
            .map(|d| (d.rule, d.message))
            .collect();
        assert!(rules.iter().all(|(r, _)| *r != "ip-exit-unaddressed"));
        assert!(rules
            .iter()
            .any(|(r, m)| *r == "missing-required" && m.contains("`after_exit`")));
    }
}
