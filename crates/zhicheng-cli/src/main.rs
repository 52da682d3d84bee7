//! `zhicheng`: the headless command line of 绿色低碳职称申报助手 (渝经信发〔2023〕89号).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zhicheng_core::IoAction;

use clap::{Parser, Subcommand};

/// Standard output and error that never panic: a closed pipe (`| head`) or a full disk
/// (`> /dev/full`) is an error with an exit code, not a crash. `outln!`/`out!` return it with `?`;
/// a message to a closed stderr is dropped.
macro_rules! out {
    ($($t:tt)*) => { $crate::stdout_write(format_args!($($t)*), false)? };
}
macro_rules! outln {
    ($($t:tt)*) => { $crate::stdout_write(format_args!($($t)*), true)? };
}
macro_rules! err {
    ($($t:tt)*) => { $crate::stderr_write(format_args!($($t)*), false) };
}
macro_rules! errln {
    ($($t:tt)*) => { $crate::stderr_write(format_args!($($t)*), true) };
}
/// A line of output in the run's language: the Chinese and the English format strings.
macro_rules! say {
    ($zh:literal, $en:literal $(, $a:expr)* $(,)?) => {
        match $crate::lang() {
            zhicheng_core::Lang::Zh => outln!($zh $(, $a)*),
            zhicheng_core::Lang::En => outln!($en $(, $a)*),
        }
    };
}
/// A sentence in the run's language, as a `String`.
macro_rules! words {
    ($zh:literal, $en:literal $(, $a:expr)* $(,)?) => {
        match $crate::lang() {
            zhicheng_core::Lang::Zh => format!($zh $(, $a)*),
            zhicheng_core::Lang::En => format!($en $(, $a)*),
        }
    };
}
/// A line on stderr in the run's language.
macro_rules! say_err {
    ($zh:literal, $en:literal $(, $a:expr)* $(,)?) => {
        match $crate::lang() {
            zhicheng_core::Lang::Zh => errln!($zh $(, $a)*),
            zhicheng_core::Lang::En => errln!($en $(, $a)*),
        }
    };
}

/// Pretty JSON of the app's own data types.
#[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
pub(crate) fn json_pretty<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string_pretty(v).expect("serialises")
}

#[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
pub(crate) fn json_value<T: serde::Serialize + ?Sized>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).expect("serialises")
}

pub(crate) fn stdout_write(args: std::fmt::Arguments<'_>, newline: bool) -> Result<(), CoreError> {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    o.write_fmt(args)
        .and_then(|_| if newline { o.write_all(b"\n") } else { Ok(()) })
        .and_then(|_| o.flush())
        .map_err(|source| CoreError::Io { action: IoAction::WriteStdout, path: PathBuf::new(), source })
}

pub(crate) fn stderr_write(args: std::fmt::Arguments<'_>, newline: bool) {
    use std::io::Write;
    let mut e = std::io::stderr().lock();
    let _ = e.write_fmt(args).and_then(|_| if newline { e.write_all(b"\n") } else { Ok(()) });
}

mod assess;
mod deadlines;
mod evidence;
mod sheet;
mod workdays;
use zhicheng_core::applicant_file;
use zhicheng_core::profile::{IssueKind, Profile};
use zhicheng_core::storage::{self, Workspace};
use zhicheng_core::text::Lang;
use zhicheng_core::{CoreError, YearMonth};

