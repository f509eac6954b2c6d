//! Finding each file's project settings: the nearest `charter.toml`, walking up from the
//! file's folder (as Ruff finds `ruff.toml`). Each settings file is read and parsed once per
//! run; its own mistakes are reported like a checked file's, with spans in `charter.toml`.
//!
//! The nearest `charter.toml` governs a file entirely: its levels, and its `include` and
//! `exclude` globs, which are relative to the folder that holds it.

use super::display_path;
use super::read::{read_file, Contents, Loaded};
use charter::check::FileReport;
use charter::config::{self, Config, Globs};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FILE_NAME: &str = "charter.toml";

/// One `charter.toml`, ready to use.
pub struct Project {
    pub config: Arc<Config>,
    /// The folder that holds it: `include` and `exclude` are relative to it.
    pub folder: PathBuf,
    include: Globs,
    exclude: Globs,
}

/// Why a file is not checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// It matches `exclude`.
    Excluded,
    /// `include` is set and the file does not match it.
    NotIncluded,
}

impl Project {
    /// Whether `charter.toml` keeps the file at `absolute` from being checked. A file named
    /// on the command line is subject to `exclude` only; `include` chooses what a folder
    /// walk checks.
    pub fn skips(&self, absolute: &Path, explicit: bool) -> Option<Skip> {
        let relative = absolute.strip_prefix(&self.folder).ok()?;
        if self.exclude.matches(relative) {
            Some(Skip::Excluded)
        } else if !explicit && !self.include.is_empty() && !self.include.matches(relative) {
            Some(Skip::NotIncluded)
        } else {
            None
        }
    }
}

#[derive(Default)]
pub struct Projects {
    /// Folder → the settings that apply there.
    by_folder: HashMap<PathBuf, Option<Arc<Project>>>,
    /// Settings files met so far.
    by_file: HashMap<PathBuf, Option<Arc<Project>>>,
}

/// A settings file met for the first time, to report.
pub enum Met {
    /// Parsed; its findings (possibly none), as a report on the file.
    Checked {
        shown: String,
        absolute: PathBuf,
        report: FileReport,
    },
    /// Could not be read.
    Unreadable(String),
}

impl Projects {
    /// Every settings file met so far (absolute paths).
    pub fn settings_files(&self) -> impl Iterator<Item = &Path> {
        self.by_file.keys().map(PathBuf::as_path)
    }

    /// The settings for the file at `absolute` (an absolute path), and the settings file if
    /// this is the first time it is met.
    pub fn settings_for(&mut self, absolute: &Path) -> (Option<Arc<Project>>, Option<Met>) {
        let folder = absolute.parent().unwrap_or(absolute).to_path_buf();
        if let Some(found) = self.by_folder.get(&folder) {
            return (found.clone(), None);
        }
        let mut met = None;
        let mut found = None;
        for dir in folder.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if !candidate.is_file() {
                continue;
            }
            if let Some(known) = self.by_file.get(&candidate) {
                found = known.clone();
            } else {
                let (settings, report) = load(&candidate, dir);
                self.by_file.insert(candidate.clone(), settings.clone());
                found = settings;
                met = Some(report);
            }
            break;
        }
        self.by_folder.insert(folder, found.clone());
        (found, met)
    }
}

/// Read and parse one settings file.
fn load(candidate: &Path, folder: &Path) -> (Option<Arc<Project>>, Met) {
    let shown = shown_path(candidate);
    let unreadable = |message: String| (None, Met::Unreadable(message));
    let bytes = match read_file(candidate, &shown) {
        Ok(Loaded {
            contents: Contents::Bytes(bytes),
            ..
        }) => bytes,
        Ok(Loaded {
            contents: Contents::TooLarge(_),
            ..
        }) => {
            return unreadable(format!(
                "cannot read `{shown}`: it is larger than the {} MB Charter reads",
                charter::limits::MAX_FILE_BYTES / (1024 * 1024)
            ))
        }
        Err(message) => return unreadable(message),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => {
            return unreadable(format!(
                "cannot read `{shown}`: it is not valid UTF-8 text; save it as UTF-8"
            ))
        }
    };
    let (settings, diagnostics) = config::parse(&text);
    // `parse` keeps only valid patterns, so nothing is left out here.
    let (include, _) = Globs::new(&settings.include);
    let (exclude, _) = Globs::new(&settings.exclude);
    let project = Project {
        config: Arc::new(settings),
        folder: folder.to_path_buf(),
        include,
        exclude,
    };
    let report = FileReport::new(text, diagnostics, charter::limits::Omitted::default());
    (
        Some(Arc::new(project)),
        Met::Checked {
            shown,
            absolute: candidate.to_path_buf(),
            report,
        },
    )
}

/// `charter.toml`'s path relative to the current folder when possible.
fn shown_path(candidate: &Path) -> String {
    match std::env::current_dir() {
        Ok(cwd) => match candidate.strip_prefix(&cwd) {
            Ok(rel) => display_path(rel),
            Err(_) => display_path(candidate),
        },
        Err(_) => display_path(candidate),
    }
}
