//! Eligibility (自评): the rule pack, the applicant's achievements and screening answers, and the engine
//! that turns them into a verdict per level with reasons and gaps.

pub mod achievement;
pub mod engine;
pub mod pack;
pub mod reason;

pub use achievement::{Achievement, AchievementKind, KindTag, Level};
pub use engine::{Assessment, RoundBasis, Screening, assess, assess_in_round};
pub use pack::{Route, RulePack, TitleLevel};
pub use reason::Reason;
