//! 佐证材料: an offline vault of the applicant's files, encrypted at rest (age, key in the OS
//! credential store or under a passphrase), each file linked to what it proves; the checklist of
//! what is still missing for the applicant's route and profile; the export laid out for upload.
//! No Tauri: the CLI and the app's commands call this crate.

pub mod access;
pub mod bindings;
pub mod checklist;
pub mod compose;
pub mod crypto;
pub mod error;
pub mod export;
pub mod keys;
pub mod names;
pub mod sniff;
pub mod text;
pub mod upload;
pub mod vault;

pub use checklist::{Checklist, ChecklistItem, ItemStatus, checklist};
pub use crypto::{KdfParams, VaultKey};
pub use error::{ComposeError, VaultError};
pub use keys::{KeyringStore, SecretStore};
pub use sniff::FileKind;
pub use vault::{EvidenceFile, ImportOptions, ImportReport, KeyChoice, Progress, Target, Unlock, Vault};
