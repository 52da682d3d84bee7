//! The workspace folder: where the applicant file lives, with its backups.
//!
//! ```text
//! <workspace>/applicant.json                 the applicant file (atomic saves)
//! <workspace>/backups/applicant-<UTC>.json   the last 10 saved versions
//! <workspace>/migrated/applicant.v<N>.json   the original of a file migrated from version N
//! <workspace>/applicant.json.corrupt-<UTC>   a corrupt file, moved aside only when the user restores a backup
//! ```
//!
//! Saving writes a temp file, fsyncs it, renames it over the old one and fsyncs the folder, so a crash
//! leaves either the old or the new file, never half of one. A file that does not parse is never
//! overwritten.

use crate::error::IoAction;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::applicant_file::{self, ApplicantFile};
use crate::error::{CoreError, Result};

pub const APPLICANT_FILE: &str = "applicant.json";
pub const BACKUP_DIR: &str = "backups";
/// The newest backups, always kept.
pub const KEEP_BACKUPS: usize = 10;
/// Every save of the last 10 minutes is kept (the newest 30 at most) …
pub const KEEP_ALL_MINUTES: i64 = 10;
pub const KEEP_RECENT_MAX: usize = 30;
/// … then one per hour for a day, one per day for a month.
pub const KEEP_DAYS: i64 = 31;
/// The one temp name backups are written through.
const BACKUP_TMP: &str = ".backup.tmp";
pub const MIGRATED_DIR: &str = "migrated";
/// A rule pack the user loaded in place of the built-in one.
pub const PACK_REPLACE: &str = "rules-replace.json";
/// A rule pack the user loaded in addition to the built-in one (e.g. 正常申报 conditions).
pub const PACK_EXTEND: &str = "rules-extend.json";
/// Overrides the default workspace folder (the CLI's `--workspace` wins over it).
pub const WORKSPACE_ENV: &str = "ZHICHENG_WORKSPACE";

pub use crate::report::BackupInfo;

/// What loading the workspace found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Loaded {
    pub file: ApplicantFile,
    /// False when there is no applicant file yet (a new workspace).
    pub exists: bool,
    /// The version the file was written in, when it was older and has been migrated in memory.
    pub migrated_from: Option<u32>,
    /// The ID number and phone are sealed and the key is not available here (a passphrase-protected
    /// vault not unlocked yet): they hold the sealed values, which a save keeps as they are.
    pub personal_locked: bool,
}

/// Where the data lives and which backups exist (shown in the app's footer and recovery dialog).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WorkspaceInfo {
    pub root: String,
    pub backups: Vec<BackupInfo>,
}

/// The default workspace folder: `$ZHICHENG_WORKSPACE`, else `<OS data dir>/zhicheng`
/// (`~/.local/share/zhicheng`, `~/Library/Application Support/zhicheng`, `%APPDATA%\zhicheng`).
pub fn default_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(WORKSPACE_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("zhicheng"))
        .ok_or_else(|| CoreError::Workspace("系统未提供应用数据目录（HOME 未设置？）".into()))
}

/// Seals and opens the applicant's most sensitive values — the ID number and the phone — at rest.
/// Implemented by the evidence vault's key (`zhicheng-vault`); a sealed value is stored as
/// [`SEALED_PREFIX`] followed by the ciphertext.
pub trait FieldCipher: Send + Sync {
    fn seal(&self, plain: &str) -> Result<String>;
    fn open(&self, sealed: &str) -> Result<String>;
}

pub use crate::sensitive::{SEALED_PREFIX, is_sealed};

#[derive(Clone)]
pub struct Workspace {
    root: PathBuf,
    cipher: Option<std::sync::Arc<dyn FieldCipher>>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Workspace({}, sealed: {})", self.root.display(), self.cipher.is_some())
    }
}

