//! The languages the core renders in (the CLI's `--lang`, the app's error messages). A leaf: it
//! imports nothing of the crate, so the error module can word itself with it.

/// The language of a rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文 (the default: the notice's language).
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh` / `en` (also `zh-CN`, `en_US.UTF-8`, …); anything else is not a language we speak.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first set one); Chinese when unsure.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| var(k).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }
}
