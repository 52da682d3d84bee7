//! What the shell keeps between commands: the open workspace, behind a lock so that two saves never
//! interleave, and the clock.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Duration, Utc};
use zhicheng_core::Lang;
use zhicheng_core::storage::Workspace;

/// The app's clock. Debug builds honour `ZHICHENG_NOW` (RFC 3339) so end-to-end tests can show the
/// countdown at a fixed instant; time then runs on from that instant. Release builds ignore it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    offset: Duration,
    frozen: Option<DateTime<Utc>>,
}

impl Clock {
    pub fn from_env() -> Self {
        #[cfg(debug_assertions)]
        if let Some(t) = std::env::var("ZHICHENG_NOW").ok().and_then(|s| DateTime::parse_from_rfc3339(&s).ok()) {
            return Self { offset: t.with_timezone(&Utc) - Utc::now(), frozen: None };
        }
        Self::default()
    }

    /// A clock that stays at `t` (tests that compare bytes stamped with the time).
    pub fn frozen(t: DateTime<Utc>) -> Self {
        Self { offset: Duration::zero(), frozen: Some(t) }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.frozen.unwrap_or_else(|| Utc::now() + self.offset)
    }
}

pub struct AppState {
    workspace: Mutex<Workspace>,
    pub clock: Clock,
    /// The evidence vault once unlocked (its key lives here, in memory, until the app closes).
    vault: Mutex<Option<zhicheng_vault::Vault>>,
    /// Set by `evidence_cancel_import`; the running import stops and keeps nothing.
    pub import_cancel: Arc<AtomicBool>,
    /// The key store; `None`: the OS one (tests put keyring-core's mock here).
    pub key_store: Option<Arc<dyn zhicheng_vault::SecretStore>>,
    /// The file dialogs (set up once the app runs; tests put a scripted one here).
    picker: Mutex<Arc<dyn crate::picker::Picker>>,
    /// Paths dropped on the window, by the token the page got.
    drops: Mutex<crate::picker::Drops>,
    /// The item PDF last composed (target, bytes): previewed and saved without composing again.
    pub composed: Mutex<Option<(String, Vec<u8>)>>,
    /// Whether the interface is in English (else Chinese, until the page says otherwise): the
    /// language errors are worded in.
    english: AtomicBool,
}

impl AppState {
    /// The language errors are worded in from now on.
    pub fn set_lang(&self, lang: Lang) {
        self.english.store(lang == Lang::En, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn lang(&self) -> Lang {
        if self.english.load(std::sync::atomic::Ordering::Relaxed) { Lang::En } else { Lang::Zh }
    }

    pub fn new(workspace: Workspace, clock: Clock) -> Self {
        Self {
            workspace: Mutex::new(workspace),
            clock,
            vault: Mutex::new(None),
            import_cancel: Arc::new(AtomicBool::new(false)),
            english: AtomicBool::new(false),
            key_store: None,
            picker: Mutex::new(Arc::new(crate::picker::NoPicker)),
            drops: Mutex::new(Default::default()),
            composed: Mutex::new(None),
        }
    }

    pub fn with_picker(self, picker: Arc<dyn crate::picker::Picker>) -> Self {
        self.set_picker(picker);
        self
    }

    pub fn set_picker(&self, picker: Arc<dyn crate::picker::Picker>) {
        *self.picker.lock().unwrap_or_else(|p| p.into_inner()) = picker;
    }

    pub fn picker(&self) -> Arc<dyn crate::picker::Picker> {
        self.picker.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Keeps the paths of a drop the Rust side received; the page gets only the token.
    pub fn add_drop(&self, paths: Vec<std::path::PathBuf>) -> String {
        self.drops.lock().unwrap_or_else(|p| p.into_inner()).add(paths)
    }

    pub fn take_drop(&self, token: &str) -> Option<Vec<std::path::PathBuf>> {
        self.drops.lock().unwrap_or_else(|p| p.into_inner()).take(token)
    }

    pub fn with_vault(self, vault: Option<zhicheng_vault::Vault>) -> Self {
        *self.vault() = vault;
        self
    }

    pub fn with_key_store(mut self, store: Arc<dyn zhicheng_vault::SecretStore>) -> Self {
        self.key_store = Some(store);
        self
    }

    pub fn vault(&self) -> MutexGuard<'_, Option<zhicheng_vault::Vault>> {
        self.vault.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn workspace(&self) -> MutexGuard<'_, Workspace> {
        // A panic while holding the lock cannot leave a Workspace (a path) inconsistent.
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }
}
