//! Finding each file's project settings: the nearest `charter.toml`, walking up from the
//! file's folder (as Ruff finds `ruff.toml`). Each settings file is read and parsed once per
//! run; its own mistakes are reported like a checked file's, with spans in `charter.toml`.

use super::{describe_io_error, display_path};
use charter::check::FileReport;
use charter::config::{self, Config};
use charter::span::LineIndex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FILE_NAME: &str = "charter.toml";

#[derive(Default)]
pub struct Projects {
    /// Folder → the settings that apply there.
    by_folder: HashMap<PathBuf, Option<Arc<Config>>>,
    /// Settings files met so far.
    by_file: HashMap<PathBuf, Option<Arc<Config>>>,
}

/// A settings file met for the first time, to report.
pub enum Met {
    /// Parsed; its findings (possibly none), as a report on the file.
    Checked { shown: String, report: FileReport },
    /// Could not be read.
    Unreadable(String),
}

impl Projects {
    /// The settings for the file at `path`, and the settings file if this is the first time
    /// it is met.
    pub fn settings_for(&mut self, path: &Path) -> (Option<Arc<Config>>, Option<Met>) {
        let folder = match std::path::absolute(path) {
            Ok(abs) => abs.parent().map(Path::to_path_buf).unwrap_or(abs),
            Err(_) => return (None, None),
        };
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
                let (settings, report) = load(&candidate);
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
fn load(candidate: &Path) -> (Option<Arc<Config>>, Met) {
    let shown = shown_path(candidate);
    let text = match std::fs::read_to_string(candidate) {
        Ok(text) => text,
        Err(e) => {
            return (
                None,
                Met::Unreadable(format!("cannot read `{shown}`: {}", describe_io_error(&e))),
            )
        }
    };
    let (settings, diagnostics) = config::parse(&text);
    let report = FileReport {
        line_index: LineIndex::new(&text),
        text,
        diagnostics,
        omitted: charter::limits::Omitted::default(),
    };
    (Some(Arc::new(settings)), Met::Checked { shown, report })
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
