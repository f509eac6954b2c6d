//! The sheet's text into the document's runs.
//!
//! Prose (text blocks, notes) goes into runs straight from the text ([`prose`],
//! [`labelled`]): each line as plain text, with the sub-clauses' hard breaks; a paragraph
//! shown as written is borrowed from the agreement, not copied. So do a table cell that is
//! user text as written ([`text_cell`]) and the sentences built with [`Sentence`] (the
//! signature blocks); property tests hold each to reading its escaped Markdown. The rest of
//! the sheet writes its sentences as inline Markdown: user text escaped by
//! [`crate::emit::escape`], Charter's lead-ins in bold (`**Status:**`), hard breaks (`\` at
//! a line's end) before sub-clauses, and `<br>` between the lines of a table cell. Most of
//! it holds no other markup, and is read here directly ([`plain`]); what holds anything
//! else is read by pulldown-cmark, as a Markdown reader would read it. The direct reading
//! takes only what it can read exactly as pulldown-cmark does, and gives up on the rest, so
//! the two always agree (the property test below checks it on text made of every character
//! that matters to Markdown).

use crate::emit::document::{Inline, Run};
use crate::emit::escape;
use std::borrow::Cow;

/// A paragraph's, heading's or list item's inline Markdown as runs. The escaping guarantees
/// that only Charter's own markup is read as markup.
pub(super) fn inline(markdown: &str) -> Inline<'static> {
    plain(markdown, Context::Paragraph)
        .unwrap_or_else(|| runs(pulldown_cmark::Parser::new(markdown)))
}

/// Prose (a text block) as the runs of its paragraphs, read straight from the text, with no
/// Markdown in between: each line as [`escape::plain`] shows it, a soft line break between
/// the lines of a paragraph and a hard one before a line of its own (a sub-clause). The same
/// runs as reading the Markdown of `escape::paragraphs` (the property test below holds
/// the two together).
///
/// A paragraph that stands in the text as it is shown (its lines untrimmed, one line feed
/// between them, no sub-clause of its own and no hidden character) is borrowed from the
/// text, not copied.
pub(super) fn prose(text: &str) -> Vec<Inline<'_>> {
    let mut paragraphs = Vec::new();
    escape::prose_each(text, |lines| paragraphs.push(paragraph(text, lines)));
    paragraphs
}

