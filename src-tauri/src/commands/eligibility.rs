use tauri::{AppHandle, Runtime};
use zhicheng_core::CoreError;
use zhicheng_core::applicant_file::{check_achievements, future_achievement};
use zhicheng_core::eligibility::engine::Assessment;
use zhicheng_core::eligibility::{Achievement, RulePack, Screening, assess_in_round};
use zhicheng_core::prereview::{Finding, prereview};
use zhicheng_core::storage::Workspace;

use super::blocking;
use crate::error::AppResult;
use crate::picker::{Pick, Title, read_picked};

/// The assessment under the round in force (the one 截止日期 shows): its application month must lie in
/// that round's submission window.
fn assess_workspace(ws: &Workspace) -> AppResult<Assessment> {
    let pack = ws.effective_pack()?;
    let round = ws.load_deadline_settings()?.active();
    let f = ws.load()?.file;
    Ok(assess_in_round(&f.profile, &f.screening, &f.achievements, None, &pack, &round)?)
}

/// The rule pack in force (questions, condition texts and clauses for the wizard's help).
#[tauri::command]
pub(crate) async fn eligibility_rules<R: Runtime>(app: AppHandle<R>) -> AppResult<RulePack> {
    blocking(app, |_, state| Ok(state.workspace().effective_pack()?)).await
}

/// The assessment of the workspace's applicant.
#[tauri::command]
pub(crate) async fn eligibility_assess<R: Runtime>(app: AppHandle<R>) -> AppResult<Assessment> {
    blocking(app, |_, state| assess_workspace(&state.workspace())).await
}

#[tauri::command]
pub(crate) async fn eligibility_save_screening<R: Runtime>(
    app: AppHandle<R>,
    screening: Screening,
) -> AppResult<Assessment> {
    blocking(app, move |_, state| {
        let ws = state.workspace();
        // A month outside the round is refused before anything is saved.
        if let Some(m) = screening.apply_month {
            let at = match state.lang() {
                zhicheng_core::Lang::Zh => "申报资格 › 申报月份",
                zhicheng_core::Lang::En => "Eligibility › Application month",
            };
            ws.load_deadline_settings()?.active().check_apply_month(m, at)?;
        }
        ws.update(|f| f.screening = screening)?;
        assess_workspace(&ws)
    })
    .await
}

/// Asks for a rule pack in the open dialog and loads it: to replace the built-in one, or (`extend`)
/// to add routes or levels to it. A bad pack is refused with its place and problem, and changes
/// nothing. `None` when the user cancelled.
#[tauri::command]
pub(crate) async fn eligibility_load_pack<R: Runtime>(app: AppHandle<R>, extend: bool) -> AppResult<Option<RulePack>> {
    blocking(app, move |_, state| {
        let pick = Pick::OpenFile { title: Title::LoadRulePack.words(state.lang()), filter: ("JSON", &["json"]) };
        let Some((path, text)) = read_picked(state.picker().as_ref(), &pick)? else {
            return Ok(None);
        };
        let ws = state.workspace();
        ws.install_pack(&text, &path, extend)?;
        Ok(Some(ws.effective_pack()?))
    })
    .await
}

/// 预审: the cross-checks of the saved applicant file, with the vault's links when it is unlocked.
#[tauri::command]
pub(crate) async fn eligibility_prereview<R: Runtime>(app: AppHandle<R>) -> AppResult<Vec<Finding>> {
    blocking(app, |_, state| {
        let file = state.workspace().load()?.file;
        let evidence = state.vault().as_ref().map(zhicheng_vault::access::links);
        Ok(prereview(&file, evidence.as_ref()))
    })
    .await
}

/// Back to the built-in rules.
#[tauri::command]
pub(crate) async fn eligibility_reset_pack<R: Runtime>(app: AppHandle<R>) -> AppResult<RulePack> {
    blocking(app, |_, state| {
        let ws = state.workspace();
        ws.remove_packs()?;
        Ok(ws.effective_pack()?)
    })
    .await
}

/// Replaces the achievement list after checking it (unique ids, titles, ranks from 1, amounts ≥ 0,
/// no month after this one).
#[tauri::command]
pub(crate) async fn eligibility_save_achievements<R: Runtime>(
    app: AppHandle<R>,
    achievements: Vec<Achievement>,
) -> AppResult<Assessment> {
    blocking(app, move |_, state| {
        let now = zhicheng_core::YearMonth::of_date(zhicheng_core::round::beijing(state.clock.now()).date_naive());
        if let Some((location, detail)) =
            check_achievements(&achievements).or_else(|| future_achievement(&achievements, now))
        {
            return Err(CoreError::InvalidFile { path: None, location: location.into(), detail: detail.into() }.into());
        }
        let ws = state.workspace();
        ws.update(|f| f.achievements = achievements)?;
        assess_workspace(&ws)
    })
    .await
}
