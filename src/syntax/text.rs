//! Token-level helpers: trivia, resynchronisation, string escapes, text-block indentation,
//! money amounts, dates and units.

use super::ast::{RawDate, Unit};
use rust_decimal::Decimal;

/// Keywords of the blocks that stand at the top level of an agreement. After a syntax
/// error, parsing resumes at the next line that starts with one of them followed by a
/// label or `{`. (A test in `schema` keeps this list equal to the schema's.)
pub const TOP_LEVEL_BLOCKS: &[&str] = &[
    "party",
    "side",
    "document",
    "equity",
    "entity",
    "governance",
    "contributions",
    "sharing",
    "liability",
    "ip",
    "compliance",
    "confidentiality",
    "covenants",
    "metrics",
    "disputes",
    "exit",
    "clause",
];

/// Skip whitespace and `//` comments from `pos`.
pub(crate) fn skip_trivia(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        match bytes[pos] {
            b' ' | b'\t' | b'\r' | b'\n' => pos += 1,
            b'/' if bytes.get(pos + 1) == Some(&b'/') => {
                pos = bytes[pos..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| pos + p);
            }
            0xEF if bytes[pos..].starts_with("\u{FEFF}".as_bytes()) => pos += 3,
            _ => break,
        }
    }
    pos
}

/// Whether the item at `pos` is `key: …` (an identifier, optional spaces, then `:`).
pub(crate) fn is_attribute_start(text: &str, pos: usize) -> bool {
    let rest = text.as_bytes().get(pos..).unwrap_or_default();
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    name > 0
        && rest[name..]
            .iter()
            .find(|b| !matches!(b, b' ' | b'\t'))
            .is_some_and(|&b| b == b':')
}

/// 1-based line number of a byte offset.
pub(crate) fn line_number(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .get(..offset)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
        + 1
}

/// The start of the line after the one holding `offset` (or the end of the text).
pub(crate) fn next_line(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .get(offset..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(text.len(), |p| offset + p + 1)
}

/// The start of the first line after the one holding `offset` that begins a top-level
/// block (`party x "…" {`, `governance {`), or the agreement's closing `}` at the start of
/// a line.
pub(crate) fn resync(text: &str, offset: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line_start = bytes
        .get(offset..)?
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| offset + p + 1)?;
    while line_start < bytes.len() {
        let line_end = bytes[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| line_start + p);
        let line = text.get(line_start..line_end).unwrap_or_default();
        let trimmed = line.trim_start();
        if starts_top_level_block(trimmed) || line.starts_with('}') {
            return Some(line_start + (line.len() - trimmed.len()));
        }
        line_start = line_end + 1;
    }
    None
}

fn starts_top_level_block(line: &str) -> bool {
    TOP_LEVEL_BLOCKS.iter().any(|kw| {
        line.strip_prefix(kw).is_some_and(|rest| {
            let after = rest.trim_start();
            (rest.starts_with([' ', '\t']) || rest.starts_with('{'))
                && after
                    .chars()
                    .next()
                    .is_some_and(|c| c == '{' || c == '"' || c.is_ascii_alphabetic() || c == '_')
        })
    })
}

/// An escape sequence in a string that Charter does not know.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BadEscape {
    /// Byte offset in the string token (quotes included).
    pub offset: usize,
    pub len: usize,
    pub text: String,
}

/// Resolve the escapes of a string token (`"…"`, quotes included).
pub(crate) fn unescape(token: &str) -> Result<String, BadEscape> {
    let inner = token
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(token);
    if !inner.contains('\\') {
        return Ok(inner.to_string());
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let bad = |len: usize| BadEscape {
            offset: i + 1,
            len,
            text: inner.get(i..i + len).unwrap_or("\\").to_string(),
        };
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, 'n')) => out.push('\n'),
            Some((_, 't')) => out.push('\t'),
            Some((_, 'u')) => {
                let rest = inner.get(i + 2..).unwrap_or_default();
                let Some(body) = rest.strip_prefix('{').and_then(|r| r.split_once('}')) else {
                    return Err(bad(2));
                };
                let hex = body.0;
                let code = u32::from_str_radix(hex, 16).ok().filter(|_| {
                    !hex.is_empty() && hex.len() <= 6 && hex.bytes().all(|b| b.is_ascii_hexdigit())
                });
                match code.and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => return Err(bad(hex.len() + 4)),
                }
                // Skip `{`, the hex digits and `}`.
                for _ in 0..hex.chars().count() + 2 {
                    chars.next();
                }
            }
            Some((_, other)) => return Err(bad(1 + other.len_utf8())),
            None => return Err(bad(1)),
        }
    }
    Ok(out)
}

