//! Writing files safely: the outputs of `build`, the report of `check -o`, and the files
//! `fmt` rewrites. One way of writing for all three:
//!
//! - the new text goes to a temporary file created exclusively (`O_EXCL`, so a link planted
//!   under its name is never followed) beside the target, named `.NAME.charter-tmp-PID-XXXXXX`
//!   (hidden, so folder walks skip it; see [`super::temporary`]), which is then renamed over
//!   the target: the target is at every moment the old text or the new, never half of one;
//! - an error on the way removes the temporary;
//! - a target that is a symbolic link is written through: the file it names is replaced
//!   and the link stays a link (a link that names nothing yet gets its file created);
//! - a target that is a device or a named pipe (`/dev/null`, `/dev/stdout`) is written to
//!   directly, never replaced;
//! - the target's permissions and, where the system allows, its owner and group are kept.
//!
//! `fmt` adds two guarantees ([`replace`]): the file is compared with what was read just
//! before it is replaced, and left alone if it changed; and a file with several hard links
//! is rewritten in place (its inode kept, so every link sees the new text), which is not
//! atomic: a crash in the middle of that write can leave the file half written.

use super::read::open_without_waiting;
use super::temporary;
use std::fs::{self, File, Metadata};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Write `content` to `path` (an output of `build`, the report of `check -o`): created if
/// it does not exist, replaced whole otherwise.
pub fn write_output(path: &Path, content: &[u8]) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => {
            let target = fs::canonicalize(path)?;
            let temporary = temporary::create(&target, content)?;
            // Best effort: an output owned by someone else becomes the writer's.
            let _ = keep_owner(temporary.as_file(), &meta);
            temporary.as_file().set_permissions(meta.permissions())?;
            temporary.as_file().sync_all()?;
            temporary.persist(&target).map_err(|e| e.error)?;
            Ok(())
        }
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        )),
        // A device or a named pipe: written to, not replaced.
        Ok(_) => {
            let mut file = fs::OpenOptions::new().write(true).open(path)?;
            file.write_all(content)?;
            file.flush()
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let target = follow_links(path)?;
            let temporary = temporary::create(&target, content)?;
            temporary.as_file().sync_all()?;
            temporary.persist(&target).map_err(|e| e.error)?;
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// A file as `fmt` read it.
pub struct Original<'a> {
    pub bytes: &'a [u8],
    /// Taken through the handle the bytes were read from, before reading.
    pub metadata: &'a Metadata,
}

/// Why [`replace`] did not write.
pub enum NotWritten {
    /// The file is no longer what was read: someone changed it meanwhile.
    Changed,
    Io(io::Error),
}

impl From<io::Error> for NotWritten {
    fn from(e: io::Error) -> NotWritten {
        NotWritten::Io(e)
    }
}

/// Replace the file at `path` (through a link, the file it names) with `text`, keeping its
/// permissions, owner, group and hard links, unless it is no longer `original`.
pub fn replace(path: &Path, text: &[u8], original: &Original<'_>) -> Result<(), NotWritten> {
    let target = fs::canonicalize(path)?;
    if original.metadata.permissions().readonly() {
        return Err(NotWritten::Io(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )));
    }
    if has_other_links(original.metadata) {
        return rewrite_in_place(&target, text, original);
    }
    let temporary = temporary::create(&target, text)?;
    if !keep_owner(temporary.as_file(), original.metadata) {
        // Only the owner's own process (or root) can give a file away; the file is then
        // rewritten where it is, which keeps its owner.
        drop(temporary);
        return rewrite_in_place(&target, text, original);
    }
    // After the owner: changing the owner clears the set-user-id and set-group-id bits.
    temporary
        .as_file()
        .set_permissions(original.metadata.permissions())?;
    temporary.as_file().sync_all()?;
    hold_for_tests();
    let mut current = open_without_waiting(&target)?;
    if !is_as_read(&mut current, original)? {
        return Err(NotWritten::Changed);
    }
    temporary.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Overwrite the file itself (same inode), after checking through the same handle that it
