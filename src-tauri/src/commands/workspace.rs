use tauri::{AppHandle, Runtime};
use zhicheng_core::storage::WorkspaceInfo;

use super::blocking;
use crate::error::AppResult;

#[tauri::command]
pub(crate) async fn workspace_info<R: Runtime>(app: AppHandle<R>) -> AppResult<WorkspaceInfo> {
    blocking(app, |_, state| Ok(state.workspace().info()?)).await
}

/// The interface's language (`zh` or `en`): errors are worded in it from now on. Anything else is
/// Chinese, the notice's language.
#[tauri::command]
pub(crate) fn workspace_set_language(state: tauri::State<'_, crate::state::AppState>, lang: String) {
    state.set_lang(zhicheng_core::Lang::parse(&lang).unwrap_or_default());
}