/// The content of a text block token (`"""` … `"""`): the common indentation of the content
/// lines and of the closing `"""` removed, trailing spaces removed, no trailing newline.
/// Lines holding only white space do not count toward the common indentation.
pub(crate) fn dedent(token: &str) -> String {
    let body = token
        .strip_prefix("\"\"\"")
        .and_then(|s| s.strip_suffix("\"\"\""))
        .unwrap_or(token);
    // Drop the rest of the opening line (only white space is allowed there).
    let body = body.split_once('\n').map_or("", |(_, rest)| rest);
    let lines: Vec<&str> = body
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let Some((last, content)) = lines.split_last() else {
        return String::new();
    };
    let closing_alone = last.trim().is_empty();
    let indent_of = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let mut indent = content
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent_of(l))
        .min()
        .unwrap_or(usize::MAX);
    indent = indent.min(indent_of(last));
    let kept: &[&str] = if closing_alone { content } else { &lines };
    let mut out = String::with_capacity(body.len());
    for (n, line) in kept.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let cut = line.get(indent.min(indent_of(line))..).unwrap_or_default();
        out.push_str(cut.trim_end());
    }
    out
}

/// `2027-01-01` → its parts (calendar validity is checked by the schema).
pub(crate) fn date(token: &str) -> Option<RawDate> {
    let year = token.get(0..4)?.parse().ok()?;
    let month = token.get(5..7)?.parse().ok()?;
    let day = token.get(8..10)?.parse().ok()?;
    Some(RawDate { year, month, day })
}

/// `90 days` → (`90`, ` days`); `55%` → (`55`, `%`): a number-like token's digits (with
/// their decimal point) and what follows them.
pub(crate) fn split_number(token: &str) -> (&str, &str) {
    let end = token
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b'.'))
        .unwrap_or(token.len());
    token.split_at(end)
}

pub(crate) fn unit(token: &str) -> Option<Unit> {
    let word = token.split_whitespace().last()?;
    let business = token.starts_with("business");
    Some(match word {
        "day" | "days" if business => Unit::BusinessDays,
        "day" | "days" => Unit::Days,
        "hour" | "hours" => Unit::Hours,
        "week" | "weeks" => Unit::Weeks,
        "month" | "months" => Unit::Months,
        "year" | "years" => Unit::Years,
        _ => return None,
    })
}

/// A number written in words (`six`, `Thirty`), as digits.
pub(crate) fn number_word(word: &str) -> Option<u32> {
    const WORDS: &[(&str, u32)] = &[
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("fourteen", 14),
        ("fifteen", 15),
        ("eighteen", 18),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fortyfive", 45),
        ("sixty", 60),
        ("ninety", 90),
        ("hundred", 100),
    ];
    let lower = word.to_ascii_lowercase();
    WORDS.iter().find(|(w, _)| *w == lower).map(|(_, n)| *n)
}

/// What is wrong with a money amount.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum AmountProblem {
    Grouping,
    TooManyDecimals,
    SeveralPoints,
    /// Well formed, but with more digits than Charter can hold exactly.
    TooManyDigits(usize),
}

impl AmountProblem {
    pub fn message(&self, token: &str) -> String {
        match self {
            AmountProblem::Grouping => format!(
                "the amount `{token}` has its commas in the wrong places: commas may only separate groups of three digits"
            ),
            AmountProblem::TooManyDecimals => {
                format!("the amount `{token}` has more than two decimals")
            }
            AmountProblem::SeveralPoints => {
                format!("the amount `{token}` has more than one decimal point")
            }
            AmountProblem::TooManyDigits(digits) => format!(
                "this amount has {digits} digits; Charter handles amounts of up to {MAX_DIGITS} digits"
            ),
        }
    }

    pub fn help(&self) -> &'static str {
        match self {
            AmountProblem::Grouping => {
                "write the amount with commas every three digits, as in `USD 1,200,000`, or with none, as in `USD 1200000`"
            }
            AmountProblem::TooManyDecimals => {
                "amounts are kept to the cent: write at most two decimals, as in `EUR 250000.50`"
            }
            AmountProblem::SeveralPoints => {
                "use a point only for decimals (`EUR 250000.50`) and commas for thousands (`EUR 250,000.50`)"
            }
            AmountProblem::TooManyDigits(_) => TOO_MANY_DIGITS_HELP,
        }
    }
}

