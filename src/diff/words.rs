//! Prose compared word by word: what a rewording changed, whether only punctuation did, the
//! new text as runs of kept, deleted and inserted words, and the rule that words changed are
//! never editorial.

use super::value::V;
use super::{Impact, WordOp, Words};

/// What a rewording changed, when it is a short run of words: "“1%” replaced by “2%”",
/// "“or is acquired” inserted", "“annual” deleted".
pub(super) fn reword(old: &str, new: &str) -> Option<String> {
    const MAX_WORDS: usize = 12;
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == 0 && suffix == 0 {
        return None; // nothing in common: the old and new values say it all
    }
    let removed = a.get(prefix..a.len() - suffix)?;
    let added = b.get(prefix..b.len() - suffix)?;
    if removed.len() > MAX_WORDS || added.len() > MAX_WORDS {
        return None;
    }
    // A pure insertion or deletion slides left as far as it can, so that "insolvent or
    // stops" → "insolvent or is acquired or stops" reads "“or is acquired” inserted".
    let slide = |words: &[&str], from: usize, len: usize| {
        let mut at = from;
        while at > 0 && len > 0 && words.get(at - 1) == words.get(at + len - 1) {
            at -= 1;
        }
        at
    };
    let (removed, added) = match (removed.len(), added.len()) {
        (0, n) => {
            let at = slide(&b, prefix, n);
            (removed, b.get(at..at + n)?)
        }
        (n, 0) => {
            let at = slide(&a, prefix, n);
            (a.get(at..at + n)?, added)
        }
        _ => (removed, added),
    };
    match (removed.is_empty(), added.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("“{}” deleted", removed.join(" "))),
        (true, false) => Some(format!("“{}” inserted", added.join(" "))),
        (false, false) => Some(format!(
            "“{}” replaced by “{}”",
            removed.join(" "),
            added.join(" ")
        )),
    }
}

/// Words added, removed or changed are never editorial: a note, a purpose or a clause that
/// now says something else must be read. Other values keep the impact of their term.
pub(super) fn prose_impact(v: &V<'_>, impact: Impact) -> Impact {
    if v.is_prose() && impact == Impact::Editorial {
        Impact::Minor
    } else {
        impact
    }
}

/// Whether two texts have the same words, whatever their punctuation, capitals and spacing.
pub(super) fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// Texts longer than this (in words, together) get no word-by-word redline: the old and new
/// texts are still shown in full, and the comparison stays linear in the size of the file.
const MAX_REDLINE_WORDS: usize = 20_000;

/// The new text word by word against the old: runs of words kept, deleted and inserted.
pub(super) fn wording(old: &str, new: &str) -> Option<Vec<Words>> {
    if old.split_whitespace().count() + new.split_whitespace().count() > MAX_REDLINE_WORDS {
        return None;
    }
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_words(old, new);
    let mut runs: Vec<Words> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        let op = match change.tag() {
            similar::ChangeTag::Equal => WordOp::Kept,
            similar::ChangeTag::Delete => WordOp::Deleted,
            similar::ChangeTag::Insert => WordOp::Inserted,
        };
        // Spacing goes with the run it follows, so that a run of changed words reads as
        // one struck phrase and one inserted phrase.
        match runs.last_mut() {
            Some(last) if last.op == op || text.trim().is_empty() => last.text.push_str(text),
            _ => runs.push(Words {
                op,
                text: text.to_string(),
            }),
        }
    }
    Some(runs)
}
