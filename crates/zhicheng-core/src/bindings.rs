//! The TypeScript types of every IPC payload, generated from these Rust types into
//! `ui/src/bindings.ts` (and the district list into `ui/src/generated/districts.json`).
//! `cargo test` fails when the committed files drift; `UPDATE_BINDINGS=1 cargo test -p zhicheng-core
//! bindings` rewrites them.

#![allow(
    clippy::expect_used,
    reason = "generators of checked-in files (make bindings) and their drift tests; never run by the app"
)]

use ts_rs::{Config, TS};

use crate::applicant_file::ApplicantFile;
use crate::error::{ErrorCode, ErrorPayload};
use crate::profile::{
    ArchiveLocation, Degree, Education, EmployerKind, FieldIssue, Gender, HeldTitle, IssueKind, Profile,
};
use crate::storage::{BackupInfo, Loaded, WorkspaceInfo};
use crate::yearmonth::YearMonth;

/// The whole bindings file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        YearMonth::decl(&cfg),
        Gender::decl(&cfg),
        EmployerKind::decl(&cfg),
        ArchiveLocation::decl(&cfg),
        Education::decl(&cfg),
        Degree::decl(&cfg),
        HeldTitle::decl(&cfg),
        Profile::decl(&cfg),
        crate::eligibility::Level::decl(&cfg),
        crate::eligibility::achievement::Authorship::decl(&cfg),
        crate::eligibility::achievement::BookRole::decl(&cfg),
        crate::eligibility::AchievementKind::decl(&cfg),
        crate::eligibility::KindTag::decl(&cfg),
        crate::eligibility::Achievement::decl(&cfg),
        crate::eligibility::TitleLevel::decl(&cfg),
        crate::eligibility::Route::decl(&cfg),
        crate::eligibility::Screening::decl(&cfg),
        crate::prereview::Severity::decl(&cfg),
        crate::prereview::Check::decl(&cfg),
        crate::prereview::Finding::decl(&cfg),
        crate::publicity::Publicity::decl(&cfg),
        crate::publicity::EndSource::decl(&cfg),
        crate::publicity::PeriodWarning::decl(&cfg),
        crate::publicity::PublicityPeriod::decl(&cfg),
        ApplicantFile::decl(&cfg),
        IssueKind::decl(&cfg),
        FieldIssue::decl(&cfg),
        BackupInfo::decl(&cfg),
        Loaded::decl(&cfg),
        WorkspaceInfo::decl(&cfg),
        ErrorCode::decl(&cfg),
        crate::round::Cited::<u32>::decl(&cfg),
        crate::round::Window::decl(&cfg),
        crate::round::Round::decl(&cfg),
        crate::round::WindowState::decl(&cfg),
        crate::round::WindowStatus::decl(&cfg),
        crate::chain::ChainRequirement::decl(&cfg),
        crate::chain::SubmissionChain::decl(&cfg),
        crate::plan::StepInput::decl(&cfg),
        crate::plan::PlanItemKind::decl(&cfg),
        crate::plan::PlanItem::decl(&cfg),
        crate::plan::Plan::decl(&cfg),
        crate::deadlines::DeadlineSettings::decl(&cfg),
        crate::deadlines::DeadlinePreferences::decl(&cfg),
        crate::deadlines::RoundSummary::decl(&cfg),
        crate::deadlines::Reminder::decl(&cfg),
        crate::deadlines::StartSource::decl(&cfg),
        crate::deadlines::PublicityFit::decl(&cfg),
        crate::deadlines::DeadlineOverview::decl(&cfg),
        crate::round::NewRoundDates::decl(&cfg),
        crate::notice::WindowGuess::decl(&cfg),
        crate::notice::Edge::decl(&cfg),
        crate::notice::FoundInstant::decl(&cfg),
        crate::eligibility::pack::Exclusion::decl(&cfg),
        crate::eligibility::pack::Clause::decl(&cfg),
        crate::eligibility::pack::EducationRule::decl(&cfg),
        crate::eligibility::pack::Require::decl(&cfg),
        crate::eligibility::pack::Alternative::decl(&cfg),
        crate::eligibility::pack::Condition::decl(&cfg),
        crate::eligibility::pack::LevelRules::decl(&cfg),
        crate::eligibility::pack::RouteRules::decl(&cfg),
        crate::eligibility::RulePack::decl(&cfg),
        crate::eligibility::pack::EducationRow::decl(&cfg),
        crate::eligibility::pack::Fee::decl(&cfg),
        crate::eligibility::pack::MissingRoute::decl(&cfg),
        crate::eligibility::engine::RowResult::decl(&cfg),
        crate::eligibility::engine::EducationResult::decl(&cfg),
        crate::eligibility::Reason::decl(&cfg),
        crate::eligibility::engine::Rejection::decl(&cfg),
        crate::eligibility::engine::AltResult::decl(&cfg),
        crate::eligibility::engine::ConditionResult::decl(&cfg),
        crate::eligibility::engine::LevelResult::decl(&cfg),
        crate::eligibility::engine::ExclusionHit::decl(&cfg),
        crate::eligibility::engine::RoundBasis::decl(&cfg),
        crate::eligibility::engine::Assessment::decl(&cfg),
        ErrorPayload::decl(&cfg),
    ];
    ts_module(
        "// Generated from the Rust types in crates/zhicheng-core by `UPDATE_BINDINGS=1 cargo test -p zhicheng-core bindings`.\n// Do not edit by hand: a test fails when this file and the Rust types differ.\n\n",
        &decls,
    )
}

