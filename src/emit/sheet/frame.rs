//! The frame of the term sheet: its title block (the legend, the stage the document is at with
//! its version and date, the opening sentence and what binds), the signature blocks and, for a
//! draft, the open issues, each pointing to the section or clause it concerns.

use super::*;
use crate::diagnostic::Severity;

impl<'a> Sheet<'a> {
    pub(super) fn title(&mut self, status: &Status) {
        let title = self.a.title.value.trim();
        let title = if title.is_empty() {
            "Untitled agreement".to_string()
        } else {
            e(title)
        };
        self.heading(1, &title);
        if !self.a.legend.is_empty() {
            let legend: Vec<String> = self
                .a
                .legend
                .iter()
                .map(|l| sentence(e(&l.value.trim().to_uppercase())))
                .collect();
            // In capitals, as legends are printed (not bold: bold is only ever Charter's own).
            self.push(legend.join(" "));
        }
        let mut line = match status.stage() {
            DocumentStatus::Signed => match &self.a.signed {
                Some(d) => format!("**Status:** Signed on {}.", format::date(d.value)),
                None => "**Status:** Signed.".to_string(),
            },
            DocumentStatus::ForSignature => "**Status:** For signature.".to_string(),
            DocumentStatus::Draft => {
                let held = status.held_back_by();
                let said = match status.declared {
                    Some(DocumentStatus::Signed) => "it says it is signed",
                    _ => "it says it is ready for signature",
                };
                if !held.is_empty() {
                    let one = status.errors + status.todos() == 1;
                    format!(
                        "**Status:** DRAFT — {said}, but {} {}; see Open issues at the end.",
                        and_list(&held),
                        if one { "remains" } else { "remain" }
                    )
                } else if status.is_clean() {
                    "**Status:** DRAFT — no open issues.".to_string()
                } else {
                    let mut open = Vec::new();
                    if status.errors > 0 {
                        open.push(plural(
                            Decimal::from(status.errors),
                            "open error",
                            "open errors",
                        ));
                    }
                    if status.warnings > 0 {
                        open.push(plural(
                            Decimal::from(status.warnings),
                            "warning",
                            "warnings",
                        ));
                    }
                    format!(
                        "**Status:** DRAFT — {}; see Open issues at the end.",
                        and_list(&open)
                    )
                }
            }
        };
        match (&self.a.version, &self.a.dated) {
            (Some(v), Some(d)) => line.push_str(&format!(
                " **Version:** {}, {}.",
                e(v.value.trim().trim_end_matches('.')),
                format::date(d.value)
            )),
            (Some(v), None) => line.push_str(&format!(
                " **Version:** {}.",
                e(v.value.trim().trim_end_matches('.'))
            )),
            (None, Some(d)) => line.push_str(&format!(" **Dated:** {}.", format::date(d.value))),
            (None, None) => {}
        }
        self.push(line);

        let model = match self.a.model.as_ref().map(|m| m.value) {
            Some(Model::Contractual) => "A contractual alliance",
            Some(Model::Equity) => "An equity alliance",
            Some(Model::JointVenture) => "A joint venture",
            None => "An alliance",
        };
        let parties: Vec<String> = (0..self.a.parties.len())
            .map(|i| self.party_defined(i))
            .collect();
        let mut intro = model.to_string();
        if !parties.is_empty() {
            intro.push_str(&format!(" between {}", and_list(&parties)));
        }
        if let Some(d) = &self.a.effective {
            intro.push_str(&format!(", effective {}", format::date(d.value)));
        }
        self.push(sentence(intro));
        match &self.a.binding {
            Some(Binding::Nothing(_)) => self.push("This document is not legally binding."),
            Some(Binding::All(_)) => self.push("All of this document binds the parties."),
            Some(Binding::Parts(parts)) => {
                let parts: Vec<String> = parts
                    .iter()
                    .map(|p| binding_part(p.value).to_string())
                    .collect();
                self.push(format!(
                    "Only these parts bind the parties: {}. The rest of this document is not legally binding.",
                    and_list(&parts)
                ));
            }
            None => {}
        }
    }

