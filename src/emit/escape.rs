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

/// One line of user text for a paragraph, a list item or a heading: line breaks and runs of
/// white space become one space.
pub fn inline(text: &str) -> String {
    if single_spaced(text) {
        return run(text, true);
    }
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    line(&joined)
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

/// Prose that may hold several lines and paragraphs (a text block): paragraphs are
/// separated by a blank line, lines within a paragraph by a line break in the source, which
/// Markdown reads as a space — except before a sub-clause ("(a) …", "(ii) …", "2) …", "3. …"),
/// which keeps its own line (a hard break: a backslash at the end of the line before).
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
            if sub_clause(&l) && current.last().is_some_and(|prev| ends_a_clause(prev)) {
                if let Some(last) = current.last_mut() {
                    last.push('\\');
                }
            }
            current.push(line(&l));
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// Whether a line ends where a list of sub-clauses can go on: after `:`, `;`, `,`, `.`, or a
/// closing "or" / "and" ("…; or"). A line that ends mid-sentence only wrapped there.
fn ends_a_clause(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with([':', ';', ',', '.']) || line.ends_with(" or") || line.ends_with(" and")
}

/// Whether a line starts a sub-clause: `(a)`, `(iv)`, `(12)`, `a)`, `2)` or `3.`, then a space.
fn sub_clause(line: &str) -> bool {
    let (inner, rest) = match line.strip_prefix('(') {
        Some(after) => match after.split_once(')') {
            Some((inner, rest)) => (inner, rest),
            None => return false,
        },
        None => match line.find([')', '.']) {
            Some(end) => {
                let (inner, rest) = line.split_at(end);
                // `a.` is an abbreviation as often as a clause: only digits before a full stop.
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

/// The lines of `text`, trimmed, with control characters as spaces.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('\n').map(|l| {
        if !has_control(l) {
            return l.trim().to_string();
        }
        l.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .trim()
            .to_string()
    })
}

/// Whether `text` holds a control character: below U+0020, U+007F, or a C1 control
/// (U+0080 to U+009F: the bytes C2 80 to C2 9F).
fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().any(|&b| b < 0x20 || b == 0x7F)
        || memchr::memchr_iter(0xC2, bytes)
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

/// [`run`], added to `out`.
pub fn run_into(out: &mut String, text: &str, at_line_start: bool) {
    if needs_nothing(text, at_line_start) {
        out.push_str(text);
    } else {
        out.push_str(&escaped(text, at_line_start));
    }
}

/// [`run`] character by character.
fn escaped(text: &str, at_line_start: bool) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Digits at the start of the line: a `.` or `)` right after them would start a list.
    let leading_digits = if at_line_start {
        chars.iter().take_while(|c| c.is_ascii_digit()).count()
    } else {
        0
    };
    for (i, &c) in chars.iter().enumerate() {
        let first = at_line_start && i == 0;
        if crate::unicode::hidden(c).is_some() {
            // Shown by its code point, `[U+202E]`: it can neither reorder nor hide text.
            out.push_str(&format!("\\[{}]", crate::unicode::code_point(c)));
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let rest = chars.get(i + 1..).unwrap_or_default();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let escape = match c {
            '\\' | '`' | '*' | '[' | '|' | '{' | '}' => true,
            '_' => !word(prev) || !word(next),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            // A pair could form with another value in the same paragraph: escaped unless
            // it stands alone between spaces.
            '~' | '^' | '$' => {
                // A line's edge is no space: lines are joined with `<br>` in a table cell.
                !(prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_whitespace))
            }
            '=' => first || next == Some('=') || prev == Some('='),
            '&' => entity_follows(rest),
            '@' => true,
            '#' => first || rest.iter().all(|r| *r == '#' || r.is_whitespace()),
            '>' | '-' | '+' => first,
            ':' => first || next == Some('/'),
            // "2. " or "2)" ending the line starts a list; "51.22%" does not.
            '.' | ')' if leading_digits > 0 && i == leading_digits => {
                next.is_none_or(char::is_whitespace)
            }
            '.' => after_www(&chars, i),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `run` would leave `text` as it is, seen without looking at each character in
/// turn: letters, digits, spaces and punctuation that never forms Markdown (a `.` only where
/// no `www` could make a link of it; a `-` not first on the line), and at the start of a
/// line a letter first. Most of a term sheet's prose is such text.
fn needs_nothing(text: &str, at_line_start: bool) -> bool {
    let bytes = text.as_bytes();
    let safe = bytes.iter().all(|&b| LET_THROUGH[usize::from(b)])
        && (text.is_ascii() || no_control_or_hidden(text));
    let www = || {
        memchr::memchr_iter(b'.', bytes).any(|at| {
            at.checked_sub(3)
                .and_then(|from| bytes.get(from..at))
                .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
        })
    };
    let first_ok = !at_line_start || bytes.first().is_none_or(u8::is_ascii_alphabetic);
    safe && first_ok && !www()
}

/// The bytes [`needs_nothing`] lets through: [`plain_ascii`], and every byte of a character
/// beyond ASCII (which `no_control_or_hidden` then looks at).
static LET_THROUGH: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || plain_ascii(b as u8);
        b += 1;
    }
    table
};

/// Whether text beyond ASCII holds no control character and nothing a reader cannot see.
/// Those are the C1 controls (U+0080 to U+009F, whose UTF-8 form starts with the byte C2)
/// and the characters of [`crate::unicode::hidden`] (starting with D8, E2 or EF): only the
/// characters at those bytes are looked at.
fn no_control_or_hidden(text: &str) -> bool {
    let bytes = text.as_bytes();
    let fine = |at: usize| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_none_or(|c| !c.is_control() && crate::unicode::hidden(c).is_none())
    };
    let [a, b, c] = crate::unicode::HIDDEN_LEAD_BYTES;
    memchr::memchr3_iter(a, b, c, bytes).all(fine) && memchr::memchr_iter(0xC2, bytes).all(fine)
}

/// An ASCII character that never forms Markdown where [`needs_nothing`] lets it through.
const fn plain_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b' ' | b','
                | b';'
                | b'\''
                | b'"'
                | b'('
                | b')'
                | b'%'
                | b'?'
                | b'!'
                | b'/'
                | b'.'
                | b'-'
        )
}

