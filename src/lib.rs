//! Charter: the language and compiler for strategic-alliance agreements.
//!
//! The library is pure: it takes text (or bytes) and returns data and diagnostics. It never
//! reads files, prints or exits; the `charter` binary does that. See ARCHITECTURE.md for the
//! pipeline:
//!
//! ```text
//! bytes ─decode─▶ text ─syntax─▶ tree ─lower (schema)─▶ Agreement ─rules─▶ diagnostics
//! ```

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod fmt;
pub mod ide;
pub mod init;
pub mod limits;
pub mod lower;
pub mod model;
pub mod render;
pub mod rules;
mod scan;
pub mod schema;
pub mod span;
pub mod syntax;
pub mod unicode;