#[derive(Parser)]
#[command(
    name = "zhicheng",
    version,
    about = "绿色低碳职称申报助手（渝经信发〔2023〕89号）命令行 / Green & low-carbon title application assistant, CLI",
    long_about = None
)]
struct Cli {
    /// 工作区目录（默认：系统应用数据目录下的 zhicheng，或环境变量 ZHICHENG_WORKSPACE）
    #[arg(long, global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// 输出语言 / output language: zh | en（默认按系统区域设置，不确定时为中文）
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 基本情况：查看、导入、导出申报人资料
    #[command(subcommand)]
    Profile(ProfileCmd),
    /// 截止日期：网上申报、缴费的倒计时（北京时间）与单位公示倒排计划
    Deadlines {
        /// 申报人文件（取其公示开始日期与申报程序；缺省为工作区中的申报人）
        file: Option<PathBuf>,
        /// 以此时刻计算（RFC 3339，如 2023-11-30T12:00:00+08:00）；默认为现在
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// 输出 JSON
        #[arg(long)]
        json: bool,
        /// 同时导出为日历文件（.ics，含提醒）
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// 日历文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 自评：首批认定各级别的评估（条款、计入的业绩、差距、申报程序、评审费）
    Assess {
        /// 申报人文件（缺省为工作区中的申报人）
        file: Option<PathBuf>,
        /// 申报月份（YYYY-MM，决定近5年业绩计算期；缺省为规则包的申报月份 2023-11）
        #[arg(long, value_name = "YYYY-MM")]
        apply_month: Option<String>,
        /// 以此规则包替换内置规则
        #[arg(long, value_name = "PACK")]
        rules: Option<PathBuf>,
        /// 以此规则包补充内置规则（如正常申报的条件）
        #[arg(long, value_name = "PACK")]
        extend: Option<PathBuf>,
        /// 输出 JSON
        #[arg(long)]
        json: bool,
        /// 批量评估：目录（其中的 .json 文件）或 JSONL 文件（每行一个申报人）
        #[arg(long, value_name = "DIR_OR_JSONL", conflicts_with = "file")]
        batch: Option<PathBuf>,
        /// 批量结果写入 CSV 文件
        #[arg(long, value_name = "OUT", requires = "batch")]
        csv: Option<PathBuf>,
    },
    /// 公示表：生成《重庆市职称申报综合情况（公示）表》PDF（以申报系统导出的为准）
    Sheet {
        /// 申报人文件（缺省为工作区中的申报人）
        #[arg(conflicts_with = "batch")]
        file: Option<PathBuf>,
        /// 输出的 PDF 文件；批量时为输出目录
        #[arg(short, long, value_name = "OUT")]
        out: PathBuf,
        /// 批量：目录（其中的 .json 文件）或 JSONL 文件（每行一个申报人），每人一份 PDF
        #[arg(long, value_name = "DIR_OR_JSONL")]
        batch: Option<PathBuf>,
        /// 生成时刻（RFC 3339，写入 PDF 的创建日期）；默认为现在
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// 以此版式文件代替内置版式（格式见 docs/sheet.md）
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// 字体目录（缺省：ZHICHENG_FONTS、程序旁的 fonts/ 或源码中的 fonts/）
        #[arg(long, value_name = "DIR")]
        fonts: Option<PathBuf>,
        /// 目标文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 预审：提交前检查前后矛盾之处（日期、主持与排名、金额单位、单位名称、材料关联）；有警告时退出码 3
    Prereview {
        /// 申报人文件（缺省为工作区中的申报人；此时也检查佐证材料的关联）
        file: Option<PathBuf>,
        /// 输出 JSON（[{code, severity, message, fields, reason}]）
        #[arg(long)]
        json: bool,
    },
    /// 工作日计算（按国务院办公厅节假日与调休安排）
    #[command(subcommand)]
    Workdays(WorkdaysCmd),
    /// 申报轮次：从新通知的文字中找出网上申报、缴费的起止时间（每个时间附原句，供核对）
    #[command(subcommand)]
    Round(RoundCmd),
    /// 佐证材料：加密材料库的导入、关联、检查清单（缺少时退出码 3）与导出
    Evidence {
        /// 口令所在文件（第一行）：口令保护的材料库、写出或使用恢复文件时需要；也可用环境变量 ZHICHENG_VAULT_PASSPHRASE
        #[arg(long, value_name = "FILE", global = true)]
        passphrase_file: Option<PathBuf>,
        #[command(subcommand)]
        cmd: evidence::EvidenceCmd,
    },
}

#[derive(Subcommand)]
enum WorkdaysCmd {
    /// 从某日起第 N 个工作日的日期（默认起始日若为工作日则计为第1天）
    Add {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "N")]
        days: u32,
        /// 起始日不计入
        #[arg(long)]
        exclude_start: bool,
    },
    /// 最迟开始日期：使 N 个工作日在某日（含）之前结束
    LatestStart {
        #[arg(long, value_name = "YYYY-MM-DD")]
        end: String,
        #[arg(long, value_name = "N")]
        days: u32,
        /// 起始日不计入
        #[arg(long)]
        exclude_start: bool,
    },
    /// 两日之间（含首尾）的工作日数
    Between {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
    },
}

