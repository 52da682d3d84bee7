use tauri::{AppHandle, Runtime};
use zhicheng_core::storage::WorkspaceInfo;

use super::blocking;
use crate::error::AppResult;

#[tauri::command]
pub async fn workspace_info<R: Runtime>(app: AppHandle<R>) -> AppResult<WorkspaceInfo> {
    blocking(app, |_, state| Ok(state.workspace().info()?)).await
}
