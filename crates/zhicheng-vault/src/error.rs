//! The vault's own failures: codes with their data, worded per language by [`VaultError::words`]
//! (`Display` is the Chinese). A failure of the core underneath (a file that cannot be written, a
//! busy workspace) is carried as it is. The shell turns either into the same IPC payload.

use std::path::PathBuf;

use zhicheng_core::{CoreError, ErrorCode, ErrorPayload, Lang};

use crate::sniff::FileKind;

/// The kind of key store (its name differs by OS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    /// Keychain, Windows Credential Manager, Secret Service: the one of this OS.
    Os,
    /// keyring-core's in-memory store (tests).
    Mock,
}

/// A size setting of the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeSetting {
    ImageWarn,
    DocumentWarn,
    ItemMax,
}

/// What a composition or a masking cannot do, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum ComposeError {
    /// A PDF that does not parse (the parser's words kept).
    PdfUnreadable {
        title: String,
        detail: String,
    },
    PdfEncrypted {
        title: String,
    },
    PdfNoPages {
        title: String,
    },
    /// A picture that cannot be read or decoded (the decoder's words kept).
    ImageUnreadable {
        title: String,
        detail: String,
    },
    ImageTooLarge {
        title: String,
        width: u32,
        height: u32,
    },
    PageUnreadable {
        title: String,
        page: u32,
        detail: String,
    },
    NotComposable {
        title: String,
        kind: FileKind,
    },
    NoSuchPage {
        title: String,
        page: u32,
        count: u32,
    },
    DpiOutOfRange {
        dpi: u32,
    },
    QualityOutOfRange {
        quality: u8,
    },
    NoPages,
    BadRotation {
        rotate: i64,
    },
    MaskOutsidePage,
    NoMaskArea,
    RasterMismatch {
        width: f32,
        height: f32,
        page: u32,
        page_width: f32,
        page_height: f32,
    },
    RasterTooCoarse,
    /// Encoding the output failed (the encoder's words kept).
    Write {
        detail: String,
    },
}

/// Why the vault's key is not available here.
#[derive(Debug)]
pub enum Locked {
    /// The vault is protected by a passphrase and none was given.
    NeedsPassphrase,
    /// The OS key store could not be used.
    Store(Box<VaultError>),
    /// The key store has no key for this vault.
    KeyNotInStore { store: StoreKind },
    /// The key found does not belong to this vault.
    WrongKey,
    /// The app has not unlocked the vault yet.
    NotUnlocked,
}

/// What is not there.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    File {
        id: String,
    },
    MaskedCopy {
        id: String,
    },
    /// A link target that is neither a requirement nor an achievement of this application.
    Target {
        target: String,
    },
    /// A target written wrongly (not `item:…` / `achievement:…`).
    TargetSyntax {
        target: String,
    },
    /// No composed PDF of this target yet.
    Composed {
        target: String,
    },
}

#[derive(Debug)]
pub enum VaultError {
    Core(CoreError),
    NoVault,
    AlreadyCreated,
    NotAVault {
        path: PathBuf,
    },
    KeyNotPassphrase,
    IndexUnreadable {
        detail: String,
    },
    IndexUnsupported,
    SizeOutOfRange {
        setting: SizeSetting,
        value: f64,
    },
    RecoveryOfAnotherVault,
    EmptyTitle,
    MaskTheOriginal,
    MaskChangedNothing,
    /// The key store refused (its words kept).
    Store {
        store: StoreKind,
        detail: String,
    },
    StoreRoundTrip {
        store: StoreKind,
    },
    /// No usable key store (why) and no passphrase for a new vault.
    NoStoreSetPassphrase(Box<VaultError>),
    PassphraseTooShort {
        min: usize,
    },
    KeyFileInvalid {
        detail: String,
    },
    KeyInStoreInvalid,
    PublicKeyInvalid,
    /// Encryption or key derivation failed (the library's words kept).
    Crypto {
        detail: String,
    },
    NotLinked {
        file: String,
    },
    ImageNeedsNoRaster,
    PdfNeedsRaster,
    CannotMask {
        kind: FileKind,
    },
    NothingToCompose {
        label: String,
    },
    NothingComposable {
        label: String,
        skipped: Vec<(String, String)>,
    },
    FolderNotEmpty {
        path: PathBuf,
    },
    Compose(ComposeError),
    WriteZip {
        detail: String,
    },
    /// Writing decrypted content out failed (the system's words kept).
    WriteOut {
        detail: String,
    },
    Locked(Locked),
    WrongPassphrase,
    /// An encrypted file (its title) was changed or cut short.
    Tampered {
        what: String,
    },
    Cancelled,
    NotFound(Missing),
}

