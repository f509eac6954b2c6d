//! Escaping user text for Markdown, so that it can never break a table, add markup, raw
//! HTML, a link or a mention — on GitHub (CommonMark with GFM tables, strikethrough and
//! extended autolinks), in pulldown-cmark and through pandoc — while the raw Markdown stays
//! readable in a pull request: a backslash goes only where the character would otherwise
//! change what the text means.
//!
//! - Always markup, always escaped: `` \ ` * [ | ``; `{ }` (pandoc attributes).
//! - Markup only in some places, escaped there:
//!   - `_` at the edge of a word (inside a word, as in `snake_case`, it is never emphasis);
//!   - `<` before a letter, `/`, `!` or `?` (an HTML tag or an autolink), so that
//!     `<tom@example.com>` and `a < b` read as written but `<script>` cannot form;
//!   - `~`, `^`, `$` unless they stand between two spaces (strikethrough, pandoc's
//!     superscript and maths open and close against a word), `=` doubled (`==mark==`) or
//!     at the start of a line (a heading's underline);
//!   - `&` that would start an entity (`&amp;`, `&#60;`);
//!   - `@` (a GitHub mention `@name`, a pandoc citation, an e-mail autolink): one
//!     backslash, `tom.reyes\@example.com`, keeps the address as text;
//!   - at the start of a line: `#`, `>`, `-`, `+`, `:`, and the `.` or `)` after digits
//!     (headings, quotes, lists, pandoc definition lists); `#` at the end of a line too (the
//!     closing sequence of a heading);
//!   - links: `:` before `/` (`https://`) and the `.` after `www`, so that GitHub's
//!     extended autolinks cannot form.
//! - Whitespace: lines are trimmed (no indented code, no hard breaks from trailing spaces),
//!   control characters become spaces.
//! - Direction controls and invisible characters (see [`crate::unicode`]) are shown by
//!   their code point, `[U+202E]`, so that they cannot reorder or hide what is displayed.
//!
//! `]`, `>` inside a line, `!`, parentheses, commas, full stops and quotes are left alone:
//! once `[` and `<` are escaped they are never markup.

use std::borrow::Cow;

/// One line of user text for a paragraph, a list item or a heading: line breaks and runs of
/// white space become one space.
pub fn inline(text: &str) -> String {
    run(&one_line(text), true)
}

/// `text` on one line with single spaces between its words and none at its ends: as it is
/// when it is so already (nearly always).
fn one_line(text: &str) -> Cow<'_, str> {
    if single_spaced(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// User text on one line as a reader of its [`inline`] Markdown sees it, added to `out`:
/// runs of white space as one space, none at the ends, control characters as spaces, hidden
/// characters shown by their code point. The sheet writes such text straight into runs.
pub fn inline_text_into(out: &mut String, text: &str) {
    plain_into(out, &one_line(text));
}

/// Whether `text` is already one line with single spaces between its words and none at
/// its ends, as [`inline`] makes it.
fn single_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut after_space = true;
    for &b in bytes {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => return false,
            _ => after_space = false,
        }
    }
    !after_space && (text.is_ascii() || !text.chars().any(char::is_whitespace))
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

/// Prose that may hold several lines and paragraphs (a text block), as Markdown: the
/// paragraphs of [`prose`], each line escaped, a line that keeps its own line after a hard
/// break (a backslash at the end of the line before), the others after a line break in the
/// source, which Markdown reads as a space. The term sheet once wrote prose so; it now
/// reads [`prose`] into runs directly, and its tests hold the two readings equal.
#[cfg(test)]
pub fn paragraphs(text: &str) -> Vec<String> {
    prose(text).iter().map(|lines| paragraph(lines)).collect()
}

/// One paragraph of [`prose`] as Markdown (see [`paragraphs`]).
#[cfg(test)]
pub fn paragraph(lines: &[(Cow<'_, str>, bool)]) -> String {
    let mut out = String::new();
    for (i, (line, own_line)) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(if *own_line { "\\\n" } else { "\n" });
        }
        run_into(&mut out, line, true);
    }
    out
}