#[derive(Subcommand)]
enum RoundCmd {
    /// 找出通知文本（UTF-8 纯文本）中带时刻的日期，如“2023年11月3日17:00至2023年12月1日12:00”
    Extract {
        /// 通知的文本文件
        notice: PathBuf,
        /// 输出 JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ProfileCmd {
    /// 显示工作区中的基本情况（身份证号、手机号部分隐藏；--json 输出完整申报人文件）
    Show {
        #[arg(long)]
        json: bool,
    },
    /// 从申报人文件（JSON，见 docs/applicant-file.md）导入；文件有误时不作任何修改
    Import { file: PathBuf },
    /// 把工作区中的申报人资料导出为申报人文件
    Export {
        file: PathBuf,
        /// 目标文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
}

/// The exit code when the reader of standard output went away (`| head`): as a shell reports a
/// program ended by SIGPIPE, and without a message.
const EXIT_CLOSED_PIPE: u8 = 141;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // --help and --version are not errors; a bad argument exits 2 with clap's message.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if let Some(l) = cli.lang {
        let _ = LANG.set(l);
    }
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(CliError::Core(CoreError::Io { source, .. })) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(EXIT_CLOSED_PIPE)
        }
        Err(e) => {
            // The stable code in brackets (as rustc's `error[E0599]`), for scripts and the bad-input suite.
            let code = serde_json::to_value(e.code()).ok();
            let code = code.as_ref().and_then(|c| c.as_str()).unwrap_or("io");
            match lang() {
                Lang::Zh => errln!("错误[{code}]：{}", e.words(Lang::Zh)),
                // Details that still arrive as text from a validator stay Chinese inside the English.
                Lang::En => errln!("error[{code}]: {}", e.words(Lang::En)),
            }
            if e.code() == zhicheng_core::ErrorCode::VaultLocked {
                errln!(
                    "{}",
                    tr(
                        "提示：口令保护的材料库请用 --passphrase-file 文件 或环境变量 ZHICHENG_VAULT_PASSPHRASE；系统密钥丢失时请用 zhicheng evidence recover --from 恢复文件",
                        "Hint: for a vault under a passphrase use --passphrase-file FILE or the ZHICHENG_VAULT_PASSPHRASE variable; if the system key is lost, use zhicheng evidence recover --from RECOVERY-FILE"
                    )
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("不支持的语言“{s}”：可用 zh 或 en / unsupported language, use zh or en"))
}

/// The output language of this run (`--lang`, else the locale, else Chinese).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

pub(crate) fn lang() -> Lang {
    *LANG.get_or_init(|| Lang::from_locale(|k| std::env::var(k).ok()))
}

/// The Chinese or the English of a CLI message, by the run's language.
/// A count for a sentence of both languages: the number alone in Chinese (the sentence has its
/// measure word), the number with its noun in English ("1 file", "2 files").
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    match lang() {
        Lang::Zh => n.to_string(),
        Lang::En => format!("{n} {}", if n == 1 { one } else { many }),
    }
}

pub(crate) fn tr(zh: &'static str, en: &'static str) -> &'static str {
    match lang() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn this_month() -> YearMonth {
    YearMonth::of_date(chrono::Local::now().date_naive())
}

fn open_workspace(dir: Option<PathBuf>) -> Result<Workspace, CoreError> {
    let dir = match dir {
        Some(d) => d,
        None => storage::default_dir()?,
    };
    Workspace::open(dir)
}