pub type Result<T, E = VaultError> = std::result::Result<T, E>;

impl From<CoreError> for VaultError {
    fn from(e: CoreError) -> Self {
        VaultError::Core(e)
    }
}

impl From<ComposeError> for VaultError {
    fn from(e: ComposeError) -> Self {
        VaultError::Compose(e)
    }
}

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::Zh))
    }
}

impl std::error::Error for VaultError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            VaultError::Core(e) => Some(e),
            _ => None,
        }
    }
}

impl std::fmt::Display for ComposeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::Zh))
    }
}

impl std::error::Error for ComposeError {}

impl VaultError {
    pub fn code(&self) -> ErrorCode {
        match self {
            VaultError::Core(e) => e.code(),
            VaultError::Locked(_) => ErrorCode::VaultLocked,
            VaultError::WrongPassphrase => ErrorCode::WrongPassphrase,
            VaultError::Tampered { .. } => ErrorCode::Tampered,
            VaultError::Cancelled => ErrorCode::Cancelled,
            VaultError::NotFound(_) => ErrorCode::NotFound,
            _ => ErrorCode::Vault,
        }
    }

    /// The IPC payload, its message in `lang`.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        match self {
            VaultError::Core(e) => ErrorPayload::new(e, lang),
            other => ErrorPayload::worded(other.code(), other.words(lang)),
        }
    }
}

fn store(s: StoreKind, lang: Lang) -> &'static str {
    match (s, lang) {
        (StoreKind::Mock, Lang::Zh) => "测试密钥存储",
        (StoreKind::Mock, Lang::En) => "the test key store",
        (StoreKind::Os, Lang::Zh) if cfg!(target_os = "macos") => "钥匙串（Keychain）",
        (StoreKind::Os, Lang::Zh) if cfg!(windows) => "Windows 凭据管理器",
        (StoreKind::Os, Lang::Zh) => "系统密钥环（Secret Service）",
        (StoreKind::Os, Lang::En) if cfg!(target_os = "macos") => "the Keychain",
        (StoreKind::Os, Lang::En) if cfg!(windows) => "Windows Credential Manager",
        (StoreKind::Os, Lang::En) => "the system keyring (Secret Service)",
    }
}

impl ComposeError {
    pub fn words(&self, lang: Lang) -> String {
        use ComposeError::*;
        match lang {
            Lang::Zh => match self {
                PdfUnreadable { title, detail } => format!("“{title}”：PDF 无法解析（{detail}）"),
                PdfEncrypted { title } => format!("“{title}”：PDF 已加密：请先去除密码再导入"),
                PdfNoPages { title } => format!("“{title}”：PDF 没有页面"),
                ImageUnreadable { title, detail } => format!("“{title}”：图片无法读取（{detail}）"),
                ImageTooLarge { title, width, height } => {
                    format!("“{title}”：图片尺寸 {width}×{height} 超出可处理的范围")
                }
                PageUnreadable { title, page, detail } => format!("“{title}”：第 {page} 页无法读取（{detail}）"),
                NotComposable { title, kind } => {
                    format!("“{title}”是{}，不能直接合成：请先转为 PDF", crate::text::kind(*kind, lang))
                }
                NoSuchPage { title, page, count } => format!("“{title}”只有 {count} 页，没有第 {page} 页"),
                DpiOutOfRange { dpi } => format!("分辨率应在 72 到 600 dpi 之间，现为 {dpi}"),
                QualityOutOfRange { quality } => format!("JPEG 质量应在 30 到 95 之间，现为 {quality}"),
                NoPages => "没有可合成的页面".into(),
                BadRotation { rotate } => format!("旋转角度应为 0、90、180 或 270，现为 {rotate}"),
                MaskOutsidePage => "遮盖框超出页面".into(),
                NoMaskArea => "没有要遮盖的区域".into(),
                RasterMismatch { width, height, page, page_width, page_height } => format!(
                    "页面图像的宽高比（{width}×{height}）与第 {page} 页（{page_width:.0}×{page_height:.0} pt）不符"
                ),
                RasterTooCoarse => "页面图像的分辨率太低（低于 72 dpi），遮盖后将难以辨认".into(),
                Write { detail } => format!("生成 PDF 失败：{detail}"),
            },
            Lang::En => match self {
                PdfUnreadable { title, detail } => format!("“{title}”: the PDF cannot be read ({detail})"),
                PdfEncrypted { title } => {
                    format!("“{title}”: the PDF is encrypted; remove its password before importing it")
                }
                PdfNoPages { title } => format!("“{title}”: the PDF has no pages"),
                ImageUnreadable { title, detail } => format!("“{title}”: the picture cannot be read ({detail})"),
                ImageTooLarge { title, width, height } => {
                    format!("“{title}”: the picture's size {width}×{height} is beyond what can be processed")
                }
                PageUnreadable { title, page, detail } => {
                    format!("“{title}”: page {page} cannot be read ({detail})")
                }
                NotComposable { title, kind } => format!(
                    "“{title}” is {}, which cannot be composed directly: convert it to PDF first",
                    crate::text::kind(*kind, lang)
                ),
                NoSuchPage { title, page, count } => format!(
                    "“{title}” has {}; there is no page {page}",
                    if *count == 1 { "1 page".to_string() } else { format!("{count} pages") }
                ),
                DpiOutOfRange { dpi } => format!("The resolution must be between 72 and 600 dpi; it is {dpi}"),
                QualityOutOfRange { quality } => format!("The JPEG quality must be between 30 and 95; it is {quality}"),
                NoPages => "There are no pages to compose".into(),
                BadRotation { rotate } => format!("The rotation must be 0, 90, 180 or 270; it is {rotate}"),
                MaskOutsidePage => "A mask rectangle lies outside the page".into(),
                NoMaskArea => "There is no area to mask".into(),
                RasterMismatch { width, height, page, page_width, page_height } => format!(
                    "The page image's proportions ({width}×{height}) do not match page {page} ({page_width:.0}×{page_height:.0} pt)"
                ),
                RasterTooCoarse => {
                    "The page image's resolution is too low (under 72 dpi); the masked page would be hard to read"
                        .into()
                }
                Write { detail } => format!("Writing the PDF failed: {detail}"),
            },
        }
    }
}

