//! Where the vault key lives: the OS credential store (Keychain, Windows Credential Manager, Secret
//! Service) through `keyring` 4, or — when none is usable — a key file under a passphrase.
//!
//! Every call into a store blocks (D-Bus on Linux): the app calls these from `spawn_blocking`.

use std::sync::Arc;

use zhicheng_core::CoreError;

type Result<T> = std::result::Result<T, CoreError>;

/// The service name of our entries in the OS store.
pub const SERVICE: &str = "zhicheng-lvse-ditan";

/// A place that keeps a secret string per account.
pub trait SecretStore: Send + Sync {
    /// For messages ("系统密钥环（Secret Service）").
    fn describe(&self) -> String;
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
            _ => Err(CoreError::Vault(format!("{}写入后读不回测试条目", self.describe()))),
        }
    }
}

/// A `keyring-core` store: the OS one, or the mock one for tests.
pub struct KeyringStore {
    store: Arc<keyring_core::CredentialStore>,
    label: String,
}

fn store_err(label: &str, e: keyring_core::Error) -> CoreError {
    CoreError::Vault(format!("{label}不可用：{e}"))
}

impl KeyringStore {
    /// The OS credential store. Fails when the platform has none or it cannot be reached (e.g. no
    /// D-Bus session on Linux).
    pub fn os() -> Result<Self> {
        let label = if cfg!(target_os = "macos") {
            "钥匙串（Keychain）"
        } else if cfg!(windows) {
            "Windows 凭据管理器"
        } else {
            "系统密钥环（Secret Service）"
        }
        .to_string();
        if let Err(e) = keyring::Entry::store_status() {
            return Err(CoreError::Vault(format!("{label}不可用：{e}")));
        }
        let store = keyring_core::get_default_store().ok_or_else(|| CoreError::Vault(format!("{label}不可用")))?;
        Ok(Self { store, label })
    }

    /// An in-memory store (keyring-core's mock) for tests.
    pub fn mock() -> Self {
        #[allow(clippy::expect_used, reason = "test support: keyring-core's in-memory store")]
        let store: Arc<keyring_core::CredentialStore> = keyring_core::mock::Store::new().expect("mock store");
        Self { store, label: "测试密钥存储".into() }
    }

    fn entry(&self, account: &str) -> Result<keyring_core::Entry> {
        keyring_core::Entry::new_in_store(&self.store, SERVICE, account).map_err(|e| store_err(&self.label, e))
    }
}

impl SecretStore for KeyringStore {
    fn describe(&self) -> String {
        self.label.clone()
    }

    fn set(&self, account: &str, secret: &str) -> Result<()> {
        self.entry(account)?.set_password(secret).map_err(|e| store_err(&self.label, e))
    }

    fn get(&self, account: &str) -> Result<Option<String>> {
        match self.entry(account)?.get_password() {
            Ok(v) => Ok(Some(v)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(store_err(&self.label, e)),
        }
    }

    fn delete(&self, account: &str) -> Result<()> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(store_err(&self.label, e)),
        }
    }
}

/// The OS store if it passes the probe, with the reason when it does not.
pub fn usable_os_store() -> std::result::Result<KeyringStore, String> {
    let why = |e: CoreError| match e {
        CoreError::Vault(m) => m,
        e => e.to_string(),
    };
    let store = KeyringStore::os().map_err(why)?;
    store.probe().map_err(why)?;
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
        let s = KeyringStore { store: store.clone(), label: "测试".into() };
        // keyring-core's mock fails the next operation on an entry when told to; a store whose
        // every write fails is modelled by a wrapper.
        struct Refusing(KeyringStore);
        impl SecretStore for Refusing {
            fn describe(&self) -> String {
                "拒绝写入的密钥环".into()
            }
            fn set(&self, _: &str, _: &str) -> Result<()> {
                Err(CoreError::Vault("result not returned from SS API".into()))
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