/// Prose split as the term sheet lays it out, a paragraph at a time: paragraphs at blank
/// lines, and each paragraph's lines (trimmed, control characters as spaces), each with
/// whether it keeps a line of its own — a sub-clause ("(a) …", "(ii) …", "2) …", "3. …")
/// after a line that ends a clause — or only continues the line before (a line break in
/// the source, a space when laid out). The text is not escaped. `each` is given the lines
/// of each paragraph in turn, in one vector that is cleared and used again for the next
/// (a text block of a thousand lines is one paragraph).
pub fn prose_each<'t>(text: &'t str, mut each: impl FnMut(&[(Cow<'t, str>, bool)])) {
    let mut current: Vec<(Cow<'t, str>, bool)> = Vec::new();
    for l in lines(text) {
        if l.is_empty() {
            if !current.is_empty() {
                each(&current);
                current.clear();
            }
        } else {
            let own_line =
                current.last().is_some_and(|(prev, _)| ends_a_clause(prev)) && sub_clause(&l);
            current.push((l, own_line));
        }
    }
    if !current.is_empty() {
        each(&current);
    }
}

/// The paragraphs of [`prose_each`], collected (for the tests).
#[cfg(test)]
pub fn prose(text: &str) -> Vec<Vec<(Cow<'_, str>, bool)>> {
    let mut out = Vec::new();
    prose_each(text, |lines| out.push(lines.to_vec()));
    out
}

/// Whether a line ends where a list of sub-clauses can go on: after `:`, `;`, `,`, `.`, or a
/// closing "or" / "and" ("…; or"). A line that ends mid-sentence only wrapped there.
fn ends_a_clause(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with([':', ';', ',', '.']) || line.ends_with(" or") || line.ends_with(" and")
}

/// Whether a line starts a sub-clause: `(a)`, `(iv)`, `(12)`, `a)`, `2)` or `3.`, then a space.
///
/// A marker is at most four ASCII characters, so only the line's first bytes are searched
/// for the `)` or `.` that closes it: a line that starts with a word is not read to its end.
fn sub_clause(line: &str) -> bool {
    // Where the first of `stops` is in the first five bytes: a marker of at most four
    // characters and what closes it. The marker and the rest of the line after the stop
    // (a stop is one byte, so both are on character boundaries).
    let split = |text: &'_ str, stops: &[u8]| -> Option<(usize, bool)> {
        let end = text.bytes().take(5).position(|b| stops.contains(&b))?;
        Some((end, text.as_bytes().get(end) == Some(&b'.')))
    };
    let (text, stops): (&str, &[u8]) = match line.strip_prefix('(') {
        Some(after) => (after, b")"),
        None => (line, b")."),
    };
    let Some((end, full_stop)) = split(text, stops) else {
        return false;
    };
    let (Some(inner), Some(rest)) = (text.get(..end), text.get(end + 1..)) else {
        return false;
    };
    // `a.` is an abbreviation as often as a clause: only digits before a full stop.
    if full_stop && !inner.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let short = (1..=4).contains(&inner.len());
    let marker = inner.bytes().all(|b| b.is_ascii_digit())
        || inner.bytes().all(|b| b.is_ascii_lowercase())
        || inner.bytes().all(|b| b.is_ascii_uppercase());
    short && marker && rest.starts_with(' ')
}

/// The lines of `text`, trimmed, with control characters as spaces. The text is looked
/// over for control characters once; only when it holds one is each line looked at again.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    let any_control = has_control_but_line_feed(text);
    crate::scan::split_lines(text).map(move |l| {
        if !any_control || !has_control(l) {
            return Cow::Borrowed(l.trim());
        }
        Cow::Owned(
            l.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
                .trim()
                .to_string(),
        )
    })
}

/// Whether `text` holds a control character: below U+0020, U+007F, or a C1 control
/// (U+0080 to U+009F: the bytes C2 80 to C2 9F).
fn has_control(text: &str) -> bool {
    control_byte(text.as_bytes(), 0x20) || c1_control(text.as_bytes())
}

/// [`has_control`] with line feeds left out: the controls [`lines`] has to replace.
fn has_control_but_line_feed(text: &str) -> bool {
    control_byte(text.as_bytes(), b'\n') || c1_control(text.as_bytes())
}

/// Whether a byte below U+0020 other than `allowed`, or U+007F, is in `bytes`. (Pass 0x20
/// to allow none.) Looked at in blocks of 32 bytes with no early exit inside a block, which
/// the compiler turns into vector instructions.
fn control_byte(bytes: &[u8], allowed: u8) -> bool {
    let is = |b: u8| (b < 0x20 && b != allowed) | (b == 0x7F);
    let mut blocks = bytes.chunks_exact(32);
    let found = blocks
        .by_ref()
        .any(|block| block.iter().fold(false, |acc, &b| acc | is(b)));
    found || blocks.remainder().iter().any(|&b| is(b))
}

/// Whether a C1 control (the bytes C2 80 to C2 9F) is in `bytes`.
fn c1_control(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC2, bytes)
        .any(|at| bytes.get(at + 1).is_some_and(|b| (0x80..0xA0).contains(b)))
}

