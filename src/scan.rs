//! Finding the few bytes that matter in long text: the line feeds (memchr's search) and the
//! bytes of a set given as a table, thirty-two bytes at a time.

/// `text` split at each line feed, as `text.split('\n')` splits it, with memchr's search.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |end| {
            let end = end.unwrap_or(text.len());
            // A line feed is one byte: both ends are character boundaries.
            let line = text.get(start..end).unwrap_or_default();
            start = end + 1;
            line
        })
}

/// The offsets, in order, of the bytes of `bytes` that `set` marks.
///
/// Each block of thirty-two bytes is looked up whole into a mask, with no branch inside it,
/// and the mask's bits are then taken one by one: a text where one byte in thirty is
/// marked (the full stops of prose) is read about twice as fast as by stopping at each
/// marked byte and starting again after it.
pub(crate) fn positions<'a>(bytes: &'a [u8], set: &'static [bool; 256]) -> Positions<'a> {
    Positions {
        bytes,
        set,
        base: 0,
        next: 0,
        mask: 0,
    }
}

/// See [`positions`].
pub(crate) struct Positions<'a> {
    bytes: &'a [u8],
    set: &'static [bool; 256],
    /// Where the block of `mask` starts.
    base: usize,
    /// Where the next block starts.
    next: usize,
    /// The marked bytes of the block at `base` not yet taken, one bit each.
    mask: u32,
}

/// The bytes of a block.
const BLOCK: usize = 32;

impl Iterator for Positions<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let rest = self.bytes.get(self.next..).filter(|r| !r.is_empty())?;
            let set = self.set;
            let bit = |k: usize, b: &u8| u32::from(set[usize::from(*b)]) << k;
            self.mask = match rest.first_chunk::<BLOCK>() {
                Some(block) => block.iter().enumerate().fold(0, |m, (k, b)| m | bit(k, b)),
                None => rest.iter().enumerate().fold(0, |m, (k, b)| m | bit(k, b)),
            };
            self.base = self.next;
            self.next += rest.len().min(BLOCK);
        }
        let at = self.base + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    static VOWELS: [bool; 256] = {
        let mut table = [false; 256];
        table[b'a' as usize] = true;
        table[b'e' as usize] = true;
        table[0xC3] = true;
        table
    };

    proptest! {
        #[test]
        fn positions_are_the_marked_bytes_in_order(text in "[abcde é\n]{0,200}") {
            let bytes = text.as_bytes();
            let expected: Vec<usize> =
                (0..bytes.len()).filter(|&i| VOWELS[usize::from(bytes[i])]).collect();
            prop_assert_eq!(super::positions(bytes, &VOWELS).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn lines_are_split_at_each_line_feed(text in "[a \n\r]{0,100}") {
            prop_assert_eq!(
                super::split_lines(&text).collect::<Vec<_>>(),
                text.split('\n').collect::<Vec<_>>()
            );
        }
    }
}
