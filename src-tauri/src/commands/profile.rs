use tauri::State;
use zhicheng_core::Profile;
use zhicheng_core::storage::Loaded;

use crate::error::AppResult;
use crate::state::AppState;

/// The applicant file of the workspace (an empty one when there is none yet).
#[tauri::command(async)]
pub fn profile_load(state: State<'_, AppState>) -> AppResult<Loaded> {
    Ok(state.workspace().load()?)
}

/// Saves the draft as it is (completeness is the form's business, not a reason to lose input); the
/// screening answers and achievements in the file stay as they are.
#[tauri::command(async)]
pub fn profile_save(state: State<'_, AppState>, profile: Profile) -> AppResult<()> {
    Ok(state.workspace().save_profile(profile)?)
}

/// Puts a backup back; a corrupt current file is moved aside, never deleted.
#[tauri::command(async)]
pub fn profile_restore_backup(state: State<'_, AppState>, name: String) -> AppResult<Loaded> {
    Ok(state.workspace().restore_backup(&name)?)
}

/// Moves a corrupt applicant file aside and starts with an empty profile.
#[tauri::command(async)]
pub fn profile_start_over(state: State<'_, AppState>) -> AppResult<Loaded> {
    let ws = state.workspace();
    ws.move_corrupt_aside()?;
    Ok(ws.load()?)
}
