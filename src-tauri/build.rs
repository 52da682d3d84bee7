/// Every command the UI may call, from `commands.json` (the one list: the UI's tests read it too, and a
/// shell test checks each has its permission and its handler). Declaring them makes Tauri check them
/// against the capabilities like plugin commands: the window may call only what
/// `capabilities/main.json` grants.
fn commands() -> &'static [&'static str] {
    let names: Vec<&'static str> = include_str!("commands.json").split('"').skip(1).step_by(2).collect();
    Vec::leak(names)
}

#[allow(clippy::expect_used, reason = "a build script reports failure by panicking")]
fn main() {
    println!("cargo:rerun-if-changed=commands.json");
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands())),
    )
    .expect("failed to run tauri-build");
}
