//! The term sheet as a PDF (`charter build --pdf`, with the `pdf` feature): the [`Document`]
//! typeset by Typst, used as a library, with its fonts (Libertinus Serif) embedded.
//!
//! The layout is a Typst template (`sheet.typ`, compiled into the binary) that reads the
//! document as JSON from a file of its own: user text reaches Typst only as strings, never as
//! markup, so nothing in an agreement can change the layout or run Typst code. The Typst
//! "world" here holds only the template, the JSON and the bundled fonts: no file system, no
//! packages, no clock (the PDF's date is left out, so the same agreement gives the same
//! bytes).

use super::document::Document;
use super::Status;
use crate::model::Agreement;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The layout.
const TEMPLATE: &str = include_str!("sheet.typ");

/// The PDF of the term sheet.
pub fn document(agreement: &Agreement, status: &Status) -> Result<Vec<u8>, String> {
    write(&super::sheet::document(agreement, status))
}

/// A document as a PDF; `Err` says why Typst could not lay it out (a bug in Charter: the
/// template and the data are both Charter's).
pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    let data = serde_json::to_vec(doc).map_err(|e| e.to_string())?;
    let world = Sheet::new(data);
    let paged = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| describe(errors.as_slice()))?;
    let options = typst_pdf::PdfOptions {
        // A stable identifier: the same document, the same bytes.
        ident: typst::foundations::Smart::Custom(doc.title.clone()),
        creator: typst::foundations::Smart::Custom(Some("Charter".into())),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&paged, &options).map_err(|errors| describe(errors.as_slice()))
}

fn describe(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The fonts Typst may use (bundled with it), loaded once.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// What Typst sees: the template as the main file, the document as `/document.json`.
struct Sheet {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl Sheet {
    fn new(data: Vec<u8>) -> Sheet {
        let id = |path: &str| {
            VirtualPath::new(path).map(|v| RootedPath::new(VirtualRoot::Project, v).intern())
        };
        // Both paths are Charter's own and valid.
        let (main_id, data_id) = match (id("/sheet.typ"), id("/document.json")) {
            (Ok(m), Ok(d)) => (m, d),
            _ => unreachable_paths(),
        };
        Sheet {
            main: Source::new(main_id, TEMPLATE.to_string()),
            data_id,
            data: Bytes::new(data),
        }
    }
}

/// The two virtual paths are constants that Typst accepts; should a Typst release refuse them,
/// the fallback ids still compile (and the template then reports the missing file).
fn unreachable_paths() -> (FileId, FileId) {
    let detached = Source::detached("");
    (detached.id(), detached.id())
}

impl World for Sheet {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
