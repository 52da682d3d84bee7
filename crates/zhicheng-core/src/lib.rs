//! The domain of 绿色低碳职称申报助手 (渝经信发〔2023〕89号), free of any GUI toolkit.
//!
//! Three domains, a folder each:
//! - [`applicant`]: the profile (基本情况) and its validation, the ID number check, the versioned
//!   applicant file, the workspace folder (atomic saves, backups, recovery), the unit's publicity.
//! - [`eligibility`]: the rule pack, the engine and its reasons (codes), per level and condition.
//! - [`deadlines`]: holidays and workdays, rounds and windows, the submission chain, the plan, ICS.
//!
//! Beside them: [`prereview`] (预审 checks), [`text`] (the Rust catalogue for the CLI), [`error`]
//! (the one error type, worded per [`lang`]), and small leaves ([`report`], [`sensitive`],
//! [`yearmonth`], [`lock`], [`notice`]).

pub mod applicant;
pub mod bindings;
pub mod deadlines;
pub mod eligibility;
pub mod error;
pub mod lang;
pub mod lock;
pub mod notice;
pub mod prereview;
pub mod report;
pub mod sensitive;
pub mod text;
pub mod yearmonth;

// The domains live in folders; their modules keep their short paths (`zhicheng_core::profile`).
pub use applicant::{applicant_file, idcard, profile, publicity, storage};
pub use deadlines::{calendar, chain, ics, plan, round};

pub use error::{CoreError, ErrorCode, ErrorPayload, IoAction};
pub use lang::Lang;
pub use profile::Profile;
pub use sensitive::Sensitive;
pub use yearmonth::YearMonth;
