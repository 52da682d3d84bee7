//! What the shell keeps between commands: the open workspace, behind a lock so that two saves never
//! interleave.

use std::sync::{Mutex, MutexGuard};

use zhicheng_core::storage::Workspace;

pub struct AppState {
    workspace: Mutex<Workspace>,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self { workspace: Mutex::new(workspace) }
    }

    pub fn workspace(&self) -> MutexGuard<'_, Workspace> {
        // A panic while holding the lock cannot leave a Workspace (a path) inconsistent.
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }
}
