//! Errors as they cross IPC: `{code, message, backup, issues}` ([`ErrorPayload`]), never a bare string.

use serde::Serialize;
use zhicheng_core::{CoreError, ErrorPayload};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AppError::Core(e) => ErrorPayload::from(e).serialize(s),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
