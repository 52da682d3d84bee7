//! The domain of 绿色低碳职称申报助手 (渝经信发〔2023〕89号), free of any GUI toolkit.
//!
//! - [`profile`]: the applicant's basic profile (基本情况) and its validation.
//! - [`idcard`]: the GB 11643 citizen ID number check.
//! - [`applicant_file`]: the versioned applicant-file JSON, its parsing with precise errors and its migrations.
//! - [`storage`]: the workspace folder: atomic saves, backups, recovery from a corrupt file.

pub mod applicant_file;
pub mod bindings;
pub mod calendar;
pub mod chain;
pub mod deadlines;
pub mod eligibility;
pub mod error;
pub mod ics;
pub mod idcard;
pub mod lang;
pub mod lock;
pub mod notice;
pub mod plan;
pub mod prereview;
pub mod profile;
pub mod publicity;
pub mod report;
pub mod round;
pub mod sensitive;
pub mod storage;
pub mod text;
pub mod yearmonth;

pub use error::{CoreError, ErrorCode, ErrorPayload, IoAction};
pub use lang::Lang;
pub use profile::Profile;
pub use sensitive::Sensitive;
pub use yearmonth::YearMonth;