/// Any failure of a run: the core's, the vault's or the sheet's (a core failure under either is
/// kept as the core's, so a closed pipe is recognised wherever it happened).
#[derive(Debug)]
pub(crate) enum CliError {
    Core(CoreError),
    Vault(zhicheng_vault::VaultError),
    Sheet(zhicheng_sheet::SheetError),
}

impl From<CoreError> for CliError {
    fn from(e: CoreError) -> Self {
        CliError::Core(e)
    }
}

impl From<zhicheng_vault::VaultError> for CliError {
    fn from(e: zhicheng_vault::VaultError) -> Self {
        match e {
            zhicheng_vault::VaultError::Core(e) => CliError::Core(e),
            e => CliError::Vault(e),
        }
    }
}

impl From<zhicheng_sheet::SheetError> for CliError {
    fn from(e: zhicheng_sheet::SheetError) -> Self {
        match e {
            zhicheng_sheet::SheetError::Core(e) => CliError::Core(e),
            e => CliError::Sheet(e),
        }
    }
}

impl CliError {
    fn code(&self) -> zhicheng_core::ErrorCode {
        match self {
            CliError::Core(e) => e.code(),
            CliError::Vault(e) => e.code(),
            CliError::Sheet(e) => e.code(),
        }
    }

    pub(crate) fn words(&self, lang: Lang) -> String {
        match self {
            CliError::Core(e) => e.words(lang),
            CliError::Vault(e) => e.words(lang),
            CliError::Sheet(e) => e.words(lang),
        }
    }
}

fn run(cli: Cli) -> Result<u8, CliError> {
    if let Command::Workdays(cmd) = &cli.command {
        return Ok(workdays::run(cmd).map(|_| 0)?);
    }
    if let Command::Round(RoundCmd::Extract { notice, json }) = &cli.command {
        return Ok(round_extract(notice, *json)?);
    }
    let mut ws = open_workspace(cli.workspace)?;
    if let Command::Evidence { passphrase_file, cmd } = cli.command {
        // These open the vault themselves, and its key then seals the ID number and phone.
        return Ok(evidence::run(&mut ws, cmd, &evidence::Secrets { passphrase_file })?);
    }
    // When the workspace has an evidence vault, its key seals the ID number and phone; unlock it if
    // this machine can (the OS key store, or ZHICHENG_VAULT_PASSPHRASE).
    // Without the key (a passphrase not given), the vault's public half still seals them: they are
    // never written in clear into a workspace that has a vault.
    if zhicheng_vault::vault::exists(ws.root()) {
        let passphrase = std::env::var("ZHICHENG_VAULT_PASSPHRASE").ok();
        if let (_, Some(c)) = zhicheng_vault::access::cipher_for(ws.root(), passphrase.as_deref(), false, None) {
            ws.set_cipher(c)?;
        }
    }
    let done: Result<(), CliError> = match cli.command {
        Command::Evidence { .. } => unreachable!("handled above"),
        Command::Deadlines { file, at, json, ics, force } => {
            deadlines::run(&ws, file.as_deref(), at.as_deref(), json, ics.as_deref(), force).map_err(CliError::from)
        }
        Command::Workdays(_) | Command::Round(_) => unreachable!("handled above"),
        Command::Assess { file, apply_month, rules, extend, json, batch, csv } => assess::run(
            &ws,
            assess::Options {
                file: file.as_deref(),
                batch: batch.as_deref(),
                csv: csv.as_deref(),
                apply_month: apply_month.as_deref(),
                rules: rules.as_deref(),
                extend: extend.as_deref(),
                json,
            },
        )
        .map_err(CliError::from),
        Command::Sheet { file, out, batch, at, template, fonts, force } => sheet::run(
            &ws,
            sheet::Options {
                file: file.as_deref(),
                batch: batch.as_deref(),
                out: &out,
                at: at.as_deref(),
                template: template.as_deref(),
                fonts: fonts.as_deref(),
                force,
            },
        ),
        Command::Prereview { file, json } => return Ok(assess::run_prereview(&ws, file.as_deref(), json)?),
        Command::Profile(ProfileCmd::Show { json }) => show(&ws, json).map_err(CliError::from),
        Command::Profile(ProfileCmd::Import { file }) => import(&ws, &file).map_err(CliError::from),
        Command::Profile(ProfileCmd::Export { file, force }) => export(&ws, &file, force).map_err(CliError::from),
    };
    done?;
    Ok(0)
}

