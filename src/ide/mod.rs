//! What an editor asks about a file, answered from the same library as the CLI: its
//! findings, what is under the cursor (hover), what may be written there (completion), where
//! an id is declared and used (definition, references, rename), the outline and the foldable
//! blocks, and quick fixes. `charter lsp` is a thin front end over it.
//!
//! Everything here works in byte offsets into the file's text; the language server converts
//! them to the editor's positions at its edge. Nothing here fails on a half-typed file: a
//! file that does not parse still gets its findings, and the index holds what could be read.
//!
//! ```
//! use charter::ide::Analysis;
//!
//! let text = "agreement \"A\" {\n  party acme \"Acme Ltd.\" { }\n  signatory: acme\n}\n";
//! let analysis = Analysis::new(text, &Default::default());
//! let use_at = text.rfind("acme").unwrap() + 1;
//! let declared = analysis.definition(use_at).unwrap();
//! assert_eq!(&text[declared.range()], "acme");
//! ```

mod complete;
mod fix;
mod hover;
mod index;
mod navigate;

pub use complete::{Completion, CompletionKind};
pub use fix::Fix;
pub use hover::Hover;
pub use index::{Declaration, Occurrence};
pub use navigate::{Fold, Symbol};

use crate::check::{self, Options};
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::Document;

/// One file, read once: its syntax tree, its findings, its agreement and its index of ids.
#[derive(Debug)]
pub struct Analysis {
    text: String,
    document: Document,
    checked: check::Analysis,
    index: index::Index,
}

impl Analysis {
    /// Read and check `text` with `options` (the project's `charter.toml`, `--deny warnings`).
    pub fn new(text: &str, options: &Options) -> Analysis {
        let checked = check::analyse(text, options);
        let document = crate::syntax::parse(text).document;
        let index = index::Index::of(&document);
        Analysis {
            text: text.to_string(),
            document,
            checked,
            index,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The findings, as `charter check` reports them (levels and `allow` applied).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.checked.diagnostics
    }

    /// The agreement as far as it could be read.
    pub fn agreement(&self) -> &crate::model::Agreement {
        &self.checked.agreement
    }

    /// Every id declared in the file (parties, committees, milestones, …).
    pub fn declarations(&self) -> &[Declaration] {
        &self.index.declarations
    }

    /// Every use of a declared id.
    pub fn occurrences(&self) -> &[Occurrence] {
        &self.index.occurrences
    }

    /// The file formatted as `charter fmt` writes it; `None` when it does not parse.
    pub fn formatted(&self) -> Option<String> {
        crate::fmt::format(&self.text).ok()
    }
}
