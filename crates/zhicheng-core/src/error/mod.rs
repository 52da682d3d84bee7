//! The core crate's one error type. Every variant has a stable [`ErrorCode`] that the UI and the CLI
//! branch on, and words in each language (`words.rs`) that say what is wrong and where.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::lang::Lang;
use crate::report::{BackupInfo, FieldIssue};

mod words;

pub use words::os_error;

/// Stable codes, sent over IPC as snake_case strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Reading or writing a file failed (permissions, disk full, …).
    Io,
    /// A file given to import is not a valid applicant file; `message` names the place and the problem.
    InvalidFile,
    /// The file was written by a newer version of the app.
    UnsupportedVersion,
    /// The workspace's own applicant file does not parse; it is left untouched.
    CorruptFile,
    /// The profile has invalid values (see the issues).
    InvalidProfile,
    /// A named backup does not exist or does not parse.
    NoBackup,
    /// The target file exists and overwriting was not asked for.
    AlreadyExists,
    /// The workspace folder could not be found or created.
    Workspace,
    /// The publicity sheet's fonts are missing or unreadable.
    Fonts,
    /// A character of the publicity sheet has a glyph in none of its fonts.
    MissingGlyph,
    /// The evidence vault cannot be used (not created yet, key store refused, bad settings…).
    Vault,
    /// The vault's key is not available here (OS key store emptied or unavailable): unlock with the
    /// passphrase or the recovery file.
    VaultLocked,
    /// The passphrase does not open the key file.
    WrongPassphrase,
    /// An encrypted file was changed or cut short; nothing was decrypted from it.
    Tampered,
    /// The user cancelled a long operation; nothing was kept from it.
    Cancelled,
    /// An evidence file or a requirement named by id does not exist.
    NotFound,
    /// Another program is writing to the workspace; nothing was changed.
    Busy,
    /// A bug: the operation stopped unexpectedly (logged); the app goes on.
    Internal,
}

/// What a file operation was doing when it failed (worded per language by [`CoreError::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    Read,
    Write,
    Save,
    Create,
    Delete,
    Open,
    /// Showing a file in the system's file manager or its viewer.
    Show,
    Replace,
    Check,
    Move,
    Lock,
    /// Writing the CLI's output to standard output (the path is not shown).
    WriteStdout,
}

/// Where in a file (or in the input) a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A JSON path (`windows[1].closes_at`), a command-line flag (`--at`) or a field's key: shown as is.
    At(String),
    /// Where a syntax error is (1-based; columns count characters).
    Text {
        line: usize,
        column: usize,
    },
    WholeFile,
    /// The document as a whole (its top-level value).
    Root,
    /// Where the output would be written.
    Output,
    /// The notice's text pasted in.
    NoticeText,
    FileName,
}

impl From<&str> for Location {
    fn from(s: &str) -> Self {
        Location::At(s.to_string())
    }
}

impl From<String> for Location {
    fn from(s: String) -> Self {
        Location::At(s)
    }
}

/// What is wrong there.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// The JSON parser's own (English) message; worded in Chinese by [`serde_zh`].
    Serde(String),
    /// The same, for text that is not JSON at all (said so first).
    NotJson(String),
    /// A rule of the data file that the value breaks (a code with its data).
    Rule(Box<Rule>),
    /// A sentence already in the language it will be shown in (the CLI's own words about its flags).
    /// The domain never builds one: its findings are [`Rule`]s.
    Text(String),
}