impl Workspace {
    /// Opens (and creates when needed) a workspace folder.
    /// Temp files a killed save left behind are removed, and the folders and files are made private
    /// (0700/0600 on Unix) when an older version left them readable by others.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self> {
        let root = root.into();
        create_private_dir(&root)?;
        let ws = Self { root, cipher: None };
        // Another program writing right now owns its temp files: clean only when no one else writes.
        if let Ok(_guard) = crate::lock::WriteLock::acquire(&ws.root) {
            for dir in [ws.root.clone(), ws.backup_dir(), ws.root.join(MIGRATED_DIR)] {
                remove_stale_temps(&dir);
                make_private(&dir);
            }
        }
        Ok(ws)
    }

    /// Holds the workspace's write lock (re-entrant within this process) until dropped; another
    /// program holding it is an error naming it.
    pub fn lock(&self) -> Result<crate::lock::WriteLock> {
        crate::lock::WriteLock::acquire(&self.root)
    }

    /// From now on, the ID number and phone are sealed when saved and opened when loaded; the applicant
    /// file and its backups still holding them in clear are sealed now.
    pub fn set_cipher(&mut self, cipher: std::sync::Arc<dyn FieldCipher>) -> Result<()> {
        self.cipher = Some(cipher);
        let loaded = match self.load() {
            Ok(l) => l,
            // A damaged file is left for the recovery dialog; nothing to seal in it now.
            Err(CoreError::Corrupt { .. }) => return Ok(()),
            Err(e) => return Err(e),
        };
        let on_disk = fs::read_to_string(self.applicant_path()).unwrap_or_default();
        if loaded.exists && applicant_file::parse(&on_disk, None).is_ok_and(|p| has_plain_personal(&p.file)) {
            self.save(&loaded.file)?;
        }
        self.seal_backups()?;
        self.seal_migrated()
    }

    /// The originals kept from migrations get their ID number and phone sealed in place.
    fn seal_migrated(&self) -> Result<()> {
        let Some(c) = &self.cipher else { return Ok(()) };
        let dir = self.root.join(MIGRATED_DIR);
        let Ok(entries) = fs::read_dir(&dir) else { return Ok(()) };
        let _guard = self.lock()?;
        for e in entries.filter_map(|e| e.ok()) {
            let p = e.path();
            if p.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let Ok(text) = fs::read_to_string(&p) else { continue };
            if let Some(sealed) = seal_json_personal(&text, c.as_ref())? {
                atomic_write(&p, sealed.as_bytes())?;
            }
        }
        Ok(())
    }

    pub fn is_sealing(&self) -> bool {
        self.cipher.is_some()
    }

    fn seal_fields(&self, file: &mut ApplicantFile) -> Result<()> {
        let Some(c) = &self.cipher else { return Ok(()) };
        for v in [&mut file.profile.id_number.0, &mut file.profile.phone.0] {
            if !v.trim().is_empty() && !is_sealed(v) {
                *v = c.seal(v)?;
            }
        }
        Ok(())
    }

    /// Opens sealed values; returns whether some stay sealed: no key here, or a value this key does
    /// not open (sealed by a vault since deleted, or changed). Those are kept as they are — never
    /// replaced by garbage — and the user can unlock, or clear and enter them again.
    fn open_fields(&self, file: &mut ApplicantFile) -> Result<bool> {
        let mut locked = false;
        for v in [&mut file.profile.id_number.0, &mut file.profile.phone.0] {
            if is_sealed(v) {
                match self.cipher.as_ref().map(|c| c.open(v)) {
                    Some(Ok(plain)) => *v = plain,
                    _ => locked = true,
                }
            }
        }
        Ok(locked)
    }

    /// Backups written before sealing began get their ID number and phone sealed in place.
    fn seal_backups(&self) -> Result<()> {
        let _guard = self.lock()?;
        for b in self.backups()? {
            let p = self.backup_dir().join(&b.name);
            let Ok(text) = fs::read_to_string(&p) else { continue };
            let Ok(parsed) = applicant_file::parse(&text, None) else { continue };
            if parsed.source_version != applicant_file::CURRENT_VERSION || !has_plain_personal(&parsed.file) {
                continue;
            }
            let mut file = parsed.file;
            self.seal_fields(&mut file)?;
            atomic_write(&p, file.to_json().as_bytes())?;
        }
        Ok(())
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn info(&self) -> Result<WorkspaceInfo> {
        Ok(WorkspaceInfo { root: self.root.display().to_string(), backups: self.backups()? })
    }

    pub fn applicant_path(&self) -> PathBuf {
        self.root.join(APPLICANT_FILE)
    }

    fn backup_dir(&self) -> PathBuf {
        self.root.join(BACKUP_DIR)
    }

    /// Loads the applicant file. A missing file is an empty new applicant; a corrupt one is an error
    /// that names the problem and the newest good backup, and leaves the file as it is.
    pub fn load(&self) -> Result<Loaded> {
        let path = self.applicant_path();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Loaded {
                    file: ApplicantFile::default(),
                    exists: false,
                    migrated_from: None,
                    personal_locked: false,
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                let reason = CoreError::InvalidFile {
                    path: None,
                    location: crate::error::Location::WholeFile,
                    detail: crate::error::Rule::NotUtf8.into(),
                };
                return Err(self.corrupt(&path, reason));
            }
            Err(e) => return Err(CoreError::io(IoAction::Read, &path)(e)),
        };
        match applicant_file::parse(&text, Some(&path)) {
            Ok(p) => {
                let migrated_from = (p.source_version < applicant_file::CURRENT_VERSION).then_some(p.source_version);
                if let Some(v) = migrated_from {
                    self.keep_original(v, &text)?;
                }
                let mut file = p.file;
                let personal_locked = self.open_fields(&mut file)?;
                Ok(Loaded { file, exists: true, migrated_from, personal_locked })
            }
            Err(e @ CoreError::UnsupportedVersion { .. }) => Err(e),
            Err(CoreError::InvalidFile { location, detail, .. }) => {
                Err(self.corrupt(&path, CoreError::InvalidFile { path: None, location, detail }))
            }
            Err(e) => Err(e),
        }
    }

    fn corrupt(&self, path: &Path, reason: CoreError) -> CoreError {
        CoreError::Corrupt { path: path.to_path_buf(), reason: Box::new(reason), backup: self.newest_good_backup() }
    }

    /// Keeps the pre-migration original once, so migrating never loses what the user had.
    fn keep_original(&self, version: u32, text: &str) -> Result<()> {
        let dir = self.root.join(MIGRATED_DIR);
        let path = dir.join(format!("applicant.v{version}.json"));
        if path.exists() {
            return Ok(());
        }
        let _guard = self.lock()?;
        create_private_dir(&dir)?;
        // Kept as written, except the ID number and phone, which are sealed like everywhere else.
        let sealed = match &self.cipher {
            Some(c) => seal_json_personal(text, c.as_ref())?,
            None => None,
        };
        atomic_write(&path, sealed.as_deref().unwrap_or(text).as_bytes())
    }

    /// The deadline settings (`deadlines.json`); defaults when there is none. A file that does not parse
    /// is an error and stays as it is until the user resets it.
    pub fn load_deadline_settings(&self) -> Result<crate::deadlines::DeadlineSettings> {
        let path = self.root.join(crate::deadlines::SETTINGS_FILE);
        match fs::read_to_string(&path) {
            Ok(text) => crate::deadlines::DeadlineSettings::parse(&text).map_err(|e| CoreError::Corrupt {
                path: path.clone(),
                reason: Box::new(match e {
                    CoreError::InvalidFile { location, detail, .. } => {
                        CoreError::InvalidFile { path: None, location, detail }
                    }
                    other => other,
                }),
                backup: None,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Default::default()),
            Err(e) => Err(CoreError::io(IoAction::Read, &path)(e)),
        }
    }

    pub fn save_deadline_settings(&self, settings: &crate::deadlines::DeadlineSettings) -> Result<()> {
        let mut text = serde_json::to_string_pretty(settings)
            .map_err(|e| CoreError::Workspace(format!("截止日期设置无法写出：{e}")))?;
        text.push('\n');
        let _guard = self.lock()?;
        atomic_write(&self.root.join(crate::deadlines::SETTINGS_FILE), text.as_bytes())
    }

    /// Moves a damaged `deadlines.json` aside (kept, renamed) so the defaults apply again.
    pub fn reset_deadline_settings(&self) -> Result<()> {
        let path = self.root.join(crate::deadlines::SETTINGS_FILE);
        let _guard = self.lock()?;
        if path.exists() {
            let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
            let aside = self.root.join(format!("{}.corrupt-{stamp}", crate::deadlines::SETTINGS_FILE));
            fs::rename(&path, &aside).map_err(CoreError::io(IoAction::Move, &path))?;
        }
        Ok(())
    }

    /// Replaces the profile and keeps the rest of the applicant file (screening, achievements).
    pub fn save_profile(&self, profile: crate::profile::Profile) -> Result<()> {
        self.update(|f| f.profile = profile)
    }

    /// Loads, changes and saves the applicant file (a new one when there is none).
    pub fn update(&self, change: impl FnOnce(&mut ApplicantFile)) -> Result<()> {
        let _guard = self.lock()?;
        let mut file = self.load()?.file;
        change(&mut file);
        self.save(&file)
    }

    /// The rule pack in force: the built-in one, or a pack the user loaded to replace it
    /// (`rules-replace.json`), extended by a pack loaded to add to it (`rules-extend.json`).
    pub fn effective_pack(&self) -> Result<crate::eligibility::RulePack> {
        use crate::eligibility::RulePack;
        let read = |name: &str| -> Result<Option<RulePack>> {
            let path = self.root.join(name);
            match fs::read_to_string(&path) {
                Ok(text) => RulePack::parse(&text, Some(&path)).map(Some),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(CoreError::io(IoAction::Read, &path)(e)),
            }
        };
        let mut pack = read(PACK_REPLACE)?.unwrap_or_else(RulePack::builtin);
        if let Some(extra) = read(PACK_EXTEND)? {
            pack.extend(extra);
        }
        Ok(pack)
    }

    /// Checks a pack and installs it; a bad pack is refused and changes nothing.
    pub fn install_pack(&self, text: &str, source: &Path, extend: bool) -> Result<()> {
        crate::eligibility::RulePack::parse(text, Some(source))?;
        let _guard = self.lock()?;
        atomic_write(&self.root.join(if extend { PACK_EXTEND } else { PACK_REPLACE }), text.as_bytes())
    }

    /// Back to the built-in pack alone.
    pub fn remove_packs(&self) -> Result<()> {
        let _guard = self.lock()?;
        for name in [PACK_REPLACE, PACK_EXTEND] {
            let path = self.root.join(name);
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(CoreError::io(IoAction::Delete, &path)(e)),
            }
        }
        Ok(())
    }

    /// Saves atomically and records a backup. Refuses to replace a file that does not parse.
    pub fn save(&self, file: &ApplicantFile) -> Result<()> {
        let _guard = self.lock()?;
        let path = self.applicant_path();
        if path.exists() {
            self.load()?;
        }
        let mut file = file.clone();
        file.format = applicant_file::FORMAT.to_string();
        file.version = applicant_file::CURRENT_VERSION;
        self.seal_fields(&mut file)?;
        let json = file.to_json();
        // Never write what the next load would refuse (a 350,000-character title from the app, a
        // control character): every limit of the importer holds for the app's own saves too.
        applicant_file::parse(&json, None)?;
        atomic_write(&path, json.as_bytes())?;
        self.record_backup(json.as_bytes())
    }

    fn record_backup(&self, bytes: &[u8]) -> Result<()> {
        let dir = self.backup_dir();
        create_private_dir(&dir)?;
        let backups = self.backups()?;
        if let Some(newest) = backups.first()
            && fs::read(dir.join(&newest.name)).is_ok_and(|b| b == bytes)
        {
            return Ok(());
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ").to_string();
        let mut name = format!("applicant-{stamp}.json");
        let mut n = 1;
        while dir.join(&name).exists() {
            name = format!("applicant-{stamp}-{n}.json");
            n += 1;
        }
        // One fixed temp name: a killed save leaves at most this file, removed at the next open.
        stage_via(&dir.join(BACKUP_TMP), &dir.join(&name), bytes)?.commit()?;
        let now = chrono::Utc::now();
        for old in thin_backups(&self.backups()?, now) {
            let p = dir.join(&old.name);
            fs::remove_file(&p).map_err(CoreError::io(IoAction::Delete, &p))?;
        }
        Ok(())
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        let dir = self.backup_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
            Err(e) => return Err(CoreError::io(IoAction::Read, &dir)(e)),
        };
        let mut out: Vec<BackupInfo> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|name| {
                let stamp = name.strip_prefix("applicant-")?.strip_suffix(".json")?;
                let core = stamp.get(..19)?; // YYYYMMDDTHHMMSS.mmm
                let t = chrono::NaiveDateTime::parse_from_str(core, "%Y%m%dT%H%M%S%.3f").ok()?;
                Some(BackupInfo { saved_at: t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true), name })
            })
            .collect();
        out.sort_by(|a, b| b.name.cmp(&a.name));
        Ok(out)
    }

    /// The newest backup that parses.
    pub fn newest_good_backup(&self) -> Option<BackupInfo> {
        let dir = self.backup_dir();
        self.backups()
            .ok()?
            .into_iter()
            .find(|b| fs::read_to_string(dir.join(&b.name)).is_ok_and(|t| applicant_file::parse(&t, None).is_ok()))
    }

    /// Puts a backup back as the applicant file. A current file that does not parse is moved aside
    /// (`applicant.json.corrupt-<UTC>`), never deleted.
    pub fn restore_backup(&self, name: &str) -> Result<Loaded> {
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(CoreError::NoBackup(name.to_string()));
        }
        let src = self.backup_dir().join(name);
        let text = fs::read_to_string(&src).map_err(|_| CoreError::NoBackup(name.to_string()))?;
        let parsed = applicant_file::parse(&text, Some(&src)).map_err(|_| CoreError::NoBackup(name.to_string()))?;
        let _guard = self.lock()?;
        self.move_corrupt_aside()?;
        self.save(&parsed.file)?;
        self.load()
    }

    /// Moves a corrupt applicant file aside so the user can start again; does nothing if the file is fine.
    pub fn move_corrupt_aside(&self) -> Result<Option<PathBuf>> {
        let path = self.applicant_path();
        let _guard = self.lock()?;
        if !path.exists() || self.load().is_ok() {
            return Ok(None);
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let aside = self.root.join(format!("{APPLICANT_FILE}.corrupt-{stamp}"));
        fs::rename(&path, &aside).map_err(CoreError::io(IoAction::Move, &path))?;
        sync_dir(&self.root);
        Ok(Some(aside))
    }
}

