//! 佐证材料: the encrypted vault. Each command is a few lines over `zhicheng-vault`; the vault's work
//! (the OS key store over D-Bus, hashing and encrypting files) runs on a blocking thread, never on
//! the async runtime. The unlocked vault stays in the app state until the app closes.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Runtime};
use zhicheng_core::CoreError;
use zhicheng_vault::access::{self, EvidenceData, EvidenceState, ImportOutcome};
use zhicheng_vault::compose::{Compress, MaskRect};
use zhicheng_vault::error::{Locked, Missing};
use zhicheng_vault::export::{self, Dest, ExportReport};
use zhicheng_vault::upload::{self, ComposeReport, ItemPages, Mode, PageRef, PerItemExport};
use zhicheng_vault::vault::{self, ImportOptions, KeyPlace, Target, Unlock};
use zhicheng_vault::{KdfParams, Progress, SecretStore, Vault, VaultError};

use super::blocking;
use crate::error::AppResult;
use crate::picker::{Pick, Title};
use crate::state::AppState;

/// The key store in use: the test one, or the OS one when it passes the probe.
fn store(state: &AppState) -> Result<Arc<dyn SecretStore>, VaultError> {
    match &state.key_store {
        Some(s) => Ok(s.clone()),
        None => zhicheng_vault::keys::usable_os_store().map(|s| Arc::new(s) as Arc<dyn SecretStore>),
    }
}

fn state_of(state: &AppState) -> EvidenceState {
    let root = state.workspace().root().to_path_buf();
    EvidenceState {
        status: access::status(&root, state.key_store.as_deref(), state.lang()),
        unlocked: state.vault().is_some(),
    }
}

/// Keeps the open vault, and from now on its key seals the applicant's ID number and phone.
fn unlocked(state: &AppState, v: Vault) -> AppResult<()> {
    state.workspace().set_cipher(v.field_cipher())?;
    *state.vault() = Some(v);
    Ok(())
}

fn data_of(state: &AppState) -> AppResult<EvidenceData> {
    let file = state.workspace().load()?.file;
    let guard = state.vault();
    let v = guard.as_ref().ok_or(VaultError::Locked(Locked::NotUnlocked))?;
    Ok(access::data(&file, v))
}

fn with_vault<T>(state: &AppState, f: impl FnOnce(&mut Vault) -> Result<T, VaultError>) -> AppResult<T> {
    let mut guard = state.vault();
    let v = guard.as_mut().ok_or(VaultError::Locked(Locked::NotUnlocked))?;
    // What the vault words (skipped pages, a composition's problem) follows the interface's language.
    v.lang = state.lang();
    Ok(f(v)?)
}

/// Where the vault stands; a vault whose key is in the OS store is unlocked on the way.
#[tauri::command]
pub(crate) async fn evidence_status<R: Runtime>(app: AppHandle<R>) -> AppResult<EvidenceState> {
    blocking(app, |_, state| {
        let root = state.workspace().root().to_path_buf();
        if state.vault().is_none()
            && let Ok(meta) = vault::read_meta(&root)
            && meta.key_place == KeyPlace::OsStore
            && let Ok(s) = store(state)
            && let Ok(v) = Vault::open(&root, Unlock::Store(s.as_ref()))
        {
            unlocked(state, v)?;
        }
        Ok(state_of(state))
    })
    .await
}

/// Unlocks (or, with `create`, first creates) the vault: the OS store when usable, else the
/// passphrase.
#[tauri::command]
pub(crate) async fn evidence_unlock<R: Runtime>(
    app: AppHandle<R>,
    passphrase: Option<String>,
    create: bool,
) -> AppResult<EvidenceState> {
    blocking(app, move |_, state| {
        let root = state.workspace().root().to_path_buf();
        let v = access::open(&root, passphrase.as_deref(), create, state.key_store.as_deref())?;
        unlocked(state, v)?;
        Ok(state_of(state))
    })
    .await
}

#[tauri::command]
pub(crate) async fn evidence_data<R: Runtime>(app: AppHandle<R>) -> AppResult<EvidenceData> {
    blocking(app, |_, state| data_of(state)).await
}

/// Where the files of an import come from: the open dialog the Rust side shows (files or folders), or
/// a drop on the window, named by the token the `evidence-drop` event gave the page. The page never
/// sends a path.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "from")]
pub(crate) enum ImportSource {
    PickFiles,
    PickFolders,
    Drop { token: String },
}

