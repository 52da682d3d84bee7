use std::path::PathBuf;

use tauri::State;
use zhicheng_core::CoreError;
use zhicheng_core::applicant_file::{check_achievements, future_achievement};
use zhicheng_core::eligibility::engine::Assessment;
use zhicheng_core::eligibility::{Achievement, RulePack, Screening, assess};
use zhicheng_core::storage::Workspace;

use crate::error::AppResult;
use crate::state::AppState;

fn assess_workspace(ws: &Workspace) -> AppResult<Assessment> {
    let pack = ws.effective_pack()?;
    let f = ws.load()?.file;
    Ok(assess(&f.profile, &f.screening, &f.achievements, None, &pack))
}

/// The rule pack in force (questions, condition texts and clauses for the wizard's help).
#[tauri::command(async)]
pub fn eligibility_rules(state: State<'_, AppState>) -> AppResult<RulePack> {
    Ok(state.workspace().effective_pack()?)
}

/// The assessment of the workspace's applicant.
#[tauri::command(async)]
pub fn eligibility_assess(state: State<'_, AppState>) -> AppResult<Assessment> {
    assess_workspace(&state.workspace())
}

#[tauri::command(async)]
pub fn eligibility_save_screening(state: State<'_, AppState>, screening: Screening) -> AppResult<Assessment> {
    let ws = state.workspace();
    ws.update(|f| f.screening = screening)?;
    assess_workspace(&ws)
}

/// Loads a rule pack the user picked: to replace the built-in one, or (`extend`) to add routes or
/// levels to it. A bad pack is refused with its place and problem, and changes nothing.
#[tauri::command(async)]
pub fn eligibility_load_pack(state: State<'_, AppState>, path: PathBuf, extend: bool) -> AppResult<RulePack> {
    let text = std::fs::read_to_string(&path).map_err(|source| CoreError::Io {
        action: "读取",
        path: path.clone(),
        source,
    })?;
    let ws = state.workspace();
    ws.install_pack(&text, &path, extend)?;
    Ok(ws.effective_pack()?)
}

/// Back to the built-in rules.
#[tauri::command(async)]
pub fn eligibility_reset_pack(state: State<'_, AppState>) -> AppResult<RulePack> {
    let ws = state.workspace();
    ws.remove_packs()?;
    Ok(ws.effective_pack()?)
}

/// Replaces the achievement list after checking it (unique ids, titles, ranks from 1, amounts ≥ 0).
#[tauri::command(async)]
pub fn eligibility_save_achievements(
    state: State<'_, AppState>,
    achievements: Vec<Achievement>,
) -> AppResult<Assessment> {
    let now = zhicheng_core::YearMonth::of_date(zhicheng_core::round::beijing(state.clock.now()).date_naive());
    if let Some((location, detail)) =
        check_achievements(&achievements).or_else(|| future_achievement(&achievements, now))
    {
        return Err(CoreError::InvalidFile { path: None, location, detail }.into());
    }
    let ws = state.workspace();
    ws.update(|f| f.achievements = achievements)?;
    assess_workspace(&ws)
}
