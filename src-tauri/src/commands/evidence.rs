//! 佐证材料: the encrypted vault. Each command is a few lines over `zhicheng-vault`; the vault's work
//! (the OS key store over D-Bus, hashing and encrypting files) runs on a blocking thread, never on
//! the async runtime. The unlocked vault stays in the app state until the app closes.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Manager, Runtime};
use zhicheng_core::CoreError;
use zhicheng_vault::access::{self, EvidenceData, EvidenceState, ImportOutcome};
use zhicheng_vault::export::{self, Dest, ExportReport};
use zhicheng_vault::vault::{self, ImportOptions, KeyPlace, Target, Unlock};
use zhicheng_vault::{KdfParams, Progress, SecretStore, Vault};

use crate::error::{AppError, AppResult};
use crate::state::AppState;

async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&AppState) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppState>()))
        .await
        .map_err(|e| AppError::Core(CoreError::Vault(format!("内部错误：{e}"))))?
}

/// The key store in use: the test one, or the OS one when it passes the probe.
fn store(state: &AppState) -> Result<Arc<dyn SecretStore>, String> {
    match &state.key_store {
        Some(s) => Ok(s.clone()),
        None => zhicheng_vault::keys::usable_os_store().map(|s| Arc::new(s) as Arc<dyn SecretStore>),
    }
}

fn state_of(state: &AppState) -> EvidenceState {
    let root = state.workspace().root().to_path_buf();
    EvidenceState { status: access::status(&root, state.key_store.as_deref()), unlocked: state.vault().is_some() }
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
    let v = guard.as_ref().ok_or_else(|| CoreError::VaultLocked("请先解锁佐证材料库".into()))?;
    Ok(access::data(&file, v))
}

fn with_vault<T>(state: &AppState, f: impl FnOnce(&mut Vault) -> Result<T, CoreError>) -> AppResult<T> {
    let mut guard = state.vault();
    let v = guard.as_mut().ok_or_else(|| CoreError::VaultLocked("请先解锁佐证材料库".into()))?;
    Ok(f(v)?)
}

/// Where the vault stands; a vault whose key is in the OS store is unlocked on the way.
#[tauri::command]
pub async fn evidence_status<R: Runtime>(app: AppHandle<R>) -> AppResult<EvidenceState> {
    blocking(app, |state| {
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
pub async fn evidence_unlock<R: Runtime>(
    app: AppHandle<R>,
    passphrase: Option<String>,
    create: bool,
) -> AppResult<EvidenceState> {
    blocking(app, move |state| {
        let root = state.workspace().root().to_path_buf();
        let v = access::open(&root, passphrase.as_deref(), create, state.key_store.as_deref())?;
        unlocked(state, v)?;
        Ok(state_of(state))
    })
    .await
}

#[tauri::command]
pub async fn evidence_data<R: Runtime>(app: AppHandle<R>) -> AppResult<EvidenceData> {
    blocking(app, data_of).await
}

/// Imports files and folders (from the dialog or dropped on the window), reporting progress on
/// `on_progress`; `evidence_cancel_import` stops it and nothing is kept.
#[tauri::command]
pub async fn evidence_import<R: Runtime>(
    app: AppHandle<R>,
    paths: Vec<PathBuf>,
    links: Vec<String>,
    follow_symlinks: bool,
    on_progress: Channel<Progress>,
) -> AppResult<ImportOutcome> {
    blocking(app, move |state| {
        let links = links.iter().map(|l| l.parse()).collect::<Result<Vec<Target>, _>>()?;
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
        Ok(ImportOutcome { report, data: data_of(state)? })
    })
    .await
}

#[tauri::command]
pub fn evidence_cancel_import(state: tauri::State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::Relaxed);
}

/// Links (`linked`) or unlinks a file and a target (`item:…` / `achievement:…`).
#[tauri::command]
pub async fn evidence_link<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    target: String,
    linked: bool,
) -> AppResult<EvidenceData> {
    blocking(app, move |state| {
        let t: Target = target.parse()?;
        let file = state.workspace().load()?.file;
        if linked && !zhicheng_vault::checklist::target_exists(&file, &t) {
            return Err(CoreError::NotFound(format!("关联目标 {t}")).into());
        }
        with_vault(state, |v| if linked { v.link(&id, t) } else { v.unlink(&id, &t) })?;
        data_of(state)
    })
    .await
}

#[tauri::command]
pub async fn evidence_set_title<R: Runtime>(app: AppHandle<R>, id: String, title: String) -> AppResult<EvidenceData> {
    blocking(app, move |state| {
        with_vault(state, |v| v.set_title(&id, &title))?;
        data_of(state)
    })
    .await
}

/// Changes the size-warning settings.
#[tauri::command]
pub async fn evidence_save_settings<R: Runtime>(
    app: AppHandle<R>,
    settings: zhicheng_vault::vault::VaultSettings,
) -> AppResult<EvidenceData> {
    blocking(app, move |state| {
        with_vault(state, |v| v.save_settings(settings))?;
        data_of(state)
    })
    .await
}

/// Removes a file from the vault (the UI asked first; the original elsewhere is untouched).
#[tauri::command]
pub async fn evidence_remove<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<EvidenceData> {
    blocking(app, move |state| {
        with_vault(state, |v| v.remove(&id).map(|_| ()))?;
        data_of(state)
    })
    .await
}

/// A file's bytes, decrypted in memory for the preview (raw bytes, not JSON).
#[tauri::command]
pub async fn evidence_read<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<Response> {
    blocking(app, move |state| Ok(Response::new(with_vault(state, |v| v.read(&id))?))).await
}

/// Exports for upload: a `.zip` at `path` (the save dialog asked about overwriting), or a new folder
/// `path` (must not exist or be empty).
#[tauri::command]
pub async fn evidence_export<R: Runtime>(app: AppHandle<R>, path: PathBuf, zip: bool) -> AppResult<ExportReport> {
    blocking(app, move |state| {
        let file = state.workspace().load()?.file;
        let dest = if zip { Dest::Zip(path) } else { Dest::Folder(path) };
        with_vault(state, |v| export::export(v, &file, dest, zip))
    })
    .await
}

/// Writes the recovery file (the key under a passphrase) where the save dialog said.
#[tauri::command]
pub async fn evidence_write_recovery<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    passphrase: String,
) -> AppResult<()> {
    blocking(app, move |state| with_vault(state, |v| v.write_recovery(&path, &passphrase, KdfParams::default(), true)))
        .await
}

/// Unlocks with a recovery file, putting the key back in the OS store when the vault keeps it there.
#[tauri::command]
pub async fn evidence_recover<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    passphrase: String,
) -> AppResult<EvidenceState> {
    blocking(app, move |state| {
        let root = state.workspace().root().to_path_buf();
        let s = store(state).ok();
        let v = Vault::recover(&root, &path, &passphrase, s.as_deref())?;
        unlocked(state, v)?;
        Ok(state_of(state))
    })
    .await
}
