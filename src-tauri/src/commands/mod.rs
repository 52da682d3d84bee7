//! One module per domain; each command is a few lines that call `zhicheng-core`.
//!
//! Every command runs its body through [`blocking`]: off the async runtime (file I/O, fonts, PDF
//! rendering, the OS key store and the file dialogs all block), and a panic in it becomes an
//! `internal` error for that one call instead of taking the window down. Its error is worded in the
//! interface's language.

use std::panic::AssertUnwindSafe;

use tauri::{AppHandle, Manager, Runtime};
use zhicheng_core::CoreError;

use crate::error::AppResult;
use crate::state::AppState;

pub(crate) mod deadlines;
pub(crate) mod eligibility;
pub(crate) mod evidence;
pub(crate) mod profile;
pub(crate) mod sheet;
pub(crate) mod workspace;

pub(crate) async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&AppHandle<R>, &AppState) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let lang = app.state::<AppState>().lang();
    let joined = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        std::panic::catch_unwind(AssertUnwindSafe(|| f(&app, &state)))
    })
    .await;
    let result = match joined {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            tracing::error!(target: "zhicheng", "a command panicked: {what}");
            Err(CoreError::Internal(what).into())
        }
        Err(e) => {
            tracing::error!(target: "zhicheng", "a command's thread failed: {e}");
            Err(CoreError::Internal(e.to_string()).into())
        }
    };
    result.map_err(|e| e.worded(lang))
}
