//! One pass over the raw text before pest sees it.
//!
//! It does two jobs that pest cannot do well:
//! - it collects every `//` comment (the grammar skips them silently), with whether code
//!   stands before it on its line, for the formatter;
//! - it measures nesting: blocks, lists and maps together may nest 32 deep (the agreement
//!   is level 1). The first construct at level 33 is reported once, and its contents are
//!   blanked out (replaced by spaces, byte for byte, line ends kept) so that pest never
//!   recurses deeper than the limit — 100,000 nested braces cost one linear scan, not a
//!   stack overflow.

use super::ast::Comment;
use crate::span::Span;

pub(crate) struct Prescan {
    pub comments: Vec<Comment>,
    /// Offsets of the opening brackets of constructs nested too deep.
    pub too_deep: Vec<u32>,
    /// Byte ranges to blank out (the contents of the too-deep constructs).
    pub blank: Vec<(usize, usize)>,
    /// Strings and text blocks longer than `limits::MAX_STRING_BYTES`, quotes included.
    pub long_strings: Vec<(usize, usize)>,
    /// The brackets that open level 2 (the top-level items of the agreement), each with
    /// its matching closing bracket (or the end of the text), in the order of the text.
    pub top_level: Vec<(usize, usize)>,
    /// The bracket pairs, at any level, that hold more than the `large` bytes given to
    /// [`prescan`], each as (open, close), in the order of their opening brackets: the
    /// blocks that are read child by child.
    pub large: Vec<(usize, usize)>,
}

pub(crate) fn prescan(text: &str, max_depth: usize, large: usize) -> Prescan {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut out = Prescan {
        comments: Vec::new(),
        too_deep: Vec::new(),
        blank: Vec::new(),
        long_strings: Vec::new(),
        top_level: Vec::new(),
        large: Vec::new(),
    };
    let mut depth = 0usize;
    // The opening brackets of the constructs open at `i`, up to the nesting limit.
    let mut opens: Vec<usize> = Vec::new();
    // The opening bracket of the level-2 construct being read.
    let mut top_open: Option<usize> = None;
    let mut line_has_code = false;
    // While inside a too-deep construct: the depth to return to, and where its contents start.
    let mut skipping: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < len {
        match bytes[i] {
            b'\n' => {
                line_has_code = false;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = memchr::memchr(b'\n', &bytes[i..]).map_or(len, |p| i + p);
                if skipping.is_none() {
                    let body_end = if end > i + 2 && bytes[end - 1] == b'\r' {
                        end - 1
                    } else {
                        end
                    };
                    out.comments.push(Comment {
                        span: Span::from_range(i, body_end),
                        text: text.get(i + 2..body_end).unwrap_or_default().to_string(),
                        trailing: line_has_code,
                    });
                }
                i = end;
            }
            b'"' => {
                line_has_code = true;
                let start = i;
                let mut closed = false;
                if bytes[i..].starts_with(b"\"\"\"") {
                    i = match memchr::memmem::find(&bytes[i + 3..], b"\"\"\"") {
                        Some(j) => {
                            closed = true;
                            i + 3 + j + 3
                        }
                        None => len,
                    };
                } else {
                    i += 1;
                    // Jump from one `\`, `"` or line end to the next.
                    loop {
                        let rest = bytes.get(i..).unwrap_or_default();
                        let Some(j) = memchr::memchr3(b'\\', b'"', b'\n', rest) else {
                            // Unclosed up to the end of the file.
                            i = len;
                            break;
                        };
                        i += j;
                        match bytes[i] {
                            b'\\' => i += 2,
                            b'"' => {
                                i += 1;
                                closed = true;
                                break;
                            }
                            // An unterminated string ends at the line end; pest reports it.
                            _ => break,
                        }
                    }
                    i = i.min(len);
                }
                // (An unclosed one is reported as unclosed, by pest.)
                if closed && i - start > crate::limits::MAX_STRING_BYTES && skipping.is_none() {
                    out.long_strings.push((start, i));
                }
            }
            b'{' | b'[' => {
                line_has_code = true;
                depth += 1;
                if depth == 2 {
                    top_open = Some(i);
                }
                if depth <= max_depth {
                    opens.push(i);
                }
                if depth > max_depth && skipping.is_none() {
                    out.too_deep.push(u32::try_from(i).unwrap_or(u32::MAX));
                    skipping = Some((depth - 1, i + 1));
                }
                i += 1;
            }
            b'}' | b']' => {
                line_has_code = true;
                if depth == 2 {
                    if let Some(open) = top_open.take() {
                        out.top_level.push((open, i));
                    }
                }
                if (1..=max_depth).contains(&depth) {
                    if let Some(open) = opens.pop() {
                        if i - open > large {
                            out.large.push((open, i));
                        }
                    }
                }
                depth = depth.saturating_sub(1);
                if let Some((return_depth, start)) = skipping {
                    if depth == return_depth {
                        out.blank.push((start, i));
                        skipping = None;
                    }
                }
                i += 1;
            }
            _ => {
                line_has_code = true;
                i += 1;
            }
        }
    }
    if let Some((_, start)) = skipping {
        out.blank.push((start, len));
    }
    if let Some(open) = top_open {
        out.top_level.push((open, len));
    }
    // Unclosed at the end of the text.
    out.large.extend(
        opens
            .into_iter()
            .filter(|&open| len - open > large)
            .map(|open| (open, len)),
    );
    // Inner pairs close first; the builder looks them up by their opening bracket.
    out.large.sort_unstable();
    out
}

