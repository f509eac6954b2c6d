use crate::diagnostic::Diagnostic;
use crate::model::{AfterLockUp, Transfers};
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `transfers` block of `covenants`, when it has a `lock_up`: it is reported when
    /// nothing says how a party may transfer once the lock-up has run — no `after_lock_up`,
    /// no `first_refusal` right and no put or call `option` — and when `after_lock_up:
    /// consent` leaves transfers to the others' consent with no option beside it, so that
    /// the lock-up in effect never ends.
    ///
    /// ## Why it matters
    ///
    /// A lock-up keeps the partners in while the venture gets going; it should end. The
    /// practice material warns against partnerships that lock the parties in for years with
    /// no way out, and asks for a clear exit path from day one (“Beyond the Handshake”).
    /// Real agreements pair the lock-up with what follows it: the Rocky Mountain Chocolate
    /// Factory and Edible Arrangements agreement (in Charter's corpus of real agreements)
    /// bars transfers for two years and then subjects them to the company's rights of first
    /// offer and first refusal.
    ///
    /// ## Example
    ///
    /// ```charter
    /// transfers {
    ///   lock_up: 3 years
    ///   permitted: ["Transfers to a wholly owned affiliate"]
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// transfers {
    ///   lock_up: 3 years
    ///   after_lock_up: first_refusal
    ///   permitted: ["Transfers to a wholly owned affiliate"]
    ///   tag_along: yes
    /// }
    /// ```
    pub LockUpWithoutExit {
        name: "lock-up-without-exit",
        severity: Warning,
        group: Practice,
        summary: "a lock-up with no right to transfer after it",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(c) = &a.covenants else { return };
    let Some(t) = &c.transfers else { return };
    let locked = t.lock_up.is_some()
        || a.withheld_in("lock_up", t.span).is_some()
        || a.unreadable_in("lock_up", t.span);
    if !locked || a.unreadable_in("after_lock_up", t.span) {
        return;
    }
    let options = a.exit.as_ref().is_some_and(|e| !e.options.is_empty());
    let message = match t.after_lock_up.as_ref().map(|x| x.value) {
        Some(AfterLockUp::Free | AfterLockUp::FirstRefusal) => return,
        None if !c.first_refusals.is_empty() || options => return,
        Some(AfterLockUp::Consent) if options => return,
        None => "after the lock-up, nothing says whether a party may transfer: there is no `after_lock_up`, right of first refusal or option",
        Some(AfterLockUp::Consent) => "after the lock-up a party may still transfer only with the others' consent, and no option lets it out: the lock-up never ends",
    };
    out.push(
        finding(&LockUpWithoutExit::META, span_of(t), message).with_help(
            "say what follows the lock-up: `after_lock_up: free`, or `first_refusal` with a `first_refusal` block, or a put `option` that lets a party out",
        ),
    );
}

fn span_of(t: &Transfers) -> crate::span::Span {
    match &t.after_lock_up {
        Some(x) => x.span,
        None => keyword_span(t.span, "transfers"),
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/lock-up-without-exit/pass.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "lock-up-without-exit")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn what_follows_the_lock_up() {
        let after = "      after_lock_up: first_refusal\n";
        assert!(PASS.contains(after));
        assert!(reported(PASS).is_empty());
        let free = PASS.replacen(after, "      after_lock_up: free\n", 1);
        assert!(reported(&free).is_empty());
        let consent = PASS.replacen(after, "      after_lock_up: consent\n", 1);
        assert_eq!(reported(&consent).len(), 1);
        // Without `after_lock_up`, a right of first refusal elsewhere still lets a party out.
        let silent = PASS.replacen(after, "", 1);
        assert!(PASS.contains("first_refusal \""));
        assert!(reported(&silent).is_empty());
        // Without the rights of first offer either, nothing lets a holder out.
        let mut bare = silent.clone();
        while let Some(start) = bare.find("    first_refusal \"") {
            let end = bare[start..]
                .find("}\n")
                .map_or(bare.len(), |e| start + e + 2);
            bare.replace_range(start..end, "");
        }
        assert!(!bare.contains("first_refusal \""));
        assert_eq!(
            reported(&bare),
            ["after the lock-up, nothing says whether a party may transfer: there is no `after_lock_up`, right of first refusal or option"]
        );
    }
}