/// Escape one line (no line breaks in it).
fn line(text: &str) -> String {
    run(text.trim(), true)
}

/// A run of plain text on one line, as it is (not trimmed), escaped for where it stands:
/// `at_line_start` when nothing comes before it on its line, so that what would start a
/// heading, a list or a quote there is escaped. The Markdown writer escapes the document's
/// text with it.
pub fn run(text: &str, at_line_start: bool) -> String {
    let mut out = String::new();
    run_into(&mut out, text, at_line_start);
    out
}

/// [`run`], added to `out`: one pass over the bytes. Runs of characters that are never
/// markup are copied whole; only the few bytes that can be markup, a control character, or
/// the start of a hidden character (see [`SPECIAL`]) are looked at, each with the
/// characters around it ([`crate::scan::positions`] finds them).
pub fn run_into(out: &mut String, text: &str, at_line_start: bool) {
    let bytes = text.as_bytes();
    // Digits at the start of the line: a `.` or `)` right after them would start a list.
    let leading_digits = if at_line_start {
        bytes.iter().take_while(|b| b.is_ascii_digit()).count()
    } else {
        0
    };
    // Where the closing sequence of a heading would start: from there on, only `#` and
    // white space.
    let closing = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c == '#' || space(c))
        .last()
        .map_or(text.len(), |(at, _)| at);
    // The text from `from` on is not yet in `out`.
    let mut from = 0;
    for i in crate::scan::positions(bytes, &SPECIAL) {
        let Some(&b) = bytes.get(i) else { break };
        let c = if b.is_ascii() {
            char::from(b)
        } else if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
            c
        } else {
            // Not the start of a character: cannot happen, as no special byte continues one.
            continue;
        };
        let len = c.len_utf8();
        if c.is_control() || (!b.is_ascii() && crate::unicode::hidden(c).is_some()) {
            out.push_str(text.get(from..i).unwrap_or_default());
            if c.is_control() {
                out.push(' ');
            } else {
                // Shown by its code point, `[U+202E]`: it can neither reorder nor hide text.
                out.push_str("\\[");
                out.push_str(&crate::unicode::code_point(c));
                out.push(']');
            }
            from = i + len;
            continue;
        }
        let first = at_line_start && i == 0;
        // The characters on either side, read only where a rule needs them.
        let prev = || text.get(..i).and_then(|before| before.chars().next_back());
        let next = || text.get(i + len..).and_then(|after| after.chars().next());
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let escape = match c {
            '\\' | '`' | '*' | '[' | '|' | '{' | '}' | '@' => true,
            '_' => !word(prev()) || !word(next()),
            '<' => next().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            // A pair could form with another value in the same paragraph: escaped unless
            // it stands alone between spaces (a line's edge is no space: lines are joined
            // with `<br>` in a table cell).
            '~' | '^' | '$' => !(prev().is_some_and(space) && next().is_some_and(space)),
            '=' => first || next() == Some('=') || prev() == Some('='),
            '&' => entity_follows(bytes.get(i + 1..).unwrap_or_default()),
            '#' => first || i + 1 >= closing,
            '>' | '-' | '+' => first,
            ':' => first || next() == Some('/'),
            // "2. " or "2)" ending the line starts a list; "51.22%" does not.
            '.' | ')' if leading_digits > 0 && i == leading_digits => next().is_none_or(space),
            // `www.` would make GitHub's extended autolink.
            '.' => {
                i >= 3
                    && bytes
                        .get(i - 3..i)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
            }
            _ => false,
        };
        if escape {
            out.push_str(text.get(from..i).unwrap_or_default());
            out.push('\\');
            from = i;
        }
    }
    out.push_str(text.get(from..).unwrap_or_default());
}

