//! The core's errors worded in a language: the one catalogue of error sentences, used by `Display`
//! (Chinese), the CLI (`--lang`) and the app (the shell words a payload in the interface's language).
//! User data (paths, names, values) is kept as entered; details that still arrive as text from a
//! validator are shown as they are.

use std::io::ErrorKind;

use super::{CoreError, Detail, IoAction, Location, Rule, serde_zh};
use crate::lang::Lang;
use crate::report::IssueKind;

fn action(a: IoAction, lang: Lang) -> &'static str {
    use IoAction::*;
    match lang {
        Lang::Zh => match a {
            Read => "读取",
            Write | WriteStdout => "写入",
            Save => "保存",
            Create => "创建",
            Delete => "删除",
            Open => "打开",
            Show => "显示",
            Replace => "替换",
            Check => "检查",
            Move => "移动",
            Lock => "锁定",
        },
        Lang::En => match a {
            Read => "read",
            Write | WriteStdout => "write",
            Save => "save",
            Create => "create",
            Delete => "delete",
            Open => "open",
            Show => "show",
            Replace => "replace",
            Check => "check",
            Move => "move",
            Lock => "lock",
        },
    }
}

/// What the operating system said, in words a user reads; a kind we do not word keeps the system's
/// own text.
pub fn os_error(e: &std::io::Error, lang: Lang) -> String {
    let (zh, en) = match e.kind() {
        ErrorKind::NotFound => ("文件或文件夹不存在", "the file or folder does not exist"),
        ErrorKind::PermissionDenied => ("没有权限", "permission denied"),
        ErrorKind::StorageFull => ("磁盘已满", "the disk is full"),
        ErrorKind::ReadOnlyFilesystem => ("磁盘为只读", "the disk is read-only"),
        ErrorKind::AlreadyExists => ("已存在同名文件", "a file of that name already exists"),
        ErrorKind::IsADirectory => ("这是一个文件夹，不是文件", "it is a folder, not a file"),
        ErrorKind::NotADirectory => ("路径中有一段不是文件夹", "part of the path is not a folder"),
        ErrorKind::DirectoryNotEmpty => ("文件夹不是空的", "the folder is not empty"),
        ErrorKind::InvalidFilename => ("文件名无效或过长", "the file name is invalid or too long"),
        ErrorKind::FileTooLarge => ("文件太大", "the file is too large"),
        ErrorKind::Deadlock | ErrorKind::ResourceBusy => ("文件正被占用", "the file is in use"),
        _ => return e.to_string(),
    };
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

fn issue_kind(k: IssueKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (IssueKind::Missing, Lang::Zh) => "未填写",
        (IssueKind::Invalid, Lang::Zh) => "填写有误",
        (IssueKind::Missing, Lang::En) => "missing",
        (IssueKind::Invalid, Lang::En) => "not valid",
    }
}

impl Location {
    pub fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Location::At(s), _) => s.clone(),
            (Location::Text { line, column }, Lang::Zh) => format!("第{line}行第{column}列"),
            (Location::Text { line, column }, Lang::En) => format!("line {line}, column {column}"),
            (Location::WholeFile, Lang::Zh) => "（整个文件）".into(),
            (Location::WholeFile, Lang::En) => "(whole file)".into(),
            (Location::Root, Lang::Zh) => "（根）".into(),
            (Location::Root, Lang::En) => "(root)".into(),
            (Location::Output, Lang::Zh) => "输出位置".into(),
            (Location::Output, Lang::En) => "output".into(),
            (Location::NoticeText, Lang::Zh) => "通知原文".into(),
            (Location::NoticeText, Lang::En) => "notice text".into(),
            (Location::FileName, Lang::Zh) => "文件名".into(),
            (Location::FileName, Lang::En) => "file name".into(),
        }
    }
}

impl Detail {
    pub fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Detail::Serde(m), Lang::Zh) => serde_zh(m),
            // The parser's own English, without the place it appends (reported apart).
            (Detail::Serde(m), Lang::En) => m.find(" at line ").and_then(|i| m.get(..i)).unwrap_or(m).to_string(),
            (Detail::NotJson(m), Lang::Zh) => format!("不是有效的 JSON：{}", serde_zh(m)),
            (Detail::NotJson(m), Lang::En) => format!("not valid JSON: {}", Detail::Serde(m.clone()).words(lang)),
            (Detail::Rule(r), lang) => r.words(lang),
            (Detail::Text(s), _) => s.clone(),
        }
    }
}

