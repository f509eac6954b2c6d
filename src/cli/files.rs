//! Finding the files to check: the paths given (the current folder without one), folders
//! walked for `.charter` files with the `ignore` crate (honouring `.gitignore` and `.ignore`,
//! also outside a git repository, and skipping hidden files and folders), less what
//! `--exclude` names. `include` and `exclude` in `charter.toml` are applied afterwards, by
//! [`super::project`], because each file has its own nearest `charter.toml`.
//!
//! Also here: where the repository root is, for the formats that want paths relative to it.

use super::{describe_io_error, display_path};
use charter::config::Globs;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// The file extension the walk looks for.
pub const EXTENSION: &str = "charter";

/// A file to check.
pub struct Candidate {
    /// Where to read it (as given, or as the walk found it).
    pub path: PathBuf,
    /// How to show it: as given, or as the walk found it, with `/` between folders.
    pub shown: String,
    /// Its absolute path, with `.` and `..` resolved (without following links).
    pub absolute: PathBuf,
    /// Named on the command line, rather than found in a folder.
    pub explicit: bool,
    /// The folder argument it was found under (an index into the paths given).
    pub root: Option<usize>,
    /// Found in a folder as a symbolic link to a file outside that folder. `check` reads
    /// it like any other; `fmt` leaves it alone (it never writes outside the folder it was
    /// given).
    pub leads_outside: bool,
}

/// What the search found, before `charter.toml` settings are applied.
#[derive(Default)]
pub struct Found {
    /// Sorted by the path shown, each file once.
    pub files: Vec<Candidate>,
    /// Paths that cannot be read (the run fails), in the order met.
    pub problems: Vec<String>,
    /// Things worth saying that do not fail the run, in the order met.
    pub notes: Vec<String>,
}

/// `--exclude`: globs relative to the current folder.
pub struct Excludes {
    pub globs: Arc<Globs>,
    pub base: PathBuf,
}

impl Excludes {
    fn matches(&self, absolute: &Path, shown: &str) -> bool {
        !self.globs.is_empty()
            && self
                .globs
                .matches(&relative_or_shown(absolute, &self.base, shown))
    }
}

/// A path relative to `base` when it is under it; otherwise the path as shown, less its
/// root and `..` parts (so that a name pattern still applies).
fn relative_or_shown(absolute: &Path, base: &Path, shown: &str) -> PathBuf {
    match absolute.strip_prefix(base) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => Path::new(shown)
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .collect(),
    }
}

/// Every file to check, sorted by the path shown; a file reached twice is checked once.
pub fn find(paths: &[PathBuf], excludes: &Excludes) -> Found {
    let mut found = Found::default();
    let mut seen = HashSet::new();
    for (index, path) in paths.iter().enumerate() {
        let shown = display_path(path);
        let absolute = absolute(path, &excludes.base);
        match std::fs::metadata(path) {
            Err(e) => found
                .problems
                .push(format!("cannot read `{shown}`: {}", describe_io_error(&e))),
            Ok(meta) if meta.is_dir() => {
                let walked = walk(path, excludes);
                found.problems.extend(walked.problems);
                let mut kept = 0;
                for (file, leads_outside) in walked.files {
                    let shown = display_path(&file);
                    let absolute = self::absolute(&file, &excludes.base);
                    if excludes.matches(&absolute, &shown) {
                        continue;
                    }
                    kept += 1;
                    if seen.insert(absolute.clone()) {
                        found.files.push(Candidate {
                            path: file,
                            shown,
                            absolute,
                            explicit: false,
                            root: Some(index),
                            leads_outside,
                        });
                    }
                }
                if kept == 0 {
                    let place = if path == Path::new(".") {
                        "the current folder".to_string()
                    } else {
                        format!("`{shown}`")
                    };
                    let excluded = if walked.found > 0 || !excludes.globs.is_empty() {
                        " (after `--exclude`)"
                    } else {
                        ""
                    };
                    found.notes.push(format!(
                        "no `.{EXTENSION}` files found in {place}{excluded}"
                    ));
                }
            }
            Ok(_) => {
                if excludes.matches(&absolute, &shown) {
                    found
                        .notes
                        .push(format!("`{shown}` is not checked: it matches `--exclude`"));
                } else if seen.insert(absolute.clone()) {
                    found.files.push(Candidate {
                        path: path.clone(),
                        shown,
                        absolute,
                        explicit: true,
                        root: None,
                        leads_outside: false,
                    });
                }
            }
        }
    }
    // `Path` order compares folder by folder: `m/b.charter` comes before `m.charter`.
    found
        .files
        .sort_by(|a, b| Path::new(&a.shown).cmp(Path::new(&b.shown)));
    found
}

/// `files` less the ones that are the same file as an earlier one (reached through a link,
/// or another hard link), by device and inode; a file that cannot be looked at is kept (its
/// reading will say what is wrong).
pub fn one_per_file(files: Vec<Candidate>) -> Vec<Candidate> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mut seen = HashSet::new();
        files
            .into_iter()
            .filter(|file| match std::fs::metadata(&file.path) {
                Ok(meta) => seen.insert((meta.dev(), meta.ino())),
                Err(_) => true,
            })
            .collect()
    }
    #[cfg(not(unix))]
    {
        files
    }
}