/// A temp file written and fsynced beside its target, not yet in place.
#[must_use = "a staged write does nothing until committed"]
pub struct Staged {
    tmp: PathBuf,
    target: PathBuf,
}

impl Staged {
    /// Renames the temp file over the target and fsyncs the folder.
    pub fn commit(self) -> Result<()> {
        if let Err(e) = fs::rename(&self.tmp, &self.target) {
            let _ = fs::remove_file(&self.tmp);
            return Err(CoreError::io(IoAction::Replace, &self.target)(e));
        }
        if let Some(dir) = self.target.parent() {
            sync_dir(dir);
        }
        Ok(())
    }
}

/// Writes `bytes` to a temp file beside `target` (`.NAME.tmp`, private: 0600 on Unix) and fsyncs it.
/// A failed write removes the temp file.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    stage_via(&target.with_file_name(format!(".{name}.tmp")), target, bytes)
}

fn stage_via(tmp: &Path, target: &Path, bytes: &[u8]) -> Result<Staged> {
    let write = || -> std::io::Result<()> {
        let mut f = private_file(tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    };
    if let Err(e) = write() {
        let _ = fs::remove_file(tmp);
        return Err(CoreError::io(IoAction::Write, target)(e));
    }
    Ok(Staged { tmp: tmp.to_path_buf(), target: target.to_path_buf() })
}

/// Creates (truncating) a file only its owner can read (0600 on Unix).
pub fn private_file(path: &Path) -> std::io::Result<File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let f = o.open(path)?;
    // An existing file keeps its mode through `open`: tighten it too.
    #[cfg(unix)]
    f.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    Ok(f)
}