/// One paragraph of [`prose`], from its lines.
fn paragraph<'t>(text: &'t str, lines: &[(Cow<'t, str>, bool)]) -> Inline<'t> {
    if let Some(whole) = as_written(text, lines) {
        return Inline::from(Run::Text(Cow::Borrowed(whole)));
    }
    let mut runs = Vec::new();
    let size: usize = lines.iter().map(|(line, _)| line.len() + 1).sum();
    let mut current = String::with_capacity(size);
    for (i, (line, own_line)) in lines.iter().enumerate() {
        if i > 0 {
            if *own_line {
                runs.push(Run::Text(std::mem::take(&mut current).into()));
                runs.push(Run::Break);
            } else {
                current.push('\n');
            }
        }
        // The lines' control characters are spaces already.
        escape::hidden_shown_into(&mut current, line);
    }
    runs.push(Run::Text(current.into()));
    Inline::from(runs)
}

/// The paragraph made of `lines` as it stands in `text`, when it is shown as written (see
/// [`prose`]): every line borrowed from the text, each starting one line feed after the
/// one before, none of its own, and no hidden character among them.
fn as_written<'t>(text: &'t str, lines: &[(Cow<'t, str>, bool)]) -> Option<&'t str> {
    // Where a borrowed line starts in `text` (each is a slice of it).
    let offset = |line: &str| (line.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
    let (Some((Cow::Borrowed(first), _)), Some((Cow::Borrowed(last), _))) =
        (lines.first(), lines.last())
    else {
        return None;
    };
    let start = offset(first)?;
    let mut end = start + first.len();
    for (line, own_line) in lines.get(1..).unwrap_or_default() {
        let Cow::Borrowed(line) = line else {
            return None;
        };
        if *own_line || offset(line)? != end + 1 {
            return None;
        }
        end += 1 + line.len();
    }
    let whole = text.get(start..end)?;
    (offset(last)? + last.len() == end && !crate::unicode::any_hidden(whole)).then_some(whole)
}

/// Prose after a bold lead-in of Charter's own ("Shared assets."), ending with a full stop:
/// [`prose`] with the lead-in before its first paragraph and a full stop after its last
/// unless it ends with one (or with `!`, `?` or `:`).
pub(super) fn labelled<'a>(label: &str, text: &'a str) -> Vec<Inline<'a>> {
    let mut paragraphs = prose(text);
    if let Some(first) = paragraphs.first_mut() {
        let mut led = Inline::from(vec![
            Run::Strong(label.to_string().into()),
            Run::Text(" ".into()),
        ]);
        for run in std::mem::take(first).into_runs() {
            led.push(run);
        }
        *first = led;
    }
    if let Some(Some(Run::Text(last))) = paragraphs.last_mut().map(|p| p.runs_mut().last_mut()) {
        if !last.ends_with(['.', '!', '?', ':']) {
            last.to_mut().push('.');
        }
    }
    paragraphs
}

/// A paragraph of the sheet built straight into runs, with no Markdown in between: Charter's
/// own words, user text as its escaped Markdown reads ([`escape::inline_text_into`]), and
/// hard breaks.
#[derive(Default)]
pub(super) struct Sentence {
    runs: Vec<Run<'static>>,
    text: String,
}

impl Sentence {
    /// Charter's own words, as they are.
    pub(super) fn own(mut self, words: &str) -> Self {
        self.text.push_str(words);
        self
    }

    /// User text on one line.
    pub(super) fn user(mut self, text: &str) -> Self {
        escape::inline_text_into(&mut self.text, text);
        self
    }

    /// A hard line break.
    pub(super) fn hard_break(mut self) -> Self {
        if !self.text.is_empty() {
            self.runs
                .push(Run::Text(std::mem::take(&mut self.text).into()));
        }
        self.runs.push(Run::Break);
        self
    }

    pub(super) fn into_inline(mut self) -> Inline<'static> {
        if !self.text.is_empty() {
            self.runs.push(Run::Text(self.text.into()));
        }
        Inline::from(self.runs)
    }
}

/// User text that is a whole table cell, read into runs straight from the text: its lines
/// (trimmed, control characters as spaces, blank ones left out) with a break between them,
/// hidden characters shown by their code point. The runs that reading [`escape::cell`]'s
/// Markdown gives (the property test below holds the two together); `None` when no line
/// holds any text.
///
/// A line with no hidden character is borrowed from the text, not copied.
pub(super) fn text_cell(text: &str) -> Option<Inline<'_>> {
    // Most cells are one line: one run, held in place.
    let mut runs = Inline::default();
    for line in escape::lines(text).filter(|line| !line.is_empty()) {
        if !runs.runs().is_empty() {
            runs.push(Run::Break);
        }
        // The lines' control characters are spaces already.
        runs.push(Run::Text(escape::hidden_shown(line)));
    }
    (!runs.runs().is_empty()).then_some(runs)
}

/// [`inline`] of Markdown the sheet no longer needs: text that is all one run is kept as it
/// is, not copied.
pub(super) fn inline_owned(markdown: String) -> Inline<'static> {
    if whole(&markdown, Context::Paragraph) {
        return Inline::from(Run::Text(markdown.into()));
    }
    inline(&markdown)
}

/// A table cell's inline Markdown (lines joined by `<br>`), read inside a table as the
/// writers used to read it, so that a cell's text is never taken for a list or a heading.
/// Text that is all one run is kept as it is, not copied.
pub(super) fn cell_inline(markdown: String) -> Inline<'static> {
    if whole(&markdown, Context::Cell) {
        return Inline::from(Run::Text(markdown.into()));
    }
    plain(&markdown, Context::Cell).unwrap_or_else(|| cell_by_parser(&markdown))
}

