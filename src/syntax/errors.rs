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
            "a unit of time (hours, days, business days, weeks, months or years)"
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
    if let Some(d) = foreign_in_name(text, at) {
        return d;
    }
    let positives: Vec<Rule> = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let found = found(text, at);
    let span = Span::from_range(at, at + found.len);
    let here = text.get(at..).unwrap_or_default();
    let line_rest = here.split('\n').next().unwrap_or_default();

    // A text block that cannot be read: pest reads `""` as an empty string and stops at
    // the third quote, which is no string's start.
    let before_here = text.get(..at).unwrap_or_default();
    if here.starts_with('"') && !here.starts_with("\"\"") && before_here.ends_with("\"\"") {
        let open = at - 2;
        let after = here.get(1..).unwrap_or_default();
        let rest_of_line = after.split('\n').next().unwrap_or_default();
        if !rest_of_line.trim().is_empty() {
            return Diagnostic::error(
                SYNTAX_ERROR,
                Span::from_range(open, open + 3),
                "a text block's opening `\"\"\"` must end its line, but text follows it here",
            )
            .with_help("start the text on the line after `\"\"\"`, and put the closing `\"\"\"` on a line of its own; if this `\"\"\"` was meant to close a text block above, that text block was closed earlier than intended");
        }
        if !after.contains("\"\"\"") {
            return Diagnostic::error(
                SYNTAX_ERROR,
                Span::from_range(open, open + 3),
                "this text block is not closed: it needs a closing `\"\"\"`",
            )
            .with_help("put `\"\"\"` on a line of its own after the last line of the text");
        }
    }
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

    if let Some(d) = grouped_number(text, at) {
        return d;
    }

    let wants_value = positives.iter().any(|r| VALUE_RULES.contains(r));
    let before = text.get(start..at).unwrap_or_default().trim_end();

    // `key = value`, `key value`: an item name not followed by `:` or a block.
    if positives.contains(&Rule::colon) && !wants_value {
        let name = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or(before);
        if is_exponent_number(name) {
            let name_start = start + before.len() - name.len();
            return Diagnostic::error(
                SYNTAX_ERROR,
                Span::from_range(name_start, start + before.len()),
                format!(
                    "`{name}` is a number written with an exponent, which Charter does not read"
                ),
            )
            .with_help("write the number out in full, as in `1000000` rather than `1e6`");
        }
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

/// `shares: 126,839`: a plain number with thousands separators, which only amounts take
/// (SPEC §2: a number has none). The parser stops at the first comma.
fn grouped_number(text: &str, at: usize) -> Option<Diagnostic> {
    let before = text.get(..at)?;
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let lead = before.get(..before.len() - digits)?;
    // The number starts a value: after `: `, `[`, `{` or a space, not inside a word.
    if digits == 0
        || digits > 3
        || lead.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
    {
        return None;
    }
    let rest = text.get(at..)?;
    let mut end = 0;
    while let Some(group) = rest.get(end..end + 4) {
        let mut chars = group.chars();
        if chars.next() == Some(',') && chars.all(|c| c.is_ascii_digit()) {
            end += 4;
        } else {
            break;
        }
    }
    let after = rest.get(end..).unwrap_or_default();
    if end == 0 || after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let start = at - digits;
    let written = text.get(start..at + end)?;
    let plain: String = written.chars().filter(|c| *c != ',').collect();
    Some(
        Diagnostic::error(
            SYNTAX_ERROR,
            Span::from_range(start, at + end),
            format!("`{written}` is a number written with thousands separators, which only amounts take"),
        )
        .with_help(format!(
            "write it without commas: `{plain}` (an amount of money keeps them: `USD {written}`)"
        )),
    )
}

/// A name (an id or a key) with a character Charter does not accept in names at `at`: a
/// letter from another alphabet that may look like a Latin one (`U+0430 CYRILLIC SMALL
/// LETTER A`), an accented letter, or an invisible character. The message names it by its
/// code point, since the reader may not be able to see what is wrong.
fn foreign_in_name(text: &str, at: usize) -> Option<Diagnostic> {
    let c = text.get(at..)?.chars().next()?;
    if c.is_ascii() {
        return None;
    }
    let hidden = crate::unicode::hidden(c).is_some();
    let in_name =
        |ch: char| ch.is_alphanumeric() || ch == '_' || crate::unicode::hidden(ch).is_some();
    let before = text.get(..at)?;
    let after_name = before
        .chars()
        .next_back()
        .is_some_and(|p| p.is_ascii_alphanumeric() || p == '_');
    if !(c.is_alphabetic() || (hidden && after_name)) {
        return None;
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, ch)| in_name(ch))
        .last()
        .map_or(at, |(i, _)| i);
    let rest = text.get(at..)?;
    let end = at + rest.find(|ch: char| !in_name(ch)).unwrap_or(rest.len());
    let word = text.get(start..end)?;
    let (message, help) = if hidden {
        (
            format!("`{word}` has an invisible character in it, {}", crate::unicode::describe(c)),
            "delete the invisible character: names (ids and keys) use only the letters a–z and A–Z, the digits 0–9 and `_`",
        )
    } else {
        (
            format!(
                "`{word}` has the character `{c}` ({}), which Charter does not accept in a name",
                crate::unicode::describe(c)
            ),
            "names (ids and keys) use only the letters a–z and A–Z, the digits 0–9 and `_`, so that a name that looks right is right; a letter from another alphabet can look like a Latin one. Write the name in full, accents and all, in the title string, as in `party societe \"Société Générale\"`",
        )
    };
    Some(
        Diagnostic::error(
            SYNTAX_ERROR,
            Span::from_range(at, at + c.len_utf8()),
            message,
        )
        .with_help(help),
    )
}

/// `1e400`, `2.5E-3`: a number in scientific notation.
fn is_exponent_number(word: &str) -> bool {
    let Some((mantissa, exponent)) = word.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(mantissa),
    };
    mantissa_ok && digits(exponent)
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
