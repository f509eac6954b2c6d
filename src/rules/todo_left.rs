use crate::diagnostic::Diagnostic;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// Every string and text block in the file, titles included: one that contains `TODO`
    /// (in capitals) is reported. Comments are not looked at.
    ///
    /// ## Why it matters
    ///
    /// `charter init` writes starter agreements with `TODO` where a decision is still to
    /// be made, and drafters use the same marker. A placeholder that survives into the
    /// signed text leaves a term undecided. The practice material stresses that the key
    /// terms, from governance (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal) to the standards and metrics of
    /// success (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal), be negotiated and agreed before the definitive
    /// agreement is signed; this rule makes sure none is left open by accident. It is a
    /// drafting check rather than a norm taken from the practice material.
    ///
    /// ## Example
    ///
    /// ```charter
    /// party contoso "Contoso Retail GmbH" {
    ///   signatory: "TODO: name the signatory"
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// party contoso "Contoso Retail GmbH" {
    ///   signatory: "Max Mustermann, Managing Director"
    /// }
    /// ```
    pub TodoLeft {
        name: "todo-left",
        severity: Warning,
        group: Practice,
        summary: "a string still contains TODO",
    }
}

/// Longer excerpts are cut to this many characters.
const EXCERPT: usize = 60;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // One searcher for every string (memchr's, with vector instructions): the text blocks
    // of a long agreement are most of its bytes.
    let todo = memchr::memmem::Finder::new("TODO");
    for span in &cx.agreement.strings {
        let Some(text) = cx.source.get(span.range()) else {
            continue;
        };
        let Some(at) = todo.find(text.as_bytes()) else {
            continue;
        };
        out.push(
            finding(
                &TodoLeft::META,
                *span,
                format!("this text still contains a `TODO`: {}", excerpt(text, at)),
            )
            .with_help("replace the placeholder with the wording the parties have agreed"),
        );
    }
}

/// The string as written when it is short and on one line; otherwise the line holding
/// the `TODO`, from the `TODO` on if it is long.
fn excerpt(text: &str, at: usize) -> String {
    if !text.contains('\n') && text.chars().count() <= EXCERPT {
        return text.to_string();
    }
    let line_start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i);
    let line = text.get(line_start..line_end).unwrap_or_default().trim();
    let from_todo = if line.chars().count() > EXCERPT {
        line.find("TODO")
            .and_then(|i| line.get(i..))
            .unwrap_or(line)
    } else {
        line
    };
    let mut cut: String = from_todo.chars().take(EXCERPT).collect();
    if from_todo.chars().count() > EXCERPT {
        cut.push('…');
    }
    if from_todo.len() < line.len() {
        cut.insert(0, '…');
    }
    format!("\"{}\"", cut.trim_matches('"'))
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    const PASS: &str = include_str!("../../tests/fixtures/rules/todo-left/pass.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "todo-left")
            .map(|d| d.message)
            .collect()
    }

    fn edit(text: &str, from: &str, to: &str) -> String {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    }

    #[test]
    fn one_finding_per_string() {
        assert!(reported(PASS).is_empty());
        let text = edit(PASS, "\"Germany\"", "\"TODO (TODO: which state?)\"");
        let text = edit(&text, "\"Contoso Retail GmbH\"", "\"TODO legal name\"");
        assert_eq!(
            reported(&text),
            [
                "this text still contains a `TODO`: \"TODO legal name\"",
                "this text still contains a `TODO`: \"TODO (TODO: which state?)\"",
            ]
        );
    }

    #[test]
    fn only_capital_todo_in_strings_counts() {
        let text = edit(PASS, "\"Germany\"", "\"Germany, todo\"");
        let text = edit(
            &text,
            "  model: contractual",
            "  // TODO: check the model\n  model: contractual",
        );
        assert!(reported(&text).is_empty());
    }

    #[test]
    fn text_blocks_show_the_line_with_the_todo() {
        let text = edit(
            PASS,
            "      Neither party announces the alliance without the other's written consent.\n",
            "      Neither party announces the alliance without the other's written consent.\n      TODO: agree the press release.\n",
        );
        assert_eq!(
            reported(&text),
            ["this text still contains a `TODO`: \"TODO: agree the press release.\""]
        );
    }

    #[test]
    fn long_strings_are_cut() {
        let long = format!("\"{} TODO: decide {}\"", "x".repeat(70), "y".repeat(70));
        let at = long.find("TODO").unwrap_or_default();
        let shown = excerpt(&long, at);
        assert!(shown.starts_with("\"…TODO: decide y"), "{shown}");
        assert!(shown.ends_with("…\""), "{shown}");
        assert_eq!(excerpt("\"TODO\"", 1), "\"TODO\"");
    }
}