/// White space as the escaping sees it: a control character becomes a space.
fn space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// The bytes [`run_into`] looks at: ASCII that can be markup somewhere, control characters,
/// and the bytes that start a C1 control (C2) or a hidden character
/// ([`crate::unicode::HIDDEN_LEAD_BYTES`]). No other byte can be any of those, and none of
/// these continues a character, so every other byte is copied as it is.
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || b == 0x7F || b == 0xC2;
        b += 1;
    }
    let mut k = 0;
    while k < crate::unicode::HIDDEN_LEAD_BYTES.len() {
        table[crate::unicode::HIDDEN_LEAD_BYTES[k] as usize] = true;
        k += 1;
    }
    let markup = b"\\`*[|{}@_<~^$=&#>-+:.)";
    let mut m = 0;
    while m < markup.len() {
        table[markup[m] as usize] = true;
        m += 1;
    }
    table
};

/// Whether the bytes after an `&` make it an entity: a name or `#` and digits, then `;`.
fn entity_follows(rest: &[u8]) -> bool {
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
        .count();
    name > 0 && rest.get(name) == Some(&b';')
}

/// User text as plain text, for a format that is not markup (a Word run, the document's
/// title and legend): a control character (which XML cannot hold) as a
/// space, and a direction control or invisible character by its code point, `[U+202E]`, as
/// the term sheet shows it.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    plain_into(&mut out, text);
    out
}

