//! Temporary files: how they are made and how the ones a killed run left are removed.
//!
//! A temporary is created exclusively (`O_EXCL`: an existing file or a planted link under
//! its name is never opened) in the target's own folder, so that renaming it over the
//! target is one step. Its name, `.NAME.charter-tmp-PID-XXXXXX` (the target's name, the
//! process id of the run, six random characters), is hidden, so folder walks skip it, and
//! says what it is. An error removes it; only a run killed at the wrong moment (SIGKILL, a
//! power cut) can leave it behind.
//!
//! Before it first writes in a folder, a run removes that folder's stale temporaries:
//! regular files named as above (or as earlier versions named them, `.NAME.charter-tmp-PID`
//! and `.charter-fmt-XXXXXX.tmp`) that have not been touched for [`QUIET`], and whose run is
//! over — its process is gone (on Linux, where `/proc` tells) or the file is older than
//! [`ABANDONED`].

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, SystemTime};
use tempfile::NamedTempFile;

/// What every temporary's name holds.
const MARK: &str = ".charter-tmp-";

/// A temporary touched more recently than this is never removed: its run may be writing it.
pub const QUIET: Duration = Duration::from_secs(10);

/// A temporary older than this is removed even when its process may still be running.
pub const ABANDONED: Duration = Duration::from_secs(15 * 60);

/// The longest part of the target's name kept in a temporary's name (names are limited to
/// 255 bytes on most systems).
const NAME_CHARS: usize = 100;

/// A new temporary beside `target`, holding `content`.
pub fn create(target: &Path, content: &[u8]) -> io::Result<NamedTempFile> {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    clean_once(folder);
    let name: String = target
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(NAME_CHARS).collect())
        .unwrap_or_default();
    let prefix = format!(".{name}{MARK}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(6);
    // As any new file: what the umask allows (tempfile's default is the owner alone).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(folder)?;
    // On an error the temporary is dropped, which removes it.
    temporary.write_all(content)?;
    Ok(temporary)
}

/// Remove the stale temporaries of `folder`, once per run.
fn clean_once(folder: &Path) {
    static CLEANED: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    let key = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let first = CLEANED
        .get_or_init(Mutex::default)
        .lock()
        .map_or(true, |mut cleaned| cleaned.insert(key));
    if first {
        remove_stale(folder, SystemTime::now());
    }
}

/// Remove what [`is_stale`] says is stale in `folder`. Best effort: a temporary that cannot
/// be removed is left, silently.
pub fn remove_stale(folder: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = temporary_name(name) else {
            continue;
        };
        // Not followed: a link is never a temporary Charter made.
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.file_type().is_file() {
            continue;
        }
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if is_stale(age, pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `name` is a temporary's; with the process id of its run when the name has one.
fn temporary_name(name: &str) -> Option<Option<u32>> {
    if !name.starts_with('.') {
        return None;
    }
    if let Some(at) = name.rfind(MARK) {
        let rest = name.get(at + MARK.len()..)?;
        let pid = rest.split('-').next().and_then(|p| p.parse().ok());
        return Some(pid);
    }
    // Earlier versions of `charter fmt`.
    (name.starts_with(".charter-fmt-") && name.ends_with(".tmp")).then_some(None)
}

/// Stale: untouched for [`QUIET`], and its run over (its process gone) or older than
/// [`ABANDONED`].
fn is_stale(age: Duration, pid: Option<u32>) -> bool {
    age >= QUIET && (age >= ABANDONED || pid.is_some_and(process_is_gone))
}

fn process_is_gone(pid: u32) -> bool {
    pid != std::process::id()
        && Path::new("/proc/self").exists()
        && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_recognised_by_name() {
        assert_eq!(
            temporary_name(".a.charter.charter-tmp-123-Ab3dE9"),
            Some(Some(123))
        );
        assert_eq!(temporary_name(".a.md.charter-tmp-77"), Some(Some(77)));
        assert_eq!(temporary_name(".charter-fmt-x1y2z3.tmp"), Some(None));
        assert_eq!(temporary_name("a.charter.charter-tmp-123-Ab3dE9"), None);
        assert_eq!(temporary_name(".a.charter"), None);
    }

    #[test]
    fn only_quiet_temporaries_of_finished_runs_are_stale() {
        let minute = Duration::from_secs(60);
        let gone = 4_000_000_000; // above any system's largest process id
        let alive = std::process::id();
        assert!(!is_stale(Duration::from_secs(1), Some(gone)));
        assert!(is_stale(minute, Some(gone)) || !Path::new("/proc/self").exists());
        assert!(!is_stale(minute, Some(alive)));
        assert!(!is_stale(minute, None));
        assert!(is_stale(ABANDONED, Some(alive)));
        assert!(is_stale(ABANDONED, None));
    }

    #[test]
    fn a_temporary_is_hidden_named_after_its_target_and_new() {
        let dir = tempfile::TempDir::new().unwrap();
        let target = dir.path().join("deal.charter");
        let temporary = create(&target, b"text").unwrap();
        let name = temporary
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let prefix = format!(".deal.charter.charter-tmp-{}-", std::process::id());
        assert!(name.starts_with(&prefix), "{name}");
        assert_eq!(name.len(), prefix.len() + 6, "{name}");
        assert_eq!(fs::read(temporary.path()).unwrap(), b"text");
        let path = temporary.path().to_path_buf();
        drop(temporary);
        assert!(!path.exists());
    }
}
