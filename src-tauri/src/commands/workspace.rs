use tauri::State;
use zhicheng_core::storage::WorkspaceInfo;

use crate::error::AppResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn workspace_info(state: State<'_, AppState>) -> AppResult<WorkspaceInfo> {
    Ok(state.workspace().info()?)
}
