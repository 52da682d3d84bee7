//! Where the vault key lives: the OS credential store (Keychain, Windows Credential Manager, Secret
//! Service) through `keyring` 4, or — when none is usable — a key file under a passphrase.
//!
//! Every call into a store blocks (D-Bus on Linux): the app calls these from `spawn_blocking`.

use std::sync::Arc;

use crate::error::{Result, StoreKind, VaultError};

/// The service name of our entries in the OS store.
pub const SERVICE: &str = "zhicheng-lvse-ditan";

/// A place that keeps a secret string per account.
pub trait SecretStore: Send + Sync {
    /// Which store it is (for messages).
    fn kind(&self) -> StoreKind;
    fn set(&self, account: &str, secret: &str) -> Result<()>;
    /// `None` when there is no such entry.
    fn get(&self, account: &str) -> Result<Option<String>>;
    fn delete(&self, account: &str) -> Result<()>;

    /// A store that opens can still refuse writes (a locked or never-unlocked keyring): write, read
    /// back and delete a test entry before trusting it with the vault key.
    fn probe(&self) -> Result<()> {
        let mut b = [0u8; 8];
        #[allow(clippy::expect_used, reason = "the OS random source does not fail on supported systems")]
        getrandom::fill(&mut b).expect("the OS random source works");
        let account = format!("probe-{}", b.iter().map(|x| format!("{x:02x}")).collect::<String>());
        self.set(&account, "probe")?;
        let back = self.get(&account);
        let _ = self.delete(&account);
        match back? {
            Some(v) if v == "probe" => Ok(()),
            _ => Err(VaultError::StoreRoundTrip { store: self.kind() }),
        }
    }
}

/// A `keyring-core` store: the OS one, or the mock one for tests.
pub struct KeyringStore {
    store: Arc<keyring_core::CredentialStore>,
    kind: StoreKind,
}

fn store_err(store: StoreKind, e: keyring_core::Error) -> VaultError {
    VaultError::Store { store, detail: e.to_string() }
}

impl KeyringStore {
    /// The OS credential store. Fails when the platform has none or it cannot be reached (e.g. no
    /// D-Bus session on Linux).
    pub fn os() -> Result<Self> {
        let kind = StoreKind::Os;
        if let Err(e) = keyring::Entry::store_status() {
            return Err(VaultError::Store { store: kind, detail: e.to_string() });
        }
        let store = keyring_core::get_default_store()
            .ok_or_else(|| VaultError::Store { store: kind, detail: "no default store".into() })?;
        Ok(Self { store, kind })
    }

    /// An in-memory store (keyring-core's mock) for tests.
    pub fn mock() -> Self {
        #[allow(clippy::expect_used, reason = "test support: keyring-core's in-memory store")]
        let store: Arc<keyring_core::CredentialStore> = keyring_core::mock::Store::new().expect("mock store");
        Self { store, kind: StoreKind::Mock }
    }

    fn entry(&self, account: &str) -> Result<keyring_core::Entry> {
        keyring_core::Entry::new_in_store(&self.store, SERVICE, account).map_err(|e| store_err(self.kind, e))
    }
}

impl SecretStore for KeyringStore {
    fn kind(&self) -> StoreKind {
        self.kind
    }

    fn set(&self, account: &str, secret: &str) -> Result<()> {
        self.entry(account)?.set_password(secret).map_err(|e| store_err(self.kind, e))
    }

    fn get(&self, account: &str) -> Result<Option<String>> {
        match self.entry(account)?.get_password() {
            Ok(v) => Ok(Some(v)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(store_err(self.kind, e)),
        }
    }

    fn delete(&self, account: &str) -> Result<()> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(store_err(self.kind, e)),
        }
    }
}

/// The OS store if it passes the probe, with the reason when it does not.
pub fn usable_os_store() -> Result<KeyringStore> {
    let store = KeyringStore::os()?;
    store.probe()?;
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mock_store_keeps_reads_and_deletes() {
        let s = KeyringStore::mock();
        s.probe().unwrap();
        assert_eq!(s.get("vault-x").unwrap(), None);
        s.set("vault-x", "AGE-SECRET-KEY-1ABC").unwrap();
        assert_eq!(s.get("vault-x").unwrap().as_deref(), Some("AGE-SECRET-KEY-1ABC"));
        s.delete("vault-x").unwrap();
        assert_eq!(s.get("vault-x").unwrap(), None);
        s.delete("vault-x").unwrap();
    }

    #[test]
    fn a_store_that_refuses_writes_fails_the_probe() {
        let store = keyring_core::mock::Store::new().unwrap();
        let s = KeyringStore { store: store.clone(), kind: StoreKind::Mock };
        // keyring-core's mock fails the next operation on an entry when told to; a store whose
        // every write fails is modelled by a wrapper.
        struct Refusing(KeyringStore);
        impl SecretStore for Refusing {
            fn kind(&self) -> StoreKind {
                StoreKind::Mock
            }
            fn set(&self, _: &str, _: &str) -> Result<()> {
                Err(VaultError::Store { store: StoreKind::Mock, detail: "result not returned from SS API".into() })
            }
            fn get(&self, a: &str) -> Result<Option<String>> {
                self.0.get(a)
            }
            fn delete(&self, a: &str) -> Result<()> {
                self.0.delete(a)
            }
        }
        let err = Refusing(s).probe().unwrap_err();
        assert!(err.to_string().contains("result not returned"), "{err}");
    }
}