impl VaultError {
    /// This error in `lang`: what is wrong and what to do.
    pub fn words(&self, lang: Lang) -> String {
        use VaultError::*;
        if let Core(e) = self {
            return e.words(lang);
        }
        if let Compose(e) = self {
            return e.words(lang);
        }
        match lang {
            Lang::Zh => match self {
                Core(_) | Compose(_) => String::new(),
                NoVault => "还没有佐证材料库；导入第一个文件时会创建".into(),
                AlreadyCreated => "此工作区已有佐证材料库".into(),
                NotAVault { path } => format!("{} 不是佐证材料库的描述文件", path.display()),
                KeyNotPassphrase => "此材料库的密钥保存在系统密钥存储中，不用口令；如已丢失，请用恢复文件".into(),
                IndexUnreadable { detail } => format!("材料索引无法解析：{detail}"),
                IndexUnsupported => "材料索引的格式或版本不受支持".into(),
                SizeOutOfRange { setting, value } => format!(
                    "{}应在 0 到 2048 MB 之间，现为 {value}",
                    match setting {
                        SizeSetting::ImageWarn => "图片的大小提示阈值",
                        SizeSetting::DocumentWarn => "文档的大小提示阈值",
                        SizeSetting::ItemMax => "每项 PDF 的大小上限",
                    }
                ),
                RecoveryOfAnotherVault => "这个恢复文件属于另一个材料库".into(),
                EmptyTitle => "标题不能为空".into(),
                MaskTheOriginal => "这是遮盖后的副本；请在原文件上遮盖".into(),
                MaskChangedNothing => "遮盖后的内容与原文件相同：请画出要遮盖的区域".into(),
                Store { store: s, detail } => format!("{}不可用：{detail}", store(*s, lang)),
                StoreRoundTrip { store: s } => format!("{}写入后读不回测试条目", store(*s, lang)),
                NoStoreSetPassphrase(why) => {
                    format!("系统密钥存储不可用（{}）；请设定一个口令来保护佐证材料库", why.words(lang))
                }
                PassphraseTooShort { min } => format!("口令至少需要 {min} 个字符"),
                KeyFileInvalid { detail } => format!("密钥文件无效：{detail}"),
                KeyInStoreInvalid => "密钥存储中的密钥格式不正确".into(),
                PublicKeyInvalid => "vault.json 中的公钥无法解析".into(),
                Crypto { detail } => format!("加密失败：{detail}"),
                NotLinked { file } => format!("材料 {file} 没有关联到此项，或不能合成"),
                ImageNeedsNoRaster => "图片直接遮盖，不需要页面图像".into(),
                PdfNeedsRaster => "遮盖 PDF 页面需要该页的图像：如 pdftoppm -r 150 -png -f N -l N 原文件.pdf 页面，再用 --raster 页面-N.png；或在应用中遮盖".into(),
                CannotMask { kind } => format!("{}不能遮盖：请先转为 PDF", crate::text::kind(*kind, lang)),
                NothingToCompose { label } => format!("“{label}”还没有可合成的页面：请先关联文件"),
                NothingComposable { label, skipped } => format!(
                    "“{label}”没有可合成的页面：{}",
                    skipped.iter().map(|(t, r)| format!("{t}（{r}）")).collect::<Vec<_>>().join("；")
                ),
                FolderNotEmpty { path } => {
                    format!("目标文件夹 {} 已存在且不为空；请选一个新的或空的文件夹", path.display())
                }
                WriteZip { detail } => format!("写 ZIP 失败：{detail}"),
                WriteOut { detail } => format!("写出失败：{detail}"),
                Locked(why) => format!(
                    "佐证材料库已加密，但本机取不到密钥（{}）；请用口令或恢复文件解锁",
                    match why {
                        self::Locked::NeedsPassphrase => "此材料库用口令保护，请提供口令".to_string(),
                        self::Locked::Store(why) => why.words(lang),
                        self::Locked::KeyNotInStore { store: s } => format!("{}中没有此材料库的密钥", store(*s, lang)),
                        self::Locked::WrongKey => "取到的密钥不属于此材料库".into(),
                        self::Locked::NotUnlocked => "材料库尚未解锁".into(),
                    }
                ),
                WrongPassphrase => "口令不正确，无法打开密钥".into(),
                Tampered { what } => format!("材料“{what}”已被改动或不完整（可能被篡改或截断），未解密任何内容"),
                Cancelled => "已取消，未保留任何内容".into(),
                NotFound(m) => match m {
                    Missing::File { id } => format!("找不到材料 {id}"),
                    Missing::MaskedCopy { id } => format!("找不到材料 {id} 的遮盖副本"),
                    Missing::Target { target } => {
                        format!("找不到{target}：不是当前申报情况需要的材料，也不是已填写的业绩")
                    }
                    Missing::TargetSyntax { target } => {
                        format!("找不到“{target}”：请写 item:<材料> 或 achievement:<业绩id>（如 item:education_certificate）")
                    }
                    Missing::Composed { target } => format!("找不到{target} 的合成结果（请先合成）"),
                },
            },
            Lang::En => match self {
                Core(_) | Compose(_) => String::new(),
                NoVault => "There is no evidence vault yet; it is created when you import the first file".into(),
                AlreadyCreated => "This workspace already has an evidence vault".into(),
                NotAVault { path } => format!("{} is not an evidence vault's description file", path.display()),
                KeyNotPassphrase => "This vault's key is kept in the system key store, not under a passphrase; if it is lost, use the recovery file".into(),
                IndexUnreadable { detail } => format!("The vault's index cannot be read: {detail}"),
                IndexUnsupported => "The vault's index has a format or version this app does not support".into(),
                SizeOutOfRange { setting, value } => format!(
                    "{} must be more than 0 and at most 2048 MB; it is {value}",
                    match setting {
                        SizeSetting::ImageWarn => "The size warning for pictures",
                        SizeSetting::DocumentWarn => "The size warning for documents",
                        SizeSetting::ItemMax => "The size limit of each item's PDF",
                    }
                ),
                RecoveryOfAnotherVault => "This recovery file belongs to another vault".into(),
                EmptyTitle => "The title must not be empty".into(),
                MaskTheOriginal => "This is a masked copy; mask the original file instead".into(),
                MaskChangedNothing => "The masked result is the same as the original: draw the areas to hide".into(),
                Store { store: s, detail } => format!("{} is unavailable: {detail}", store(*s, lang)),
                StoreRoundTrip { store: s } => {
                    format!("{} did not give back a test entry it had just written", store(*s, lang))
                }
                NoStoreSetPassphrase(why) => format!(
                    "The system key store is unavailable ({}); set a passphrase to protect the evidence vault",
                    why.words(lang)
                ),
                PassphraseTooShort { min } => format!("The passphrase needs at least {min} characters"),
                KeyFileInvalid { detail } => format!("The key file is not valid: {detail}"),
                KeyInStoreInvalid => "The key in the key store has the wrong format".into(),
                PublicKeyInvalid => "The public key in vault.json cannot be read".into(),
                Crypto { detail } => format!("Encryption failed: {detail}"),
                NotLinked { file } => format!("File {file} is not linked to this item, or cannot be composed"),
                ImageNeedsNoRaster => "A picture is masked directly; no page image is needed".into(),
                PdfNeedsRaster => "Masking a PDF page needs an image of that page: e.g. pdftoppm -r 150 -png -f N -l N original.pdf page, then --raster page-N.png; or mask it in the app".into(),
                CannotMask { kind } => {
                    format!("{} cannot be masked: convert it to PDF first", crate::text::kind(*kind, lang))
                }
                NothingToCompose { label } => {
                    format!("“{label}” has no pages to compose yet: link files to it first")
                }
                NothingComposable { label, skipped } => format!(
                    "“{label}” has no pages that can be composed: {}",
                    skipped.iter().map(|(t, r)| format!("{t} ({r})")).collect::<Vec<_>>().join("; ")
                ),
                FolderNotEmpty { path } => format!(
                    "The folder {} exists and is not empty; choose a new or empty folder",
                    path.display()
                ),
                WriteZip { detail } => format!("Writing the ZIP failed: {detail}"),
                WriteOut { detail } => format!("Writing out failed: {detail}"),
                Locked(why) => format!(
                    "The evidence vault is encrypted and its key is not available on this computer ({}); unlock it with the passphrase or the recovery file",
                    match why {
                        self::Locked::NeedsPassphrase => "it is protected by a passphrase: give the passphrase".to_string(),
                        self::Locked::Store(why) => why.words(lang),
                        self::Locked::KeyNotInStore { store: s } => format!("{} has no key for this vault", store(*s, lang)),
                        self::Locked::WrongKey => "the key found does not belong to this vault".into(),
                        self::Locked::NotUnlocked => "the vault is not unlocked yet".into(),
                    }
                ),
                WrongPassphrase => "Wrong passphrase: the key cannot be opened".into(),
                Tampered { what } => {
                    format!("“{what}” was changed or is incomplete (tampered with or cut short); nothing was decrypted from it")
                }
                Cancelled => "Cancelled; nothing was kept".into(),
                NotFound(m) => match m {
                    Missing::File { id } => format!("No file {id} in the vault"),
                    Missing::MaskedCopy { id } => format!("File {id} has no masked copy"),
                    Missing::Target { target } => format!(
                        "Not found: {target} is neither a document this application needs nor an achievement entered"
                    ),
                    Missing::TargetSyntax { target } => format!(
                        "Not found: “{target}”; write item:<item> or achievement:<achievement id> (e.g. item:education_certificate)"
                    ),
                    Missing::Composed { target } => format!("No composed PDF of {target} yet (compose it first)"),
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhicheng_core::text::has_cjk;

    /// One of every code, with user data that is not Chinese (titles and paths are shown as entered).
    fn samples() -> Vec<VaultError> {
        let t = || "scan.pdf".to_string();
        let compose = vec![
            ComposeError::PdfUnreadable { title: t(), detail: "x".into() },
            ComposeError::PdfEncrypted { title: t() },
            ComposeError::PdfNoPages { title: t() },
            ComposeError::ImageUnreadable { title: t(), detail: "x".into() },
            ComposeError::ImageTooLarge { title: t(), width: 90000, height: 2 },
            ComposeError::PageUnreadable { title: t(), page: 2, detail: "x".into() },
            ComposeError::NotComposable { title: t(), kind: FileKind::Docx },
            ComposeError::NoSuchPage { title: t(), page: 4, count: 1 },
            ComposeError::NoSuchPage { title: t(), page: 4, count: 3 },
            ComposeError::DpiOutOfRange { dpi: 50 },
            ComposeError::QualityOutOfRange { quality: 99 },
            ComposeError::NoPages,
            ComposeError::BadRotation { rotate: 45 },
            ComposeError::MaskOutsidePage,
            ComposeError::NoMaskArea,
            ComposeError::RasterMismatch { width: 10.0, height: 20.0, page: 1, page_width: 595.0, page_height: 842.0 },
            ComposeError::RasterTooCoarse,
            ComposeError::Write { detail: "x".into() },
        ];
        let store_down = || Box::new(VaultError::Store { store: StoreKind::Os, detail: "no D-Bus".into() });
        let mut all: Vec<VaultError> = compose.into_iter().map(VaultError::Compose).collect();
        all.extend([
            VaultError::Core(zhicheng_core::CoreError::Cancelled),
            VaultError::NoVault,
            VaultError::AlreadyCreated,
            VaultError::NotAVault { path: "/x/vault.json".into() },
            VaultError::KeyNotPassphrase,
            VaultError::IndexUnreadable { detail: "x".into() },
            VaultError::IndexUnsupported,
            VaultError::SizeOutOfRange { setting: SizeSetting::ImageWarn, value: 0.0 },
            VaultError::SizeOutOfRange { setting: SizeSetting::DocumentWarn, value: 0.0 },
            VaultError::SizeOutOfRange { setting: SizeSetting::ItemMax, value: 4096.0 },
            VaultError::RecoveryOfAnotherVault,
            VaultError::EmptyTitle,
            VaultError::MaskTheOriginal,
            VaultError::MaskChangedNothing,
            VaultError::Store { store: StoreKind::Os, detail: "x".into() },
            VaultError::Store { store: StoreKind::Mock, detail: "x".into() },
            VaultError::StoreRoundTrip { store: StoreKind::Os },
            VaultError::NoStoreSetPassphrase(store_down()),
            VaultError::PassphraseTooShort { min: 8 },
            VaultError::KeyFileInvalid { detail: "salt".into() },
            VaultError::KeyInStoreInvalid,
            VaultError::PublicKeyInvalid,
            VaultError::Crypto { detail: "x".into() },
            VaultError::NotLinked { file: "f1".into() },
            VaultError::ImageNeedsNoRaster,
            VaultError::PdfNeedsRaster,
            VaultError::CannotMask { kind: FileKind::Ofd },
            VaultError::NothingToCompose { label: "Diploma".into() },
            VaultError::NothingComposable { label: "Diploma".into(), skipped: vec![(t(), "x".into())] },
            VaultError::FolderNotEmpty { path: "/x/out".into() },
            VaultError::WriteZip { detail: "x".into() },
            VaultError::WriteOut { detail: "x".into() },
            VaultError::Locked(Locked::NeedsPassphrase),
            VaultError::Locked(Locked::Store(store_down())),
            VaultError::Locked(Locked::KeyNotInStore { store: StoreKind::Os }),
            VaultError::Locked(Locked::WrongKey),
            VaultError::Locked(Locked::NotUnlocked),
            VaultError::WrongPassphrase,
            VaultError::Tampered { what: t() },
            VaultError::Cancelled,
            VaultError::NotFound(Missing::File { id: "f1".into() }),
            VaultError::NotFound(Missing::MaskedCopy { id: "f1".into() }),
            VaultError::NotFound(Missing::Target { target: "item:x".into() }),
            VaultError::NotFound(Missing::TargetSyntax { target: "x".into() }),
            VaultError::NotFound(Missing::Composed { target: "item:x".into() }),
        ]);
        all
    }

    #[test]
    fn every_vault_error_reads_in_both_languages() {
        for e in samples() {
            let (zh, en) = (e.words(Lang::Zh), e.words(Lang::En));
            assert!(has_cjk(&zh), "{zh}");
            assert!(!has_cjk(&en), "Chinese left in the English of {e:?}: {en}");
            assert!(!en.is_empty() && !zh.is_empty());
            assert_eq!(e.to_string(), zh, "Display is the Chinese");
            let p = e.payload(Lang::En);
            assert_eq!((p.code, p.message), (e.code(), en));
        }
        assert_eq!(
            VaultError::Compose(ComposeError::NoSuchPage { title: "a.pdf".into(), page: 4, count: 1 }).words(Lang::En),
            "“a.pdf” has 1 page; there is no page 4"
        );
    }

    #[test]
    fn codes_are_the_ones_the_interface_branches_on() {
        assert_eq!(VaultError::WrongPassphrase.code(), ErrorCode::WrongPassphrase);
        assert_eq!(VaultError::Locked(Locked::NotUnlocked).code(), ErrorCode::VaultLocked);
        assert_eq!(VaultError::Tampered { what: "a".into() }.code(), ErrorCode::Tampered);
        assert_eq!(VaultError::NotFound(Missing::File { id: "f".into() }).code(), ErrorCode::NotFound);
        assert_eq!(VaultError::EmptyTitle.code(), ErrorCode::Vault);
        assert_eq!(VaultError::Core(zhicheng_core::CoreError::Busy { pid: None }).code(), ErrorCode::Busy);
    }
}
