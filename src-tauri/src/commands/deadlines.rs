use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;
use zhicheng_core::CoreError;
use zhicheng_core::deadlines::{DeadlineOverview, DeadlinePreferences, overview_with_pack};
use zhicheng_core::notice::{FoundInstant, extract};
use zhicheng_core::round::{NewRoundDates, Round};
use zhicheng_core::storage::{Workspace, atomic_write};
use zhicheng_core::text::{self, Lang};

use super::blocking;
use crate::error::AppResult;
use crate::picker::{Pick, Title, read_picked};
use crate::state::AppState;

fn compute(ws: &Workspace, state: &AppState) -> AppResult<DeadlineOverview> {
    let settings = ws.load_deadline_settings()?;
    // The plan uses the profile's chain when there is a readable profile; a damaged profile is the
    // profile page's business, not a reason to hide the deadlines.
    let file = ws.load().ok().filter(|l| l.exists).map(|l| l.file);
    Ok(overview_with_pack(
        &settings,
        file.as_ref().map(|f| &f.profile),
        file.as_ref().map(|f| &f.publicity),
        &ws.effective_pack()?,
        state.clock.now(),
    ))
}

#[tauri::command]
pub(crate) async fn deadlines_overview<R: Runtime>(app: AppHandle<R>) -> AppResult<DeadlineOverview> {
    blocking(app, |_, state| compute(&state.workspace(), state)).await
}

#[tauri::command]
pub(crate) async fn deadlines_set_preferences<R: Runtime>(
    app: AppHandle<R>,
    prefs: DeadlinePreferences,
) -> AppResult<DeadlineOverview> {
    blocking(app, move |_, state| {
        let ws = state.workspace();
        let mut s = ws.load_deadline_settings()?;
        s.apply(prefs)?;
        ws.save_deadline_settings(&s)?;
        compute(&ws, state)
    })
    .await
}

/// Shows the due reminders as desktop notifications (in the interface's language, `zh` or `en`) and
/// records them, so none is given twice.
#[tauri::command]
pub(crate) async fn deadlines_notify<R: Runtime>(app: AppHandle<R>, lang: String) -> AppResult<DeadlineOverview> {
    let lang = Lang::parse(&lang).unwrap_or_default();
    blocking(app, move |app, state| {
        let ws = state.workspace();
        let mut s = ws.load_deadline_settings()?;
        let o = compute(&ws, state)?;
        for r in &o.reminders {
            // A desktop without a notification service still gets the in-app banner.
            let label =
                o.windows.iter().find(|w| w.id == r.window_id).map_or(r.window_id.as_str(), |w| w.label.as_str());
            let body = text::reminder(r, text::window_label(&r.window_id, label, lang), lang);
            let title = match lang {
                Lang::Zh => "绿色低碳职称申报助手",
                Lang::En => "Green & Low-carbon Title Assistant",
            };
            let _ = app.notification().builder().title(title).body(&body).show();
            s.notified.extend(r.keys.iter().cloned());
        }
        if !o.reminders.is_empty() {
            ws.save_deadline_settings(&s)?;
        }
        Ok(o)
    })
    .await
}

/// Adds or replaces a user round (a later notice), given as the round JSON.
#[tauri::command]
pub(crate) async fn deadlines_save_round<R: Runtime>(
    app: AppHandle<R>,
    round_json: String,
    activate: bool,
) -> AppResult<DeadlineOverview> {
    blocking(app, move |_, state| {
        let round = Round::parse(&round_json, None)?;
        let ws = state.workspace();
        let mut s = ws.load_deadline_settings()?;
        let id = round.id.clone();
        s.upsert_round(round)?;
        if activate {
            s.active_round = id;
        }
        ws.save_deadline_settings(&s)?;
        compute(&ws, state)
    })
    .await
}

/// 新一轮: a round from the active one with only the new notice's dates changed; saved and made active.
#[tauri::command]
pub(crate) async fn deadlines_new_round<R: Runtime>(
    app: AppHandle<R>,
    dates: NewRoundDates,
) -> AppResult<DeadlineOverview> {
    blocking(app, move |_, state| {
        let ws = state.workspace();
        let mut s = ws.load_deadline_settings()?;
        let round = s.active().next_round(&dates)?;
        let id = round.id.clone();
        s.upsert_round(round)?;
        s.active_round = id;
        ws.save_deadline_settings(&s)?;
        compute(&ws, state)
    })
    .await
}