/// Imports files and folders (picked in the dialog or dropped on the window), reporting progress on
/// `on_progress`; `evidence_cancel_import` stops it and nothing is kept. `None` when the user
/// cancelled the dialog or the drop token is spent.
#[tauri::command]
pub(crate) async fn evidence_import<R: Runtime>(
    app: AppHandle<R>,
    source: ImportSource,
    links: Vec<String>,
    follow_symlinks: bool,
    on_progress: Channel<Progress>,
) -> AppResult<Option<ImportOutcome>> {
    blocking(app, move |_, state| {
        let links = links.iter().map(|l| l.parse()).collect::<Result<Vec<Target>, _>>()?;
        let paths: Vec<PathBuf> = match source {
            ImportSource::PickFiles => {
                state.picker().pick(&Pick::OpenFiles { title: Title::ImportEvidence.words(state.lang()) })
            }
            ImportSource::PickFolders => {
                state.picker().pick(&Pick::OpenFolders { title: Title::ImportEvidenceFolders.words(state.lang()) })
            }
            ImportSource::Drop { token } => state.take_drop(&token),
        }
        .unwrap_or_default();
        if paths.is_empty() {
            return Ok(None);
        }
        let cancel = state.import_cancel.clone();
        cancel.store(false, Ordering::Relaxed);
        let mut last = std::time::Instant::now();
        let report = with_vault(state, |v| {
            v.import(
                &paths,
                &ImportOptions { follow_symlinks, links },
                &mut |p| {
                    if p.files_done == p.files_total || last.elapsed().as_millis() >= 100 {
                        last = std::time::Instant::now();
                        let _ = on_progress.send(p.clone());
                    }
                },
                &cancel,
            )
        })?;
        Ok(Some(ImportOutcome { report, data: data_of(state)? }))
    })
    .await
}

#[tauri::command]
pub(crate) fn evidence_cancel_import(state: tauri::State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::Relaxed);
}

/// Links (`linked`) or unlinks a file and a target (`item:…` / `achievement:…`).
#[tauri::command]
pub(crate) async fn evidence_link<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    target: String,
    linked: bool,
) -> AppResult<EvidenceData> {
    blocking(app, move |_, state| {
        let t: Target = target.parse()?;
        let file = state.workspace().load()?.file;
        if linked && !zhicheng_vault::checklist::target_exists(&file, &t) {
            return Err(VaultError::NotFound(Missing::Target { target: t.to_string() }).into());
        }
        with_vault(state, |v| if linked { v.link(&id, t) } else { v.unlink(&id, &t) })?;
        data_of(state)
    })
    .await
}

#[tauri::command]
pub(crate) async fn evidence_set_title<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    title: String,
) -> AppResult<EvidenceData> {
    blocking(app, move |_, state| {
        with_vault(state, |v| v.set_title(&id, &title))?;
        data_of(state)
    })
    .await
}

/// Changes the size-warning settings.
#[tauri::command]
pub(crate) async fn evidence_save_settings<R: Runtime>(
    app: AppHandle<R>,
    settings: zhicheng_vault::vault::VaultSettings,
) -> AppResult<EvidenceData> {
    blocking(app, move |_, state| {
        with_vault(state, |v| v.save_settings(settings))?;
        data_of(state)
    })
    .await
}

/// Removes a file from the vault (the UI asked first; the original elsewhere is untouched).
#[tauri::command]
pub(crate) async fn evidence_remove<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<EvidenceData> {
    blocking(app, move |_, state| {
        with_vault(state, |v| v.remove(&id).map(|_| ()))?;
        data_of(state)
    })
    .await
}

/// A file's bytes, decrypted in memory for the preview (raw bytes, not JSON).
#[tauri::command]
pub(crate) async fn evidence_read<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<Response> {
    blocking(app, move |_, state| Ok(Response::new(with_vault(state, |v| v.read(&id))?))).await
}

/// Exports for upload, asking where in a dialog: a `.zip` (the save dialog asks about overwriting), or
/// a new folder `佐证材料_<date>` inside the folder picked. `None` when the user cancelled.
#[tauri::command]
pub(crate) async fn evidence_export<R: Runtime>(app: AppHandle<R>, zip: bool) -> AppResult<Option<ExportReport>> {
    blocking(app, move |_, state| {
        let pick = if zip {
            Pick::SaveFile {
                title: Title::ExportEvidence.words(state.lang()),
                name: "佐证材料.zip".into(),
                filter: ("ZIP", &["zip"]),
            }
        } else {
            Pick::OpenFolder { title: Title::ExportToFolder.words(state.lang()) }
        };
        let Some(picked) = state.picker().pick_one(&pick) else {
            return Ok(None);
        };
        let today = zhicheng_core::round::beijing(state.clock.now()).format("%Y-%m-%d");
        let dest = if zip { Dest::Zip(picked) } else { Dest::Folder(picked.join(format!("佐证材料_{today}"))) };
        let file = state.workspace().load()?.file;
        Ok(Some(with_vault(state, |v| export::export(v, &file, dest, zip))?))
    })
    .await
}