/// Whether the characters after an `&` make it an entity: a name or `#` and digits, then `;`.
fn entity_follows(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Whether the `.` at `i` ends a `www` (any case), which GitHub would make a link.
fn after_www(chars: &[char], i: usize) -> bool {
    i >= 3
        && chars
            .get(i - 3..i)
            .is_some_and(|w| w.iter().all(|c| c.eq_ignore_ascii_case(&'w')))
}

/// User text as plain text, for a format that is not markup (a Word run, the document's
/// title and legend): a control character (which XML cannot hold) as a
/// space, and a direction control or invisible character by its code point, `[U+202E]`, as
/// the term sheet shows it.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if crate::unicode::hidden(c).is_some() {
            out.push_str(&format!("[{}]", crate::unicode::code_point(c)));
        } else if c.is_control() && c != '\t' && c != '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn plain_prose_is_let_through_and_markup_is_not() {
        assert!(super::needs_nothing(
            "Northwind Traders Ltd. (the \"Lead\") pays 40%.",
            false
        ));
        assert!(!super::needs_nothing("see www.example.com", false));
        assert!(!super::needs_nothing("- a list", true));
        assert!(!super::needs_nothing("2. a list", true));
        assert!(!super::needs_nothing("a_b", false));
    }

    proptest! {
        // The one-pass check lets text through only where the character-by-character
        // escaping would leave it as it is.
        #[test]
        fn text_let_through_needs_no_escape(text in "[a-zA-Z0-9 .,;'\"()%?!/wW:*_#é—\u{85}\u{9f}\u{a0}\u{61c}\u{feff}\u{ffef}\u{202e}\u{200b}\u{7}-]{0,12}", start: bool) {
            if super::needs_nothing(&text, start) {
                prop_assert_eq!(super::escaped(&text, start), text);
            }
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
