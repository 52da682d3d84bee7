use tauri::{AppHandle, Runtime};
use zhicheng_core::Profile;
use zhicheng_core::storage::Loaded;

use super::blocking;
use crate::error::AppResult;

/// The applicant file of the workspace (an empty one when there is none yet).
#[tauri::command]
pub(crate) async fn profile_load<R: Runtime>(app: AppHandle<R>) -> AppResult<Loaded> {
    blocking(app, |_, state| Ok(state.workspace().load()?)).await
}

/// Saves the draft as it is (completeness is the form's business, not a reason to lose input); the
/// screening answers and achievements in the file stay as they are.
#[tauri::command]
pub(crate) async fn profile_save<R: Runtime>(app: AppHandle<R>, profile: Profile) -> AppResult<()> {
    blocking(app, move |_, state| Ok(state.workspace().save_profile(profile)?)).await
}

/// Puts a backup back; a corrupt current file is moved aside, never deleted.
#[tauri::command]
pub(crate) async fn profile_restore_backup<R: Runtime>(app: AppHandle<R>, name: String) -> AppResult<Loaded> {
    blocking(app, move |_, state| Ok(state.workspace().restore_backup(&name)?)).await
}

/// Moves a corrupt applicant file aside and starts with an empty profile.
#[tauri::command]
pub(crate) async fn profile_start_over<R: Runtime>(app: AppHandle<R>) -> AppResult<Loaded> {
    blocking(app, |_, state| {
        let ws = state.workspace();
        ws.move_corrupt_aside()?;
        Ok(ws.load()?)
    })
    .await
}
