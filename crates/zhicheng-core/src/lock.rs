//! One writer per workspace: an OS file lock on `<workspace>/workspace.lock`, held for every write by
//! the app and the CLI alike. A second program that wants to write is told who holds it and changes
//! nothing. Within one process the lock is re-entrant (a save inside an update takes it again).

use crate::error::IoAction;
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use crate::error::{CoreError, Result};

pub const LOCK_FILE: &str = "workspace.lock";

struct Held {
    file: File,
    count: usize,
}

fn held() -> MutexGuard<'static, HashMap<PathBuf, Held>> {
    static HELD: OnceLock<Mutex<HashMap<PathBuf, Held>>> = OnceLock::new();
    HELD.get_or_init(Default::default).lock().unwrap_or_else(|p| p.into_inner())
}

/// The workspace's write lock; released when the last guard of this process is dropped.
#[must_use = "the lock is released when the guard is dropped"]
#[derive(Debug)]
pub struct WriteLock {
    key: PathBuf,
}

impl WriteLock {
    /// Takes the lock, or says which program holds it ([`CoreError::Busy`]).
    pub fn acquire(root: &Path) -> Result<WriteLock> {
        let key = root.join(LOCK_FILE);
        let mut map = held();
        if let Some(h) = map.get_mut(&key) {
            h.count += 1;
            return Ok(WriteLock { key });
        }
        let mut o = OpenOptions::new();
        o.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        let mut file = o.open(&key).map_err(CoreError::io(IoAction::Open, &key))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut text = String::new();
                let pid = file.read_to_string(&mut text).ok().and_then(|_| text.trim().parse::<u32>().ok());
                return Err(CoreError::Busy { pid });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(CoreError::io(IoAction::Lock, &key)(e)),
        }
        // Who holds it, for the message another program shows. Best effort: the lock is what counts.
        let _ = file
            .set_len(0)
            .and_then(|_| file.seek(SeekFrom::Start(0)))
            .and_then(|_| write!(file, "{}", std::process::id()));
        map.insert(key.clone(), Held { file, count: 1 });
        Ok(WriteLock { key })
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let mut map = held();
        let last = match map.get_mut(&self.key) {
            Some(h) => {
                h.count = h.count.saturating_sub(1);
                h.count == 0
            }
            None => false,
        };
        if last && let Some(h) = map.remove(&self.key) {
            let _ = h.file.set_len(0);
            let _ = h.file.unlock();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn re_entrant_in_one_process_and_released_after_the_last_guard() {
        let d = tempfile::tempdir().unwrap();
        let a = WriteLock::acquire(d.path()).unwrap();
        let b = WriteLock::acquire(d.path()).unwrap();
        drop(a);
        // Still held: another open file description cannot take it.
        let f = File::open(d.path().join(LOCK_FILE)).unwrap();
        assert!(matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
        drop(b);
        f.try_lock().expect("free once the last guard is gone");
    }
}
