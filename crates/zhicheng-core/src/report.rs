//! What errors and loads report beside their code: a field's problem, a backup of the applicant file.
//! Plain data that imports nothing of the crate, so that the error module, which carries them, sits at
//! the bottom of the core's imports (no module both uses the errors and is used by them).

use serde::Serialize;
use ts_rs::TS;

/// Whether a field is empty or holds a wrong value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    Missing,
    Invalid,
}

/// One problem with one field. `code` is stable (the UI localises it); `message` is Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldIssue {
    /// The field's key in the profile (`birth_month`).
    pub field: String,
    /// The field's Chinese label (出生年月).
    pub label_zh: String,
    pub kind: IssueKind,
    pub code: String,
    pub message: String,
}

/// One backup of the applicant file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    /// The file name inside `backups/`.
    pub name: String,
    /// When it was saved, RFC 3339 UTC.
    pub saved_at: String,
}