/// Whether [`plain`] reads `markdown` as one run of text, the whole of it: no byte that
/// could be markup or a line break, and nothing at its edges that Markdown reads apart.
fn whole(markdown: &str, context: Context) -> bool {
    !markdown.is_empty()
        && markdown.bytes().all(|b| !is_markup(b) && b != b'\n')
        && starts_line(markdown, context)
        && !markdown.ends_with(char::is_whitespace)
}

fn cell_by_parser(markdown: &str) -> Inline<'static> {
    let table = format!("| x |\n|---|\n| {markdown} |\n");
    let parser = pulldown_cmark::Parser::new_ext(&table, pulldown_cmark::Options::ENABLE_TABLES);
    let mut in_body = false;
    let events = parser.filter(|e| {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match e {
            Event::End(TagEnd::TableHead) => in_body = true,
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => {}
            _ => return in_body,
        }
        false
    });
    runs(events)
}

fn runs<'e>(events: impl Iterator<Item = pulldown_cmark::Event<'e>>) -> Inline<'static> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut out = Inline::default();
    let mut strong = false;
    let mut blocks = 0usize;
    for event in events {
        let text = match event {
            Event::Start(Tag::Strong) => {
                strong = true;
                continue;
            }
            Event::End(TagEnd::Strong) => {
                strong = false;
                continue;
            }
            // Two blocks where one was meant (never from the sheet's own text) stay apart.
            Event::Start(Tag::Paragraph | Tag::Item | Tag::Heading { .. }) => {
                blocks += 1;
                if blocks > 1 {
                    out.push(Run::Text(" ".into()));
                }
                continue;
            }
            Event::Text(t) | Event::Code(t) => t.into_string(),
            Event::SoftBreak => "\n".to_string(),
            Event::HardBreak => {
                out.push(Run::Break);
                continue;
            }
            Event::InlineHtml(h) | Event::Html(h) if h.trim() == "<br>" => {
                out.push(Run::Break);
                continue;
            }
            Event::InlineHtml(h) | Event::Html(h) => h.into_string(),
            _ => continue,
        };
        out.push(if strong {
            Run::Strong(text.into())
        } else {
            Run::Text(text.into())
        });
    }
    out
}

/// Where the Markdown stands: a paragraph (whose lines may start a list, a heading or a
/// quote) or a table cell (one line, inline markup only).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Paragraph,
    Cell,
}