/// The rules a round, the deadline settings, a rule pack or a holiday table can break, as codes
/// (worded in `words.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    FormatIs {
        expected: String,
    },
    EmptyRoundId,
    NoSubmissionWindow,
    DuplicateWindowId {
        id: String,
    },
    NotBeijingTime {
        found: String,
    },
    ClosesBeforeOpens,
    PublicityWorkdaysRange,
    YearRange {
        year: i32,
    },
    PaymentHalfFilled,
    TooManySteps {
        max: usize,
        found: usize,
    },
    StepDaysRange {
        found: u32,
    },
    LeadRange {
        found: u32,
    },
    TooManyLeads {
        max: usize,
    },
    BuiltinRoundId {
        id: String,
    },
    NoSuchRound {
        id: String,
    },
    // A rule pack.
    WindowMonthsRange,
    NoRoute,
    FeeTooHigh {
        max: u32,
    },
    ChainTooShort,
    NoEducationRow,
    YearsRange {
        max: u32,
        found: u32,
    },
    NoAlternative,
    DuplicateClause {
        clause: String,
    },
    KindsAndCount {
        max: u32,
    },
    AmountRange {
        max: f64,
        found: f64,
    },
    RankRange {
        max: u32,
        found: u32,
    },
    // A holiday table.
    RestRange {
        from: String,
        to: String,
    },
    MakeupNotWeekend {
        day: String,
    },
    RestAndMakeup {
        day: String,
    },
    DuplicateYear {
        year: i32,
    },
    /// An output path that holds something other than a regular file (never replaced).
    NotAFile {
        what: NotAFile,
    },
    /// Pasted text longer than the notice could be.
    NoticeTooLong {
        max: usize,
    },
    /// A file name without the extension its kind needs (`ics`).
    Extension {
        ext: String,
    },
    // An applicant file.
    NotUtf8,
    FileTooLarge {
        mb: usize,
        max_mb: usize,
    },
    NotAnObject,
    NotAList,
    DuplicateKey,
    ControlChar {
        code_point: u32,
    },
    TextTooLong {
        max: usize,
        found: usize,
    },
    VersionMissing,
    VersionNotInteger {
        found: String,
    },
    /// `format` is not the expected one; `found` as written (None when missing).
    FormatFound {
        expected: String,
        found: Option<String>,
    },
    UnknownVersion {
        version: u32,
    },
    TooManyAchievements {
        max: usize,
        found: usize,
    },
    AchievementNotObject,
    KindNotName,
    EmptyId,
    DuplicateId {
        id: String,
    },
    EmptyTitle,
    RankFromOne,
    PersonalRankRange {
        max: u32,
        found: u32,
    },
    NegativeAmount {
        found: f64,
    },
    AmountTooLarge {
        max: f64,
        found: f64,
    },
    Gender {
        found: String,
    },
    /// An achievement dated after this month.
    FutureMonth {
        title: String,
        month: String,
        now: String,
    },
    /// The application month lies outside the round's submission window (五（三）).
    ApplyMonthOutside {
        month: String,
        notice: String,
        opens: chrono::DateTime<chrono::FixedOffset>,
        closes: chrono::DateTime<chrono::FixedOffset>,
        first: String,
        last: String,
    },
}

/// What sits where a file was to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Symlink,
    Folder,
    /// A device or a pipe.
    Device,
}

impl From<Rule> for Detail {
    fn from(r: Rule) -> Self {
        Detail::Rule(Box::new(r))
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::Zh))
    }
}

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::Zh))
    }
}

/// The core's failures. Each has a stable [`ErrorCode`]; [`CoreError::words`] says it in a language
/// (`Display` is the Chinese).
#[derive(Debug)]
pub enum CoreError {
    Io {
        action: IoAction,
        path: PathBuf,
        source: std::io::Error,
    },
    InvalidFile {
        path: Option<PathBuf>,
        /// Where in the file: a JSON path (`profile.birth_month`), a line and column, a flag.
        location: Location,
        detail: Detail,
    },
    UnsupportedVersion {
        found: u32,
        supported: u32,
    },
    /// A workspace file that does not parse: what is wrong in it (an `InvalidFile` without the path,
    /// which is this one's).
    Corrupt {
        path: PathBuf,
        reason: Box<CoreError>,
        backup: Option<BackupInfo>,
    },
    InvalidProfile {
        issues: Vec<FieldIssue>,
    },
    NoBackup(String),
    AlreadyExists(PathBuf),
    Workspace(String),
    /// The ID number and phone are sealed with the evidence vault's key, and it is not unlocked.
    SealedLocked,
    /// A sealed field of the applicant file was changed or cut short.
    SealedTampered,
    Cancelled,
    NotFound(String),
    Busy {
        pid: Option<u32>,
    },
    Internal(String),
}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::Zh))
    }
}