/// Longest notice text 粘贴通知 reads (a notice is a few thousand characters).
const MAX_NOTICE_CHARS: usize = 200_000;

/// 粘贴通知: the instants found in a pasted notice, each with its sentence, for the user to confirm.
#[tauri::command]
pub(crate) async fn deadlines_extract_notice<R: Runtime>(
    app: AppHandle<R>,
    text: String,
) -> AppResult<Vec<FoundInstant>> {
    blocking(app, move |_, _| {
        if text.chars().count() > MAX_NOTICE_CHARS {
            return Err(CoreError::InvalidFile {
                path: None,
                location: zhicheng_core::error::Location::NoticeText,
                detail: zhicheng_core::error::Rule::NoticeTooLong { max: MAX_NOTICE_CHARS }.into(),
            }
            .into());
        }
        Ok(extract(&text))
    })
    .await
}

/// Asks for a round file in the open dialog and imports it; `None` when the user cancelled.
#[tauri::command]
pub(crate) async fn deadlines_import_round<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<DeadlineOverview>> {
    blocking(app, |_, state| {
        let pick = Pick::OpenFile { title: Title::ImportRound.words(state.lang()), filter: ("JSON", &["json"]) };
        let Some((path, text)) = read_picked(state.picker().as_ref(), &pick)? else {
            return Ok(None);
        };
        let round = Round::parse(&text, Some(&path))?;
        let ws = state.workspace();
        let mut s = ws.load_deadline_settings()?;
        let id = round.id.clone();
        s.upsert_round(round)?;
        s.active_round = id;
        ws.save_deadline_settings(&s)?;
        Ok(Some(compute(&ws, state)?))
    })
    .await
}

#[tauri::command]
pub(crate) async fn deadlines_remove_round<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<DeadlineOverview> {
    blocking(app, move |_, state| {
        let ws = state.workspace();
        let mut s = ws.load_deadline_settings()?;
        s.remove_round(&id);
        ws.save_deadline_settings(&s)?;
        compute(&ws, state)
    })
    .await
}

/// The active round as JSON (the starting point for editing or for next year's round).
#[tauri::command]
pub(crate) async fn deadlines_round_json<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<String> {
    blocking(app, move |_, state| {
        let s = state.workspace().load_deadline_settings()?;
        let round = s.all_rounds().into_iter().find(|r| r.id == id).unwrap_or_else(|| s.active());
        Ok(round.to_json())
    })
    .await
}

/// Asks where to save in the save dialog and writes the deadlines and the plan as an .ics file;
/// returns where it went (`None` when the user cancelled).
#[tauri::command]
pub(crate) async fn deadlines_export_ics<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<String>> {
    blocking(app, |_, state| {
        let pick = Pick::SaveFile {
            title: Title::ExportCalendar.words(state.lang()),
            name: match state.lang() {
                zhicheng_core::Lang::Zh => "职称申报截止日期.ics",
                zhicheng_core::Lang::En => "title-application-deadlines.ics",
            }
            .into(),
            filter: ("iCalendar", &["ics"]),
        };
        let Some(path) = state.picker().pick_one(&pick) else {
            return Ok(None);
        };
        if path.extension().and_then(|e| e.to_str()).map(|e| e.eq_ignore_ascii_case("ics")) != Some(true) {
            return Err(CoreError::InvalidFile {
                path: Some(path),
                location: zhicheng_core::error::Location::FileName,
                detail: zhicheng_core::error::Rule::Extension { ext: "ics".into() }.into(),
            }
            .into());
        }
        let ws = state.workspace();
        let s = ws.load_deadline_settings()?;
        let o = compute(&ws, state)?;
        let text = zhicheng_core::ics::export(&s.active(), Some(&o.plan), &s.lead_minutes, state.lang());
        zhicheng_core::storage::check_output(&path, true)?;
        atomic_write(&path, text.as_bytes())?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Moves a damaged deadlines.json aside; the defaults apply again.
#[tauri::command]
pub(crate) async fn deadlines_reset_settings<R: Runtime>(app: AppHandle<R>) -> AppResult<DeadlineOverview> {
    blocking(app, |_, state| {
        let ws = state.workspace();
        ws.reset_deadline_settings()?;
        compute(&ws, state)
    })
    .await
}