impl Rule {
    pub fn words(&self, lang: Lang) -> String {
        use Rule::*;
        match lang {
            Lang::Zh => match self {
                FormatIs { expected } => format!("应为 \"{expected}\""),
                EmptyRoundId => "轮次编号不能为空".into(),
                NoSubmissionWindow => "缺少网上申报时间（id 为 submission 的时间段）".into(),
                DuplicateWindowId { id } => format!("时间段编号“{id}”重复"),
                NotBeijingTime { found } => format!("应为北京时间（+08:00），收到 {found}"),
                ClosesBeforeOpens => "截止时间应晚于开始时间".into(),
                PublicityWorkdaysRange => "公示工作日数应在 1 到 60 之间".into(),
                YearRange { year } => format!("年份应在 2000 到 2999 之间，收到 {year}"),
                PaymentHalfFilled => "缴费时间请同时填写开始和截止，或都不填".into(),
                TooManySteps { max, found } => format!("审核环节最多{max}个，收到{found}个"),
                StepDaysRange { found } => format!("每个审核环节最多60个工作日，收到{found}"),
                LeadRange { found } => format!("提前量应在1分钟到60天之间，收到{found}分钟"),
                TooManyLeads { max } => format!("提醒最多设置{max}个"),
                BuiltinRoundId { id } => format!("“{id}”是内置轮次的编号，请为新轮次另取编号"),
                NoSuchRound { id } => format!("没有编号为“{id}”的轮次"),
                WindowMonthsRange => "业绩成果计算期应在1到240个月之间".into(),
                NoRoute => "规则包至少要有一种申报途径".into(),
                FeeTooHigh { max } => format!("评审费应不超过 {max} 元"),
                ChainTooShort => "申报程序至少要有两级，且包含负责公示的单位".into(),
                NoEducationRow => "至少需要一行学历与年限".into(),
                YearsRange { max, found } => format!("工作年限应在 0 到 {max} 年之间，收到 {found}"),
                NoAlternative => "条件至少需要一种满足方式".into(),
                DuplicateClause { clause } => format!("条款“{clause}”重复"),
                KindsAndCount { max } => format!("需指明成果类别，数量应在 1 到 {max} 之间"),
                AmountRange { max, found } => format!("金额或字数应在 0 到 {max} 之间，收到 {found}"),
                RankRange { max, found } => format!("排名上限应在 1 到 {max} 之间，收到 {found}"),
                RestRange { from, to } => format!("放假区间 {from}–{to} 不合理"),
                MakeupNotWeekend { day } => format!("调休上班日 {day} 不是周末"),
                RestAndMakeup { day } => format!("{day} 既是放假日又是调休上班日"),
                DuplicateYear { year } => format!("{year} 年重复"),
                NotAFile { what } => format!(
                    "这里已有{}，不是普通文件，不会被替换；请另选一个文件名",
                    match what {
                        super::NotAFile::Symlink => "一个符号链接",
                        super::NotAFile::Folder => "一个文件夹",
                        super::NotAFile::Device => "一个设备或管道",
                    }
                ),
                NoticeTooLong { max } => format!("超过 {max} 个字符，请只粘贴通知正文"),
                Extension { ext } => format!("文件名应以 .{ext} 结尾"),
                NotUtf8 => "文件不是 UTF-8 文本".into(),
                FileTooLarge { mb, max_mb } => format!("文件有 {mb} MB，超过上限 {max_mb} MB；申报人文件不会这么大"),
                NotAnObject => "应为一个 JSON 对象（{…}）".into(),
                NotAList => "应为一个列表（[…]）".into(),
                DuplicateKey => "同一个字段出现了两次；请删去多余的一个".into(),
                ControlChar { code_point } => format!("含有不可见的控制字符 U+{code_point:04X}，请删去后重新输入"),
                TextTooLong { max, found } => format!("文字过长：{found} 个字符，上限 {max}"),
                VersionMissing => "缺少版本号".into(),
                VersionNotInteger { found } => format!("版本号应为正整数，收到 {found}"),
                FormatFound { expected, found } => {
                    format!("应为 \"{expected}\"，收到 {}", found.as_deref().unwrap_or("（缺少）"))
                }
                UnknownVersion { version } => format!("不认识的版本 {version}"),
                TooManyAchievements { max, found } => format!("业绩最多 {max} 项，收到 {found} 项"),
                AchievementNotObject => "每项业绩应为一个 JSON 对象".into(),
                KindNotName => "应为业绩类别的名称（如 \"invention_patent\"）".into(),
                EmptyId => "编号不能为空".into(),
                DuplicateId { id } => format!("编号“{id}”重复"),
                EmptyTitle => "名称不能为空".into(),
                RankFromOne => "个人排名从1开始".into(),
                PersonalRankRange { max, found } => format!("个人排名应在 1 到 {max} 之间，收到 {found}"),
                NegativeAmount { found } => format!("应为不小于0的数，收到 {found}"),
                AmountTooLarge { max, found } => {
                    format!("数额过大：{found}（单位是万元/万字，上限 {max}）；是否把元填成了万元？")
                }
                Gender { found } => format!("性别应为“男”或“女”，收到 {found}"),
                FutureMonth { title, month, now } => {
                    format!("“{title}”的时间 {month} 晚于本月 {now}，不能是将来的月份")
                }
                ApplyMonthOutside { month, notice, opens, closes, first, last } => format!(
                    "申报月份 {month} 不在本轮（{notice}）网上申报时间 {} 至 {}（北京时间）内；申报月份应为 {}（业绩成果的计算时间截至申报当月，五（三））",
                    opens.format("%Y年%-m月%-d日%H:%M"),
                    closes.format("%Y年%-m月%-d日%H:%M"),
                    if first == last { first.clone() } else { format!("{first} 至 {last}") }
                ),
            },
            Lang::En => match self {
                FormatIs { expected } => format!("must be \"{expected}\""),
                EmptyRoundId => "the round's id must not be empty".into(),
                NoSubmissionWindow => "the online submission window (id submission) is missing".into(),
                DuplicateWindowId { id } => format!("the window id “{id}” appears twice"),
                NotBeijingTime { found } => format!("must be in Beijing time (+08:00); found {found}"),
                ClosesBeforeOpens => "the close must be later than the opening".into(),
                PublicityWorkdaysRange => "the publicity's working days must be between 1 and 60".into(),
                YearRange { year } => format!("the year must be between 2000 and 2999; found {year}"),
                PaymentHalfFilled => "give both the opening and the close of the payment window, or neither".into(),
                TooManySteps { max, found } => format!("at most {max} review steps; found {found}"),
                StepDaysRange { found } => format!("a review step takes at most 60 working days; found {found}"),
                LeadRange { found } => {
                    format!("a reminder's lead must be between 1 minute and 60 days; found {found} minutes")
                }
                TooManyLeads { max } => format!("at most {max} reminders"),
                BuiltinRoundId { id } => format!("“{id}” is the built-in round's id; give the new round another"),
                NoSuchRound { id } => format!("there is no round with the id “{id}”"),
                WindowMonthsRange => "the achievement window must be between 1 and 240 months".into(),
                NoRoute => "a rule pack needs at least one route".into(),
                FeeTooHigh { max } => format!("the review fee must be at most {max} yuan"),
                ChainTooShort => {
                    "a submission chain needs at least two levels, one of them the unit that holds the publicity".into()
                }
                NoEducationRow => "at least one row of education and years is needed".into(),
                YearsRange { max, found } => format!("the years must be between 0 and {max}; found {found}"),
                NoAlternative => "a condition needs at least one way to meet it".into(),
                DuplicateClause { clause } => format!("the clause “{clause}” appears twice"),
                KindsAndCount { max } => format!("name the kinds of achievement, and a count between 1 and {max}"),
                AmountRange { max, found } => {
                    format!("an amount or word count must be between 0 and {max}; found {found}")
                }
                RankRange { max, found } => format!("the rank limit must be between 1 and {max}; found {found}"),
                RestRange { from, to } => format!("the holiday {from}–{to} is not a plausible range"),
                MakeupNotWeekend { day } => format!("the make-up workday {day} is not a weekend day"),
                RestAndMakeup { day } => format!("{day} is both a holiday and a make-up workday"),
                DuplicateYear { year } => format!("the year {year} appears twice"),
                NotAFile { what } => format!(
                    "{} is there, not a regular file; it is never replaced. Choose another file name",
                    match what {
                        super::NotAFile::Symlink => "a symbolic link",
                        super::NotAFile::Folder => "a folder",
                        super::NotAFile::Device => "a device or a pipe",
                    }
                ),
                NoticeTooLong { max } => format!("over {max} characters; paste only the notice's text"),
                Extension { ext } => format!("the file name must end in .{ext}"),
                NotUtf8 => "the file is not UTF-8 text".into(),
                FileTooLarge { mb, max_mb } => {
                    format!("the file is {mb} MB, over the limit of {max_mb} MB; an applicant file is never that large")
                }
                NotAnObject => "must be a JSON object ({…})".into(),
                NotAList => "must be a list ([…])".into(),
                DuplicateKey => "the same field appears twice; delete one of them".into(),
                ControlChar { code_point } => {
                    format!(
                        "holds the invisible control character U+{code_point:04X}; delete it and type the text again"
                    )
                }
                TextTooLong { max, found } => format!("the text is too long: {found} characters, at most {max}"),
                VersionMissing => "the version is missing".into(),
                VersionNotInteger { found } => format!("the version must be a positive whole number; found {found}"),
                FormatFound { expected, found } => {
                    format!("must be \"{expected}\"; found {}", found.as_deref().unwrap_or("nothing"))
                }
                UnknownVersion { version } => format!("unknown version {version}"),
                TooManyAchievements { max, found } => format!("at most {max} achievements; found {found}"),
                AchievementNotObject => "each achievement must be a JSON object".into(),
                KindNotName => "must be the name of a kind of achievement (such as \"invention_patent\")".into(),
                EmptyId => "the id must not be empty".into(),
                DuplicateId { id } => format!("the id “{id}” appears twice"),
                EmptyTitle => "the title must not be empty".into(),
                RankFromOne => "a personal rank starts at 1".into(),
                PersonalRankRange { max, found } => {
                    format!("a personal rank must be between 1 and {max}; found {found}")
                }
                NegativeAmount { found } => format!("must be a number of at least 0; found {found}"),
                AmountTooLarge { max, found } => format!(
                    "the amount is too large: {found} (in units of 10,000 yuan or 10,000 characters, at most {max}); was an amount in yuan entered?"
                ),
                Gender { found } => format!("the gender must be \"male\" or \"female\"; found {found}"),
                FutureMonth { title, month, now } => {
                    format!("“{title}” is dated {month}, after this month {now}; it cannot be in the future")
                }
                ApplyMonthOutside { month, notice, opens, closes, first, last } => format!(
                    "the application month {month} is outside this round's ({notice}) online submission, {} to {} (Beijing time); the application month must be {} (achievements count up to the application month, clause 五（三）)",
                    opens.format("%Y-%m-%d %H:%M"),
                    closes.format("%Y-%m-%d %H:%M"),
                    if first == last { first.clone() } else { format!("{first} to {last}") }
                ),
            },
        }
    }
}