impl std::error::Error for CoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Io { .. } => ErrorCode::Io,
            Self::InvalidFile { .. } => ErrorCode::InvalidFile,
            Self::UnsupportedVersion { .. } => ErrorCode::UnsupportedVersion,
            Self::Corrupt { .. } => ErrorCode::CorruptFile,
            Self::InvalidProfile { .. } => ErrorCode::InvalidProfile,
            Self::NoBackup(_) => ErrorCode::NoBackup,
            Self::AlreadyExists(_) => ErrorCode::AlreadyExists,
            Self::Workspace(_) => ErrorCode::Workspace,
            Self::SealedLocked => ErrorCode::VaultLocked,
            Self::SealedTampered => ErrorCode::Tampered,
            Self::Cancelled => ErrorCode::Cancelled,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::Busy { .. } => ErrorCode::Busy,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }

    pub fn io(action: IoAction, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| Self::Io { action, path, source }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// Serde's and chrono's English, said in Chinese: what was expected, what was found. A message it
/// does not recognise is kept, prefixed, so nothing is lost.
pub fn serde_zh(msg: &str) -> String {
    // serde_json appends " at line L column C" to some messages; the location is reported apart.
    let msg = match msg.find(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    };
    let expected = |e: &str| -> String {
        let e = e.trim().trim_matches('`');
        let word = match e {
            "u8" | "u16" | "u32" | "u64" | "usize" => "非负整数",
            "i8" | "i16" | "i32" | "i64" | "isize" => "整数",
            "f32" | "f64" => "数",
            "a string" | "a borrowed string" | "string" => "文字（用双引号括起）",
            "a boolean" | "bool" => "true 或 false",
            "a sequence" => "列表（[…]）",
            "a map" => "对象（{…}）",
            _ if e.starts_with("struct ") || e.starts_with("a map") => "对象（{…}）",
            _ if e.starts_with("enum ") || e.starts_with("variant ") => "规定的取值之一",
            _ if e.starts_with("tuple") || e.starts_with("an array") => "列表（[…]）",
            _ => return format!("“{e}”"),
        };
        word.to_string()
    };
    let found = |f: &str| -> String {
        let f = f.trim();
        for (en, zh) in [
            ("string ", "文字 "),
            ("integer ", "整数 "),
            ("floating point ", "数 "),
            ("boolean ", "布尔值 "),
            ("character ", "字符 "),
        ] {
            if let Some(rest) = f.strip_prefix(en) {
                return format!("{zh}{}", rest.trim_matches('`'));
            }
        }
        match f {
            "sequence" => "列表".into(),
            "map" => "对象".into(),
            "null" | "unit value" => "null".into(),
            other => other.to_string(),
        }
    };
    if let Some(rest) = msg.strip_prefix("invalid type: ").or_else(|| msg.strip_prefix("invalid value: "))
        && let Some((f, e)) = rest.split_once(", expected ")
    {
        return format!("应为{}，收到{}", expected(e), found(f));
    }
    if let Some(rest) = msg.strip_prefix("invalid length ")
        && let Some((n, e)) = rest.split_once(", expected ")
    {
        return format!("数量不对：收到 {n} 项，应为{}", e.trim());
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("缺少字段“{}”", rest.trim_matches('`'));
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        return format!("字段“{}”出现了两次", rest.trim_matches('`'));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let name = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!("未知字段“{name}”（字段名是否拼错？）");
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed = allowed.trim_start_matches("one of ").replace('`', "");
        return if allowed.is_empty() {
            format!("取值“{}”不在允许范围内", name.trim_matches('`'))
        } else {
            format!("取值“{}”不在允许范围内（可选：{allowed}）", name.trim_matches('`'))
        };
    }
    if let Some(e) = crate::yearmonth::YearMonthError::from_english(msg) {
        return e.to_string();
    }
    let fixed = match msg {
        "input contains invalid characters" => "日期时间含有无效字符（应如 2023-11-30T12:00:00+08:00）",
        "premature end of input" => "日期时间不完整（应如 2023-11-30T12:00:00+08:00）",
        "input is out of range" | "number out of range" => "数值或日期超出范围",
        "trailing input" | "trailing characters" => "末尾有多余的字符",
        "input is not enough for unique date and time" => "日期时间不完整",
        "no possible date and time matching input" => "没有这样的日期时间",
        "recursion limit exceeded" => "嵌套层数过多",
        "EOF while parsing a value" | "EOF while parsing an object" | "EOF while parsing a list" => {
            "文件不完整（JSON 提前结束）"
        }
        "expected value" => "此处应为一个值（JSON 不允许注释、单引号或多余的逗号）",
        "trailing comma" => "多了一个逗号",
        "key must be a string" => "字段名应用双引号括起",
        "expected `:`" => "字段名后缺少冒号",
        "expected `,` or `}`" => "缺少逗号或右花括号 }",
        "expected `,` or `]`" => "缺少逗号或右方括号 ]",
        "expected ident" => "无法识别的词（true、false、null 应为小写）",
        "invalid number" => "数字格式不对",
        "invalid escape" => "文字中的转义符 \\ 用法不对",
        "EOF while parsing a string" => "文件不完整（文字缺少结尾的双引号）",
        "control character (\\u0000-\\u001F) found while parsing a string" => "文字中有未转义的控制字符（如换行）",
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => "文字中的 \\u 转义不完整",
        _ => "",
    };
    if !fixed.is_empty() {
        return fixed.to_string();
    }
    if msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return msg.to_string(); // already ours (a custom Deserialize's Chinese message)
    }
    format!("格式不对（{msg}）")
}

