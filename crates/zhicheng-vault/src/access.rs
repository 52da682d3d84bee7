//! Opening a workspace's vault the way the CLI and the app both do: the key from the OS store
//! (probed first), or the passphrase when the vault uses one; a new vault goes to the OS store when
//! it passes the probe, else under the passphrase the user gives. Blocking: call off the UI thread.

use std::path::Path;

use crate::crypto::KdfParams;
use crate::keys::{self, SecretStore};
use crate::vault::{self, KeyChoice, KeyPlace, Unlock, Vault};

use crate::error::{Locked, Result, VaultError};

/// How the vault of a workspace stands, without unlocking it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct VaultStatus {
    pub exists: bool,
    /// Where its key is (when it exists).
    pub key_place: Option<KeyPlace>,
    /// Whether the OS key store passed the write/read/delete probe, and why not.
    pub os_store_ok: bool,
    pub os_store_problem: Option<String>,
}

/// `store` replaces the OS store (tests); either is probed. The problem is worded in `lang`.
pub fn status(workspace: &Path, store: Option<&dyn SecretStore>, lang: zhicheng_core::Lang) -> VaultStatus {
    let probe = match store {
        Some(s) => s.probe(),
        None => keys::usable_os_store().map(|_| ()),
    }
    .map_err(|e| e.words(lang));
    let (os_store_ok, os_store_problem) = match probe {
        Ok(()) => (true, None),
        Err(e) => (false, Some(e)),
    };
    let meta = vault::read_meta(workspace).ok();
    VaultStatus { exists: meta.is_some(), key_place: meta.map(|m| m.key_place), os_store_ok, os_store_problem }
}

/// Opens the vault, creating it first when `create` (with the OS store if usable, else the
/// passphrase). `store` replaces the OS store (tests).
pub fn open(
    workspace: &Path,
    passphrase: Option<&str>,
    create: bool,
    store: Option<&dyn SecretStore>,
) -> Result<Vault> {
    let os;
    let store: Result<&dyn SecretStore> = match store {
        Some(s) => Ok(s),
        None => match keys::usable_os_store() {
            Ok(s) => {
                os = s;
                Ok(&os)
            }
            Err(e) => Err(e),
        },
    };
    if vault::exists(workspace) {
        let meta = vault::read_meta(workspace)?;
        return match (meta.key_place, passphrase, store) {
            (KeyPlace::Passphrase, Some(p), _) => Vault::open(workspace, Unlock::Passphrase(p)),
            (KeyPlace::Passphrase, None, _) => Err(VaultError::Locked(Locked::NeedsPassphrase)),
            (KeyPlace::OsStore, _, Ok(s)) => Vault::open(workspace, Unlock::Store(s)),
            (KeyPlace::OsStore, _, Err(why)) => Err(VaultError::Locked(Locked::Store(Box::new(why)))),
        };
    }
    if !create {
        return Err(VaultError::NoVault);
    }
    match (store, passphrase) {
        (_, Some(p)) => Vault::create(workspace, KeyChoice::Passphrase(p, KdfParams::default())),
        (Ok(s), None) => Vault::create(workspace, KeyChoice::Store(s)),
        (Err(why), None) => Err(VaultError::NoStoreSetPassphrase(Box::new(why))),
    }
}

/// What seals the ID number and phone of a workspace whose vault exists but is locked here: the
/// vault's public recipient. `None` without a vault (nothing to seal with yet).
pub fn sealer(workspace: &Path) -> Option<std::sync::Arc<dyn zhicheng_core::storage::FieldCipher>> {
    let meta = vault::read_meta(workspace).ok()?;
    let s = crate::crypto::RecipientSealer::parse(&meta.recipient).ok()?;
    Some(std::sync::Arc::new(s))
}

/// What 预审 needs of the vault: each file's id, title and links.
pub fn links(v: &Vault) -> zhicheng_core::prereview::EvidenceLinks {
    zhicheng_core::prereview::EvidenceLinks {
        files: v
            .files()
            .iter()
            .map(|f| (f.id.clone(), f.title.clone(), f.links.iter().map(|l| l.to_string()).collect()))
            .collect(),
    }
}

/// The cipher a workspace should use: the vault's key when it opens here, else its public half, so
/// that a save never writes the ID number or phone in clear into a workspace that has a vault.
/// Returns the opened vault too (the CLI and the app keep it).
pub fn cipher_for(
    workspace: &Path,
    passphrase: Option<&str>,
    create: bool,
    store: Option<&dyn SecretStore>,
) -> (Option<Vault>, Option<std::sync::Arc<dyn zhicheng_core::storage::FieldCipher>>) {
    match open(workspace, passphrase, create, store) {
        Ok(v) => {
            let c = v.field_cipher();
            (Some(v), Some(c))
        }
        Err(_) => (None, sealer(workspace)),
    }
}

/// The vault's state as the app shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct EvidenceState {
    pub status: VaultStatus,
    pub unlocked: bool,
}

/// What the 佐证材料 page lists: the files and the checklist for the applicant as saved.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct EvidenceData {
    pub files: Vec<crate::vault::EvidenceFile>,
    pub checklist: crate::checklist::Checklist,
    pub settings: crate::vault::VaultSettings,
}

pub fn data(file: &zhicheng_core::applicant_file::ApplicantFile, v: &Vault) -> EvidenceData {
    EvidenceData {
        files: v.files().to_vec(),
        checklist: crate::checklist::checklist(file, v.files()),
        settings: v.settings.clone(),
    }
}

/// After an import: what happened, and the page's new data.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct ImportOutcome {
    pub report: crate::vault::ImportReport,
    pub data: EvidenceData,
}