/// A generated TypeScript module: the header, then each declaration exported, a blank line apart.
/// Every crate's bindings are assembled this way.
pub fn ts_module(header: &str, decls: &[String]) -> String {
    let mut out = String::from(header);
    for d in decls {
        out.push_str("export ");
        out.push_str(d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A value as a checked-in JSON file: pretty, ending in a newline.
pub fn json_file<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("the generated fixtures serialise");
    s.push('\n');
    s
}

/// The district list for the form's select.
pub fn districts_json() -> String {
    json_file(crate::profile::DISTRICTS)
}

/// A real deadlines overview at a fixed instant (2023-11-30 12:00 Beijing, example profile), used as the
/// UI tests' IPC fixture so they see exactly what the Rust side sends.
pub fn overview_fixture() -> String {
    let profile = crate::applicant_file::parse(include_str!("../../../examples/applicant.json"), None)
        .expect("the example parses")
        .file
        .profile;
    let now = chrono::DateTime::parse_from_rfc3339("2023-11-30T12:00:00+08:00").expect("valid").to_utc();
    let o = crate::deadlines::overview(&Default::default(), Some(&profile), now);
    json_file(&o)
}

/// The assessment of `examples/applicant.json`, the UI tests' fixture for the result step.
pub fn assessment_fixture() -> String {
    let f = crate::applicant_file::parse(include_str!("../../../examples/applicant.json"), None).expect("parses").file;
    let a = crate::eligibility::assess_in_round(
        &f.profile,
        &f.screening,
        &f.achievements,
        None,
        &crate::eligibility::RulePack::builtin(),
        &crate::round::Round::builtin(),
    )
    .expect("the example's month lies in the built-in round");
    json_file(&a)
}

/// One reason of every code (`eligibility::reason::samples`): the UI's catalogue test renders each
/// in both languages.
pub fn reason_samples() -> String {
    json_file(&crate::eligibility::reason::samples())
}

/// One 预审 check of every code (`prereview::samples`), for the UI's catalogue test.
pub fn check_samples() -> String {
    json_file(&crate::prereview::samples())
}

/// The JSON Schema of the applicant file (`docs/applicant-file.schema.json`), from the Rust types.
pub fn applicant_schema() -> String {
    let schema = schemars::schema_for!(ApplicantFile);
    json_file(&schema)
}

/// The drift check every crate's bindings tests use: fails when a generated file differs from what
/// the Rust side produces now; with `UPDATE_BINDINGS` set (`make bindings`), rewrites it instead.
pub fn check_generated(path: &std::path::Path, expected: &str) {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a file in a folder")).expect("the folder can be made");
        std::fs::write(path, expected).expect("the generated file can be written");
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is out of date with the Rust types; run `make bindings` and commit it",
        path.display()
    );
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn check(rel: &str, expected: String) {
        check_at(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src").join(rel), expected)
    }

    fn check_at(path: PathBuf, expected: String) {
        super::check_generated(&path, &expected)
    }

    #[test]
    fn bindings_ts_matches_the_rust_types() {
        check("bindings.ts", super::typescript());
    }

    #[test]
    fn the_overview_fixture_matches_the_rust_side() {
        check("generated/overview-2023-11-30.json", super::overview_fixture());
    }

    #[test]
    fn the_assessment_fixture_matches_the_rust_side() {
        check("generated/assessment-example.json", super::assessment_fixture());
    }

    #[test]
    fn the_applicant_schema_matches_the_rust_types() {
        check_at(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/applicant-file.schema.json"),
            super::applicant_schema(),
        );
    }

    #[test]
    fn the_example_files_follow_the_schema_shape() {
        // Every key of every example is a property the schema names (a light check without a validator).
        let schema: serde_json::Value = serde_json::from_str(&super::applicant_schema()).unwrap();
        let props = schema["properties"].as_object().unwrap();
        let example: serde_json::Value =
            serde_json::from_str(include_str!("../../../examples/applicant.json")).unwrap();
        for key in example.as_object().unwrap().keys() {
            assert!(props.contains_key(key), "{key}");
        }
    }

    #[test]
    fn the_reason_samples_match_the_rust_side() {
        check("generated/reason-samples.json", super::reason_samples());
    }

    #[test]
    fn the_prereview_samples_match_the_rust_side() {
        check("generated/prereview-samples.json", super::check_samples());
    }

    #[test]
    fn districts_json_matches_the_rust_list() {
        check("generated/districts.json", super::districts_json());
    }
}
