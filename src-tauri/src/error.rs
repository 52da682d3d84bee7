//! Errors as they cross IPC: `{code, message, backup, issues}` ([`ErrorPayload`]), never a bare string.
//! [`crate::commands::blocking`] words the message in the interface's language, which the page tells
//! the shell (`workspace_set_language`) at start and on every switch.

use serde::Serialize;
use zhicheng_core::{CoreError, ErrorPayload, Lang};

#[derive(Debug, thiserror::Error)]
pub(crate) enum AppError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Vault(#[from] zhicheng_vault::VaultError),
    #[error(transparent)]
    Sheet(#[from] zhicheng_sheet::SheetError),
    /// An error already worded in the interface's language.
    #[error("{}", .0.message)]
    Worded(ErrorPayload),
}

impl AppError {
    /// This error with its message in `lang`.
    pub(crate) fn worded(self, lang: Lang) -> Self {
        match self {
            AppError::Core(e) => AppError::Worded(ErrorPayload::new(&e, lang)),
            AppError::Vault(e) => AppError::Worded(e.payload(lang)),
            AppError::Sheet(e) => AppError::Worded(e.payload(lang)),
            worded => worded,
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AppError::Core(e) => ErrorPayload::from(e).serialize(s),
            AppError::Vault(e) => e.payload(Lang::Zh).serialize(s),
            AppError::Sheet(e) => e.payload(Lang::Zh).serialize(s),
            AppError::Worded(p) => p.serialize(s),
        }
    }
}

pub(crate) type AppResult<T> = Result<T, AppError>;
