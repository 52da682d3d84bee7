//! One module per domain; each command is a few lines that call `zhicheng-core`.

pub mod deadlines;
pub mod eligibility;
pub mod evidence;
pub mod profile;
pub mod sheet;
pub mod workspace;
