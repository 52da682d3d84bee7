/// Every command the UI may call. Declaring them makes Tauri check them against the capabilities like
/// plugin commands: the window may call only what `capabilities/main.json` grants.
const COMMANDS: &[&str] = &[
    "workspace_info",
    "profile_load",
    "profile_save",
    "profile_restore_backup",
    "profile_start_over",
    "deadlines_overview",
    "deadlines_set_preferences",
    "deadlines_notify",
    "deadlines_save_round",
    "deadlines_import_round",
    "deadlines_remove_round",
    "deadlines_round_json",
    "deadlines_export_ics",
    "deadlines_reset_settings",
    "eligibility_rules",
    "eligibility_assess",
    "eligibility_save_screening",
    "eligibility_save_achievements",
    "eligibility_load_pack",
    "eligibility_reset_pack",
    "sheet_preview",
    "sheet_save_publicity",
    "sheet_export",
    "sheet_open",
    "evidence_status",
    "evidence_unlock",
    "evidence_data",
    "evidence_import",
    "evidence_cancel_import",
    "evidence_link",
    "evidence_set_title",
    "evidence_remove",
    "evidence_read",
    "evidence_export",
    "evidence_write_recovery",
    "evidence_recover",
    "evidence_save_settings",
];

#[allow(clippy::expect_used, reason = "a build script reports failure by panicking")]
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
