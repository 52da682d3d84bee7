//! The vault on disk, in the workspace's `evidence/` folder:
//!
//! - `vault.json` — plain: format, vault id, the key's public half, where the key is kept (and the
//!   passphrase-wrapped key when no OS key store is used). Nothing personal.
//! - `index.age` — encrypted: every file's original name, title, kind, size, hash and links.
//! - `objects/<keyed BLAKE3 hex>.age` — each file's content, encrypted; the name reveals nothing to
//!   someone holding the same file (the hash is keyed with a key derived from the vault key).
//!
//! Importing reads the original once (never moves, changes or deletes it), hashing and encrypting in
//! the same pass into a temp file that is renamed into place; the index is written last, atomically.
//! A cancelled or failed import removes what it had written.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use zhicheng_core::IoAction;

use chrono::Utc;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zhicheng_core::storage::atomic_write;
use zhicheng_core::{CoreError, Lang};

use crate::crypto::{self, KdfParams, VaultKey, WrappedKey};
use crate::keys::SecretStore;
use crate::names;
use crate::sniff::{self, FileKind};
use crate::upload::Composition;

use crate::error::{Locked, Missing, Result, SizeSetting, VaultError};

pub const DIR: &str = "evidence";
pub const META: &str = "vault.json";
pub const INDEX: &str = "index.age";
pub const OBJECTS: &str = "objects";
pub const SETTINGS: &str = "settings.json";
pub const META_FORMAT: &str = "zhicheng/evidence-vault";
const INDEX_FORMAT: &str = "zhicheng/evidence-index";

/// What a file proves: a requirement item (`item:education_certificate`) or an achievement
/// (`achievement:<id>`). Serialised as that string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Item(String),
    Achievement(String),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Item(id) => write!(f, "item:{id}"),
            Target::Achievement(id) => write!(f, "achievement:{id}"),
        }
    }
}

impl FromStr for Target {
    type Err = VaultError;
    fn from_str(s: &str) -> Result<Self> {
        let bad = || VaultError::NotFound(Missing::TargetSyntax { target: s.to_string() });
        match s.split_once(':') {
            Some(("item", id)) if !id.is_empty() => Ok(Target::Item(id.to_string())),
            Some(("achievement", id)) if !id.is_empty() => Ok(Target::Achievement(id.to_string())),
            _ => Err(bad()),
        }
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl TS for Target {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".into()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "string".into()
    }
}

/// One file in the vault.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceFile {
    /// The first 16 hex digits of the hash: short, stable, what the CLI and the UI use.
    pub id: String,
    /// Keyed BLAKE3 of the content (hex).
    pub hash: String,
    /// The original file name (as shown; see `name_note`).
    pub name: String,
    pub name_note: Option<String>,
    /// What the user calls it; the export names the file after it.
    pub title: String,
    pub kind: FileKind,
    #[ts(type = "number")]
    pub size: u64,
    /// Beijing time, RFC 3339.
    pub imported_at: String,
    pub links: Vec<Target>,
    /// A masked copy: the id of the original it stands in for. Composing and the export use it in
    /// the original's place; the original stays as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub masked_from: Option<String>,
    /// The user confirmed that the applicant's name (and rank) can be seen in the file.
    #[serde(default)]
    pub name_confirmed: bool,
}