/// [`plain`], added to `out`; text with no control or hidden character (nearly all) is
/// copied whole.
pub fn plain_into(out: &mut String, text: &str) {
    if !has_control(text) {
        return hidden_shown_into(out, text);
    }
    for c in text.chars() {
        if crate::unicode::hidden(c).is_some() {
            push_code_point(out, c);
        } else if c.is_control() && c != '\t' && c != '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

/// [`plain_into`] for text known to hold no control character (a line of [`prose_each`], whose
/// control characters are spaces already): only hidden characters change, and text without
/// one (nearly all) is copied whole.
pub fn hidden_shown_into(out: &mut String, text: &str) {
    if !crate::unicode::any_hidden(text) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match crate::unicode::hidden(c) {
            Some(_) => push_code_point(out, c),
            None => out.push(c),
        }
    }
}

/// [`hidden_shown_into`] for text that may be kept as it is: borrowed or owned, it is
/// returned unchanged unless it holds a hidden character.
pub fn hidden_shown(text: Cow<'_, str>) -> Cow<'_, str> {
    if !crate::unicode::any_hidden(&text) {
        return text;
    }
    let mut shown = String::with_capacity(text.len() + 8);
    hidden_shown_into(&mut shown, &text);
    Cow::Owned(shown)
}

/// A hidden character as the term sheet shows it: `[U+202E]`.
fn push_code_point(out: &mut String, c: char) {
    out.push('[');
    out.push_str(&crate::unicode::code_point(c));
    out.push(']');
}

/// Text for an HTML or XML text node or attribute: `&`, `<`, `>`, `"` and `'` as entities, and
/// control characters (which XML cannot hold) as spaces. The HTML page's title and the Word
/// documents' properties use it.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// [`super::sub_clause`] as first written, searching the whole line for the marker's
    /// end: the reference the bounded search is held to.
    fn sub_clause_reading_the_whole_line(line: &str) -> bool {
        let (inner, rest) = match line.strip_prefix('(') {
            Some(after) => match after.split_once(')') {
                Some((inner, rest)) => (inner, rest),
                None => return false,
            },
            None => match line.find([')', '.']) {
                Some(end) => {
                    let (inner, rest) = line.split_at(end);
                    if rest.starts_with('.') && !inner.chars().all(|c| c.is_ascii_digit()) {
                        return false;
                    }
                    (inner, &rest[1..])
                }
                None => return false,
            },
        };
        let short = (1..=4).contains(&inner.chars().count());
        let marker = inner.chars().all(|c| c.is_ascii_digit())
            || inner.chars().all(|c| c.is_ascii_lowercase())
            || inner.chars().all(|c| c.is_ascii_uppercase());
        short && marker && rest.starts_with(' ')
    }

    /// The escaping as the rules above say it, character by character over the whole run
    /// (as `run` was first written): the one-pass [`super::run_into`] must agree with it.
    fn by_the_rules(text: &str, at_line_start: bool) -> String {
        let chars: Vec<char> = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let mut out = String::new();
        let leading_digits = if at_line_start {
            chars.iter().take_while(|c| c.is_ascii_digit()).count()
        } else {
            0
        };
        for (i, &c) in chars.iter().enumerate() {
            let first = at_line_start && i == 0;
            if crate::unicode::hidden(c).is_some() {
                out.push_str(&format!("\\[{}]", crate::unicode::code_point(c)));
                continue;
            }
            let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            let next = chars.get(i + 1).copied();
            let rest = chars.get(i + 1..).unwrap_or_default();
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let entity = || {
                let name = rest
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .count();
                name > 0 && rest.get(name) == Some(&';')
            };
            let www = || {
                i >= 3
                    && chars
                        .get(i - 3..i)
                        .is_some_and(|w| w.iter().all(|c| c.eq_ignore_ascii_case(&'w')))
            };
            let escape = match c {
                '\\' | '`' | '*' | '[' | '|' | '{' | '}' | '@' => true,
                '_' => !word(prev) || !word(next),
                '<' => {
                    next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
                }
                '~' | '^' | '$' => {
                    !(prev.is_some_and(char::is_whitespace)
                        && next.is_some_and(char::is_whitespace))
                }
                '=' => first || next == Some('=') || prev == Some('='),
                '&' => entity(),
                '#' => first || rest.iter().all(|r| *r == '#' || r.is_whitespace()),
                '>' | '-' | '+' => first,
                ':' => first || next == Some('/'),
                '.' | ')' if leading_digits > 0 && i == leading_digits => {
                    next.is_none_or(char::is_whitespace)
                }
                '.' => www(),
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn the_one_pass_escaping_keeps_the_rules() {
        for (text, start) in [
            ("Northwind Traders Ltd. (the \"Lead\") pays 40%.", false),
            ("see www.example.com", false),
            ("- a list", true),
            ("2. a list", true),
            ("2) a list", true),
            ("a_b _c_ d_", false),
            ("# heading ##", true),
            ("a # b", false),
            ("a ~ b ~c", false),
            ("\u{85}x\u{7}y", true),
            ("R&D &amp; &#60;", false),
            ("tom@example.com <https://x>", false),
        ] {
            assert_eq!(
                super::run(text, start),
                by_the_rules(text, start),
                "{text:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        // The one pass agrees with the rules character by character, on text made of every
        // character a rule looks at, the characters around them, and characters beyond ASCII
        // that start with the same bytes as the hidden ones.
        #[test]
        fn escaping_in_one_pass_agrees_with_the_rules(
            text in "[a-zA-Z0-9 .,;'\"()%?!/wW:*_#=&;@<>~^$`|{}\\[\\]\\\\+\\-é—\u{85}\u{9f}\u{a0}\u{61c}\u{600}\u{2000}\u{2029}\u{feff}\u{ffef}\u{202e}\u{200b}\u{3000}\u{7}\t\n]{0,16}",
            start: bool,
        ) {
            prop_assert_eq!(super::run(&text, start), by_the_rules(&text, start));
        }

        // Text is read thirty-two bytes at a time (`scan::positions`): what follows a long
        // stretch with no special byte, or sits anywhere inside a block, is still escaped.
        #[test]
        fn escaping_after_long_plain_text_agrees_with_the_rules(
            pieces in proptest::collection::vec(("[a-z é]{0,40}", "[.:_*#\\-<@\u{7}\u{202e}\u{85}]{0,2}"), 0..6),
            start: bool,
        ) {
            let text: String = pieces.iter().map(|(plain, special)| format!("{plain}{special}")).collect();
            prop_assert_eq!(super::run(&text, start), by_the_rules(&text, start));
        }

        // Lines without a control character are only trimmed.
        #[test]
        fn lines_are_trimmed_and_controls_made_spaces(text in "[a \t\n\r\u{7}\u{7f}\u{80}\u{85}\u{a0}\u{c0}\u{100}é]{0,12}") {
            let slow: Vec<String> = text
                .split('\n')
                .map(|l| {
                    l.chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect::<String>()
                        .trim()
                        .to_string()
                })
                .collect();
            prop_assert_eq!(super::lines(&text).collect::<Vec<_>>(), slow);
        }

        // Looked at in blocks of 32 bytes, control characters are found wherever they are.
        #[test]
        fn controls_are_found_anywhere(text in "[a \n\u{7}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}é]{0,100}") {
            let control = |c: char| c.is_control();
            prop_assert_eq!(super::has_control(&text), text.chars().any(control));
            prop_assert_eq!(
                super::has_control_but_line_feed(&text),
                text.chars().any(|c| control(c) && c != '\n')
            );
        }

        // Reading only a line's first bytes finds the same sub-clauses as reading it all.
        #[test]
        fn sub_clauses_are_found_from_the_first_bytes(line in "[(]?[a-zA-Z0-9é]{0,6}[).]?[ a]{0,2}[).a ]{0,3}") {
            prop_assert_eq!(super::sub_clause(&line), sub_clause_reading_the_whole_line(&line));
        }

        // Text already on one line with single spaces is escaped as it is; any other text
        // has its white space made single first.
        #[test]
        fn inline_makes_white_space_single(text in "[a-z .*\t\n\r\u{a0}\u{2003}\u{7}]{0,12}") {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(super::inline(&text), super::line(&joined));
        }
    }

    use super::*;

    #[test]
    fn hidden_characters_are_shown_by_their_code_point() {
        assert_eq!(inline("55%\u{202E} and 45%"), r"55%\[U+202E] and 45%");
        assert_eq!(cell("a\u{200B}b"), r"a\[U+200B]b");
        assert_eq!(inline("\u{2067}x"), r"\[U+2067]x");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(inline("**bold** _it_"), r"\*\*bold\*\* \_it\_");
        assert_eq!(inline("a | b"), r"a \| b");
        assert_eq!(inline("<script>"), r"\<script>");
        assert_eq!(inline("</b> <!-- c --> <?x"), r"\</b> \<!-- c --> \<?x");
        assert_eq!(inline("[x](http://evil)"), r"\[x](http\://evil)");
        assert_eq!(inline("`code`"), r"\`code\`");
        assert_eq!(inline(r"back\slash"), r"back\\slash");
        assert_eq!(
            inline("~~strike~~ ^sup^ $x$ ==mark=="),
            r"\~\~strike\~\~ \^sup\^ \$x\$ \=\=mark\=\="
        );
        assert_eq!(inline("&amp; &#60;"), r"\&amp; \&#60;");
        assert_eq!(inline("@evil and [@cite]"), r"\@evil and \[\@cite]");
        assert_eq!(inline("{.class}"), r"\{.class\}");
        assert_eq!(inline("Title ##"), r"Title \#\#");
    }

    #[test]
    fn what_is_not_markup_reads_as_written() {
        assert_eq!(
            inline("Joint Venture Director <india.jv@starbucks.example>"),
            r"Joint Venture Director \<india.jv\@starbucks.example>"
        );
        assert_eq!(inline("Fenwick & Daughters"), "Fenwick & Daughters");
        assert_eq!(inline("snake_case_name"), "snake_case_name");
        assert_eq!(inline("a < b > c"), "a < b > c");
        assert_eq!(
            inline("Section #5 costs ~ USD 5, 2 ^ 3 $ each"),
            "Section #5 costs ~ USD 5, 2 ^ 3 $ each"
        );
        assert_eq!(inline("Yes! (1) it is = 2"), "Yes! (1) it is = 2");
        assert_eq!(inline("evil.example/path"), "evil.example/path");
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
        assert_eq!(inline("https://evil.example"), r"https\://evil.example");
        assert_eq!(inline("www.evil.example"), r"www\.evil.example");
        assert_eq!(inline("WWW.EVIL.EXAMPLE"), r"WWW\.EVIL.EXAMPLE");
        assert_eq!(inline("Renault S.A. and K.K."), "Renault S.A. and K.K.");
    }

    #[test]
    fn sub_clauses_keep_their_lines() {
        assert_eq!(
            paragraphs("Either party may terminate if the other:\n(a) is insolvent;\n(b) stops trading; or\n(iv) is acquired.")[0],
            "Either party may terminate if the other:\\\n(a) is insolvent;\\\n(b) stops trading; or\\\n(iv) is acquired."
        );
        assert_eq!(
            paragraphs("one:\n2) two;\n3. three")[0],
            "one:\\\n2\\) two;\\\n3\\. three"
        );
        // Ordinary line breaks in prose still read as spaces.
        assert_eq!(
            paragraphs("a line\nwrapped here\ne.g. this")[0],
            "a line\nwrapped here\ne.g. this"
        );
        assert!(!sub_clause("(approx. 5 days)"));
        // A line that wrapped mid-sentence before "(b) to (e)" is no list.
        assert_eq!(
            paragraphs("notice for\n(b) to (e)): (a) by consent")[0],
            "notice for\n(b) to (e)): (a) by consent"
        );
        assert!(!sub_clause("(a)b"));
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
