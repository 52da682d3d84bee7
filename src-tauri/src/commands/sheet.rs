//! 公示表: preview, the unit's publicity settings, export to a file the user chose, open in the
//! system viewer. All the work is `zhicheng-sheet`'s; the CLI calls the same functions.

use std::path::Path;
use zhicheng_core::IoAction;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_opener::OpenerExt;
use zhicheng_core::CoreError;
use zhicheng_core::calendar::WorkCalendar;
use zhicheng_core::publicity::Publicity;
use zhicheng_core::storage::{Workspace, atomic_write};
use zhicheng_sheet::{Context, Fonts, SheetError, SheetPreview};

use super::blocking;
use crate::error::AppResult;
use crate::picker::{Pick, Title};
use crate::state::AppState;

/// The bundled fonts (resources), else the places the CLI looks, then the system's (Linux).
fn fonts<R: Runtime>(app: &AppHandle<R>) -> AppResult<&'static Fonts> {
    let bundled = app.path().resource_dir().ok().map(|d| d.join("fonts"));
    match bundled.filter(|d| d.join(zhicheng_sheet::Face::Serif.bundled_file()).is_file()) {
        Some(dir) => Ok(Fonts::load(&dir)?),
        // Linux packages bundle none: the default places, then the system's fonts.
        None => Ok(Fonts::load_default()?),
    }
}

/// Runs `f` with everything a sheet is made from: the workspace's pack, round and template.
fn with_context<R: Runtime, T>(
    app: &AppHandle<R>,
    ws: &Workspace,
    f: impl FnOnce(&Context, &str) -> Result<T, SheetError>,
) -> AppResult<T> {
    let pack = ws.effective_pack()?;
    let round = ws.load_deadline_settings()?.active();
    let (template, source) = zhicheng_sheet::workspace_template(ws.root())?;
    let ctx = Context {
        pack: &pack,
        round: &round,
        calendar: WorkCalendar::builtin(),
        template: &template,
        fonts: fonts(app)?,
    };
    Ok(f(&ctx, &source)?)
}

/// The pages (SVG) and what is still missing. Rendered without holding the workspace's lock (a clone
/// of it is only a path).
#[tauri::command]
pub(crate) async fn sheet_preview<R: Runtime>(app: AppHandle<R>) -> AppResult<SheetPreview> {
    blocking(app, |app, state| {
        let ws = state.workspace().clone();
        let file = ws.load()?.file;
        with_context(app, &ws, |ctx, source| zhicheng_sheet::preview(&file, ctx, source))
    })
    .await
}

/// Saves the unit's publicity settings and returns the new preview.
#[tauri::command]
pub(crate) async fn sheet_save_publicity<R: Runtime>(
    app: AppHandle<R>,
    publicity: Publicity,
) -> AppResult<SheetPreview> {
    blocking(app, move |app, state| {
        let ws = {
            let ws = state.workspace();
            ws.update(|f| f.publicity = publicity)?;
            ws.clone()
        };
        let file = ws.load()?.file;
        with_context(app, &ws, |ctx, source| zhicheng_sheet::preview(&file, ctx, source))
    })
    .await
}

fn write_pdf<R: Runtime>(app: &AppHandle<R>, state: &AppState, path: &Path) -> AppResult<()> {
    let ws = state.workspace().clone();
    let file = ws.load()?.file;
    let now = state.clock.now();
    let bytes = with_context(app, &ws, |ctx, _| zhicheng_sheet::pdf(&file, ctx, now))?;
    zhicheng_core::storage::check_output(path, true)?;
    Ok(atomic_write(path, &bytes)?)
}

/// Asks where to save in the save dialog (which asks about overwriting) and writes the PDF there;
/// returns where it went, `None` when the user cancelled.
#[tauri::command]
pub(crate) async fn sheet_export<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<String>> {
    blocking(app, |app, state| {
        let name = zhicheng_sheet::suggested_file_name(&state.workspace().load()?.file);
        let pick = Pick::SaveFile { title: Title::ExportSheet.words(state.lang()), name, filter: ("PDF", &["pdf"]) };
        let Some(path) = state.picker().pick_one(&pick) else {
            return Ok(None);
        };
        write_pdf(app, state, &path)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Writes the PDF into the workspace's `exports/` folder and opens it in the system's PDF viewer,
/// for printing. Returns the path.
#[tauri::command]
pub(crate) async fn sheet_open<R: Runtime>(app: AppHandle<R>) -> AppResult<OpenOutcome> {
    blocking(app, |app, state| {
        let path = exported_sheet_path(state)?;
        zhicheng_core::storage::create_private_dir(path.parent().unwrap_or(&path))?;
        write_pdf(app, state, &path)?;
        // The file is saved either way; without a program for PDFs the page says where it is.
        let problem = app.opener().open_path(path.to_string_lossy(), None::<&str>).err().map(|e| e.to_string());
        Ok(OpenOutcome { path: path.display().to_string(), opened: problem.is_none(), problem })
    })
    .await
}

/// Where “打开（打印）” writes the sheet: `exports/<suggested name>` in the workspace.
fn exported_sheet_path(state: &AppState) -> AppResult<std::path::PathBuf> {
    let ws = state.workspace();
    let file = ws.load()?.file;
    Ok(ws.root().join("exports").join(zhicheng_sheet::suggested_file_name(&file)))
}

/// What “打开（打印）” did: the file written, and whether a program opened it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub(crate) struct OpenOutcome {
    pub path: String,
    pub opened: bool,
    pub problem: Option<String>,
}

/// Shows the sheet “打开（打印）” wrote in the system's file manager (the path is the Rust side's own).
#[tauri::command]
pub(crate) async fn sheet_reveal<R: Runtime>(app: AppHandle<R>) -> AppResult<()> {
    blocking(app, |app, state| {
        let path = exported_sheet_path(state)?;
        app.opener().reveal_item_in_dir(&path).map_err(|e| {
            CoreError::Io { action: IoAction::Show, path: path.clone(), source: std::io::Error::other(e.to_string()) }
                .into()
        })
    })
    .await
}