struct Walked {
    /// Each file, and whether it is a link to a file outside the folder walked.
    files: Vec<(PathBuf, bool)>,
    /// How many `.charter` files there were before `--exclude`.
    found: usize,
    problems: Vec<String>,
}

/// The `.charter` files under a folder, honouring `.gitignore` (and `.ignore`) files even
/// outside a git repository, and skipping hidden files and folders. Folders that
/// `--exclude` matches are not entered.
fn walk(root: &Path, excludes: &Excludes) -> Walked {
    let mut files = Vec::new();
    let mut found = 0;
    let mut problems = Vec::new();
    let mut builder = ignore::WalkBuilder::new(root);
    builder.require_git(false);
    if !excludes.globs.is_empty() {
        let globs = Arc::clone(&excludes.globs);
        let base = excludes.base.clone();
        builder.filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if !is_dir || entry.depth() == 0 {
                return true;
            }
            let absolute = absolute(entry.path(), &base);
            match absolute.strip_prefix(&base) {
                Ok(rel) => !globs.matches_itself(rel),
                Err(_) => true,
            }
        });
    }
    // Where the folder really is, to tell whether a link leads out of it.
    let real_root = std::fs::canonicalize(root).ok();
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                // Devices, named pipes and sockets are not files, and never read.
                let (is_file, is_link) = match entry.file_type() {
                    Some(t) if t.is_file() => (true, false),
                    // A link to a file is checked like the file.
                    Some(t) if t.is_symlink() => (path.is_file(), true),
                    _ => (false, false),
                };
                if is_file && path.extension().is_some_and(|e| e == EXTENSION) {
                    let leads_outside = is_link
                        && match (&real_root, std::fs::canonicalize(path)) {
                            (Some(root), Ok(target)) => !target.starts_with(root),
                            _ => true,
                        };
                    found += 1;
                    // `./deals/a.charter` reads better as `deals/a.charter`.
                    let path = match path.strip_prefix(".") {
                        Ok(rest) if root == Path::new(".") => rest.to_path_buf(),
                        _ => path.to_path_buf(),
                    };
                    files.push((path, leads_outside));
                }
            }
            Err(e) => problems.push(describe_walk_error(&e, root)),
        }
    }
    Walked {
        files,
        found,
        problems,
    }
}

/// A problem met while walking a folder, as one sentence.
fn describe_walk_error(error: &ignore::Error, root: &Path) -> String {
    fn path_of(error: &ignore::Error) -> Option<&Path> {
        match error {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            ignore::Error::Loop { child, .. } => Some(child),
            _ => None,
        }
    }
    let shown = display_path(path_of(error).unwrap_or(root));
    if let ignore::Error::Loop { .. } = strip_context(error) {
        return format!("cannot read `{shown}`: it is a link that leads back into its own folder");
    }
    match error.io_error() {
        Some(e) => format!("cannot read `{shown}`: {}", describe_io_error(e)),
        None => format!("cannot read `{shown}`: {}", strip_context(error)),
    }
}

fn strip_context(error: &ignore::Error) -> &ignore::Error {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => strip_context(err),
        other => other,
    }
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved by their names (links are
/// not followed, as a shell's `cd` does not).
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The folder that paths are shown relative to in the `github`, `sarif` and `gitlab`
/// formats: `$GITHUB_WORKSPACE` or `$CI_PROJECT_DIR` (GitLab) when set, else the nearest
/// folder above the current one that holds `.git`, else the current folder.
pub fn repository_root(cwd: &Path) -> PathBuf {
    for variable in ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"] {
        if let Some(dir) = std::env::var_os(variable).filter(|v| !v.is_empty()) {
            return absolute(Path::new(&dir), cwd);
        }
    }
    cwd.ancestors()
        .find(|dir| dir.join(".git").exists())
        .unwrap_or(cwd)
        .to_path_buf()
}

/// A file's path relative to the repository root, with `/` between folders; the path as
/// shown when the file is outside the root (absolute when it was made absolute).
pub fn repository_path(root: &Path, absolute: &Path, shown: &str) -> String {
    if let Ok(rel) = absolute.strip_prefix(root) {
        return display_path(rel);
    }
    // The root may be written with links that the file's path resolves, or the other way.
    if let (Ok(root), Ok(file)) = (root.canonicalize(), absolute.canonicalize()) {
        if let Ok(rel) = file.strip_prefix(&root) {
            return display_path(rel);
        }
    }
    if Path::new(shown).is_absolute() {
        shown.to_string()
    } else {
        display_path(absolute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_resolve_dots_by_name() {
        let cwd = Path::new("/work/repo");
        assert_eq!(
            absolute(Path::new("./a/../b.charter"), cwd),
            Path::new("/work/repo/b.charter")
        );
        assert_eq!(absolute(Path::new("../x"), cwd), Path::new("/work/x"));
        assert_eq!(absolute(Path::new("/abs/./y"), cwd), Path::new("/abs/y"));
    }

    #[test]
    fn repository_paths_are_relative_to_the_root() {
        let root = Path::new("/work/repo");
        assert_eq!(
            repository_path(
                root,
                Path::new("/work/repo/deals/a.charter"),
                "./deals/a.charter"
            ),
            "deals/a.charter"
        );
        assert_eq!(
            repository_path(
                root,
                Path::new("/elsewhere/a.charter"),
                "../../elsewhere/a.charter"
            ),
            "/elsewhere/a.charter"
        );
    }
}