    /// The open issues of a draft, in a lawyer's words, each pointing to the section or
    /// clause of this document it concerns (not to a line of the source).
    pub(super) fn open_issues(&mut self, status: &Status) {
        if status.stage() != DocumentStatus::Draft || status.is_clean() || status.issues.is_empty()
        {
            return;
        }
        self.appendix("Open issues");
        self.push("These points are open in this draft. Points to resolve must be settled before it can be signed; points to review are worth a second look.");
        let spans: Vec<crate::span::Span> = status.issues.iter().map(|i| i.span).collect();
        let places = self.sections_of(&spans);
        let items: Vec<String> = status
            .issues
            .iter()
            .zip(places)
            .map(|(i, section)| {
                let what = match i.severity {
                    Severity::Error => "To resolve:",
                    Severity::Warning => "To review:",
                    Severity::Info => "Note:",
                };
                let place = match section {
                    Some(n) if n.number.contains('.') => {
                        format!("clause {} ({})", n.number, n.title)
                    }
                    Some(n) => format!("section {} ({})", n.number, n.title),
                    None => "the agreement as a whole".to_string(),
                };
                // The suggestion is how to fix the file, for its authors (`charter check`
                // shows it): the document says what is open.
                format!(
                    "**{what}** {}. {}",
                    capitalize(&place),
                    sentence(e(&capitalize(&quote(&i.message))))
                )
            })
            .collect();
        self.list(&items);
    }

    /// A signature block for each party: its legal name, then lines for the signature, the
    /// signatory as the agreement names them, and the date.
    pub(super) fn signatures(&mut self) {
        if self.a.parties.is_empty() {
            return;
        }
        self.heading(2, "Signatures");
        for (i, p) in self.a.parties.iter().enumerate() {
            // The signatory as written ("Jane Doe, Chief Strategy Officer", or only a title):
            // name and title are not told apart.
            let signatory = p.signatory.as_ref().map(|s| s.value.as_str());
            let text = signature_block(&self.names.legal(i), signatory);
            self.blocks.push(Block::Paragraph { text });
        }
    }
}

/// A party's signature block, written straight into runs: "Signed for and on behalf of"
/// its legal name, then lines to sign on, the signatory as written ("Jane Doe, Chief
/// Strategy Officer", or only a title: name and title are not told apart) and the date.
fn signature_block(legal: &str, signatory: Option<&str>) -> Inline<'static> {
    let block = Sentence::default()
        .own("Signed for and on behalf of ")
        .user(legal)
        .hard_break()
        .own("By: ")
        .own(LINE)
        .hard_break();
    let block = match signatory.map(str::trim) {
        Some(s) if !s.is_empty() => block.own("Signatory: ").user(s),
        _ => block.own("Name and title: ").own(LINE),
    };
    block.hard_break().own("Date: ").own(LINE).into_inline()
}

/// A checker message for a reader: `quorm` in backticks becomes ‘quorm’.
fn quote(message: &str) -> String {
    let mut open = false;
    message
        .chars()
        .map(|ch| {
            if ch == '`' {
                open = !open;
                if open {
                    '‘'
                } else {
                    '’'
                }
            } else {
                ch
            }
        })
        .collect()
}

/// A part of the document that may bind on its own, as the term sheet names it.
fn binding_part(word: &str) -> &'static str {
    match word {
        "confidentiality" => "confidentiality",
        "exclusivity" => "exclusivity",
        "non_compete" => "the non-compete",
        "non_solicit" => "non-solicitation",
        "costs" => "costs",
        "governing_law" => "governing law",
        "disputes" => "dispute resolution",
        "publicity" => "publicity",
        _ => "the parts named",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The signature block as the sheet once wrote it: Markdown, user text escaped, read
    /// back into runs.
    fn signature_by_markdown(legal: &str, signatory: Option<&str>) -> Inline<'static> {
        let signatory = match signatory {
            Some(s) if !s.trim().is_empty() => format!("Signatory: {}", e(s.trim())),
            _ => format!("Name and title: {LINE}"),
        };
        inline_owned(format!(
            "Signed for and on behalf of {}\\\nBy: {LINE}\\\n{signatory}\\\nDate: {LINE}",
            e(legal),
        ))
    }

    /// Pieces of names: what Markdown, the escaping or the plain text treat apart.
    const NAME_PIECES: &[&str] = &[
        "Helix", "plc", "1", "(a) ", "2.", " ", "  ", "\n", "\t", "\u{7}", "\u{85}", "\u{a0}",
        "\u{2003}", "\u{202e}", "\u{200b}", "é", "—", "*", "_", "\\", "<", ">", "&", "&amp;", "[",
        "]", "#", "-", "+", "=", "`", "~", "|", "@", "www.", ":", "**",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn signature_blocks_written_straight_agree_with_their_markdown(
            legal in proptest::collection::vec(proptest::sample::select(NAME_PIECES), 1..8),
            signatory in proptest::option::of(proptest::collection::vec(proptest::sample::select(NAME_PIECES), 0..8)),
        ) {
            let legal = legal.concat();
            let signatory = signatory.map(|s| s.concat());
            prop_assert_eq!(
                signature_block(&legal, signatory.as_deref()),
                signature_by_markdown(&legal, signatory.as_deref())
            );
        }
    }
}
