//! Characters a reader cannot see, or cannot tell from others.
//!
//! Two kinds matter in an agreement:
//! - **direction controls** (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) change
//!   the order in which the text around them is displayed, so that `55% … 45%` can show as
//!   `45% … 55%` while the file says otherwise (the "Trojan Source" attack);
//! - **invisible characters** (zero-width space, word joiner, a byte order mark inside the
//!   text, the invisible mathematical operators) display as nothing at all, so two names
//!   that look the same can differ.
//!
//! Joiners (U+200C, U+200D) are left alone: Persian, Indic scripts and emoji need them.
//! Messages name a character by its code point and Unicode name
//! (`U+0430 CYRILLIC SMALL LETTER A`), through `unicode_names2`.

/// Why a character is hidden from a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// It changes the direction in which the text around it is displayed.
    Direction,
    /// It displays as nothing.
    Invisible,
}

/// Whether `c` is a character a reader cannot see (see the module documentation).
pub fn hidden(c: char) -> Option<Hidden> {
    match c {
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some(Hidden::Direction),
        '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => Some(Hidden::Invisible),
        _ => None,
    }
}

/// The bytes the UTF-8 form of every character of [`hidden`] starts with (U+061C: D8;
/// U+200B to U+2069: E2; U+FEFF: EF).
pub const HIDDEN_LEAD_BYTES: [u8; 3] = [0xD8, 0xE2, 0xEF];

/// Every hidden character of `text` with its byte offset, except a byte order mark at the
/// very start (which marks the file as UTF-8 and is not part of the text).
pub fn hidden_in(text: &str) -> impl Iterator<Item = (usize, char, Hidden)> + '_ {
    // A quick search for the bytes a hidden character starts with skips the rest of the
    // text (nearly always all of it).
    let bytes = text.as_bytes();
    let [a, b, c] = HIDDEN_LEAD_BYTES;
    memchr::memchr3_iter(a, b, c, bytes).filter_map(move |at| {
        let c = text.get(at..)?.chars().next()?;
        let kind = hidden(c)?;
        (!(at == 0 && c == '\u{FEFF}')).then_some((at, c, kind))
    })
}

/// Whether `text` holds a hidden character anywhere (a byte order mark included): a quick
/// search for the bytes one starts with, then a look at the character there.
pub fn any_hidden(text: &str) -> bool {
    let [a, b, c] = HIDDEN_LEAD_BYTES;
    memchr::memchr3_iter(a, b, c, text.as_bytes()).any(|at| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| hidden(c).is_some())
    })
}

/// `U+0430 CYRILLIC SMALL LETTER A`: a character's code point and, when Unicode names it,
/// its name.
pub fn describe(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => format!("U+{:04X} {name}", u32::from(c)),
        None => format!("U+{:04X}", u32::from(c)),
    }
}

/// `U+202E`: a character's code point.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_found_and_look_alike_leads_are_not() {
        // The em dash and the arrow start with a hidden character's lead bytes (E2, EF).
        for text in ["Helix — Cortexa", "a → b", "\u{FFE0}", "plain", ""] {
            assert!(!any_hidden(text), "{text:?}");
        }
        for text in ["a\u{202E}b", "\u{FEFF}", "x\u{200B}", "\u{061C}"] {
            assert!(any_hidden(text), "{text:?}");
        }
    }

    #[test]
    fn every_hidden_character_starts_with_a_listed_byte() {
        let mut buf = [0; 4];
        let hidden_chars = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| hidden(c).is_some());
        let mut n = 0;
        for c in hidden_chars {
            n += 1;
            let lead = c.encode_utf8(&mut buf).as_bytes().first().copied();
            assert!(
                lead.is_some_and(|b| HIDDEN_LEAD_BYTES.contains(&b)),
                "{c:?}"
            );
        }
        assert!(n > 10);
    }

    #[test]
    fn characters_are_named_by_code_point_and_name() {
        assert_eq!(describe('\u{430}'), "U+0430 CYRILLIC SMALL LETTER A");
        assert_eq!(describe('\u{202E}'), "U+202E RIGHT-TO-LEFT OVERRIDE");
        assert_eq!(code_point('\u{200B}'), "U+200B");
    }

    #[test]
    fn hidden_characters_are_found_where_they_are() {
        let text = "\u{FEFF}a \"55%\u{202E} b\" \u{200B}c \u{200D}\u{e9}\u{2014}";
        let found: Vec<_> = hidden_in(text).map(|(at, c, _)| (at, c)).collect();
        assert_eq!(found, vec![(9, '\u{202E}'), (16, '\u{200B}')]);
        assert_eq!(hidden('\u{2067}'), Some(Hidden::Direction));
        assert_eq!(hidden('\u{2060}'), Some(Hidden::Invisible));
        assert_eq!(hidden('\u{200D}'), None);
        assert_eq!(hidden('a'), None);
    }
}