#[cfg(test)]
impl EvidenceFile {
    pub fn for_test(id: &str, links: Vec<Target>) -> Self {
        Self {
            id: id.into(),
            hash: id.into(),
            name: format!("{id}.pdf"),
            name_note: None,
            title: id.into(),
            kind: FileKind::Pdf,
            size: 1,
            imported_at: String::new(),
            links,
            masked_from: None,
            name_confirmed: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeyPlace {
    /// The OS credential store, entry `vault-<vault id>` of service `zhicheng-lvse-ditan`.
    OsStore,
    /// `wrapped_key` in vault.json, under the user's passphrase.
    Passphrase,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VaultMeta {
    pub format: String,
    pub version: u32,
    pub vault_id: String,
    /// The key's public half (`age1…`).
    pub recipient: String,
    pub key_place: KeyPlace,
    pub wrapped_key: Option<WrappedKey>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Index {
    format: String,
    version: u32,
    files: Vec<EvidenceFile>,
    /// The page order the user set per item (absent in vaults written before it existed).
    #[serde(default)]
    compositions: Vec<Composition>,
}

/// Size above which a file gets a warning, per kind (MB), and the budget of an item's composed PDF.
/// The portal's limits are not published (the notice names none); these are settings
/// (`evidence/settings.json`), and their defaults are starting points, not rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VaultSettings {
    pub image_warn_mb: f64,
    pub document_warn_mb: f64,
    /// Largest size of one item's PDF (MB). Default 5: a common per-file upload limit of online
    /// application portals; Chongqing's is unpublished — change it to what the portal says.
    #[serde(default = "default_item_max_mb")]
    pub item_max_mb: f64,
    /// The compression offered first: pixels per inch on the page (150: legible text on A4) …
    #[serde(default = "default_dpi")]
    pub compress_dpi: u32,
    /// … and JPEG quality.
    #[serde(default = "default_quality")]
    pub compress_quality: u8,
    /// When a recovery file was last written (Beijing time, RFC 3339); until then the page reminds.
    #[serde(default)]
    pub recovery_written_at: Option<String>,
}

fn default_item_max_mb() -> f64 {
    5.0
}
fn default_dpi() -> u32 {
    150
}
fn default_quality() -> u8 {
    75
}

impl Default for VaultSettings {
    fn default() -> Self {
        Self {
            image_warn_mb: 5.0,
            document_warn_mb: 20.0,
            item_max_mb: default_item_max_mb(),
            compress_dpi: default_dpi(),
            compress_quality: default_quality(),
            recovery_written_at: None,
        }
    }
}

/// How to unlock an existing vault.
pub enum Unlock<'a> {
    Store(&'a dyn SecretStore),
    Passphrase(&'a str),
}

/// Where a new vault's key goes.
pub enum KeyChoice<'a> {
    Store(&'a dyn SecretStore),
    Passphrase(&'a str, KdfParams),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Progress {
    pub files_done: u32,
    pub files_total: u32,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    /// The file being read (its name).
    pub current: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RefusedFile {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportReport {
    /// Ids of the files stored.
    pub added: Vec<String>,
    /// Files whose content was already in the vault: (name given, id it was linked to).
    pub duplicates: Vec<(String, String)>,
    pub refused: Vec<RefusedFile>,
    /// Hidden and system files met in folders and left out (.DS_Store, Thumbs.db, …).
    pub skipped: u32,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Follow symbolic links (asked of the user). Links inside a chosen folder are followed only
    /// when they stay inside it.
    pub follow_symlinks: bool,
    /// Links given to every imported file.
    pub links: Vec<Target>,
}

pub struct Vault {
    dir: PathBuf,
    meta: VaultMeta,
    key: VaultKey,
    files: Vec<EvidenceFile>,
    compositions: Vec<Composition>,
    pub settings: VaultSettings,
    /// What opening removed: encrypted objects no index entry names (left by an import that was
    /// killed before it wrote the index).
    pub reclaimed: Reclaimed,
    /// The language of what the vault words for the user (import refusals and warnings, skipped pages,
    /// a composition's problem);
    /// the interface's, set by the caller. Not stored.
    pub lang: Lang,
}

/// Orphan objects removed when the vault was opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Reclaimed {
    pub files: u32,
    pub bytes: u64,
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Vault({}, {} files)", self.dir.display(), self.files.len())
    }
}

fn io(action: IoAction, p: &Path) -> impl FnOnce(std::io::Error) -> CoreError {
    CoreError::io(action, p)
}

fn random_hex(n: usize) -> String {
    let mut b = vec![0u8; n];
    #[allow(
        clippy::expect_used,
        reason = "the OS random source does not fail on supported systems; no key without it"
    )]
    getrandom::fill(&mut b).expect("the OS random source works");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn now_beijing() -> String {
    zhicheng_core::round::beijing(Utc::now()).to_rfc3339()
}

pub fn vault_dir(workspace: &Path) -> PathBuf {
    workspace.join(DIR)
}

pub fn exists(workspace: &Path) -> bool {
    vault_dir(workspace).join(META).is_file()
}

/// The vault's plain metadata (no key needed), e.g. to know how to unlock it.
pub fn read_meta(workspace: &Path) -> Result<VaultMeta> {
    let p = vault_dir(workspace).join(META);
    let text = fs::read_to_string(&p).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            VaultError::NoVault
        } else {
            CoreError::io(IoAction::Read, &p)(e).into()
        }
    })?;
    let meta: VaultMeta = zhicheng_core::error::parse_json(&text, Some(&p))?;
    if meta.format != META_FORMAT {
        return Err(VaultError::NotAVault { path: p });
    }
    if meta.version > 1 {
        return Err(CoreError::UnsupportedVersion { found: meta.version, supported: 1 }.into());
    }
    Ok(meta)
}

fn account(meta: &VaultMeta) -> String {
    format!("vault-{}", meta.vault_id)
}

impl Vault {
    /// Creates the vault of a workspace. Refuses when one exists (never replaces a key).
    pub fn create(workspace: &Path, choice: KeyChoice) -> Result<Vault> {
        if exists(workspace) {
            return Err(VaultError::AlreadyCreated);
        }
        let dir = vault_dir(workspace);
        zhicheng_core::storage::create_private_dir(&dir.join(OBJECTS))?;
        let key = VaultKey::generate();
        let vault_id = random_hex(8);
        let mut meta = VaultMeta {
            format: META_FORMAT.into(),
            version: 1,
            vault_id,
            recipient: key.recipient(),
            key_place: KeyPlace::OsStore,
            wrapped_key: None,
            created_at: now_beijing(),
        };
        match choice {
            KeyChoice::Store(store) => store.set(&account(&meta), key.secret().expose())?,
            KeyChoice::Passphrase(pass, params) => {
                meta.key_place = KeyPlace::Passphrase;
                meta.wrapped_key = Some(crypto::wrap(&key, pass, params)?);
            }
        }
        let _guard = zhicheng_core::lock::WriteLock::acquire(workspace)?;
        let v = Vault {
            dir,
            meta,
            key,
            files: vec![],
            compositions: vec![],
            settings: VaultSettings::default(),
            reclaimed: Reclaimed::default(),
            lang: Lang::Zh,
        };
        v.save_index()?;
        #[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
        let text = serde_json::to_string_pretty(&v.meta).expect("meta serialises");
        atomic_write(&v.dir.join(META), text.as_bytes())?;
        Ok(v)
    }

    pub fn open(workspace: &Path, unlock: Unlock) -> Result<Vault> {
        let meta = read_meta(workspace)?;
        let key = match (unlock, meta.key_place) {
            (Unlock::Passphrase(p), _) => {
                let w = meta.wrapped_key.as_ref().ok_or(VaultError::KeyNotPassphrase)?;
                crypto::unwrap(w, p)?
            }
            (Unlock::Store(_), KeyPlace::Passphrase) => {
                return Err(VaultError::Locked(Locked::NeedsPassphrase));
            }
            (Unlock::Store(store), KeyPlace::OsStore) => {
                let secret = store
                    .get(&account(&meta))
                    .map_err(|e| VaultError::Locked(Locked::Store(Box::new(e))))?
                    .ok_or(VaultError::Locked(Locked::KeyNotInStore { store: store.kind() }))?;
                VaultKey::from_secret(&secret)?
            }
        };
        Self::with_key(workspace, meta, key)
    }

    fn with_key(workspace: &Path, meta: VaultMeta, key: VaultKey) -> Result<Vault> {
        if key.recipient() != meta.recipient {
            return Err(VaultError::Locked(Locked::WrongKey));
        }
        let dir = vault_dir(workspace);
        let ip = dir.join(INDEX);
        let sealed = fs::read(&ip).map_err(io(IoAction::Read, &ip))?;
        let plain = key.open(&sealed, INDEX)?;
        let index: Index =
            serde_json::from_slice(&plain).map_err(|e| VaultError::IndexUnreadable { detail: e.to_string() })?;
        if index.format != INDEX_FORMAT || index.version > 1 {
            return Err(VaultError::IndexUnsupported);
        }
        let settings = match fs::read_to_string(dir.join(SETTINGS)) {
            Ok(t) => zhicheng_core::error::parse_json(&t, Some(&dir.join(SETTINGS)))?,
            Err(_) => VaultSettings::default(),
        };
        let mut v = Vault {
            dir,
            meta,
            key,
            files: index.files,
            compositions: index.compositions,
            settings,
            reclaimed: Reclaimed::default(),
            lang: Lang::Zh,
        };
        // Only while no other program writes: its import may have objects not yet in its index.
        if let Ok(_guard) = v.lock() {
            v.clean_stale_temps();
            v.reclaimed = v.reclaim_orphans();
        }
        Ok(v)
    }

    /// Changes the size-warning settings (`evidence/settings.json`). Values must be positive and at
    /// most 2048 MB.
    pub fn save_settings(&mut self, settings: VaultSettings) -> Result<()> {
        for (v, what) in [
            (settings.image_warn_mb, SizeSetting::ImageWarn),
            (settings.document_warn_mb, SizeSetting::DocumentWarn),
            (settings.item_max_mb, SizeSetting::ItemMax),
        ] {
            if !(v.is_finite() && v > 0.0 && v <= 2048.0) {
                return Err(VaultError::SizeOutOfRange { setting: what, value: v });
            }
        }
        crate::compose::Compress { dpi: settings.compress_dpi, quality: settings.compress_quality }
            .check()
            .map_err(VaultError::Compose)?;
        #[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
        let text = serde_json::to_string_pretty(&settings).expect("settings serialise");
        let _guard = self.lock()?;
        atomic_write(&self.dir.join(SETTINGS), text.as_bytes())?;
        self.settings = settings;
        Ok(())
    }

    /// A passphrase-protected copy of the key, to open the vault when the OS key store is lost.
    /// Records when (Beijing time) in the settings, so that the page stops reminding.
    pub fn write_recovery(&mut self, path: &Path, passphrase: &str, params: KdfParams, overwrite: bool) -> Result<()> {
        zhicheng_core::storage::check_output(path, overwrite)?;
        let w = crypto::wrap(&self.key, passphrase, params)?;
        #[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
        let text = serde_json::to_string_pretty(&w).expect("serialises");
        atomic_write(path, text.as_bytes())?;
        let settings = VaultSettings { recovery_written_at: Some(now_beijing()), ..self.settings.clone() };
        self.save_settings(settings)
    }

    /// Opens the vault with a recovery file and, for a vault kept in the OS store, puts the key back
    /// there.
    pub fn recover(
        workspace: &Path,
        recovery: &Path,
        passphrase: &str,
        store: Option<&dyn SecretStore>,
    ) -> Result<Vault> {
        let meta = read_meta(workspace)?;
        let text = fs::read_to_string(recovery).map_err(io(IoAction::Read, recovery))?;
        let w: WrappedKey = zhicheng_core::error::parse_json(&text, Some(recovery))?;
        if w.recipient != meta.recipient {
            return Err(VaultError::RecoveryOfAnotherVault);
        }
        let key = crypto::unwrap(&w, passphrase)?;
        if meta.key_place == KeyPlace::OsStore
            && let Some(store) = store
        {
            store.set(&account(&meta), key.secret().expose())?;
        }
        Self::with_key(workspace, meta, key)
    }

    /// The vault key as the workspace's cipher for the ID number and phone in the applicant file.
    pub fn field_cipher(&self) -> std::sync::Arc<dyn zhicheng_core::storage::FieldCipher> {
        #[allow(clippy::expect_used, reason = "a key's own secret, just written by it, parses")]
        let key = VaultKey::from_secret(self.key.secret().expose()).expect("the key's own secret parses");
        std::sync::Arc::new(crate::crypto::KeyCipher(key))
    }

    pub fn meta(&self) -> &VaultMeta {
        &self.meta
    }

    pub fn files(&self) -> &[EvidenceFile] {
        &self.files
    }

    pub fn file(&self, id: &str) -> Result<&EvidenceFile> {
        self.files.iter().find(|f| f.id == id).ok_or_else(|| VaultError::NotFound(Missing::File { id: id.to_string() }))
    }

    fn object_path(&self, hash: &str) -> PathBuf {
        self.dir.join(OBJECTS).join(format!("{hash}.age"))
    }

    fn save_index(&self) -> Result<()> {
        let index = Index {
            format: INDEX_FORMAT.into(),
            version: 1,
            files: self.files.clone(),
            compositions: self.compositions.clone(),
        };
        #[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
        let plain = serde_json::to_vec(&index).expect("index serialises");
        let sealed = self.key.seal(&plain)?;
        Ok(atomic_write(&self.dir.join(INDEX), &sealed)?)
    }

    /// The workspace's write lock (see `zhicheng_core::lock`).
    fn lock(&self) -> Result<zhicheng_core::lock::WriteLock> {
        Ok(zhicheng_core::lock::WriteLock::acquire(self.dir.parent().unwrap_or(&self.dir))?)
    }

    /// Removes `objects/*.age` that the index (read and checked before this) does not name.
    fn reclaim_orphans(&self) -> Reclaimed {
        let mut r = Reclaimed::default();
        let named: std::collections::HashSet<&str> = self.files.iter().map(|f| f.hash.as_str()).collect();
        let Ok(rd) = fs::read_dir(self.dir.join(OBJECTS)) else { return r };
        for e in rd.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let Some(hash) = name.strip_suffix(".age") else { continue };
            if named.contains(hash) || !e.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let size = e.metadata().map(|m| m.len()).unwrap_or(0);
            if fs::remove_file(e.path()).is_ok() {
                r.files += 1;
                r.bytes += size;
            }
        }
        r
    }

    /// Temp files of writes that were killed: imports' objects and the index's or settings' atomic
    /// saves (`.index.age.tmp`). Called under the write lock.
    fn clean_stale_temps(&self) {
        zhicheng_core::storage::remove_stale_temps(&self.dir);
        if let Ok(rd) = fs::read_dir(self.dir.join(OBJECTS)) {
            for e in rd.flatten() {
                if e.file_name().to_string_lossy().starts_with(".import-") {
                    let _ = fs::remove_file(e.path());
                }
            }
        }
    }

    /// Changes the index and saves it; on a failed save the change is undone.
    fn change(&mut self, f: impl FnOnce(&mut Vec<EvidenceFile>) -> Result<()>) -> Result<()> {
        let _guard = self.lock()?;
        let before = self.files.clone();
        f(&mut self.files)?;
        if let Err(e) = self.save_index() {
            self.files = before;
            return Err(e);
        }
        Ok(())
    }

    pub fn link(&mut self, id: &str, target: Target) -> Result<()> {
        self.file(id)?;
        self.change(|files| {
            let Some(f) = files.iter_mut().find(|f| f.id == id) else {
                return Err(VaultError::NotFound(Missing::File { id: id.to_string() }));
            };
            if !f.links.contains(&target) {
                f.links.push(target);
            }
            Ok(())
        })
    }

    pub fn unlink(&mut self, id: &str, target: &Target) -> Result<()> {
        self.file(id)?;
        self.change(|files| {
            if let Some(f) = files.iter_mut().find(|f| f.id == id) {
                f.links.retain(|t| t != target);
            }
            Ok(())
        })
    }

    pub fn set_title(&mut self, id: &str, title: &str) -> Result<()> {
        let title = title.trim();
        if title.is_empty() {
            return Err(VaultError::EmptyTitle);
        }
        self.file(id)?;
        self.change(|files| {
            if let Some(f) = files.iter_mut().find(|f| f.id == id) {
                f.title = title.to_string();
            }
            Ok(())
        })
    }

    /// Removes a file from the vault (the original elsewhere is untouched). The UI asks first.
    /// Its masked copy, if any, goes with it.
    pub fn remove(&mut self, id: &str) -> Result<EvidenceFile> {
        let removed = self.file(id)?.clone();
        let gone: Vec<EvidenceFile> =
            self.files.iter().filter(|f| f.id == id || f.masked_from.as_deref() == Some(id)).cloned().collect();
        self.change(|files| {
            files.retain(|f| f.id != id && f.masked_from.as_deref() != Some(id));
            Ok(())
        })?;
        for g in gone {
            if !self.files.iter().any(|f| f.hash == g.hash) {
                let _ = fs::remove_file(self.object_path(&g.hash));
            }
        }
        Ok(removed)
    }

    /// The masked copy standing in for `id`, if one was made.
    pub fn masked_copy(&self, id: &str) -> Option<&EvidenceFile> {
        self.files.iter().find(|f| f.masked_from.as_deref() == Some(id))
    }

    /// What composing and the export use for `id`: its masked copy, else the file itself.
    pub fn current(&self, id: &str) -> Result<&EvidenceFile> {
        match self.masked_copy(id) {
            Some(m) => Ok(m),
            None => self.file(id),
        }
    }

    /// Stores `bytes` as the masked copy of `original` (replacing an earlier one). The original is
    /// not touched.
    pub fn store_masked(&mut self, original: &str, kind: FileKind, bytes: &[u8]) -> Result<EvidenceFile> {
        let orig = self.file(original)?.clone();
        if orig.masked_from.is_some() {
            return Err(VaultError::MaskTheOriginal);
        }
        let _guard = self.lock()?;
        let never = AtomicBool::new(false);
        let (hash, written, size) =
            self.store_reader(&mut std::io::Cursor::new(bytes), Path::new(&orig.name), &mut |_| {}, &never)?;
        let previous = self.masked_copy(original).cloned();
        let copy = EvidenceFile {
            id: hash[..16].to_string(),
            hash,
            name: orig.name.clone(),
            name_note: None,
            title: orig.title.clone(),
            kind,
            size,
            imported_at: now_beijing(),
            links: vec![],
            masked_from: Some(original.to_string()),
            name_confirmed: orig.name_confirmed,
        };
        if self.files.iter().any(|f| f.hash == copy.hash && f.masked_from.as_deref() != Some(original)) {
            return Err(VaultError::MaskChangedNothing);
        }
        let before = self.files.clone();
        self.files.retain(|f| f.masked_from.as_deref() != Some(original));
        self.files.push(copy.clone());
        let saved = written
            .as_ref()
            .map_or(Ok(()), |o| File::open(o).and_then(|f| f.sync_all()).map_err(|e| io(IoAction::Write, o)(e).into()));
        if let Err(e) = saved.and_then(|_| self.save_index()) {
            self.files = before;
            if let Some(o) = written {
                let _ = fs::remove_file(o);
            }
            return Err(e);
        }
        if let Some(p) = previous
            && p.hash != copy.hash
        {
            let _ = fs::remove_file(self.object_path(&p.hash));
        }
        Ok(copy)
    }

    /// Drops the masked copy of `original` (the original is used again).
    pub fn unmask(&mut self, original: &str) -> Result<()> {
        let Some(copy) = self.masked_copy(original).cloned() else {
            return Err(VaultError::NotFound(Missing::MaskedCopy { id: original.to_string() }));
        };
        self.remove(&copy.id).map(|_| ())
    }

    /// Records whether the applicant's name can be seen in the file.
    pub fn set_name_confirmed(&mut self, id: &str, confirmed: bool) -> Result<()> {
        self.file(id)?;
        self.change(|files| {
            for f in files.iter_mut().filter(|f| f.id == id || f.masked_from.as_deref() == Some(id)) {
                f.name_confirmed = confirmed;
            }
            Ok(())
        })
    }

    pub fn compositions(&self) -> &[Composition] {
        &self.compositions
    }

    /// Forgets the page order of one item.
    pub fn clear_composition(&mut self, target: &Target) -> Result<()> {
        if !self.compositions.iter().any(|c| &c.target == target) {
            return Ok(());
        }
        let _guard = self.lock()?;
        let before = self.compositions.clone();
        self.compositions.retain(|x| &x.target != target);
        if let Err(e) = self.save_index() {
            self.compositions = before;
            return Err(e);
        }
        Ok(())
    }

    /// Saves the page order of one item (replacing the earlier one).
    pub fn save_composition(&mut self, c: Composition) -> Result<()> {
        let _guard = self.lock()?;
        let before = self.compositions.clone();
        self.compositions.retain(|x| x.target != c.target);
        self.compositions.push(c);
        if let Err(e) = self.save_index() {
            self.compositions = before;
            return Err(e);
        }
        Ok(())
    }

    /// The plaintext of a file (for a preview), checked against its hash.
    pub fn read(&self, id: &str) -> Result<Vec<u8>> {
        let f = self.file(id)?;
        let mut out = vec![];
        self.decrypt_into(f, &mut out)?;
        Ok(out)
    }

    /// Decrypts a file into `w`, verifying it is the content recorded (a swapped or changed object is
    /// refused). Returns the plain BLAKE3 (unkeyed) of the content, for the export's index.
    fn decrypt_into(&self, f: &EvidenceFile, w: &mut dyn Write) -> Result<String> {
        let p = self.object_path(&f.hash);
        let what = f.title.clone();
        let src = File::open(&p).map_err(io(IoAction::Read, &p))?;
        let mut r = self.key.decrypt_from(src, &what)?;
        let mut keyed = blake3::Hasher::new_keyed(&self.key.dedupe_key());
        let mut plain = blake3::Hasher::new();
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = r.read(&mut buf).map_err(|_| VaultError::Tampered { what: what.clone() })?;
            if n == 0 {
                break;
            }
            keyed.update(buf.get(..n).unwrap_or_default());
            plain.update(buf.get(..n).unwrap_or_default());
            w.write_all(buf.get(..n).unwrap_or_default())
                .map_err(|e| VaultError::WriteOut { detail: e.to_string() })?;
        }
        if keyed.finalize().to_hex().as_str() != f.hash {
            return Err(VaultError::Tampered { what });
        }
        Ok(plain.finalize().to_hex().to_string())
    }