/// is still what was read.
fn rewrite_in_place(target: &Path, text: &[u8], original: &Original<'_>) -> Result<(), NotWritten> {
    let mut file = open_for_rewriting(target)?;
    hold_for_tests();
    if !is_as_read(&mut file, original)? {
        return Err(NotWritten::Changed);
    }
    file.seek(SeekFrom::Start(0))?;
    file.write_all(text)?;
    file.set_len(u64::try_from(text.len()).unwrap_or(u64::MAX))?;
    file.sync_all()?;
    Ok(())
}

#[cfg(unix)]
fn open_for_rewriting(target: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(target)
}

#[cfg(not(unix))]
fn open_for_rewriting(target: &Path) -> io::Result<File> {
    fs::OpenOptions::new().read(true).write(true).open(target)
}

/// Whether the open file is still the one read: the same file (device and inode), the same
/// size and modification time, and the same bytes (compared piece by piece, without a
/// second copy in memory).
fn is_as_read(file: &mut File, original: &Original<'_>) -> io::Result<bool> {
    let now = file.metadata()?;
    let then = original.metadata;
    if !now.is_file()
        || !same_inode(&now, then)
        || now.len() != then.len()
        || now.modified().ok() != then.modified().ok()
    {
        return Ok(false);
    }
    let mut rest = original.bytes;
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match file.read(&mut buffer) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let Some(piece) = buffer.get(..n) else {
            return Ok(false);
        };
        if n == 0 {
            return Ok(rest.is_empty());
        }
        match rest.strip_prefix(piece) {
            Some(after) => rest = after,
            None => return Ok(false),
        }
    }
}

#[cfg(unix)]
fn same_inode(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_inode(_: &Metadata, _: &Metadata) -> bool {
    true
}

#[cfg(unix)]
fn has_other_links(meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() > 1
}

#[cfg(not(unix))]
fn has_other_links(_: &Metadata) -> bool {
    false
}

/// Give `file` the owner and group of `meta`; false when the system does not allow it.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    match file.metadata() {
        Ok(mine) if (mine.uid(), mine.gid()) == (meta.uid(), meta.gid()) => true,
        _ => std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_ok(),
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) -> bool {
    true
}

/// The path a write to `path` lands on when `path` does not exist: the end of its chain of
/// symbolic links (relative links are relative to the folder of the link).
pub fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&at)?;
                at = match at.parent() {
                    Some(folder) => folder.join(next),
                    None => next,
                };
            }
            Ok(_) => return Ok(at),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(at),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("it is a chain of more than 40 links"))
}

/// Tests only (debug builds): with `CHARTER_TEST_HOLD_BEFORE_WRITE=PATH`, say so by creating
/// `PATH.ready`, then wait (ten seconds at most) for `PATH.go` before comparing the file
/// with what was read, so that a test can change the file at exactly this moment.
#[cfg(debug_assertions)]
fn hold_for_tests() {
    let Some(base) = std::env::var_os("CHARTER_TEST_HOLD_BEFORE_WRITE") else {
        return;
    };
    let with = |suffix: &str| {
        let mut name = base.clone();
        name.push(suffix);
        PathBuf::from(name)
    };
    let _ = File::create(with(".ready"));
    let go = with(".go");
    for _ in 0..1000 {
        if go.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[cfg(not(debug_assertions))]
fn hold_for_tests() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn dangling_links_are_followed_to_the_file_they_name() {
        let dir = tempfile::TempDir::new().unwrap();
        std::os::unix::fs::symlink("real.md", dir.path().join("link.md")).unwrap();
        assert_eq!(
            follow_links(&dir.path().join("link.md")).unwrap(),
            dir.path().join("real.md")
        );
        write_output(&dir.path().join("link.md"), b"text").unwrap();
        assert_eq!(fs::read(dir.path().join("real.md")).unwrap(), b"text");
        assert!(fs::symlink_metadata(dir.path().join("link.md"))
            .unwrap()
            .file_type()
            .is_symlink());
    }

    #[test]
    fn a_changed_file_is_not_replaced() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("a.charter");
        fs::write(&path, "old").unwrap();
        let metadata = File::open(&path).unwrap().metadata().unwrap();
        let original = Original {
            bytes: b"old",
            metadata: &metadata,
        };
        fs::write(&path, "new").unwrap();
        assert!(matches!(
            replace(&path, b"formatted", &original),
            Err(NotWritten::Changed)
        ));
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }
}