/// The runs of Markdown that holds no markup but Charter's own, read without a Markdown
/// parser: text, a character escaped with a backslash (as [`crate::emit::escape`] writes
/// user text), `**bold**` standing between spaces, `<br>` within a line, `>` after text, a
/// soft line break and a hard one (`\` before it) in a paragraph. `None` for anything else
/// — any other character Markdown gives a meaning (`\`, `*`, `_`, `` ` ``, `<`, `>` first
/// on a line, `&`, `[`, `]`, `~`, `|`), a line that starts or ends with a space, or, in a
/// paragraph, a line that could start a block (with a digit, `-`, `+`, `#`, `=`), which
/// pulldown-cmark reads instead.
fn plain(markdown: &str, context: Context) -> Option<Inline<'static>> {
    let bytes = markdown.as_bytes();
    let mut out = Inline::default();
    // Where the text not yet added starts, and where the current line starts.
    let mut from = 0;
    let mut line = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if i == line && !starts_line(markdown.get(i..)?, context) {
            return None;
        }
        match b {
            b'*' => {
                // `**lead**`, opened at the start or after a space, closed before a space or
                // the end, holding plain text that starts with a letter or a digit.
                let opens = bytes.get(i + 1) == Some(&b'*')
                    && (i == 0 || bytes.get(i - 1) == Some(&b' '))
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_alphanumeric);
                if !opens {
                    return None;
                }
                let inner = markdown.get(i + 2..)?;
                let len = inner.find("**")?;
                let content = inner.get(..len)?;
                let end = i + 2 + len + 2;
                let closes = !content.ends_with(char::is_whitespace)
                    && matches!(bytes.get(end), None | Some(b' '))
                    && !content.bytes().any(|c| is_markup(c) || c == b'\n');
                if !closes {
                    return None;
                }
                text(&mut out, markdown.get(from..i)?);
                out.push(Run::Strong(content.to_string().into()));
                i = end;
                from = end;
            }
            b'<' => {
                // `<br>` between two pieces of text on a line.
                let br = markdown.get(i..)?.starts_with("<br>")
                    && i > line
                    && !matches!(bytes.get(i + 4), None | Some(b'\n'));
                if !br {
                    return None;
                }
                text(&mut out, markdown.get(from..i)?);
                out.push(Run::Break);
                i += 4;
                from = i;
            }
            // An escaped character (`\\<`, `\\@`, `\\*`): the character itself, as text.
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                text(&mut out, markdown.get(from..i)?);
                from = i + 1;
                i += 2;
            }
            // `>` opens a quote only at the start of a line; after text it is text.
            b'>' if i > line => i += 1,
            b'\\' | b'\n' => {
                // A line break in a paragraph: hard after a `\`, soft otherwise.
                let hard = b == b'\\';
                let at = if hard { i + 1 } else { i };
                let breaks = context == Context::Paragraph
                    && bytes.get(at) == Some(&b'\n')
                    && !markdown.get(line..i)?.ends_with(char::is_whitespace)
                    && i > line;
                if !breaks {
                    return None;
                }
                text(&mut out, markdown.get(from..i)?);
                if hard {
                    out.push(Run::Break);
                } else {
                    out.push(Run::Text("\n".into()));
                }
                i = at + 1;
                from = i;
                line = i;
                if i == bytes.len() {
                    return None;
                }
            }
            // `&` opens an entity (`&amp;`) only when a name or `#` follows it.
            b'&' if bytes.get(i + 1) == Some(&b' ') => i += 1,
            b if is_markup(b) => return None,
            _ => i += 1,
        }
    }
    if markdown.ends_with(char::is_whitespace) {
        return None;
    }
    text(&mut out, markdown.get(from..)?);
    Some(out)
}

fn text(out: &mut Inline<'_>, text: &str) {
    if !text.is_empty() {
        out.push(Run::Text(text.to_string().into()));
    }
}

/// Bytes that Markdown may read as markup (or, for NUL, replaces) wherever they stand.
fn is_markup(b: u8) -> bool {
    matches!(
        b,
        b'\\'
            | b'*'
            | b'_'
            | b'`'
            | b'<'
            | b'>'
            | b'&'
            | b'['
            | b']'
            | b'~'
            | b'|'
            | b'\r'
            | b'\t'
            | b'\0'
            | b'\x0b'
            | b'\x0c'
    )
}