    /// Imports files and folders. See the module comment for what is guaranteed.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        opts: &ImportOptions,
        progress: &mut dyn FnMut(&Progress),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        // Held through the whole import: its objects are on disk before the index names them, and
        // another program opening the vault meanwhile must not take them for orphans.
        let _guard = self.lock()?;
        let mut report = ImportReport::default();
        let lang = self.lang;
        let candidates = gather(paths, opts.follow_symlinks, &mut report, lang);
        let mut p = Progress {
            files_total: candidates.len() as u32,
            bytes_total: candidates.iter().map(|(_, s)| *s).sum(),
            ..Progress::default()
        };
        progress(&p);
        // Files are read, hashed and encrypted by a few workers at once (one per core, at most 4): the
        // encryption is CPU-bound, and the disk keeps up. The results are then taken in order.
        let stored = self.store_all(&candidates, &mut p, progress, cancel);
        let mut created: Vec<PathBuf> = stored
            .iter()
            .filter_map(|r| match r {
                Some(Ok(s)) => s.written.clone(),
                _ => None,
            })
            .collect();
        created.sort();
        created.dedup();
        let mut new_files: Vec<EvidenceFile> = vec![];
        let mut linked = false;
        let result = (|| -> Result<()> {
            if cancel.load(Ordering::Relaxed) || stored.iter().any(|r| r.is_none()) {
                return Err(VaultError::Cancelled);
            }
            for ((path, _), r) in candidates.iter().zip(stored) {
                let (name, name_note) = names::display_name(path.file_name().unwrap_or(path.as_os_str()));
                let Stored { kind, hash, size: real_size, .. } = match r {
                    None => return Err(VaultError::Cancelled),
                    Some(Ok(s)) => s,
                    Some(Err(reason)) => {
                        report.refused.push(RefusedFile { path: path.display().to_string(), reason });
                        continue;
                    }
                };
                let existing = self.files.iter_mut().chain(new_files.iter_mut()).find(|f| f.hash == hash);
                if let Some(f) = existing {
                    for l in &opts.links {
                        if !f.links.contains(l) {
                            f.links.push(l.clone());
                            linked = true;
                        }
                    }
                    report.duplicates.push((name, f.id.clone()));
                    continue;
                }
                let limit = if kind.is_image() { self.settings.image_warn_mb } else { self.settings.document_warn_mb };
                let mb = real_size as f64 / 1_048_576.0;
                if mb > limit {
                    report.warnings.push(match (kind.is_image(), lang) {
                        (true, Lang::Zh) => format!(
                            "“{name}”有 {mb:.1} MB（超过 {limit} MB）：图片建议以 300 dpi 以内扫描或压缩后再导入"
                        ),
                        (false, Lang::Zh) => {
                            format!("“{name}”有 {mb:.1} MB（超过 {limit} MB）：平台可能拒收，建议压缩或拆分")
                        }
                        (true, Lang::En) => format!(
                            "“{name}” is {mb:.1} MB (over {limit} MB): scan pictures at 300 dpi or less, or compress them before importing"
                        ),
                        (false, Lang::En) => format!(
                            "“{name}” is {mb:.1} MB (over {limit} MB): the portal may refuse it; compress or split it"
                        ),
                    });
                }
                if let Some(note) = &name_note {
                    report.warnings.push(match lang {
                        Lang::Zh => format!("“{name}”：{}", note.words(lang)),
                        Lang::En => format!("“{name}”: {}", note.words(lang)),
                    });
                }
                let id = hash[..16].to_string();
                report.added.push(id.clone());
                new_files.push(EvidenceFile {
                    id,
                    title: names::default_title(&name),
                    name,
                    // Kept in the index as it was always written (Chinese).
                    name_note: name_note.map(|n| n.words(Lang::Zh).to_string()),
                    hash,
                    kind,
                    size: real_size,
                    imported_at: now_beijing(),
                    links: opts.links.clone(),
                    masked_from: None,
                    name_confirmed: false,
                });
            }
            p.current.clear();
            progress(&p);
            if cancel.load(Ordering::Relaxed) {
                return Err(VaultError::Cancelled);
            }
            // Every new object on disk before the index names it. Done once for the batch, after
            // writing: by then the kernel has written most of it back, so these return quickly.
            for o in &created {
                File::open(o).and_then(|f| f.sync_all()).map_err(io(IoAction::Write, o))?;
            }
            // Nothing new and no new link (every file refused, or there already as it was): the
            // index stays as it is, byte for byte.
            if new_files.is_empty() && !linked {
                return Ok(());
            }
            let before = self.files.clone();
            self.files.append(&mut new_files);
            if let Err(e) = self.save_index() {
                self.files = before;
                return Err(e);
            }
            Ok(())
        })();
        if let Err(e) = result {
            for o in &created {
                let _ = fs::remove_file(o);
            }
            return Err(e);
        }
        Ok(report)
    }

    /// Sniffs and stores every candidate on worker threads, reporting progress from this thread.
    /// Per candidate: `Some(Ok)` stored, `Some(Err(reason))` refused, `None` not done (cancelled).
    fn store_all(
        &self,
        candidates: &[(PathBuf, u64)],
        p: &mut Progress,
        progress: &mut dyn FnMut(&Progress),
        cancel: &AtomicBool,
    ) -> Vec<Option<std::result::Result<Stored, String>>> {
        let lang = self.lang;
        enum Msg {
            Bytes(u64),
            Done(usize, std::result::Result<Stored, String>),
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4).min(candidates.len());
        let mut results: Vec<Option<std::result::Result<Stored, String>>> = vec![None; candidates.len()];
        let (tx, rx) = std::sync::mpsc::channel::<Msg>();
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let tx = tx.clone();
                let next = &next;
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= candidates.len() || cancel.load(Ordering::Relaxed) {
                            break;
                        }
                        let Some((path, _)) = candidates.get(i) else { break };
                        let r = match sniff::sniff(path) {
                            Err(refusal) => Err(refusal.words(lang)),
                            Ok(kind) => {
                                let mut sent = 0u64;
                                match self.store_one(
                                    path,
                                    &mut |n| {
                                        let _ = tx.send(Msg::Bytes(n - sent));
                                        sent = n;
                                    },
                                    cancel,
                                ) {
                                    Ok((hash, written, size)) => Ok(Stored { kind, hash, written, size }),
                                    Err(VaultError::Cancelled) => break,
                                    Err(e) => Err(e.words(lang)),
                                }
                            }
                        };
                        let _ = tx.send(Msg::Done(i, r));
                    }
                });
            }
            drop(tx);
            let mut bytes_done = 0u64;
            let mut sized_done = 0u64;
            for m in rx {
                match m {
                    Msg::Bytes(n) => bytes_done += n,
                    Msg::Done(i, r) => {
                        p.files_done += 1;
                        if let Some((path, size)) = candidates.get(i) {
                            sized_done += size;
                            p.current = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        }
                        if let Some(slot) = results.get_mut(i) {
                            *slot = Some(r);
                        }
                    }
                }
                // Files that were refused or changed size still count their listed size when done.
                p.bytes_done = bytes_done.max(sized_done).min(p.bytes_total);
                progress(p);
            }
        });
        results
    }

    /// Hashes and encrypts one file in one pass. Returns the hash, the object written (None when the
    /// content was already stored) and the size read.
    fn store_one(
        &self,
        path: &Path,
        on_bytes: &mut dyn FnMut(u64),
        cancel: &AtomicBool,
    ) -> Result<(String, Option<PathBuf>, u64)> {
        let mut src = File::open(path).map_err(io(IoAction::Read, path))?;
        self.store_reader(&mut src, path, on_bytes, cancel)
    }

    /// Hashes and encrypts what `src` gives (`path` names it in errors).
    fn store_reader(
        &self,
        src: &mut dyn Read,
        path: &Path,
        on_bytes: &mut dyn FnMut(u64),
        cancel: &AtomicBool,
    ) -> Result<(String, Option<PathBuf>, u64)> {
        let tmp = self.dir.join(OBJECTS).join(format!(".import-{}.tmp", random_hex(8)));
        let mut run = || -> Result<(String, u64)> {
            let out = zhicheng_core::storage::private_file(&tmp).map_err(io(IoAction::Write, &tmp))?;
            let mut w = self.key.encrypt_to(BufWriter::new(out)).map_err(io(IoAction::Write, &tmp))?;
            let mut hasher = blake3::Hasher::new_keyed(&self.key.dedupe_key());
            let mut buf = vec![0u8; 256 * 1024];
            let mut total = 0u64;
            loop {
                if cancel.load(Ordering::Relaxed) {
                    return Err(VaultError::Cancelled);
                }
                let n = src.read(&mut buf).map_err(io(IoAction::Read, path))?;
                if n == 0 {
                    break;
                }
                hasher.update(buf.get(..n).unwrap_or_default());
                w.write_all(buf.get(..n).unwrap_or_default()).map_err(io(IoAction::Write, &tmp))?;
                total += n as u64;
                on_bytes(total);
            }
            // Made durable with the rest of the batch, before the index is written.
            w.finish()
                .map_err(io(IoAction::Write, &tmp))?
                .into_inner()
                .map_err(|e| CoreError::io(IoAction::Write, &tmp)(e.into_error()))?;
            Ok((hasher.finalize().to_hex().to_string(), total))
        };
        let (hash, size) = match run() {
            Ok(x) => x,
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
        };
        let obj = self.object_path(&hash);
        if obj.exists() {
            let _ = fs::remove_file(&tmp);
            return Ok((hash, None, size));
        }
        fs::rename(&tmp, &obj).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            CoreError::io(IoAction::Save, &obj)(e)
        })?;
        Ok((hash, Some(obj), size))
    }

    /// Plain decryption for the export module.
    pub(crate) fn export_file(&self, f: &EvidenceFile, w: &mut dyn Write) -> Result<String> {
        self.decrypt_into(f, w)
    }
}