impl CoreError {
    /// This error in `lang`: what is wrong, where, and what to do.
    pub fn words(&self, lang: Lang) -> String {
        use CoreError::*;
        let path_prefix =
            |p: &Option<std::path::PathBuf>| p.as_ref().map(|p| format!("{} ", p.display())).unwrap_or_default();
        match lang {
            Lang::Zh => match self {
                Io { action: IoAction::WriteStdout, source, .. } => {
                    format!("无法写到标准输出：{}", os_error(source, lang))
                }
                Io { action: a, path, source } => {
                    format!("无法{}文件 {}：{}", action(*a, lang), path.display(), os_error(source, lang))
                }
                InvalidFile { path, location, detail } => {
                    format!("{}{}：{}", path_prefix(path), location.words(lang), detail.words(lang))
                }
                UnsupportedVersion { found, supported } => {
                    format!("文件版本为 {found}，本程序只支持到版本 {supported}；请升级本程序后再打开")
                }
                Corrupt { path, reason, backup } => format!(
                    "工作区文件 {} 已损坏，未作任何修改（{}）{}",
                    path.display(),
                    reason.words(lang),
                    match backup {
                        Some(b) => format!("。可恢复最近的完好备份（{}）", b.saved_at),
                        None => "。没有可用的备份".to_string(),
                    }
                ),
                InvalidProfile { issues } => format!(
                    "资料有误：{}",
                    issues.iter().map(|i| format!("{}：{}", i.label_zh, i.message)).collect::<Vec<_>>().join("；")
                ),
                NoBackup(name) => format!("找不到可用的备份 {name}"),
                AlreadyExists(p) => format!("文件 {} 已存在；如需覆盖请加 --force", p.display()),
                Workspace(d) => format!("无法确定或创建工作区目录：{d}"),
                SealedLocked => {
                    "身份证号和手机号已用佐证材料库的密钥加密，而材料库尚未解锁；请先用口令或恢复文件解锁".into()
                }
                SealedTampered => "申报人文件中的加密字段已被改动或不完整（可能被篡改或截断），未解密任何内容".into(),
                Cancelled => "已取消，未保留任何内容".into(),
                NotFound(what) => format!("找不到{what}"),
                Busy { pid } => format!(
                    "工作区正被另一个程序使用{}，未作任何修改；请关闭它或稍后再试",
                    pid.map(|p| format!("（PID {p}）")).unwrap_or_default()
                ),
                Internal(d) => {
                    format!("程序内部错误（{d}）；操作已中止，程序可继续使用。如再次出现，请把日志文件发给我们")
                }
            },
            Lang::En => match self {
                Io { action: IoAction::WriteStdout, source, .. } => {
                    format!("Cannot write to standard output: {}", os_error(source, lang))
                }
                Io { action: a, path, source } => {
                    format!("Cannot {} the file {}: {}", action(*a, lang), path.display(), os_error(source, lang))
                }
                InvalidFile { path, location, detail } => {
                    format!("{}{}: {}", path_prefix(path), location.words(lang), detail.words(lang))
                }
                UnsupportedVersion { found, supported } => format!(
                    "The file is version {found}; this app reads versions up to {supported}. Update the app, then open it again"
                ),
                Corrupt { path, reason, backup } => format!(
                    "The workspace file {} is damaged; nothing was changed ({}). {}",
                    path.display(),
                    reason.words(lang),
                    match backup {
                        Some(b) => format!("The latest sound backup ({}) can be restored", b.saved_at),
                        None => "No backup is available".to_string(),
                    }
                ),
                InvalidProfile { issues } => format!(
                    "Some values are wrong: {}",
                    issues
                        .iter()
                        .map(|i| format!("{} {}", i.field, issue_kind(i.kind, lang)))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                NoBackup(name) => format!("No usable backup {name}"),
                AlreadyExists(p) => format!("The file {} already exists; add --force to overwrite it", p.display()),
                Workspace(d) => format!("Cannot find or create the workspace folder: {d}"),
                SealedLocked => "The ID number and phone are sealed with the evidence vault's key, and the vault is not unlocked; unlock it with the passphrase or the recovery file first".into(),
                SealedTampered => "A sealed field of the applicant file was changed or is incomplete (tampered with or cut short); nothing was decrypted from it".into(),
                Cancelled => "Cancelled; nothing was kept".into(),
                NotFound(what) => format!("Not found: {what}"),
                Busy { pid } => format!(
                    "Another program{} is using the workspace; nothing was changed. Close it or try again later",
                    pid.map(|p| format!(" (PID {p})")).unwrap_or_default()
                ),
                Internal(d) => format!(
                    "Internal error ({d}); the operation stopped and the app goes on. If it happens again, please send us the log file"
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test")]

    use crate::text::has_cjk;

    use std::path::PathBuf;

    use super::*;
    use crate::report::{BackupInfo, FieldIssue};

    /// One of every variant, with data that is not Chinese (user data is shown as entered).
    fn samples() -> Vec<CoreError> {
        let io = |kind| std::io::Error::from(kind);
        vec![
            CoreError::Io {
                action: IoAction::Save,
                path: PathBuf::from("/x/a.json"),
                source: io(ErrorKind::StorageFull),
            },
            CoreError::Io { action: IoAction::WriteStdout, path: PathBuf::new(), source: io(ErrorKind::BrokenPipe) },
            CoreError::InvalidFile {
                path: Some("/x/r.json".into()),
                location: "windows[1]".into(),
                detail: Detail::Serde("invalid type: string \"x\", expected u32 at line 3 column 9".into()),
            },
            CoreError::InvalidFile {
                path: None,
                location: Location::Text { line: 4, column: 28 },
                detail: Detail::Serde("trailing comma at line 4 column 28".into()),
            },
            CoreError::InvalidFile {
                path: None,
                location: Location::WholeFile,
                detail: Detail::Serde("EOF while parsing a value".into()),
            },
            CoreError::InvalidFile { path: None, location: Location::Output, detail: Detail::Serde("x".into()) },
            CoreError::InvalidFile { path: None, location: Location::NoticeText, detail: Detail::Serde("x".into()) },
            CoreError::InvalidFile { path: None, location: Location::FileName, detail: Detail::Serde("x".into()) },
            CoreError::UnsupportedVersion { found: 9, supported: 2 },
            CoreError::InvalidFile { path: None, location: Location::Root, detail: Rule::NotAnObject.into() },
            CoreError::Corrupt {
                path: "/x/applicant.json".into(),
                reason: Box::new(CoreError::InvalidFile {
                    path: None,
                    location: Location::Text { line: 1, column: 3 },
                    detail: Detail::Serde("trailing comma at line 1 column 3".into()),
                }),
                backup: Some(BackupInfo { name: "b.json".into(), saved_at: "2023-11-01T00:00:00Z".into() }),
            },
            CoreError::Corrupt {
                path: "/x/applicant.json".into(),
                reason: Box::new(CoreError::InvalidFile {
                    path: None,
                    location: Location::WholeFile,
                    detail: Rule::NotUtf8.into(),
                }),
                backup: None,
            },
            CoreError::InvalidProfile {
                issues: vec![FieldIssue {
                    field: "birth_month".into(),
                    label_zh: "出生年月".into(),
                    kind: IssueKind::Missing,
                    code: "required".into(),
                    message: "请填写出生年月".into(),
                }],
            },
            CoreError::NoBackup("b.json".into()),
            CoreError::AlreadyExists("/x/a.json".into()),
            CoreError::Workspace("HOME".into()),
            CoreError::SealedLocked,
            CoreError::SealedTampered,
            CoreError::Cancelled,
            CoreError::NotFound("x".into()),
            CoreError::Busy { pid: Some(42) },
            CoreError::Busy { pid: None },
            CoreError::Internal("x".into()),
        ]
    }

    fn rules() -> Vec<Rule> {
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        vec![
            Rule::FormatIs { expected: "zhicheng/round".into() },
            Rule::EmptyRoundId,
            Rule::NoSubmissionWindow,
            Rule::DuplicateWindowId { id: "payment".into() },
            Rule::NotBeijingTime { found: "2023-11-03T17:00:00Z".into() },
            Rule::ClosesBeforeOpens,
            Rule::PublicityWorkdaysRange,
            Rule::YearRange { year: 1999 },
            Rule::PaymentHalfFilled,
            Rule::TooManySteps { max: 20, found: 21 },
            Rule::StepDaysRange { found: 61 },
            Rule::LeadRange { found: 0 },
            Rule::TooManyLeads { max: 10 },
            Rule::BuiltinRoundId { id: "cq-lvse-2023".into() },
            Rule::NoSuchRound { id: "x".into() },
            Rule::WindowMonthsRange,
            Rule::NoRoute,
            Rule::FeeTooHigh { max: 100_000 },
            Rule::ChainTooShort,
            Rule::NoEducationRow,
            Rule::YearsRange { max: 60, found: 61 },
            Rule::NoAlternative,
            Rule::DuplicateClause { clause: "2.1".into() },
            Rule::KindsAndCount { max: 100 },
            Rule::AmountRange { max: 100_000_000.0, found: -1.0 },
            Rule::RankRange { max: 100, found: 0 },
            Rule::RestRange { from: "2024-10-07".into(), to: "2024-10-01".into() },
            Rule::MakeupNotWeekend { day: "2024-10-08".into() },
            Rule::RestAndMakeup { day: "2024-10-05".into() },
            Rule::DuplicateYear { year: 2024 },
            Rule::NotAFile { what: crate::error::NotAFile::Symlink },
            Rule::NotAFile { what: crate::error::NotAFile::Folder },
            Rule::NotAFile { what: crate::error::NotAFile::Device },
            Rule::NoticeTooLong { max: 200_000 },
            Rule::Extension { ext: "ics".into() },
            Rule::NotUtf8,
            Rule::FileTooLarge { mb: 11, max_mb: 10 },
            Rule::NotAnObject,
            Rule::NotAList,
            Rule::DuplicateKey,
            Rule::ControlChar { code_point: 0x202E },
            Rule::TextTooLong { max: 1000, found: 1001 },
            Rule::VersionMissing,
            Rule::VersionNotInteger { found: "-1".into() },
            Rule::FormatFound { expected: "zhicheng/applicant".into(), found: None },
            Rule::FormatFound { expected: "zhicheng/applicant".into(), found: Some("\"x\"".into()) },
            Rule::UnknownVersion { version: 7 },
            Rule::TooManyAchievements { max: 500, found: 501 },
            Rule::AchievementNotObject,
            Rule::KindNotName,
            Rule::EmptyId,
            Rule::DuplicateId { id: "a1".into() },
            Rule::EmptyTitle,
            Rule::RankFromOne,
            Rule::PersonalRankRange { max: 100, found: 101 },
            Rule::NegativeAmount { found: -1.0 },
            Rule::AmountTooLarge { max: 100_000_000.0, found: 1e9 },
            Rule::Gender { found: "\"x\"".into() },
            Rule::FutureMonth { title: "Plant A".into(), month: "2027-01".into(), now: "2026-12".into() },
            Rule::ApplyMonthOutside {
                month: "2024-01".into(),
                notice: "notice 89".into(),
                opens: t("2023-11-03T17:00:00+08:00"),
                closes: t("2023-12-01T12:00:00+08:00"),
                first: "2023-11".into(),
                last: "2023-12".into(),
            },
        ]
    }

    #[test]
    fn every_rule_reads_in_both_languages() {
        for r in rules() {
            let (zh, en) = (r.words(Lang::Zh), r.words(Lang::En));
            assert!(has_cjk(&zh), "{zh}");
            // The clause is cited as the notice numbers it.
            assert!(!has_cjk(&en.replace("五（三）", "")), "Chinese left in the English of {r:?}: {en}");
            let e = CoreError::InvalidFile { path: None, location: "windows[0]".into(), detail: r.into() };
            assert!(e.words(Lang::En).starts_with("windows[0]: "));
        }
    }

    #[test]
    fn every_error_reads_in_both_languages() {
        for e in samples() {
            let (zh, en) = (e.words(Lang::Zh), e.words(Lang::En));
            assert!(has_cjk(&zh), "{zh}");
            assert!(!has_cjk(&en), "Chinese left in the English of {e:?}: {en}");
            assert_eq!(e.to_string(), zh, "Display is the Chinese");
        }
    }

    #[test]
    fn the_systems_reason_is_worded_and_an_unknown_one_kept() {
        let full = std::io::Error::from(ErrorKind::StorageFull);
        assert_eq!(os_error(&full, Lang::Zh), "磁盘已满");
        assert_eq!(os_error(&full, Lang::En), "the disk is full");
        let other = std::io::Error::other("launcher exited with 3");
        assert_eq!(os_error(&other, Lang::En), "launcher exited with 3");
        let e = CoreError::Io { action: IoAction::Read, path: "/x/r.json".into(), source: full };
        assert_eq!(e.words(Lang::En), "Cannot read the file /x/r.json: the disk is full");
        assert_eq!(e.words(Lang::Zh), "无法读取文件 /x/r.json：磁盘已满");
    }
}
