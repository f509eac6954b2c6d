//! Reading an agreement: the one function every subcommand uses to read a file.
//!
//! Whatever a path names, reading it is bounded and never waits: the file type is looked at
//! before the file is opened (a folder, a named pipe, a device or a socket is refused with
//! one sentence), the file is opened without blocking (so a regular file swapped for a
//! named pipe in the meantime cannot hang the run) and looked at again through the open
//! handle; a file whose size is over [`MAX_FILE_BYTES`] is not read at all; and at most
//! `MAX_FILE_BYTES + 1` bytes are ever read, so a file that grows while it is read, or
//! whose size is wrong (some `/proc` files say 0), still costs at most the limit.

use super::describe_io_error;
use charter::check::{too_large, FileReport};
use charter::limits::{Omitted, MAX_FILE_BYTES};
use std::fs::{self, File, FileType, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// What reading a file gave.
pub enum Contents {
    /// Every byte of the file (at most [`MAX_FILE_BYTES`]).
    Bytes(Vec<u8>),
    /// The file is larger than Charter reads: its size in bytes, as far as it is known
    /// (at least `MAX_FILE_BYTES + 1`). Its bytes were not kept.
    TooLarge(u64),
}

/// A file as read, with its metadata as it was when it was opened (what `fmt` compares
/// with before it writes).
pub struct Loaded {
    pub contents: Contents,
    pub metadata: Metadata,
}

/// Read the file at `path` (a link is followed to the file it names). The error is one
/// sentence for the user, naming the file as `shown`.
pub fn read_file(path: &Path, shown: &str) -> Result<Loaded, String> {
    let cannot = |why: String| format!("cannot read `{shown}`: {why}");
    let io_error = |e: io::Error| cannot(describe_io_error(&e));
    let before = fs::metadata(path).map_err(io_error)?;
    refuse_unless_file(before.file_type()).map_err(cannot)?;
    let file = open_without_waiting(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    refuse_unless_file(metadata.file_type()).map_err(cannot)?;
    let contents = read_bounded(file, metadata.len()).map_err(io_error)?;
    Ok(Loaded { contents, metadata })
}

/// Read at most `MAX_FILE_BYTES + 1` bytes from `reader`, whose size is said to be `size`
/// (a hint: 0 when unknown). Nothing is read when `size` is already over the limit.
pub fn read_bounded(reader: impl Read, size: u64) -> io::Result<Contents> {
    let limit = limit();
    if size > limit {
        return Ok(Contents::TooLarge(size));
    }
    // One byte more than the size, so that reaching the end needs no second allocation.
    let capacity = usize::try_from(size.saturating_add(1)).unwrap_or(MAX_FILE_BYTES);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        Ok(Contents::TooLarge(read.max(size)))
    } else {
        Ok(Contents::Bytes(bytes))
    }
}

/// A file's bytes as text for its report: checked as UTF-8 by the fast path (nearly every
/// file), decoded lossily only when they are not, so that a finding can still be shown.
pub fn report_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The report of a file over the size limit: its one `syntax-error`, and no text (the
/// file was not read, and its first line may be megabytes long).
pub fn too_large_report(size: u64) -> FileReport {
    FileReport::new(String::new(), vec![too_large(size)], Omitted::default())
}

fn limit() -> u64 {
    u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX)
}

/// `Ok` for a regular file; otherwise what the path is, as the end of "it is …, not a file".
pub fn refuse_unless_file(file_type: FileType) -> Result<(), String> {
    if file_type.is_file() {
        return Ok(());
    }
    let what = if file_type.is_dir() {
        "a folder"
    } else {
        special_kind(file_type)
    };
    Err(format!("it is {what}, not a file"))
}

#[cfg(unix)]
fn special_kind(file_type: FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a named pipe (FIFO)"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "something other than a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: FileType) -> &'static str {
    "something other than a regular file"
}

/// Open for reading without waiting: a named pipe opened this way does not wait for a
/// writer (it is then refused by the caller, unread), and a terminal does not become the
/// run's controlling terminal.
#[cfg(unix)]
pub fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
pub fn open_without_waiting(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_bounded_whatever_the_size_says() {
        let limit = limit();
        // A source that never ends, which says it is empty.
        match read_bounded(io::repeat(b'a'), 0) {
            Ok(Contents::TooLarge(size)) => assert_eq!(size, limit + 1),
            _ => panic!("an endless source must be too large"),
        }
        // A size over the limit: nothing is read.
        match read_bounded(io::repeat(b'a'), limit + 10) {
            Ok(Contents::TooLarge(size)) => assert_eq!(size, limit + 10),
            _ => panic!("a large size must be too large"),
        }
        match read_bounded(&b"agreement"[..], 9) {
            Ok(Contents::Bytes(bytes)) => assert_eq!(bytes, b"agreement"),
            _ => panic!("a small file is read"),
        }
    }

    #[test]
    fn the_report_of_a_large_file_has_no_text() {
        let report = too_large_report(70 * 1024 * 1024);
        assert!(report.text.is_empty());
        assert_eq!(
            report.diagnostics.first().map(|d| d.message.as_str()),
            Some("this file is 70 MB, larger than the 64 MB Charter reads")
        );
    }
}
