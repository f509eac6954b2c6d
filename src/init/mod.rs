//! Starter agreements for `charter init`: one complete agreement per alliance model, with
//! every section present and `"TODO: …"` strings wherever the parties must decide.
//!
//! Each starter checks with no error and with no warning other than `todo-left` (one for
//! every TODO still there), and is already in the canonical layout of `charter fmt`; the
//! tests hold both. Numbers, dates and amounts in a starter are examples, marked by a
//! `// TODO` comment where the parties must choose their own.

use crate::model::Model;

/// The starter agreement for `model`.
pub fn starter(model: Model) -> &'static str {
    match model {
        Model::Contractual => include_str!("templates/contractual.charter"),
        Model::Equity => include_str!("templates/equity.charter"),
        Model::JointVenture => include_str!("templates/joint_venture.charter"),
    }
}

/// Every model, for tests and documentation.
pub const MODELS: [Model; 3] = [Model::Contractual, Model::Equity, Model::JointVenture];
