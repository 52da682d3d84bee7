fn main() {
    // Declaring our commands makes Tauri check them against the capabilities like plugin commands:
    // the window may call only what `capabilities/main.json` grants.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(&[
        "workspace_info",
        "profile_load",
        "profile_save",
        "profile_restore_backup",
        "profile_start_over",
    ])))
    .expect("failed to run tauri-build");
}
