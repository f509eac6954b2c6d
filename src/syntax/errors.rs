//! Turning pest's errors into messages for people.
//!
//! Every grammar rule that can be expected at an error position has a human name here
//! ("a duration such as `90 days`"). The message says what was expected, what was found,
//! and, for the mistakes people make most, what to do.

use super::detailed::Rule;
use super::SYNTAX_ERROR;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use pest::error::{Error, ErrorVariant, InputLocation};

/// Byte offset of an error, relative to the text pest was given.
pub(super) fn error_offset<R: pest::RuleType>(err: &Error<R>) -> usize {
    match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

/// What stands at an offset, in words, and how many bytes of it to underline.
pub(super) struct Found {
    pub what: String,
    pub len: usize,
}

pub(super) fn found(text: &str, at: usize) -> Found {
    let rest = text.get(at..).unwrap_or_default();
    let Some(c) = rest.chars().next() else {
        return Found {
            what: "the end of the file".into(),
            len: 0,
        };
    };
    if c == '\n' || c == '\r' {
        return Found {
            what: "the end of the line".into(),
            len: 0,
        };
    }
    let word_len = rest
        .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .unwrap_or(rest.len());
    if word_len > 0 {
        let word = &rest[..word_len];
        let shown: String = word.chars().take(30).collect();
        let what = if word.chars().all(|ch| ch.is_ascii_digit()) {
            format!("the number `{shown}`")
        } else {
            format!("`{shown}`")
        };
        return Found {
            what,
            len: word_len,
        };
    }
    Found {
        what: format!("`{c}`"),
        len: c.len_utf8(),
    }
}

/// The error for text that Charter cannot read, when nothing more precise can be said.
pub(super) fn unreadable(text: &str, at: usize) -> Diagnostic {
    let found = found(text, at);
    Diagnostic::error(
        SYNTAX_ERROR,
        Span::from_range(at, at + found.len),
        format!("Charter cannot read {} here", found.what),
    )
    .with_help("compare this line with the examples in docs/language.md")
}

/// A human name for each rule that can be expected at an error.
fn human(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::agreement_kw => "`agreement`",
        Rule::ident | Rule::item | Rule::item_at => {
            "a key or a block, such as `purpose:` or `party`"
        }
        Rule::colon => "`:`",
        Rule::comma => "`,`",
        Rule::open_brace => "`{`",
        Rule::close_brace => "`}`",
        Rule::close_bracket => "`]`",
        Rule::entry => "an entry such as `northwind: 55%`",
        Rule::string => "a string in double quotes, such as \"England and Wales\"",
        Rule::text_block => "a text block between `\"\"\"` lines",
        Rule::list => "a list such as `[a, b]`",
        Rule::map => "a map such as `{ northwind: 55%, contoso: 45% }`",
        Rule::bound => "a target such as `>= USD 5,000,000`",
        Rule::comparator => "a comparison (`>=`, `<=`, `>`, `<` or `=`)",
        Rule::money => "an amount such as `USD 1,200,000`",
        Rule::currency => "a three-letter currency code such as `USD`",
        Rule::amount => "an amount such as `1,200,000`",
        Rule::numeric | Rule::number => "a number such as `3`",
        Rule::date => "a date such as `2027-01-01`",
        Rule::percent_sign => "`%`",
        Rule::ratio_tail => "a ratio such as `2/3`",
        Rule::duration_tail | Rule::unit => {
            "a unit of time (days, business days, weeks, months or years)"
        }
        Rule::word => "a word such as `quarterly`",
        Rule::rule_name => "a rule name such as `no-mediation`",
        _ => return None,
    })
}

const VALUE_RULES: &[Rule] = &[
    Rule::text_block,
    Rule::string,
    Rule::list,
    Rule::map,
    Rule::bound,
    Rule::money,
    Rule::numeric,
    Rule::word,
    Rule::rule_name,
];