/// Writes the recovery file (the key under a passphrase the page asked for twice) where the user says
/// in the save dialog. Returns where it went; `None` when the user cancelled.
#[tauri::command]
pub(crate) async fn evidence_write_recovery<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> AppResult<Option<String>> {
    blocking(app, move |_, state| {
        // Checked before the dialog: a passphrase the vault would refuse wastes the user's choice.
        zhicheng_vault::crypto::check_passphrase(&passphrase)?;
        let pick = Pick::SaveFile {
            title: Title::WriteRecovery.words(state.lang()),
            name: match state.lang() {
                zhicheng_core::Lang::Zh => "佐证材料库恢复文件.json",
                zhicheng_core::Lang::En => "evidence-vault-recovery.json",
            }
            .into(),
            filter: ("JSON", &["json"]),
        };
        let Some(path) = state.picker().pick_one(&pick) else {
            return Ok(None);
        };
        with_vault(state, |v| v.write_recovery(&path, &passphrase, KdfParams::default(), true))?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Unlocks with a recovery file the user picks in the open dialog, putting the key back in the OS
/// store when the vault keeps it there. `None` when the user cancelled.
#[tauri::command]
pub(crate) async fn evidence_recover<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> AppResult<Option<EvidenceState>> {
    blocking(app, move |_, state| {
        let pick = Pick::OpenFile { title: Title::ChooseRecovery.words(state.lang()), filter: ("JSON", &["json"]) };
        let Some(path) = state.picker().pick_one(&pick) else {
            return Ok(None);
        };
        let root = state.workspace().root().to_path_buf();
        let s = store(state).ok();
        let v = Vault::recover(&root, &path, &passphrase, s.as_deref())?;
        unlocked(state, v)?;
        Ok(Some(state_of(state)))
    })
    .await
}

fn item_pages_of(state: &AppState, target: &Target) -> AppResult<ItemPages> {
    let file = state.workspace().load()?.file;
    with_vault(state, |v| upload::item_pages(v, &file, target))
}

/// The pages of an item as the page editor shows them.
#[tauri::command]
pub(crate) async fn evidence_item_pages<R: Runtime>(app: AppHandle<R>, target: String) -> AppResult<ItemPages> {
    blocking(app, move |_, state| item_pages_of(state, &target.parse()?)).await
}

/// Saves an item's page order, rotations and compression.
#[tauri::command]
pub(crate) async fn evidence_set_pages<R: Runtime>(
    app: AppHandle<R>,
    target: String,
    pages: Vec<PageRef>,
    compress: Option<Compress>,
) -> AppResult<ItemPages> {
    blocking(app, move |_, state| {
        let t: Target = target.parse()?;
        let file = state.workspace().load()?.file;
        with_vault(state, |v| upload::set_pages(v, &file, &t, pages, compress))?;
        item_pages_of(state, &t)
    })
    .await
}

/// Back to every page of every linked file, in link order.
#[tauri::command]
pub(crate) async fn evidence_reset_pages<R: Runtime>(app: AppHandle<R>, target: String) -> AppResult<ItemPages> {
    blocking(app, move |_, state| {
        let t: Target = target.parse()?;
        with_vault(state, |v| upload::reset_pages(v, &t))?;
        item_pages_of(state, &t)
    })
    .await
}

/// Composes an item's PDF (with its saved compression, or `fit`: the least that fits the budget) and
/// keeps it for `evidence_composed_pdf` / `evidence_save_composed`.
#[tauri::command]
pub(crate) async fn evidence_compose<R: Runtime>(
    app: AppHandle<R>,
    target: String,
    fit: bool,
) -> AppResult<ComposeReport> {
    blocking(app, move |_, state| {
        let t: Target = target.parse()?;
        let file = state.workspace().load()?.file;
        let mode = if fit { Mode::Fit } else { Mode::Saved };
        let (pdf, report) = with_vault(state, |v| upload::compose_item(v, &file, &t, mode, None))?;
        *state.composed.lock().unwrap_or_else(|p| p.into_inner()) = Some((target, pdf));
        Ok(report)
    })
    .await
}

fn composed_of(state: &AppState, target: &str) -> AppResult<Vec<u8>> {
    match &*state.composed.lock().unwrap_or_else(|p| p.into_inner()) {
        Some((t, pdf)) if t == target => Ok(pdf.clone()),
        _ => Err(VaultError::NotFound(Missing::Composed { target: target.to_string() }).into()),
    }
}

/// The PDF last composed for `target` (raw bytes, for the preview).
#[tauri::command]
pub(crate) async fn evidence_composed_pdf<R: Runtime>(app: AppHandle<R>, target: String) -> AppResult<Response> {
    blocking(app, move |_, state| Ok(Response::new(composed_of(state, &target)?))).await
}

/// Saves the PDF last composed for `target` where the user says (the save dialog asks about
/// replacing). `None` when the dialog was cancelled.
#[tauri::command]
pub(crate) async fn evidence_save_composed<R: Runtime>(
    app: AppHandle<R>,
    target: String,
    name: String,
) -> AppResult<Option<String>> {
    blocking(app, move |_, state| {
        let pdf = composed_of(state, &target)?;
        let name = format!("{}.pdf", zhicheng_vault::names::safe_component(&name, 150));
        let pick = Pick::SaveFile { title: Title::SaveComposed.words(state.lang()), name, filter: ("PDF", &["pdf"]) };
        let Some(path) = state.picker().pick_one(&pick) else {
            return Ok(None);
        };
        zhicheng_core::storage::atomic_write(&path, &pdf)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Masks a file: headers `x-file` (id), `x-page` (0-based, PDFs), `x-rects` (JSON list of
/// rectangles in fractions of the displayed page); the body is the page's raster (PNG/JPEG) for a
/// PDF, empty for a picture (masked from its own pixels).
#[tauri::command]
pub(crate) async fn evidence_mask<R: Runtime>(
    app: AppHandle<R>,
    request: tauri::ipc::Request<'_>,
) -> AppResult<EvidenceData> {
    let header = |k: &str| request.headers().get(k).and_then(|v| v.to_str().ok()).map(str::to_string);
    // Only the page sends these: a missing one is a bug of the page.
    let bad = |what: &str| CoreError::Internal(format!("mask request without a valid {what}"));
    let id = header("x-file").ok_or_else(|| bad("x-file"))?;
    let page: u32 = header("x-page").and_then(|p| p.parse().ok()).ok_or_else(|| bad("x-page"))?;
    let rects: Vec<MaskRect> =
        header("x-rects").and_then(|r| serde_json::from_str(&r).ok()).ok_or_else(|| bad("x-rects"))?;
    let raster = match request.body() {
        tauri::ipc::InvokeBody::Raw(b) if !b.is_empty() => Some(b.clone()),
        _ => None,
    };
    blocking(app, move |_, state| {
        with_vault(state, |v| upload::mask_file(v, &id, page, raster.as_deref(), &rects))?;
        data_of(state)
    })
    .await
}

/// Drops a file's masked copy (the original is used again).
#[tauri::command]
pub(crate) async fn evidence_unmask<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<EvidenceData> {
    blocking(app, move |_, state| {
        with_vault(state, |v| v.unmask(&id))?;
        data_of(state)
    })
    .await
}

/// Records whether the applicant's name and rank can be seen in a file.
#[tauri::command]
pub(crate) async fn evidence_name_visible<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    visible: bool,
) -> AppResult<EvidenceData> {
    blocking(app, move |_, state| {
        with_vault(state, |v| v.set_name_confirmed(&id, visible))?;
        data_of(state)
    })
    .await
}

/// Progress of the per-item export: items done of total, the one being composed.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub(crate) struct ItemProgress {
    pub done: u32,
    pub total: u32,
    pub current: String,
}

/// One PDF per item into a new folder `佐证材料PDF_<date>` inside the folder picked. `None` when the
/// dialog was cancelled.
#[tauri::command]
pub(crate) async fn evidence_export_per_item<R: Runtime>(
    app: AppHandle<R>,
    on_progress: Channel<ItemProgress>,
) -> AppResult<Option<PerItemExport>> {
    blocking(app, move |_, state| {
        let Some(picked) =
            state.picker().pick_one(&Pick::OpenFolder { title: Title::ExportPerItem.words(state.lang()) })
        else {
            return Ok(None);
        };
        let today = zhicheng_core::round::beijing(state.clock.now()).format("%Y-%m-%d");
        let dest = picked.join(format!("佐证材料PDF_{today}"));
        let file = state.workspace().load()?.file;
        let r = with_vault(state, |v| {
            upload::export_per_item(v, &file, dest, &mut |done, total, current| {
                let _ = on_progress.send(ItemProgress { done, total, current: current.to_string() });
            })
        })?;
        Ok(Some(r))
    })
    .await
}
