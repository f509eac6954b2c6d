//! Outputs never over inputs: before anything is written, each output path is compared with
//! the files the run reads and with the other outputs, as files rather than as names — by
//! their canonical paths and, on Unix, their device and inode numbers — so that
//! `./a.charter`, `../deals/a.charter`, a symbolic link and a hard link to `a.charter` are
//! all recognised as `a.charter`.

use super::files::absolute;
use super::write::follow_links;
use std::fs;
use std::path::{Path, PathBuf};

/// Which file a path names, for comparisons.
#[derive(Debug)]
struct Identity {
    /// Canonical (links resolved); for a file that does not exist yet, its folder's
    /// canonical path and its name.
    path: PathBuf,
    /// Device and inode, when the file exists (Unix).
    inode: Option<(u64, u64)>,
    exists: bool,
}

impl Identity {
    fn same(&self, other: &Identity) -> bool {
        self.path == other.path || (self.inode.is_some() && self.inode == other.inode)
    }
}

/// The file `path` names, or `None` when writing to it replaces nothing: a device or a named
/// pipe (`/dev/null`, `/dev/stdout`), written to as it is, or a folder, which cannot be
/// written.
fn identity(path: &Path, cwd: &Path) -> Option<Identity> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Some(Identity {
            path: fs::canonicalize(path).unwrap_or_else(|_| absolute(path, cwd)),
            inode: inode(&meta),
            exists: true,
        }),
        Ok(_) => None,
        Err(_) => {
            let target = follow_links(path).unwrap_or_else(|_| path.to_path_buf());
            let target = absolute(&target, cwd);
            let path = match (target.parent(), target.file_name()) {
                (Some(folder), Some(name)) => fs::canonicalize(folder)
                    .map(|f| f.join(name))
                    .unwrap_or_else(|_| target.clone()),
                _ => target.clone(),
            };
            Some(Identity {
                path,
                inode: None,
                exists: false,
            })
        }
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The first of `inputs` that writing to `output` would overwrite.
pub fn overwritten_input<'a, T>(
    output: &Path,
    inputs: impl IntoIterator<Item = (&'a Path, T)>,
    cwd: &Path,
) -> Option<T> {
    let output = identity(output, cwd).filter(|o| o.exists)?;
    // (A file that does not exist yet is none of the inputs, which were read.)
    inputs.into_iter().find_map(|(input, tag)| {
        identity(input, cwd)
            .is_some_and(|i| i.same(&output))
            .then_some(tag)
    })
}

/// The first two of `outputs` (by index) that name the same file.
pub fn shared_output(outputs: &[&Path], cwd: &Path) -> Option<(usize, usize)> {
    let identities: Vec<Option<Identity>> = outputs.iter().map(|p| identity(p, cwd)).collect();
    for (i, a) in identities.iter().enumerate() {
        for (j, b) in identities.iter().enumerate().skip(i + 1) {
            if let (Some(a), Some(b)) = (a, b) {
                if a.same(b) {
                    return Some((i, j));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_under_other_names_is_recognised() {
        let dir = tempfile::TempDir::new().unwrap();
        let cwd = dir.path();
        fs::create_dir(cwd.join("deals")).unwrap();
        let input = cwd.join("deals/a.charter");
        fs::write(&input, "x").unwrap();
        let inputs = [(input.as_path(), "a")];
        let mut outputs = vec![
            cwd.join("deals/a.charter"),
            cwd.join("deals/../deals/a.charter"),
        ];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("a.charter", cwd.join("deals/link.charter")).unwrap();
            fs::hard_link(&input, cwd.join("hard.charter")).unwrap();
            outputs.push(cwd.join("deals/link.charter"));
            outputs.push(cwd.join("hard.charter"));
        }
        for output in &outputs {
            assert_eq!(
                overwritten_input(output, inputs, cwd),
                Some("a"),
                "{}",
                output.display()
            );
        }
        assert_eq!(overwritten_input(&cwd.join("b.md"), inputs, cwd), None);

        let new = cwd.join("new.md");
        let again = cwd.join("deals/../new.md");
        assert_eq!(shared_output(&[&new, &again], cwd), Some((0, 1)));
        assert_eq!(shared_output(&[&new, &input], cwd), None);
    }
}