/// Parses a JSON data file into `T` (a byte-order mark is tolerated); a failure names the file, the
/// place inside it (`windows[1].closes_at`) and the problem. Shared by every data file but the
/// applicant file, which has its own version migrations.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str, path: Option<&std::path::Path>) -> Result<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text)).map_err(|e| {
        let inner = e.inner();
        // A syntax error has no JSON path yet: say where in the text it is.
        let location =
            if matches!(inner.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof) {
                Location::Text { line: inner.line(), column: inner.column() }
            } else {
                Location::At(e.path().to_string())
            };
        CoreError::InvalidFile {
            path: path.map(|p| p.to_path_buf()),
            location,
            detail: Detail::Serde(e.into_inner().to_string()),
        }
    })
}

/// Parses a data file that names its kind and version (`{"format": "zhicheng/…", "version": N, …}`):
/// the syntax first (line and column), then the kind and the version — so that a file of another
/// kind is named as such rather than reported by the first field it lacks —, then the fields (their
/// JSON path). One preamble for the rule pack, the round and the sheet template.
pub fn parse_versioned<T: serde::de::DeserializeOwned>(
    text: &str,
    path: Option<&std::path::Path>,
    format: &str,
    supported: u32,
) -> Result<T> {
    let value: serde_json::Value = parse_json(text, path)?;
    let invalid = |location: &str, detail: Rule| CoreError::InvalidFile {
        path: path.map(|p| p.to_path_buf()),
        location: location.into(),
        detail: detail.into(),
    };
    if !value.is_object() {
        return Err(CoreError::InvalidFile {
            path: path.map(|p| p.to_path_buf()),
            location: Location::Root,
            detail: Rule::NotAnObject.into(),
        });
    }
    match value.get("format") {
        Some(serde_json::Value::String(f)) if f == format => {}
        other => {
            return Err(invalid(
                "format",
                Rule::FormatFound { expected: format.into(), found: other.map(serde_json::Value::to_string) },
            ));
        }
    }
    match value.get("version").map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok())) {
        Some(Some(v)) if (1..=supported).contains(&v) => {}
        Some(Some(v)) if v > supported => return Err(CoreError::UnsupportedVersion { found: v, supported }),
        None => return Err(invalid("version", Rule::VersionMissing)),
        Some(_) => {
            let found = value.get("version").map(serde_json::Value::to_string).unwrap_or_default();
            return Err(invalid("version", Rule::VersionNotInteger { found }));
        }
    }
    serde_path_to_error::deserialize(value).map_err(|e| CoreError::InvalidFile {
        path: path.map(|p| p.to_path_buf()),
        location: Location::At(e.path().to_string()),
        detail: Detail::Serde(e.into_inner().to_string()),
    })
}

/// How an error crosses to the UI (and to `--json` output): a stable code to branch on, the message in
/// the language asked for (the interface's), and the details some codes carry.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    /// For `corrupt_file`: the newest backup that parses, if any.
    pub backup: Option<BackupInfo>,
    /// For `invalid_profile`: the fields at fault.
    pub issues: Vec<FieldIssue>,
}

impl From<&CoreError> for ErrorPayload {
    fn from(e: &CoreError) -> Self {
        Self::new(e, Lang::Zh)
    }
}

impl ErrorPayload {
    /// A payload with only a code and its message (the vault's and the sheet's own errors).
    pub fn worded(code: ErrorCode, message: String) -> Self {
        Self { code, message, backup: None, issues: vec![] }
    }

    /// The payload of `e`, its message in `lang` (the interface's language).
    pub fn new(e: &CoreError, lang: Lang) -> Self {
        Self {
            code: e.code(),
            message: e.words(lang),
            backup: match e {
                CoreError::Corrupt { backup, .. } => backup.clone(),
                _ => None,
            },
            issues: match e {
                CoreError::InvalidProfile { issues } => issues.clone(),
                _ => vec![],
            },
        }
    }
}