/// `zhicheng round extract NOTICE`: the instants found, each with its sentence; exit 3 when none.
fn round_extract(notice: &Path, json: bool) -> Result<u8, CoreError> {
    let text = assess::read_text(notice)?;
    let found = zhicheng_core::notice::extract(&text);
    if json {
        outln!("{}", json_pretty(&found));
    } else if found.is_empty() {
        say!(
            "未找到带时刻的日期（如“2023年11月3日17:00”）；请核对文件，或手工填写新一轮的时间",
            "No date with a time found (like “2023年11月3日17:00”); check the file, or enter the new round's times by hand"
        );
    } else {
        for f in &found {
            use zhicheng_core::notice::WindowGuess;
            let what = match (f.window, f.edge) {
                (Some(WindowGuess::Submission), Some(e)) => words!("网上申报{}", "online submission {}", edge_words(e)),
                (Some(WindowGuess::Payment), Some(e)) => words!("缴费{}", "payment {}", edge_words(e)),
                _ => tr("（用途待确认）", "(what it is for: to be confirmed)").into(),
            };
            let at = f.at.format("%Y-%m-%d %H:%M");
            say!("{}（北京时间）  {}\n    原文：{}", "{} (Beijing time)  {}\n    Notice: {}", at, what, f.sentence);
        }
        say!(
            "共 {} 个时刻；请逐一与通知核对后再用于新一轮。",
            "{} instants; check each against the notice before using them for a new round.",
            found.len()
        );
    }
    Ok(if found.is_empty() { 3 } else { 0 })
}

fn edge_words(e: zhicheng_core::notice::Edge) -> &'static str {
    match e {
        zhicheng_core::notice::Edge::Opens => tr("开始", "opens"),
        zhicheng_core::notice::Edge::Closes => tr("截止", "closes"),
    }
}

fn show(ws: &Workspace, json: bool) -> Result<(), CoreError> {
    let loaded = ws.load()?;
    if json {
        out!("{}", loaded.file.to_json());
        return Ok(());
    }
    if !loaded.exists {
        say!(
            "工作区 {} 中还没有申报人资料。可用 `zhicheng profile import FILE` 导入。",
            "The workspace {} has no applicant data yet. Import it with `zhicheng profile import FILE`.",
            ws.root().display()
        );
        return Ok(());
    }
    out!("{}", render(&loaded.file.profile));
    let missing: Vec<_> = loaded
        .file
        .profile
        .validate(this_month())
        .into_iter()
        .map(|i| match i.kind {
            IssueKind::Missing => format!("  · {}：未填写", i.label_zh),
            IssueKind::Invalid => format!("  · {}：{}", i.label_zh, i.message),
        })
        .collect();
    if missing.is_empty() {
        say!("\n基本情况已填写完整。", "\nThe basic information is complete.");
    } else {
        say!(
            "\n尚需处理（{}项）：\n{}",
            "\nStill to do ({}):\n{}",
            count(missing.len(), "item", "items"),
            missing.join("\n")
        );
    }
    Ok(())
}

fn mask(s: &str, keep_start: usize, keep_end: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= keep_start + keep_end {
        return "*".repeat(chars.len());
    }
    let head = chars.iter().take(keep_start);
    let tail = chars.iter().skip(chars.len() - keep_end);
    let mut out: String = head.collect();
    out.push_str(&"*".repeat(chars.len() - keep_start - keep_end));
    out.extend(tail);
    out
}