/// Whether a line may start with the start of `rest` and still be plain text: not a space,
/// and in a paragraph nothing that could open a block (a list's `-`, `+` or `1.`, a
/// heading's `#`, a setext underline's `=`).
fn starts_line(rest: &str, context: Context) -> bool {
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if first.is_whitespace() {
        return false;
    }
    context == Context::Cell || !(first.is_ascii_digit() || matches!(first, '-' | '+' | '#' | '='))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_parser(markdown: &str, context: Context) -> Inline<'static> {
        match context {
            Context::Paragraph => runs(pulldown_cmark::Parser::new(markdown)),
            Context::Cell => cell_by_parser(markdown),
        }
    }

    #[test]
    fn the_sheets_own_markup_is_read_directly() {
        let read = |m: &str, c| plain(m, c).map(Inline::into_runs);
        assert_eq!(
            read("**Status:** DRAFT — open", Context::Paragraph),
            Some(vec![
                Run::Strong("Status:".into()),
                Run::Text(" DRAFT — open".into())
            ])
        );
        assert_eq!(
            read("one<br>two", Context::Cell),
            Some(vec![
                Run::Text("one".into()),
                Run::Break,
                Run::Text("two".into())
            ])
        );
        assert_eq!(
            read("Either party:\\\n(a) is insolvent", Context::Paragraph),
            Some(vec![
                Run::Text("Either party:".into()),
                Run::Break,
                Run::Text("(a) is insolvent".into())
            ])
        );
        assert_eq!(
            read("2027-01-01", Context::Cell),
            Some(vec![Run::Text("2027-01-01".into())])
        );
        // What Markdown could read otherwise goes to the parser.
        assert_eq!(read("2027-01-01", Context::Paragraph), None);
        // Escaped characters are text.
        assert_eq!(
            read("a \\*b\\* \\<x\\@y.z>", Context::Paragraph),
            Some(vec![Run::Text("a *b* <x@y.z>".into())])
        );
        assert_eq!(
            read("\\> quote", Context::Paragraph).map(|r| r.len()),
            Some(1)
        );
        assert_eq!(read("> quote", Context::Paragraph), None);
        assert!(read("one<br>two", Context::Paragraph).is_some());
        assert!(read("Research & Development", Context::Paragraph).is_some());
        assert_eq!(read("R&D", Context::Paragraph), None);
        assert_eq!(read("a\nb", Context::Cell), None);
    }

    #[test]
    fn the_sheets_paragraphs_agree_with_the_parser() {
        for m in [
            "**Lead.** Northwind Traders Ltd. (the \"Lead\") pays 40%.",
            "Signed for and on behalf of Northwind\\\nBy: ……\\\nDate: ……",
            "",
            "a",
        ] {
            assert_eq!(
                plain(m, Context::Paragraph),
                Some(by_parser(m, Context::Paragraph)),
                "{m:?}"
            );
        }
    }

    /// Pieces of text that matter to Markdown, to build test strings from.
    const PIECES: &[&str] = &[
        "a",
        "Bc",
        "1",
        "2.",
        "3)",
        " ",
        "  ",
        "\n",
        "\\\n",
        "\\",
        "**",
        "*",
        "_",
        "<br>",
        "<",
        ">",
        "&",
        "&amp;",
        "[",
        "]",
        "!",
        "`",
        "~",
        "|",
        "-",
        "+",
        "#",
        "=",
        ".",
        ":",
        "(",
        ")",
        "\"",
        "'",
        "é",
        "\u{a0}",
        "\u{2028}",
        "\t",
        "\r",
        "\0",
        "—",
        "www.x.com",
        "x@y.z",
        "$",
        "^",
        "{",
        "}",
        "\\<",
        "\\@",
        "\\*",
        "\\_",
        "\\[",
        "\\#",
        "\\\\",
        "\\|",
        "\\.",
        "\\-",
        "\\>",
        "\\&",
        "\\`",
        "\\~",
        "\\ ",
        "\\a",
    ];

    /// Pieces of the text the sheet writes, which the direct reading mostly takes.
    const SHEET_PIECES: &[&str] = &[
        "a", "Bc", "1", "2.", " ", "\n", "\\\n", "**", "<br>", "&", "-", "#", ".", ":", "(", ")",
        "é", "\u{a0}", "—", "%", "\\<", "\\@", "\\*", "\\[", "\\#", "\\-", "\\.", "\\|", "\\\\",
        ">", "@",
    ];

    /// Where the direct reading takes the text made of `pieces`, it reads it as the parser.
    fn agrees(pieces: &[&str], cell: bool) -> Result<(), TestCaseError> {
        let markdown: String = pieces.concat();
        let context = if cell {
            Context::Cell
        } else {
            Context::Paragraph
        };
        if let Some(direct) = plain(&markdown, context) {
            prop_assert_eq!(&direct, &by_parser(&markdown, context), "{:?}", markdown);
            if whole(&markdown, context) {
                prop_assert_eq!(direct, Inline::from(Run::Text(markdown.clone().into())));
            }
        } else {
            prop_assert!(!whole(&markdown, context), "{:?}", markdown);
        }
        Ok(())
    }

    /// Prose as the sheet once wrote it: its escaped Markdown, read back into runs.
    fn prose_by_markdown(text: &str) -> Vec<Inline<'static>> {
        escape::paragraphs(text)
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| inline(p))
            .collect()
    }

    /// Labelled prose as Markdown: the full stop goes on the text before it is escaped (put
    /// on the Markdown, as the sheet once did, it made a paragraph "12" a list item "12.",
    /// and the text was lost).
    fn labelled_by_markdown(label: &str, text: &str) -> Vec<Inline<'static>> {
        let mut paragraphs = escape::prose(text);
        if let Some((last, _)) = paragraphs.last_mut().and_then(|p| p.last_mut()) {
            if !last.ends_with(['.', '!', '?', ':']) {
                last.to_mut().push('.');
            }
        }
        let mut markdown: Vec<String> = paragraphs.iter().map(|p| escape::paragraph(p)).collect();
        if let Some(first) = markdown.first_mut() {
            *first = format!("**{label}** {first}");
        }
        markdown.iter().map(|p| inline(p)).collect()
    }

    /// Pieces of prose: sub-clauses and what ends a clause, blank lines, and characters
    /// Markdown, the escaping or the plain text treat apart.
    const PROSE_PIECES: &[&str] = &[
        "a", "Bc", "1", "(a) ", "(ii) ", "2) ", "3. ", "a.", ":", ";", ",", " or", " and", " ",
        "\n", "\n\n", "\n  ", "\t", "\u{7}", "\u{85}", "\u{a0}", "\u{202e}", "\u{200b}",
        "\u{feff}", "é", "—", "*", "_", "\\", "<", ">", "&", "&amp;", "[", "]", "#", "-", "+", "=",
        "`", "~", "|", "@", "www.", "!", "?", ".", "<br>", "**",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn prose_read_straight_agrees_with_its_markdown(
            pieces in proptest::collection::vec(proptest::sample::select(PROSE_PIECES), 0..16),
        ) {
            let text = pieces.concat();
            prop_assert_eq!(prose(&text), prose_by_markdown(&text), "{:?}", text);
        }

        #[test]
        fn labelled_prose_read_straight_agrees_with_its_markdown(
            pieces in proptest::collection::vec(proptest::sample::select(PROSE_PIECES), 0..12),
            label in proptest::sample::select(&["Scope.", "Shared assets.", "Change in law."][..]),
        ) {
            let text = pieces.concat();
            prop_assert_eq!(
                labelled(label, &text),
                labelled_by_markdown(label, &text),
                "{:?}",
                text
            );
        }

        #[test]
        fn a_cell_of_user_text_read_straight_agrees_with_its_markdown(
            pieces in proptest::collection::vec(proptest::sample::select(PROSE_PIECES), 0..16),
        ) {
            let text = pieces.concat();
            let markdown = escape::cell(&text);
            let by_markdown = (!markdown.is_empty()).then(|| cell_inline(markdown));
            prop_assert_eq!(text_cell(&text), by_markdown, "{:?}", text);
        }

        #[test]
        fn reading_the_sheets_text_directly_agrees_with_the_parser(
            pieces in proptest::collection::vec(proptest::sample::select(SHEET_PIECES), 0..14),
            cell in any::<bool>(),
        ) {
            agrees(&pieces, cell)?;
        }

        #[test]
        fn reading_directly_agrees_with_the_parser(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..14),
            cell in any::<bool>(),
        ) {
            agrees(&pieces, cell)?;
        }
    }
}
