//! The desktop shell: plugins, state and the command list. Logic lives in `zhicheng-core`.

#[cfg(test)]
mod bindings;
mod commands;
mod error;
mod logging;
pub mod picker;
mod state;

use tauri::{Emitter, Manager};
use zhicheng_core::storage::{self, Workspace};

pub use state::{AppState, Clock};

/// Registers every command the UI may call (each still needs its permission in `capabilities/`).
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::workspace::workspace_info,
        commands::workspace::workspace_set_language,
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
        commands::deadlines::deadlines_new_round,
        commands::deadlines::deadlines_extract_notice,
        commands::deadlines::deadlines_export_ics,
        commands::deadlines::deadlines_reset_settings,
        commands::eligibility::eligibility_rules,
        commands::eligibility::eligibility_assess,
        commands::eligibility::eligibility_save_screening,
        commands::eligibility::eligibility_save_achievements,
        commands::eligibility::eligibility_load_pack,
        commands::eligibility::eligibility_reset_pack,
        commands::eligibility::eligibility_prereview,
        commands::sheet::sheet_preview,
        commands::sheet::sheet_save_publicity,
        commands::sheet::sheet_export,
        commands::sheet::sheet_open,
        commands::sheet::sheet_reveal,
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
        commands::evidence::evidence_item_pages,
        commands::evidence::evidence_set_pages,
        commands::evidence::evidence_reset_pages,
        commands::evidence::evidence_compose,
        commands::evidence::evidence_composed_pdf,
        commands::evidence::evidence_save_composed,
        commands::evidence::evidence_mask,
        commands::evidence::evidence_unmask,
        commands::evidence::evidence_name_visible,
        commands::evidence::evidence_export_per_item,
    ])
}

/// What the page hears when files are dropped on the window: a token for `evidence_import` and how
/// many paths it stands for (never the paths).
#[derive(Clone, serde::Serialize, ts_rs::TS)]
pub(crate) struct DropEvent {
    token: String,
    #[ts(type = "number")]
    count: usize,
}

pub fn run() {
    let log = logging::init();
    let mut workspace = match storage::default_dir().and_then(Workspace::open) {
        Ok(ws) => ws,
        Err(e) => {
            logging::fatal(&format!("无法打开工作区：{e}"), log.as_deref());
            std::process::exit(1);
        }
    };
    tracing::info!(target: "zhicheng", "started; workspace opened");
    // The vault key seals the ID number and phone at rest. With a usable OS key store it is opened
    // (or, on first start, created) here, before any window; a passphrase-protected vault is opened
    // on the 佐证材料 page, and until then those two values stay sealed.
    // Until then the vault's public half seals them, so a save never writes them in clear.
    let (vault, cipher) = zhicheng_vault::access::cipher_for(workspace.root(), None, true, None);
    if let Some(v) = &vault
        && v.reclaimed.files > 0
    {
        tracing::info!(target: "zhicheng", "reclaimed {} orphan evidence objects ({} bytes)", v.reclaimed.files, v.reclaimed.bytes);
    }
    if let Some(c) = cipher
        && let Err(e) = workspace.set_cipher(c)
    {
        tracing::error!(target: "zhicheng", "sealing the applicant file: {e}");
    }
    let builder = tauri::Builder::default()
        // Two windows must never write one workspace: a second start focuses the first window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tracing::info!(target: "zhicheng", "a second start: the open window is brought to the front");
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::new(workspace, state::Clock::from_env()).with_vault(vault))
        .setup(|app| {
            // Paths reach commands only from dialogs this side opens, or drops this side received.
            app.state::<AppState>().set_picker(std::sync::Arc::new(picker::DialogPicker(app.handle().clone())));
            Ok(())
        })
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event
                && !paths.is_empty()
            {
                let token = webview.state::<AppState>().add_drop(paths.clone());
                let _ = webview.emit("evidence-drop", DropEvent { token, count: paths.len() });
            }
        });
    if let Err(e) = with_commands(builder).run(tauri::generate_context!()) {
        logging::fatal(&format!("程序无法启动：{e}"), log.as_deref());
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests;