/// A masked value, or a note that it is sealed and the key is not here.
fn sensitive(v: &str, keep_start: usize, keep_end: usize) -> String {
    if storage::is_sealed(v) {
        "（已加密；解锁佐证材料库后可见：系统密钥存储或 ZHICHENG_VAULT_PASSPHRASE）".to_string()
    } else if v.trim().is_empty() {
        "—".to_string()
    } else {
        mask(v, keep_start, keep_end)
    }
}

fn render(p: &Profile) -> String {
    let opt = |s: Option<&'static str>| s.unwrap_or("—").to_string();
    let month = |m: Option<YearMonth>| m.map(|m| m.to_string()).unwrap_or_else(|| "—".into());
    let text = |s: &str| {
        if s.trim().is_empty() { "—".to_string() } else { s.to_string() }
    };
    let rows: Vec<(&str, String)> = vec![
        ("姓名", text(&p.name)),
        ("性别", opt(p.gender.map(|g| g.label_zh()))),
        ("出生年月", month(p.birth_month)),
        ("身份证号", sensitive(p.id_number.expose(), 6, 4)),
        ("手机", sensitive(p.phone.expose(), 3, 4)),
        ("工作单位", text(&p.employer)),
        ("单位类别", opt(p.employer_kind.map(|k| k.label_zh()))),
        ("区县", text(&p.district)),
        ("档案所在地", opt(p.archive_location.map(|a| a.label_zh()))),
        ("学历", opt(p.education.map(|e| e.label_zh()))),
        ("学位", opt(p.degree.map(|d| d.label_zh()))),
        ("毕业院校及专业", text(format!("{} {}", p.graduate_school, p.graduate_major).trim())),
        ("毕业时间", month(p.graduation_month)),
        ("从事本领域工作起始年月", month(p.field_start_month)),
        ("现从事专业", text(&p.current_specialty)),
        (
            "现职称及取得时间",
            match p.current_title_level {
                None => "—".into(),
                Some(zhicheng_core::profile::HeldTitle::None) => "无".into(),
                Some(l) => {
                    format!("{}（{}） {}", text(&p.current_title_name), l.label_zh(), month(p.current_title_month))
                }
            },
        ),
    ];
    rows.into_iter().map(|(k, v)| format!("{k}：{v}\n")).collect()
}

fn import(ws: &Workspace, file: &Path) -> Result<(), CoreError> {
    let text = assess::read_text(file)?;
    let parsed = applicant_file::parse(&text, Some(file))?;
    applicant_file::check_for_use(&parsed.file, this_month())?;
    let issues = parsed.file.profile.validate(this_month());
    ws.save(&parsed.file)?;
    let missing: Vec<_> = issues.iter().map(|i| i.label_zh.as_str()).collect();
    say!("已导入 {} 到工作区 {}", "Imported {} into the workspace {}", file.display(), ws.root().display());
    if parsed.source_version < applicant_file::CURRENT_VERSION {
        say!(
            "（文件为旧版本 {}，已转换为版本 {}）",
            "(the file was of the older version {}; converted to version {})",
            parsed.source_version,
            applicant_file::CURRENT_VERSION
        );
    }
    if !missing.is_empty() {
        say_err!("提示：以下项目尚未填写：{}", "Note: not filled in yet: {}", missing.join(tr("、", ", ")));
    }
    Ok(())
}

fn export(ws: &Workspace, file: &Path, force: bool) -> Result<(), CoreError> {
    let loaded = ws.load()?;
    if loaded.personal_locked {
        return Err(CoreError::SealedLocked);
    }
    storage::check_output(file, force)?;
    storage::atomic_write(file, loaded.file.to_json().as_bytes())?;
    say!("已导出到 {}", "Exported to {}", file.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_only_the_ends() {
        assert_eq!(mask("500103198506151236", 6, 4), "500103********1236");
        assert_eq!(mask("13812345678", 3, 4), "138****5678");
        assert_eq!(mask("123", 6, 4), "***");
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
