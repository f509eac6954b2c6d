//! Escaping user text for Markdown, so that it can never break a table, add markup, raw
//! HTML or a link — on GitHub (CommonMark with GFM tables, strikethrough and extended
//! autolinks), in pulldown-cmark and through pandoc.
//!
//! - Characters that are markup wherever they stand get a backslash (CommonMark lets any
//!   ASCII punctuation be escaped): `` \ ` * _ [ ] < > # | ~ ^ $ @ { } & ! = ``. `@` and the
//!   brackets also cover pandoc's citations, spans and attributes; `$` its maths.
//! - Characters that are markup only in some places are escaped there: `-` and `+` at the
//!   start of a line (list items, thematic breaks, setext headings), the `.` or `)` after
//!   digits at the start of a line (ordered lists), `:` at the start of a line (pandoc
//!   definition lists).
//! - Links cannot form: `<` and `[` are escaped; GitHub's extended autolinks need `://`,
//!   `www.` or `name@domain.tld`, so a `:` before `/`, a `.` before a letter or digit and
//!   every `@` are escaped.
//! - Whitespace: lines are trimmed (no indented code, no hard breaks from trailing spaces),
//!   control characters become spaces.
//! - Direction controls and invisible characters (see [`crate::unicode`]) are shown by
//!   their code point, `[U+202E]`, so that they cannot reorder or hide what is displayed.
//!
//! Parentheses, commas, full stops at the end of a sentence and quotes are left alone:
//! once brackets are escaped they are never markup, and the raw Markdown stays readable.

/// One line of user text for a paragraph, a list item or a heading: line breaks and runs of
/// white space become one space.
pub fn inline(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    line(&joined)
}

/// User text for a table cell: line breaks become `<br>` (the only HTML the term sheet
/// holds), blank lines are dropped.
pub fn cell(text: &str) -> String {
    lines(text)
        .filter(|l| !l.is_empty())
        .map(|l| line(&l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Prose that may hold several lines and paragraphs (a text block): paragraphs are
/// separated by a blank line, lines within a paragraph by a line break in the source, which
/// Markdown reads as a space.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for l in lines(text) {
        if l.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line(&l));
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// The lines of `text`, trimmed, with control characters as spaces.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('\n').map(|l| {
        l.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .trim()
            .to_string()
    })
}

/// Escape one line (no line breaks in it).
fn line(text: &str) -> String {
    let chars: Vec<char> = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    // Digits at the start of the line: a `.` or `)` right after them would start a list.
    let leading_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        if crate::unicode::hidden(c).is_some() {
            // Shown by its code point, `[U+202E]`: it can neither reorder nor hide text.
            out.push_str(&format!("\\[{}\\]", crate::unicode::code_point(c)));
            continue;
        }
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '^' | '$' | '@'
            | '{' | '}' | '&' | '!' | '=' => true,
            '-' | '+' | ':' => i == 0 || (c == ':' && next == Some('/')),
            '.' | ')' if leading_digits > 0 && i == leading_digits => true,
            '.' => dot_links(&chars, i),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the `.` at `i` could join a link: before a letter or digit (`evil.example`), but
/// not inside a capitals abbreviation (`S.A.`, `K.K.`); always after `www`.
fn dot_links(chars: &[char], i: usize) -> bool {
    let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
    let next = chars.get(i + 1).copied();
    let www = i >= 3
        && chars
            .get(i - 3..i)
            .is_some_and(|w| w.iter().all(|c| c.eq_ignore_ascii_case(&'w')));
    let abbreviation = prev.is_some_and(|c| c.is_ascii_uppercase())
        && next.is_some_and(|c| c.is_ascii_uppercase());
    www || (next.is_some_and(char::is_alphanumeric) && !abbreviation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_shown_by_their_code_point() {
        assert_eq!(inline("55%\u{202E} and 45%"), r"55%\[U+202E\] and 45%");
        assert_eq!(cell("a\u{200B}b"), r"a\[U+200B\]b");
        assert_eq!(inline("\u{2067}x"), r"\[U+2067\]x");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(inline("**bold** _it_"), r"\*\*bold\*\* \_it\_");
        assert_eq!(inline("a | b"), r"a \| b");
        assert_eq!(inline("<script>"), r"\<script\>");
        assert_eq!(inline("[x](http://evil)"), r"\[x\](http\://evil)");
        assert_eq!(inline("`code`"), r"\`code\`");
        assert_eq!(inline(r"back\slash"), r"back\\slash");
        assert_eq!(inline("Fenwick & Daughters"), r"Fenwick \& Daughters");
    }

    #[test]
    fn line_starts_are_protected() {
        assert_eq!(inline("# Title"), r"\# Title");
        assert_eq!(inline("- item"), r"\- item");
        assert_eq!(inline("+ item"), r"\+ item");
        assert_eq!(inline("1. first"), r"1\. first");
        assert_eq!(inline("12) twelfth"), r"12\) twelfth");
        assert_eq!(inline("> quote"), r"\> quote");
        assert_eq!(inline("    indented"), "indented");
        assert_eq!(inline(": definition"), r"\: definition");
        // Not at the start: left alone.
        assert_eq!(
            inline("non-exclusive, 2027. Done."),
            "non-exclusive, 2027. Done."
        );
    }

    #[test]
    fn autolinks_cannot_form() {
        assert_eq!(inline("https://evil.example"), r"https\://evil\.example");
        assert_eq!(inline("www.evil.example"), r"www\.evil\.example");
        assert_eq!(inline("a.b@c.example"), r"a\.b\@c\.example");
        assert_eq!(inline("WWW.EVIL.EXAMPLE"), r"WWW\.EVIL.EXAMPLE");
        assert_eq!(inline("Renault S.A. and K.K."), "Renault S.A. and K.K.");
    }

    #[test]
    fn cells_and_paragraphs_keep_lines_apart() {
        assert_eq!(cell("one\ntwo\n\nthree"), "one<br>two<br>three");
        assert_eq!(
            paragraphs("one\n- two\n\n\nthree"),
            vec!["one\n\\- two".to_string(), "three".to_string()]
        );
        assert_eq!(inline("a\r\nb\tc"), "a b c");
    }
}