/// The text with the too-deep contents blanked out, byte for byte.
pub(crate) fn blanked(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(start, end) in ranges {
        for b in bytes.get_mut(start..end).into_iter().flatten() {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole characters are replaced (the ranges start and end at ASCII brackets), so the
    // result is valid UTF-8; fall back to the original text rather than fail.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_collected_outside_strings() {
        let text = "a: \"// not a comment\" // trailing\n// own line\r\n";
        let scan = prescan(text, 32, 64);
        let texts: Vec<_> = scan.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [" trailing", " own line"]);
        assert!(scan.comments[0].trailing);
        assert!(!scan.comments[1].trailing);
    }

    #[test]
    fn strings_and_text_blocks_hide_brackets_and_comments() {
        let text = "a: \"{ // \\\" [\" \"\"\"\n{ // x\n\"\"\" b: \"unclosed { // y";
        let scan = prescan(text, 1, 64);
        assert!(scan.comments.is_empty(), "{:?}", scan.comments.len());
        assert!(scan.too_deep.is_empty());
    }

    #[test]
    fn too_deep_is_found_once_and_blanked() {
        let text = format!("{}{}", "[".repeat(40), "]".repeat(40));
        let scan = prescan(&text, 32, 64);
        assert_eq!(scan.too_deep, [32]);
        assert_eq!(scan.blank, [(33, 47)]);
        let blanked = blanked(&text, &scan.blank);
        assert_eq!(blanked.len(), text.len());
        assert!(blanked[33..47].bytes().all(|b| b == b' '));
    }

    #[test]
    fn top_level_brackets_are_paired() {
        let text = "agreement \"A\" {\n  party a \"}\" { x: [1] }\n  allow: [b]\n  c {";
        let scan = prescan(text, 32, 64);
        let pairs: Vec<_> = scan
            .top_level
            .iter()
            .map(|&(open, close)| (&text[open..=open], text.get(close..=close)))
            .collect();
        assert_eq!(
            pairs,
            [("{", Some("}")), ("[", Some("]")), ("{", None)],
            "{:?}",
            scan.top_level
        );
        assert_eq!(scan.top_level[0], (30, 39));
    }

    #[test]
    fn large_pairs_are_found_at_every_level() {
        let inner = format!("{{ {} }}", "x ".repeat(40));
        let text = format!(
            "{{ a {{ b {inner} c {{ d }} }} e [ \"{}\" ] {{ open",
            "]".repeat(70)
        );
        let scan = prescan(&text, 32, 64);
        let pairs: Vec<_> = scan
            .large
            .iter()
            .map(|&(open, close)| (text[open..].chars().next(), text.get(close..=close)))
            .collect();
        // The outermost (unclosed), the `a` block, the inner block, and the list whose
        // string is long; not the small `c` block.
        assert_eq!(
            pairs,
            [
                (Some('{'), None),
                (Some('{'), Some("}")),
                (Some('{'), Some("}")),
                (Some('['), Some("]")),
            ]
        );
    }

    #[test]
    fn unclosed_deep_nesting_blanks_to_the_end() {
        let text = "{".repeat(100_000);
        let scan = prescan(&text, 32, 64);
        assert_eq!(scan.too_deep.len(), 1);
        assert_eq!(scan.blank, [(33, 100_000)]);
    }
}
