use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That the file holds no character a reader cannot see: no direction control (U+202A to
    /// U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C) and no invisible character (zero-width
    /// space U+200B, word joiner U+2060, the invisible operators U+2061 to U+2064, or a byte
    /// order mark U+FEFF anywhere but at the very start of the file), in strings, text blocks
    /// and comments alike. Each one is reported with its code point and Unicode name. The
    /// joiners U+200C and U+200D are not reported: Persian, the Indic scripts and emoji need
    /// them.
    ///
    /// In the term sheet and the redline such a character is shown as its code point, such as
    /// `[U+202E]`, and in the terminal as `�`, so that it cannot change what is displayed.
    ///
    /// ## Why it matters
    ///
    /// An agreement is read by people, and what they read must be what it says. A direction
    /// control changes the order in which the text around it is displayed: with one, a line
    /// that says `revenue: { a: 45%, b: 55% }` can be shown as if the shares were the other way
    /// round, and the reviewer approves terms the file does not hold (the attack known as
    /// "Trojan Source", which led compilers such as rustc to refuse these characters). An
    /// invisible character makes two texts that look the same differ, so a search or a
    /// comparison misses one of them. They usually arrive by accident, pasted from a web page or
    /// a word processor; either way they belong deleted.
    ///
    /// ## Example
    ///
    /// ```charter
    /// party lumen "Lumen\u{200B} Books Ltd." {
    ///   jurisdiction: "England and Wales"
    /// }
    /// ```
    ///
    /// (the name holds a zero-width space after `Lumen`, which no editor shows by default).
    ///
    /// ## Instead
    ///
    /// ```charter
    /// party lumen "Lumen Books Ltd." {
    ///   jurisdiction: "England and Wales"
    /// }
    /// ```
    pub HiddenCharacter {
        name: "hidden-character",
        severity: Error,
        group: Structural,
        summary: "a character a reader cannot see: a direction control or an invisible character",
    }
}

/// Reported while reading the file (see `syntax`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn hidden(text: &str) -> Vec<String> {
        check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "hidden-character")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn each_hidden_character_is_named() {
        let text = "agreement \"A\u{202E}B\" {\n  // note\u{200B}\n}\n";
        let found = hidden(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("U+202E RIGHT-TO-LEFT OVERRIDE"),
            "{found:?}"
        );
        assert!(found[1].contains("U+200B ZERO WIDTH SPACE"), "{found:?}");
    }

    #[test]
    fn a_byte_order_mark_at_the_start_and_joiners_are_fine() {
        assert!(hidden("\u{FEFF}agreement \"A\u{200D}B\" {\n}\n").is_empty());
    }

    #[test]
    fn one_finding_for_a_hidden_character_in_a_name() {
        let text = "agreement \"A\" {\n  party north\u{200B}wind \"N\" {}\n}\n";
        let all = check_text(text, &Default::default());
        let at_it: Vec<_> = all.iter().filter(|d| d.span.start == 29).collect();
        assert_eq!(at_it.len(), 1, "{all:#?}");
        assert_eq!(at_it[0].rule, "syntax-error");
        assert!(
            at_it[0].message.contains("U+200B ZERO WIDTH SPACE"),
            "{all:#?}"
        );
    }
}
