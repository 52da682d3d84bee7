use std::path::PathBuf;

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_notification::NotificationExt;
use zhicheng_core::CoreError;
use zhicheng_core::deadlines::{DeadlineOverview, DeadlinePreferences, overview_with_pack};
use zhicheng_core::round::Round;
use zhicheng_core::storage::{Workspace, atomic_write};

use crate::error::AppResult;
use crate::state::AppState;

fn compute(ws: &Workspace, state: &AppState) -> AppResult<DeadlineOverview> {
    let settings = ws.load_deadline_settings()?;
    // The plan uses the profile's chain when there is a readable profile; a damaged profile is the
    // profile page's business, not a reason to hide the deadlines.
    let profile = ws.load().ok().filter(|l| l.exists).map(|l| l.file.profile);
    Ok(overview_with_pack(&settings, profile.as_ref(), &ws.effective_pack()?, state.clock.now()))
}

#[tauri::command(async)]
pub fn deadlines_overview(state: State<'_, AppState>) -> AppResult<DeadlineOverview> {
    compute(&state.workspace(), &state)
}

#[tauri::command(async)]
pub fn deadlines_set_preferences(
    state: State<'_, AppState>,
    prefs: DeadlinePreferences,
) -> AppResult<DeadlineOverview> {
    let ws = state.workspace();
    let mut s = ws.load_deadline_settings()?;
    s.apply(prefs)?;
    ws.save_deadline_settings(&s)?;
    compute(&ws, &state)
}

/// Shows the due reminders as desktop notifications and records them, so none is given twice.
#[tauri::command(async)]
pub fn deadlines_notify<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> AppResult<DeadlineOverview> {
    let ws = state.workspace();
    let mut s = ws.load_deadline_settings()?;
    let o = compute(&ws, &state)?;
    for r in &o.reminders {
        // A desktop without a notification service still gets the in-app banner.
        let _ = app.notification().builder().title("绿色低碳职称申报助手").body(&r.message).show();
        s.notified.extend(r.keys.iter().cloned());
    }
    if !o.reminders.is_empty() {
        ws.save_deadline_settings(&s)?;
    }
    Ok(o)
}

/// Adds or replaces a user round (a later notice), given as the round JSON.
#[tauri::command(async)]
pub fn deadlines_save_round(
    state: State<'_, AppState>,
    round_json: String,
    activate: bool,
) -> AppResult<DeadlineOverview> {
    let round = Round::parse(&round_json, None)?;
    let ws = state.workspace();
    let mut s = ws.load_deadline_settings()?;
    let id = round.id.clone();
    s.upsert_round(round)?;
    if activate {
        s.active_round = id;
    }
    ws.save_deadline_settings(&s)?;
    compute(&ws, &state)
}

/// Imports a round file the user picked in the open dialog.
#[tauri::command(async)]
pub fn deadlines_import_round(state: State<'_, AppState>, path: PathBuf) -> AppResult<DeadlineOverview> {
    let text = std::fs::read_to_string(&path).map_err(|source| CoreError::Io {
        action: "读取",
        path: path.clone(),
        source,
    })?;
    let round = Round::parse(&text, Some(&path))?;
    let ws = state.workspace();
    let mut s = ws.load_deadline_settings()?;
    let id = round.id.clone();
    s.upsert_round(round)?;
    s.active_round = id;
    ws.save_deadline_settings(&s)?;
    compute(&ws, &state)
}

#[tauri::command(async)]
pub fn deadlines_remove_round(state: State<'_, AppState>, id: String) -> AppResult<DeadlineOverview> {
    let ws = state.workspace();
    let mut s = ws.load_deadline_settings()?;
    s.remove_round(&id);
    ws.save_deadline_settings(&s)?;
    compute(&ws, &state)
}

/// The active round as JSON (the starting point for editing or for next year's round).
#[tauri::command(async)]
pub fn deadlines_round_json(state: State<'_, AppState>, id: String) -> AppResult<String> {
    let s = state.workspace().load_deadline_settings()?;
    let round = s.all_rounds().into_iter().find(|r| r.id == id).unwrap_or_else(|| s.active());
    Ok(round.to_json())
}

/// Writes the deadlines and the plan as an .ics file where the user chose in the save dialog.
#[tauri::command(async)]
pub fn deadlines_export_ics(state: State<'_, AppState>, path: PathBuf) -> AppResult<()> {
    if path.extension().and_then(|e| e.to_str()).map(|e| e.eq_ignore_ascii_case("ics")) != Some(true) {
        return Err(CoreError::InvalidFile {
            path: Some(path),
            location: "文件名".into(),
            detail: "日历文件应以 .ics 结尾".into(),
        }
        .into());
    }
    let ws = state.workspace();
    let s = ws.load_deadline_settings()?;
    let o = compute(&ws, &state)?;
    let text = zhicheng_core::ics::export(&s.active(), Some(&o.plan), &s.lead_minutes);
    zhicheng_core::storage::check_output(&path, true)?;
    Ok(atomic_write(&path, text.as_bytes())?)
}

/// Moves a damaged deadlines.json aside; the defaults apply again.
#[tauri::command(async)]
pub fn deadlines_reset_settings(state: State<'_, AppState>) -> AppResult<DeadlineOverview> {
    let ws = state.workspace();
    ws.reset_deadline_settings()?;
    compute(&ws, &state)
}
