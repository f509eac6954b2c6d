//! `--pdf`, in a `charter` built with the `pdf` feature; without it, a message that says how
//! to get it (before anything is written).

use charter::emit::document::Document;

/// Whether this `charter` writes PDFs: `Err` says how to get one that does.
pub fn available() -> Result<(), String> {
    if cfg!(feature = "pdf") {
        Ok(())
    } else {
        Err(
            "this `charter` was built without PDF output: install it with \
             `cargo install --locked --path . --features pdf`, or write the term sheet with \
             `--docx` or `--html` and print that to PDF"
                .to_string(),
        )
    }
}

/// The document as a PDF.
#[cfg(feature = "pdf")]
pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    charter::emit::pdf::write(doc)
        .map_err(|why| format!("the PDF could not be laid out: {why}. This is a bug in Charter"))
}

#[cfg(not(feature = "pdf"))]
pub fn write(_doc: &Document) -> Result<Vec<u8>, String> {
    available().map(|()| Vec::new())
}