/// Creates a folder (and its parents) only its owner can enter (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir).map_err(CoreError::io(IoAction::Create, dir))
}

/// Makes a folder 0700 and its files 0600 (Unix; elsewhere nothing to do).
fn make_private(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(entries) = fs::read_dir(dir) else { return };
        let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
        for e in entries.filter_map(|e| e.ok()) {
            let Ok(meta) = e.path().symlink_metadata() else { continue };
            let want = if meta.is_dir() {
                0o700
            } else if meta.is_file() {
                0o600
            } else {
                continue;
            };
            if meta.permissions().mode() & 0o777 != want {
                let _ = fs::set_permissions(e.path(), fs::Permissions::from_mode(want));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Removes `.NAME.tmp` files (temp files of saves that were killed) in one folder. Call it only while
/// holding the workspace's write lock: another writer's temp file is not stale.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(".tmp") && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Seals the ID number and phone (`id_number`, `phone`, and version 0's `mobile`, in `profile` or at
/// the top) of an applicant file's text; `None` when there was nothing in clear to seal.
fn seal_json_personal(text: &str, c: &dyn FieldCipher) -> Result<Option<String>> {
    let Ok(mut v) = serde_json::from_str::<serde_json::Value>(text) else { return Ok(None) };
    let mut changed = false;
    let mut seal_in = |obj: &mut serde_json::Map<String, serde_json::Value>| -> Result<()> {
        for key in ["id_number", "phone", "mobile"] {
            if let Some(serde_json::Value::String(s)) = obj.get_mut(key)
                && !s.trim().is_empty()
                && !is_sealed(s)
            {
                *s = c.seal(s)?;
                changed = true;
            }
        }
        Ok(())
    };
    if let Some(obj) = v.as_object_mut() {
        seal_in(obj)?;
        if let Some(p) = obj.get_mut("profile").and_then(|p| p.as_object_mut()) {
            seal_in(p)?;
        }
    }
    if !changed {
        return Ok(None);
    }
    let mut out = serde_json::to_string_pretty(&v).map_err(|e| CoreError::Workspace(e.to_string()))?;
    out.push('\n');
    Ok(Some(out))
}

/// Which backups to delete so that versions thin out with age: every save of the last
/// [`KEEP_ALL_MINUTES`] minutes (at most [`KEEP_RECENT_MAX`]), the newest of each hour of the last day,
/// the newest of each day of the last [`KEEP_DAYS`] days; the newest [`KEEP_BACKUPS`] are always kept.
pub fn thin_backups(backups: &[BackupInfo], now: chrono::DateTime<chrono::Utc>) -> Vec<BackupInfo> {
    use std::collections::HashSet;
    let mut sorted: Vec<(chrono::DateTime<chrono::Utc>, &BackupInfo)> = backups
        .iter()
        .filter_map(|b| chrono::DateTime::parse_from_rfc3339(&b.saved_at).ok().map(|t| (t.to_utc(), b)))
        .collect();
    sorted.sort_by(|a, b| b.1.name.cmp(&a.1.name)); // newest first
    let mut keep: HashSet<&str> = HashSet::new();
    let mut hours = HashSet::new();
    let mut days = HashSet::new();
    for (i, (t, b)) in sorted.iter().enumerate() {
        let age = now.signed_duration_since(*t);
        // Newest first, so the first seen of an hour or a day is its newest save.
        let first_of_hour = hours.insert(t.format("%Y%m%d%H").to_string());
        let first_of_day = days.insert(t.format("%Y%m%d").to_string());
        let kept = i < KEEP_BACKUPS
            || (age < chrono::Duration::minutes(KEEP_ALL_MINUTES) && i < KEEP_RECENT_MAX)
            || (age < chrono::Duration::days(1) && first_of_hour)
            || (age < chrono::Duration::days(KEEP_DAYS) && first_of_day);
        if kept {
            keep.insert(b.name.as_str());
        }
    }
    backups.iter().filter(|b| !keep.contains(b.name.as_str())).cloned().collect()
}

fn has_plain_personal(f: &ApplicantFile) -> bool {
    [f.profile.id_number.expose(), f.profile.phone.expose()].iter().any(|v| !v.trim().is_empty() && !is_sealed(v))
}

/// May a file be written at `path`? A new name, or (with `overwrite`) a regular file. A symlink, a
/// folder, a device or a pipe is never replaced, even with `overwrite` (`-o /dev/full --force`).
pub fn check_output(path: &Path, overwrite: bool) -> Result<()> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(CoreError::io(IoAction::Check, path)(e)),
        Ok(m) if m.file_type().is_file() => {
            if overwrite {
                Ok(())
            } else {
                Err(CoreError::AlreadyExists(path.to_path_buf()))
            }
        }
        Ok(m) => Err(CoreError::InvalidFile {
            path: Some(path.to_path_buf()),
            location: crate::error::Location::Output,
            detail: crate::error::Rule::NotAFile {
                what: if m.file_type().is_symlink() {
                    crate::error::NotAFile::Symlink
                } else if m.file_type().is_dir() {
                    crate::error::NotAFile::Folder
                } else {
                    crate::error::NotAFile::Device
                },
            }
            .into(),
        }),
    }
}

/// Atomic replace: stage, then commit.
pub fn atomic_write(target: &Path, bytes: &[u8]) -> Result<()> {
    stage(target, bytes)?.commit()
}

fn sync_dir(dir: &Path) {
    // Directories can be opened and fsynced on Unix; on Windows the rename is already durable enough
    // and opening a directory fails, which is fine to ignore.
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::tests::complete;

    fn ws() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(dir.path().join("ws")).unwrap();
        (dir, ws)
    }

    #[test]
    fn a_new_workspace_loads_as_an_empty_applicant() {
        let (_d, ws) = ws();
        let l = ws.load().unwrap();
        assert!(!l.exists);
        assert_eq!(l.file, ApplicantFile::default());
    }

    #[test]
    fn save_then_load_round_trip() {
        let (_d, ws) = ws();
        let f = ApplicantFile::new(complete());
        ws.save(&f).unwrap();
        let l = ws.load().unwrap();
        assert!(l.exists);
        assert_eq!(l.file, f);
        assert_eq!(l.migrated_from, None);
    }

    #[test]
    fn a_crash_between_temp_write_and_rename_leaves_the_old_file() {
        let (_d, ws) = ws();
        let old = ApplicantFile::new(complete());
        ws.save(&old).unwrap();
        let mut newer = old.clone();
        newer.profile.name = "王芳".into();
        // The process dies after writing the temp file and before the rename.
        let staged = stage(&ws.applicant_path(), newer.to_json().as_bytes()).unwrap();
        std::mem::forget(staged);
        assert_eq!(ws.load().unwrap().file, old, "the old file is intact");
        // The next save goes through, over the stale temp file.
        ws.save(&newer).unwrap();
        assert_eq!(ws.load().unwrap().file.profile.name, "王芳");
    }

    #[test]
    fn a_corrupt_file_is_reported_never_overwritten_and_a_backup_is_offered() {
        let (_d, ws) = ws();
        let good = ApplicantFile::new(complete());
        ws.save(&good).unwrap();
        let garbage = "{\"format\": \"zhicheng/applicant\", \"version\": 1, \"profile\": {\"name\": \"李";
        fs::write(ws.applicant_path(), garbage).unwrap();

        let e = ws.load().unwrap_err();
        let CoreError::Corrupt { backup, reason, .. } = &e else { panic!("{e:?}") };
        assert!(reason.to_string().starts_with("第1行"), "{reason}");
        assert!(e.words(crate::Lang::En).contains("(line 1, column "), "{}", e.words(crate::Lang::En));
        let backup = backup.clone().expect("a good backup is offered");
        assert!(e.to_string().contains("可恢复最近的完好备份"));

        // Saving over it is refused and the bytes stay as they were.
        let e = ws.save(&ApplicantFile::default()).unwrap_err();
        assert!(matches!(e, CoreError::Corrupt { .. }));
        assert_eq!(fs::read_to_string(ws.applicant_path()).unwrap(), garbage);

        // Restoring puts the backup back and keeps the corrupt file aside.
        let l = ws.restore_backup(&backup.name).unwrap();
        assert_eq!(l.file, good);
        let aside: Vec<_> = fs::read_dir(ws.root())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with("applicant.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(fs::read_to_string(aside[0].path()).unwrap(), garbage);
    }

    #[test]
    fn a_non_utf8_file_is_corrupt_not_a_crash() {
        let (_d, ws) = ws();
        fs::write(ws.applicant_path(), [0xff, 0xfe, 0x00, 0x41]).unwrap();
        assert!(matches!(ws.load(), Err(CoreError::Corrupt { backup: None, .. })));
    }

    #[test]
    fn keeps_every_recent_version_and_skips_identical_saves() {
        let (_d, ws) = ws();
        let mut f = ApplicantFile::new(complete());
        for i in 0..35 {
            f.profile.current_specialty = format!("专业{i}");
            ws.save(&f).unwrap();
            ws.save(&f).unwrap(); // same content: no new backup
        }
        let b = ws.backups().unwrap();
        assert_eq!(b.len(), KEEP_RECENT_MAX, "the newest 30 saves of the last 10 minutes");
        let newest = fs::read_to_string(ws.root().join(BACKUP_DIR).join(&b[0].name)).unwrap();
        assert!(newest.contains("专业34"));
        let oldest = fs::read_to_string(ws.root().join(BACKUP_DIR).join(&b[29].name)).unwrap();
        assert!(oldest.contains("专业5"));
        // Written through one fixed temp name, which does not survive.
        let names: Vec<String> = fs::read_dir(ws.root().join(BACKUP_DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn backups_thin_out_with_age_so_yesterdays_file_is_still_there() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T12:00:00Z").unwrap().to_utc();
        let at = |t: chrono::DateTime<chrono::Utc>| BackupInfo {
            name: format!("applicant-{}.json", t.format("%Y%m%dT%H%M%S%.3fZ")),
            saved_at: t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        };
        let mut all = vec![];
        // Autosave every 10 s for the last 8 minutes, every 5 minutes for three days, daily for 60.
        for i in 0..48 {
            all.push(at(now - chrono::Duration::seconds(10 * i)));
        }
        for i in 2..(3 * 24 * 12) {
            all.push(at(now - chrono::Duration::minutes(5 * i)));
        }
        for i in 3..60 {
            all.push(at(now - chrono::Duration::days(i) - chrono::Duration::hours(3)));
        }
        let dropped = thin_backups(&all, now);
        let kept: Vec<&BackupInfo> = all.iter().filter(|b| !dropped.contains(b)).collect();
        let age = |b: &BackupInfo| now - chrono::DateTime::parse_from_rfc3339(&b.saved_at).unwrap().to_utc();
        let recent = kept.iter().filter(|b| age(b) < chrono::Duration::minutes(10)).count();
        assert_eq!(recent, KEEP_RECENT_MAX);
        // One per hour for the last day …
        let day = kept.iter().filter(|b| age(b) >= chrono::Duration::minutes(10) && age(b) < chrono::Duration::days(1));
        assert!((23..=25).contains(&day.count()));
        // … yesterday's and the day before's files are there, one per day up to a month, none older.
        assert!(kept.iter().any(|b| age(b) > chrono::Duration::hours(30) && age(b) < chrono::Duration::hours(48)));
        assert!(kept.iter().any(|b| age(b) > chrono::Duration::days(29) && age(b) < chrono::Duration::days(31)));
        assert!(kept.iter().all(|b| age(b) < chrono::Duration::days(KEEP_DAYS)));
        assert!(kept.len() < 100, "bounded: {}", kept.len());
    }

    #[test]
    fn a_save_the_next_load_would_refuse_is_refused_and_changes_nothing() {
        let (_d, ws) = ws();
        ws.save(&ApplicantFile::new(complete())).unwrap();
        let before = fs::read_to_string(ws.applicant_path()).unwrap();
        let mut f = ApplicantFile::new(complete());
        f.profile.employer = "重".repeat(350_000);
        let e = ws.save(&f).unwrap_err();
        assert!(e.to_string().contains("profile.employer"), "{e}");
        f.profile.employer = "重庆\u{202e}公司".into();
        assert!(ws.save(&f).is_err());
        assert_eq!(fs::read_to_string(ws.applicant_path()).unwrap(), before);
        assert!(ws.load().is_ok(), "the workspace still opens");
    }

    #[test]
    fn a_saved_round_without_a_submission_window_is_refused_on_load_not_a_panic_later() {
        let (_d, ws) = ws();
        let mut round: serde_json::Value = serde_json::from_str(&crate::round::Round::builtin().to_json()).unwrap();
        round["id"] = "round-mine".into();
        round["windows"] = serde_json::json!([]);
        let text = serde_json::json!({"version": 1, "active_round": "round-mine", "rounds": [round],
            "lead_minutes": [60], "count_start_day": true, "step_days": [], "notified": []});
        fs::write(ws.root().join(crate::deadlines::SETTINGS_FILE), text.to_string()).unwrap();
        let e = ws.load_deadline_settings().unwrap_err();
        assert!(e.to_string().contains("rounds[0].windows"), "{e}");
        let text = serde_json::json!({"version": 1, "active_round": "x", "rounds": [],
            "lead_minutes": [60], "count_start_day": true, "step_days": [4000000000u32], "notified": []});
        fs::write(ws.root().join(crate::deadlines::SETTINGS_FILE), text.to_string()).unwrap();
        assert!(ws.load_deadline_settings().unwrap_err().to_string().contains("step_days"));
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_private_and_stale_temps_are_cleaned_on_open() {
        use std::os::unix::fs::PermissionsExt;
        let (_d, ws) = ws();
        ws.save(&ApplicantFile::new(complete())).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(ws.root()), 0o700);
        assert_eq!(mode(&ws.applicant_path()), 0o600);
        assert_eq!(mode(&ws.root().join(BACKUP_DIR)), 0o700);
        let b = ws.backups().unwrap();
        assert_eq!(mode(&ws.root().join(BACKUP_DIR).join(&b[0].name)), 0o600);
        // A killed save's temp files, in clear, and a file an older version left world-readable.
        fs::write(ws.root().join(".applicant.json.tmp"), "510...").unwrap();
        fs::write(ws.root().join(BACKUP_DIR).join(".applicant-20231130T000000.000Z.json.tmp"), "x").unwrap();
        fs::set_permissions(ws.applicant_path(), fs::Permissions::from_mode(0o644)).unwrap();
        let ws = Workspace::open(ws.root()).unwrap();
        assert!(!ws.root().join(".applicant.json.tmp").exists());
        assert!(
            fs::read_dir(ws.root().join(BACKUP_DIR)).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp"))
        );
        assert_eq!(mode(&ws.applicant_path()), 0o600);
    }

    #[test]
    fn a_v0_file_is_migrated_on_load_and_its_original_kept() {
        let (_d, ws) = ws();
        let v0 = include_str!("../../tests/data/applicant-v0.json");
        fs::write(ws.applicant_path(), v0).unwrap();
        let l = ws.load().unwrap();
        assert_eq!(l.migrated_from, Some(0));
        assert_eq!(l.file.profile, complete());
        // Loading does not rewrite the user's file; the original is kept before any save.
        assert_eq!(fs::read_to_string(ws.applicant_path()).unwrap(), v0);
        assert_eq!(fs::read_to_string(ws.root().join("migrated/applicant.v0.json")).unwrap(), v0);
        ws.save(&l.file).unwrap();
        assert!(fs::read_to_string(ws.applicant_path()).unwrap().contains("\"version\": 3"));
    }

    #[test]
    fn a_file_from_a_newer_app_is_refused_and_untouched() {
        let (_d, ws) = ws();
        let text = r#"{"format":"zhicheng/applicant","version":9,"profile":{}}"#;
        fs::write(ws.applicant_path(), text).unwrap();
        assert!(matches!(ws.load(), Err(CoreError::UnsupportedVersion { found: 9, .. })));
        assert!(ws.save(&ApplicantFile::default()).is_err());
        assert_eq!(fs::read_to_string(ws.applicant_path()).unwrap(), text);
    }

    #[test]
    fn deadline_settings_round_trip_and_a_damaged_file_is_kept() {
        let (_d, ws) = ws();
        assert_eq!(ws.load_deadline_settings().unwrap(), Default::default());
        let mut s = crate::deadlines::DeadlineSettings { lead_minutes: vec![60], ..Default::default() };
        s.notified.insert("x".into());
        ws.save_deadline_settings(&s).unwrap();
        assert_eq!(ws.load_deadline_settings().unwrap(), s);
        fs::write(ws.root().join("deadlines.json"), "{\"lead_minutes\": \"soon\"}").unwrap();
        let e = ws.load_deadline_settings().unwrap_err();
        assert!(matches!(e, CoreError::Corrupt { .. }) && e.to_string().contains("lead_minutes"), "{e}");
        ws.reset_deadline_settings().unwrap();
        assert_eq!(ws.load_deadline_settings().unwrap(), Default::default());
        assert!(
            fs::read_dir(ws.root()).unwrap().any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("deadlines.json.corrupt-"))
        );
    }

    #[test]
    fn a_bad_pack_changes_nothing_and_a_good_one_extends_the_rules() {
        use crate::eligibility::Route;
        let (_d, ws) = ws();
        let src = Path::new("pack.json");
        assert!(ws.install_pack("{ not json", src, true).is_err());
        assert!(!ws.root().join(PACK_EXTEND).exists());
        assert!(ws.effective_pack().unwrap().route(Route::Regular).is_none());

        let mut v: serde_json::Value = serde_json::from_str(include_str!("../../data/rules-2023.json")).unwrap();
        v["routes"][0]["route"] = "regular".into();
        ws.install_pack(&v.to_string(), src, true).unwrap();
        let pack = ws.effective_pack().unwrap();
        assert!(pack.route(Route::Regular).is_some() && pack.route(Route::FirstBatch).is_some());
        assert!(pack.missing_routes.iter().all(|m| m.route != Route::Regular));
        ws.remove_packs().unwrap();
        assert!(ws.effective_pack().unwrap().route(Route::Regular).is_none());
    }

    #[test]
    fn restore_refuses_names_outside_the_backup_folder() {
        let (_d, ws) = ws();
        for bad in ["../applicant.json", "..\\x", ".hidden", "missing.json"] {
            assert!(matches!(ws.restore_backup(bad), Err(CoreError::NoBackup(_))), "{bad}");
        }
    }

    /// A stand-in for the vault key: reversible, visibly not the plain value.
    struct Rot;
    impl FieldCipher for Rot {
        fn seal(&self, plain: &str) -> Result<String> {
            Ok(format!(
                "{SEALED_PREFIX}{}",
                plain.chars().rev().map(|c| format!("{:04x}", c as u32)).collect::<String>()
            ))
        }
        fn open(&self, sealed: &str) -> Result<String> {
            let hex = sealed.strip_prefix(SEALED_PREFIX).unwrap();
            let chars: Vec<char> = (0..hex.len())
                .step_by(4)
                .map(|i| char::from_u32(u32::from_str_radix(&hex[i..i + 4], 16).unwrap()).unwrap())
                .collect();
            Ok(chars.into_iter().rev().collect())
        }
    }

    #[test]
    fn with_a_cipher_the_id_number_and_phone_are_sealed_on_disk_and_in_backups() {
        let dir = tempfile::tempdir().unwrap();
        let plain = Workspace::open(dir.path()).unwrap();
        let f = ApplicantFile { profile: complete(), ..Default::default() };
        let (id, phone) = (f.profile.id_number.0.clone(), f.profile.phone.0.clone());
        plain.save(&f).unwrap();
        assert!(fs::read_to_string(plain.applicant_path()).unwrap().contains(&id));

        let mut ws = Workspace::open(dir.path()).unwrap();
        ws.set_cipher(std::sync::Arc::new(Rot)).unwrap();
        let on_disk = fs::read_to_string(ws.applicant_path()).unwrap();
        assert!(!on_disk.contains(&id) && !on_disk.contains(&phone), "sealed on disk");
        for b in ws.backups().unwrap() {
            let text = fs::read_to_string(dir.path().join(BACKUP_DIR).join(&b.name)).unwrap();
            assert!(!text.contains(&id) && !text.contains(&phone), "backup {} sealed", b.name);
        }
        let l = ws.load().unwrap();
        assert_eq!((l.file.profile.id_number.0.as_str(), l.personal_locked), (id.as_str(), false));

        // Without the key: the values stay sealed, nothing flags them, and a save keeps them.
        let locked = plain.load().unwrap();
        assert!(locked.personal_locked && is_sealed(locked.file.profile.phone.expose()));
        assert!(locked.file.profile.validate(crate::YearMonth::new(2023, 11).unwrap()).is_empty());
        plain.update(|f| f.profile.name = "李明明".into()).unwrap();
        let back = ws.load().unwrap();
        assert_eq!((back.file.profile.name.as_str(), back.file.profile.phone.0.as_str()), ("李明明", phone.as_str()));

        // A key that does not open them (the vault was deleted and made again): locked, not an error.
        struct Other;
        impl FieldCipher for Other {
            fn seal(&self, plain: &str) -> Result<String> {
                Ok(format!("{SEALED_PREFIX}other{plain}"))
            }
            fn open(&self, _: &str) -> Result<String> {
                Err(CoreError::SealedTampered)
            }
        }
        let mut other = Workspace::open(dir.path()).unwrap();
        other.set_cipher(std::sync::Arc::new(Other)).unwrap();
        let l = other.load().unwrap();
        assert!(l.personal_locked && is_sealed(l.file.profile.id_number.expose()));
    }
}
