//! The applicant's domain: the basic profile (基本情况) and its validation, the citizen ID number,
//! the versioned applicant file, the workspace it is kept in, and the unit's publicity (公示) the
//! profile records. Re-exported at the crate's root under their own names (`zhicheng_core::profile`).

pub mod applicant_file;
pub mod idcard;
pub mod profile;
pub mod publicity;
pub mod storage;
