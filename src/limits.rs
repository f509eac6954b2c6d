//! Resource limits. Each one answers with a diagnostic, never a crash; docs/limits.md
//! lists them.

/// Blocks, lists and maps together may nest this deep (the agreement is level 1).
pub const MAX_DEPTH: usize = 32;

/// Files larger than this are not read (64 MiB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