/// Check and read a money amount token: digits, optional comma groups of three, at most
/// two decimals. Exact (no floating point).
pub(crate) fn amount(token: &str) -> Result<Decimal, AmountProblem> {
    let (whole, fraction) = match token.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (token, None),
    };
    if let Some(f) = fraction {
        if f.contains('.') {
            return Err(AmountProblem::SeveralPoints);
        }
        if f.contains(',') {
            return Err(AmountProblem::Grouping);
        }
        if f.len() > 2 {
            return Err(AmountProblem::TooManyDecimals);
        }
    }
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return Err(AmountProblem::Grouping);
        }
    }
    let digits: String = token.chars().filter(|&c| c != ',').collect();
    Decimal::from_str_exact(&digits)
        .map_err(|_| AmountProblem::TooManyDigits(significant_digits(&digits)))
}

/// Charter keeps numbers exact in 96 bits (`rust_decimal`): every number of up to this many
/// digits, and some of 29.
pub(crate) const MAX_DIGITS: usize = 28;

pub(crate) const TOO_MANY_DIGITS_HELP: &str = "check the number: Charter keeps every number exact, and no term of an agreement needs this many digits";

/// What to say about a number (digits, at most one point) that Charter cannot hold
/// exactly: too many digits, or too many decimal places.
pub(crate) fn too_many_digits(number: &str) -> String {
    let places = number.split_once('.').map_or(0, |(_, f)| f.len());
    if places > MAX_DIGITS {
        format!("this number has {places} decimal places; Charter handles up to {MAX_DIGITS}")
    } else {
        format!(
            "this number has {} digits; Charter handles numbers of up to {MAX_DIGITS} digits",
            significant_digits(number)
        )
    }
}

/// The digits of a number, less leading zeros.
fn significant_digits(number: &str) -> usize {
    number
        .trim_start_matches(['0', '.'])
        .bytes()
        .filter(u8::is_ascii_digit)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            unescape(r#""a\"b\\c\nd\te""#).ok().as_deref(),
            Some("a\"b\\c\nd\te")
        );
        assert_eq!(
            unescape(r#""smile \u{1F600}!""#).ok().as_deref(),
            Some("smile 😀!")
        );
        let bad = unescape(r#""x\qy""#).err();
        assert_eq!(
            bad.map(|b| (b.offset, b.text)),
            Some((2, "\\q".to_string()))
        );
        assert!(unescape(r#""\u{110000}""#).is_err());
        assert!(unescape(r#""\u{}""#).is_err());
    }

    #[test]
    fn text_blocks_lose_common_indentation() {
        let token = "\"\"\"\n      First line.\n        Indented.\n\n      Last.\n      \"\"\"";
        assert_eq!(dedent(token), "First line.\n  Indented.\n\nLast.");
        // The closing delimiter counts toward the indentation.
        let token = "\"\"\"\n    a\n  \"\"\"";
        assert_eq!(dedent(token), "  a");
        // Closing delimiter on a content line.
        let token = "\"\"\"\n  a\n  b\"\"\"";
        assert_eq!(dedent(token), "a\nb");
        assert_eq!(dedent("\"\"\"\r\n  crlf\r\n  \"\"\""), "crlf");
    }

    #[test]
    fn amounts() {
        assert_eq!(
            amount("1,200,000").ok(),
            Decimal::from_str_exact("1200000").ok()
        );
        assert_eq!(
            amount("250000.50").ok(),
            Decimal::from_str_exact("250000.50").ok()
        );
        assert_eq!(amount("1,20,000"), Err(AmountProblem::Grouping));
        assert_eq!(amount("1200,000"), Err(AmountProblem::Grouping));
        assert_eq!(amount("1.234"), Err(AmountProblem::TooManyDecimals));
        assert_eq!(amount("1.200.000"), Err(AmountProblem::SeveralPoints));
        let forty = "1234567890".repeat(4);
        assert_eq!(amount(&forty), Err(AmountProblem::TooManyDigits(40)));
        assert!(amount(&"9".repeat(28)).is_ok());
    }

    #[test]
    fn numbers_too_long_to_hold_say_why() {
        assert_eq!(
            too_many_digits(&"1".repeat(31)),
            "this number has 31 digits; Charter handles numbers of up to 28 digits"
        );
        assert_eq!(
            too_many_digits(&format!("0.{}", "1".repeat(30))),
            "this number has 30 decimal places; Charter handles up to 28"
        );
        assert_eq!(significant_digits("000123.40"), 5);
    }

    #[test]
    fn resync_finds_the_next_top_level_block() {
        let text = "  party a \"A\" {\n    role: \"x\n  }\n  party b \"B\" {\n";
        let at = text.find("\"x").unwrap_or(0);
        assert_eq!(resync(text, at), text.find("party b"));
        // `party:` is an attribute, not a block.
        assert_eq!(resync("x\n  party: a\n", 0), None);
    }
}