/// One file read, hashed and (unless already there) encrypted into an object.
#[derive(Debug, Clone)]
struct Stored {
    kind: FileKind,
    hash: String,
    /// The object written, `None` when the content was already stored.
    written: Option<PathBuf>,
    size: u64,
}

const SYSTEM_FILES: [&str; 4] = ["thumbs.db", "desktop.ini", ".ds_store", "icon\r"];

/// The files to import, with their sizes; refusals and skips go into the report.
fn gather(paths: &[PathBuf], follow: bool, report: &mut ImportReport, lang: Lang) -> Vec<(PathBuf, u64)> {
    let said = |zh: &str, en: &str| match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    };
    let mut out = vec![];
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for p in paths {
        let refuse = |report: &mut ImportReport, reason: String| {
            report.refused.push(RefusedFile { path: p.display().to_string(), reason })
        };
        let Ok(lmeta) = fs::symlink_metadata(p) else {
            refuse(report, said("找不到此文件或无权读取", "not found, or not readable"));
            continue;
        };
        if lmeta.file_type().is_symlink() && !follow {
            refuse(
                report,
                said(
                    "是符号链接，未跟随；如确认要导入它指向的内容，请允许跟随符号链接",
                    "a symbolic link, not followed; allow following links to import what it points to",
                ),
            );
            continue;
        }
        let Ok(meta) = fs::metadata(p) else {
            refuse(report, said("符号链接指向的文件不存在", "the symbolic link points to nothing"));
            continue;
        };
        if meta.is_dir() {
            let root = fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            let mut visited = BTreeSet::new();
            walk(p, &root, How { follow, lang }, &mut visited, &mut out, &mut seen, report);
        } else if meta.is_file() {
            let c = fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            if seen.insert(c) {
                out.push((p.clone(), meta.len()));
            }
        } else {
            refuse(report, said("不是普通文件或文件夹", "not a regular file or folder"));
        }
    }
    out
}