/// Describe a failed item parse. `start` is where the item began, `at` the error offset
/// (both absolute).
pub(super) fn describe(text: &str, start: usize, at: usize, err: &Error<Rule>) -> Diagnostic {
    if super::guard::is_limit_error(err) {
        return super::guard::too_complex(text, start);
    }
    let positives: Vec<Rule> = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let found = found(text, at);
    let span = Span::from_range(at, at + found.len);
    let here = text.get(at..).unwrap_or_default();
    let line_rest = here.split('\n').next().unwrap_or_default();

    // An unclosed string: pest stops at its opening quote.
    if here.starts_with('"') && !here.starts_with("\"\"\"") && !closes_on_line(line_rest) {
        return Diagnostic::error(
            SYNTAX_ERROR,
            Span::from_range(at, at + line_rest.trim_end().len()),
            "this string is not closed: a string ends with `\"` on the same line",
        )
        .with_help("add the closing `\"`; for text over several lines, use a text block between `\"\"\"` lines");
    }
    if here.starts_with("\"\"\"") && !here[3..].contains("\"\"\"") {
        return Diagnostic::error(
            SYNTAX_ERROR,
            Span::from_range(at, at + 3),
            "this text block is not closed: it needs a closing `\"\"\"`",
        )
        .with_help("put `\"\"\"` on a line of its own after the last line of the text");
    }

    let wants_value = positives.iter().any(|r| VALUE_RULES.contains(r));
    let before = text.get(start..at).unwrap_or_default().trim_end();

    // `key = value`, `key value`: an item name not followed by `:` or a block.
    if positives.contains(&Rule::colon) && !wants_value {
        let name = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or(before);
        let help = if here.starts_with('=') {
            format!("write `{name}: …` with a colon, not `=`")
        } else {
            format!("write `{name}: value` for an attribute, or `{name} {{ … }}` for a block")
        };
        return Diagnostic::error(
            SYNTAX_ERROR,
            span,
            format!("expected `:` after `{name}`, but found {}", found.what),
        )
        .with_help(help);
    }

    if wants_value && before.ends_with(':') {
        let key = before[..before.len() - 1]
            .rsplit(|c: char| c.is_whitespace() || c == '{' || c == ',')
            .next()
            .unwrap_or_default();
        let mut d = Diagnostic::error(
            SYNTAX_ERROR,
            span,
            format!("`{key}:` needs a value here, but found {}", found.what),
        )
        .with_help("give a value after the colon: a word, number, percentage, amount, duration, date, string, list or map");
        if let Some(hint) = value_hint(here) {
            d = d.with_help(hint);
        }
        return d;
    }

    let mut names: Vec<&str> = Vec::new();
    if wants_value {
        names.push(
            "a value (a word, number, percentage, amount, duration, date, string, list or map)",
        );
    }
    for rule in &positives {
        if wants_value && VALUE_RULES.contains(rule) {
            continue;
        }
        if let Some(name) = human(*rule) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let expected = match names.as_slice() {
        [] => "something else".to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    let mut d = Diagnostic::error(
        SYNTAX_ERROR,
        span,
        format!("expected {expected}, but found {}", found.what),
    );
    if found.len == 0 && here.is_empty() {
        d = d.with_help("the file ends too early: check that every `{`, `[` and `\"` is closed");
    } else if let Some(hint) = value_hint(here) {
        d = d.with_help(hint);
    } else if positives.contains(&Rule::close_brace) && !wants_value {
        d = d.with_help("a block holds `key: value` lines and other blocks, and ends with `}`");
    }
    d
}

fn closes_on_line(line: &str) -> bool {
    let mut escaped = false;
    for c in line.chars().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return true,
            _ => escaped = false,
        }
    }
    false
}

/// Advice for values people often write in a form Charter does not read.
fn value_hint(here: &str) -> Option<&'static str> {
    let token: String = here
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '}' | ']'))
        .collect();
    let first = token.chars().next()?;
    if matches!(first, '$' | '€' | '£' | '¥') {
        return Some(
            "write money with its ISO currency code, as in `USD 1,200,000` or `EUR 250,000`",
        );
    }
    if first.is_ascii_digit() && token.contains(',') {
        return Some("numbers have no thousands separators; for money, put the currency code first, as in `USD 1,200,000`");
    }
    if first.is_ascii_digit() && token.chars().filter(|&c| c == '-' || c == '/').count() >= 2 {
        return Some("write dates as year-month-day, as in `2027-01-01`");
    }
    None
}
