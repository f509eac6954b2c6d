//! The redline as Markdown, ready to post as a pull-request comment: the verdict on one
//! line, then one table per section with each change, its old and new value and its
//! impact.
//!
//! Every piece of user text (summaries name parties and titles; values are user text) goes
//! through [`escape::cell`], so that it can never break a table or become markup, a link or
//! HTML; the only HTML is `<br>` between the lines of a value. Reworded prose shows its new
//! text with the deleted words struck (`~~…~~`) and the inserted ones in bold.

use super::{is_new_agreement, verdict, Change, Impact, Section, WordOp, Words};
use crate::emit::escape;

/// What a cell shows for a value that is absent.
const NONE: &str = "—";

/// The Markdown redline of `changes` (as [`super::diff`] returns them), with a final newline.
pub fn markdown(changes: &[Change]) -> String {
    let mut out = format!("**{}**\n", verdict(changes));
    if is_new_agreement(changes) {
        let title = changes
            .first()
            .and_then(|c| c.new.as_deref())
            .filter(|t| !t.is_empty())
            .map_or_else(
                || "This agreement".to_string(),
                |t| format!("“{}”", escape::inline(t)),
            );
        out.push_str(&format!(
            "\n{title} has no earlier version to compare with: every term in it is new.\n"
        ));
        return out;
    }
    let mut section: Option<Section> = None;
    for change in changes {
        if section != Some(change.section) {
            section = Some(change.section);
            out.push_str(&format!(
                "\n### {}\n\n| Change | Old | New | Impact |\n|---|---|---|---|\n",
                change.section.title()
            ));
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(Some(&change.summary)),
            cell(change.old.as_deref()),
            match &change.wording {
                Some(words) => redline(words),
                None => cell(change.new.as_deref()),
            },
            impact(change.impact),
        ));
    }
    out
}

fn cell(text: Option<&str>) -> String {
    match text.map(escape::cell) {
        Some(t) if !t.is_empty() => t,
        _ => NONE.to_string(),
    }
}

/// The new text with the deleted words struck and the inserted ones in bold, each run
/// escaped on its own; the delimiters sit against the words (Markdown ignores them beside a
/// space), the spacing outside them.
fn redline(words: &[Words]) -> String {
    let mut out = String::new();
    let mut previous: Option<WordOp> = None;
    for run in words {
        // "~~consent.~~ **consent,**", not "~~consent.~~**consent,**".
        if previous.is_some_and(|p| p != WordOp::Kept && p != run.op)
            && !out.ends_with(' ')
            && !run.text.starts_with(char::is_whitespace)
        {
            out.push(' ');
        }
        previous = Some(run.op);
        let text = run.text.as_str();
        let (lead, rest) = text.split_at(text.len() - text.trim_start().len());
        let core = rest.trim_end();
        let trail = &rest[core.len()..];
        let space = |s: &str| {
            if s.contains('\n') {
                "<br>"
            } else if s.is_empty() {
                ""
            } else {
                " "
            }
        };
        out.push_str(space(lead));
        if !core.is_empty() {
            let escaped = escape::cell(core);
            match run.op {
                WordOp::Kept => out.push_str(&escaped),
                WordOp::Deleted => out.push_str(&format!("~~{escaped}~~")),
                WordOp::Inserted => out.push_str(&format!("**{escaped}**")),
            }
        }
        out.push_str(space(trail));
    }
    if out.trim().is_empty() {
        NONE.to_string()
    } else {
        out
    }
}

fn impact(impact: Impact) -> &'static str {
    match impact {
        Impact::Major => "**major**",
        Impact::Minor => "minor",
        Impact::Editorial => "editorial",
    }
}