/// How a folder is walked: whether links are followed, the language of the refusals.
#[derive(Clone, Copy)]
struct How {
    follow: bool,
    lang: Lang,
}

fn walk(
    dir: &Path,
    root: &Path,
    how: How,
    visited: &mut BTreeSet<PathBuf>,
    out: &mut Vec<(PathBuf, u64)>,
    seen: &mut HashSet<PathBuf>,
    report: &mut ImportReport,
) {
    let How { follow, lang } = how;
    let canon = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canon) {
        return;
    }
    let Ok(rd) = fs::read_dir(dir) else {
        let reason = match lang {
            Lang::Zh => "无法读取此文件夹",
            Lang::En => "the folder cannot be read",
        };
        report.refused.push(RefusedFile { path: dir.display().to_string(), reason: reason.into() });
        return;
    };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_lowercase();
        if name.starts_with('.') || SYSTEM_FILES.contains(&name.as_str()) || name.starts_with("~$") {
            report.skipped += 1;
            continue;
        }
        let refuse = |report: &mut ImportReport, zh: &str, en: &str| {
            let reason = if lang == Lang::En { en } else { zh };
            report.refused.push(RefusedFile { path: path.display().to_string(), reason: reason.into() })
        };
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            if !follow {
                refuse(
                    report,
                    "是符号链接，未跟随；如确认要导入它指向的内容，请允许跟随符号链接",
                    "a symbolic link, not followed; allow following links to import what it points to",
                );
                continue;
            }
            match fs::canonicalize(&path) {
                Ok(t) if t.starts_with(root) => {}
                Ok(_) => {
                    refuse(
                        report,
                        "符号链接指向所选文件夹之外，未跟随",
                        "the symbolic link points outside the chosen folder; not followed",
                    );
                    continue;
                }
                Err(_) => {
                    refuse(report, "符号链接指向的文件不存在", "the symbolic link points to nothing");
                    continue;
                }
            }
        }
        let Ok(meta) = fs::metadata(&path) else { continue };
        if meta.is_dir() {
            walk(&path, root, how, visited, out, seen, report);
        } else if meta.is_file() {
            let c = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if seen.insert(c) {
                out.push((path, meta.len()));
            }
        } else {
            refuse(report, "不是普通文件", "not a regular file");
        }
    }
}
