//! The desktop shell: plugins, state and the command list. Logic lives in `zhicheng-core`.

mod commands;
mod error;
mod state;

use tauri::Manager;
use zhicheng_core::storage::{self, Workspace};

pub use state::{AppState, Clock};

/// Registers every command the UI may call (each still needs its permission in `capabilities/`).
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::workspace::workspace_info,
        commands::profile::profile_load,
        commands::profile::profile_save,
        commands::profile::profile_restore_backup,
        commands::profile::profile_start_over,
        commands::deadlines::deadlines_overview,
        commands::deadlines::deadlines_set_preferences,
        commands::deadlines::deadlines_notify,
        commands::deadlines::deadlines_save_round,
        commands::deadlines::deadlines_import_round,
        commands::deadlines::deadlines_remove_round,
        commands::deadlines::deadlines_round_json,
        commands::deadlines::deadlines_export_ics,
        commands::deadlines::deadlines_reset_settings,
        commands::eligibility::eligibility_rules,
        commands::eligibility::eligibility_assess,
        commands::eligibility::eligibility_save_screening,
        commands::eligibility::eligibility_save_achievements,
        commands::eligibility::eligibility_load_pack,
        commands::eligibility::eligibility_reset_pack,
        commands::sheet::sheet_preview,
        commands::sheet::sheet_save_publicity,
        commands::sheet::sheet_export,
        commands::sheet::sheet_open,
        commands::evidence::evidence_status,
        commands::evidence::evidence_unlock,
        commands::evidence::evidence_data,
        commands::evidence::evidence_import,
        commands::evidence::evidence_cancel_import,
        commands::evidence::evidence_link,
        commands::evidence::evidence_set_title,
        commands::evidence::evidence_remove,
        commands::evidence::evidence_read,
        commands::evidence::evidence_export,
        commands::evidence::evidence_write_recovery,
        commands::evidence::evidence_recover,
        commands::evidence::evidence_save_settings,
    ])
}

pub fn run() {
    let mut workspace = match storage::default_dir().and_then(Workspace::open) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("zhicheng: {e}");
            std::process::exit(1);
        }
    };
    // The vault key seals the ID number and phone at rest. With a usable OS key store it is opened
    // (or, on first start, created) here, before any window; a passphrase-protected vault is opened
    // on the 佐证材料 page, and until then those two values stay sealed.
    // Until then the vault's public half seals them, so a save never writes them in clear.
    let (vault, cipher) = zhicheng_vault::access::cipher_for(workspace.root(), None, true, None);
    if let Some(c) = cipher
        && let Err(e) = workspace.set_cipher(c)
    {
        eprintln!("zhicheng: {e}");
    }
    let builder = tauri::Builder::default()
        // Two windows must never write one workspace: a second start focuses the first window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::new(workspace, state::Clock::from_env()).with_vault(vault));
    with_commands(builder).run(tauri::generate_context!()).expect("error while running the application");
}

#[cfg(test)]
mod tests;
