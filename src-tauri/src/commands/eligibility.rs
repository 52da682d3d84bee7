use tauri::State;
use zhicheng_core::CoreError;
use zhicheng_core::applicant_file::check_achievements;
use zhicheng_core::eligibility::engine::Assessment;
use zhicheng_core::eligibility::{Achievement, RulePack, Screening, assess};

use crate::error::AppResult;
use crate::state::AppState;

/// The rule pack in force (questions, condition texts and clauses for the wizard's help).
#[tauri::command(async)]
pub fn eligibility_rules() -> AppResult<RulePack> {
    Ok(RulePack::builtin())
}

/// The assessment of the workspace's applicant.
#[tauri::command(async)]
pub fn eligibility_assess(state: State<'_, AppState>) -> AppResult<Assessment> {
    let f = state.workspace().load()?.file;
    Ok(assess(&f.profile, &f.screening, &f.achievements, None, &RulePack::builtin()))
}

#[tauri::command(async)]
pub fn eligibility_save_screening(state: State<'_, AppState>, screening: Screening) -> AppResult<Assessment> {
    let ws = state.workspace();
    ws.update(|f| f.screening = screening)?;
    let f = ws.load()?.file;
    Ok(assess(&f.profile, &f.screening, &f.achievements, None, &RulePack::builtin()))
}

/// Replaces the achievement list after checking it (unique ids, titles, ranks from 1, amounts ≥ 0).
#[tauri::command(async)]
pub fn eligibility_save_achievements(
    state: State<'_, AppState>,
    achievements: Vec<Achievement>,
) -> AppResult<Assessment> {
    if let Some((location, detail)) = check_achievements(&achievements) {
        return Err(CoreError::InvalidFile { path: None, location, detail }.into());
    }
    let ws = state.workspace();
    ws.update(|f| f.achievements = achievements)?;
    let f = ws.load()?.file;
    Ok(assess(&f.profile, &f.screening, &f.achievements, None, &RulePack::builtin()))
}
