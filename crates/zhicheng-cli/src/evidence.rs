//! `zhicheng evidence`: the encrypted vault of 佐证材料 from the command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clap::Subcommand;
use zhicheng_core::CoreError;
use zhicheng_core::storage::Workspace;
use zhicheng_vault::checklist::{ChecklistItem, ItemStatus};
use zhicheng_vault::crypto::KdfParams;
use zhicheng_vault::export::{self, Dest};
use zhicheng_vault::vault::{ImportOptions, Target};
use zhicheng_vault::{Vault, access};

/// The exit code of `evidence check` when items are missing.
pub const EXIT_MISSING: u8 = 3;

#[derive(Subcommand)]
pub enum EvidenceCmd {
    /// 导入文件或文件夹（复制并加密，原文件不动；同一内容只存一份）
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 关联到：item:<材料>（如 item:education_certificate）或 achievement:<业绩id>；可重复
        #[arg(long = "for", value_name = "TARGET")]
        targets: Vec<String>,
        /// 跟随符号链接（文件夹中的链接只在指向该文件夹之内时跟随）
        #[arg(long)]
        follow_symlinks: bool,
    },
    /// 列出材料库中的文件
    List {
        #[arg(long)]
        json: bool,
    },
    /// 检查清单：各项材料与各项业绩是否已有佐证（缺少时退出码为 3）
    Check {
        #[arg(long)]
        json: bool,
    },
    /// 关联 / 取消关联：ID TARGET
    Link {
        id: String,
        target: String,
    },
    Unlink {
        id: String,
        target: String,
    },
    /// 从材料库删除一个文件（不影响原文件）
    Remove {
        id: String,
    },
    /// 导出为上传用的文件夹或 ZIP（文件名 NN_类别_标题.ext，附材料清单）
    Export {
        #[arg(long, value_name = "DIR", conflicts_with = "zip", required_unless_present = "zip")]
        to: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        zip: Option<PathBuf>,
        /// ZIP 已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 写出恢复文件（用口令保护的密钥副本；系统密钥存储丢失时用它恢复）
    Recovery {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// 用恢复文件解锁材料库，并把密钥放回系统密钥存储
    Recover {
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
}

pub struct Secrets {
    /// `--passphrase-file`: the vault's passphrase (first line).
    pub passphrase_file: Option<PathBuf>,
}

fn passphrase(s: &Secrets) -> Result<Option<String>, CoreError> {
    if let Some(p) = &s.passphrase_file {
        let text = std::fs::read_to_string(p).map_err(CoreError::io("读取", p))?;
        return Ok(Some(text.lines().next().unwrap_or("").to_string()));
    }
    Ok(std::env::var("ZHICHENG_VAULT_PASSPHRASE").ok())
}

fn need_passphrase(s: &Secrets) -> Result<String, CoreError> {
    passphrase(s)?.ok_or_else(|| {
        CoreError::Vault("需要口令：请用 --passphrase-file 文件 或环境变量 ZHICHENG_VAULT_PASSPHRASE 提供".into())
    })
}

/// Opens (or creates) the vault; its key then also seals the applicant's ID number and phone.
fn open(ws: &mut Workspace, s: &Secrets, create: bool) -> Result<Vault, CoreError> {
    let v = access::open(ws.root(), passphrase(s)?.as_deref(), create, None).map_err(|e| match e {
        CoreError::VaultLocked(why) => CoreError::VaultLocked(format!(
            "{why}；口令保护的材料库请用 --passphrase-file，系统密钥丢失时请用 evidence recover --from 恢复文件"
        )),
        e => e,
    })?;
    ws.set_cipher(v.field_cipher())?;
    if v.reclaimed.files > 0 {
        errln!(
            "已清理 {} 个未被材料索引引用的加密文件（{}，来自被中断的导入）",
            v.reclaimed.files,
            export::human_size(v.reclaimed.bytes)
        );
    }
    Ok(v)
}

fn status_mark(i: &ChecklistItem) -> &'static str {
    match i.status {
        ItemStatus::Provided => "✓",
        ItemStatus::Missing => "✗",
        ItemStatus::AutoVerified => "○",
        ItemStatus::Later => "…",
    }
}

pub fn run(ws: &mut Workspace, cmd: EvidenceCmd, s: &Secrets) -> Result<u8, CoreError> {
    match cmd {
        EvidenceCmd::Add { files, targets, follow_symlinks } => {
            let links = targets.iter().map(|t| t.parse()).collect::<Result<Vec<Target>, _>>()?;
            let file = ws.load()?.file;
            for t in &links {
                if !zhicheng_vault::checklist::target_exists(&file, t) {
                    return Err(CoreError::NotFound(format!("关联目标 {t}（可用的目标见 zhicheng evidence check）")));
                }
            }
            let mut v = open(ws, s, true)?;
            let tty = std::io::stderr().is_terminal();
            let start = Instant::now();
            let mut last = Instant::now();
            let report = v.import(
                &files,
                &ImportOptions { follow_symlinks, links },
                &mut |p| {
                    if tty && last.elapsed().as_millis() > 200 {
                        last = Instant::now();
                        let rate = p.bytes_done as f64 / 1_048_576.0 / start.elapsed().as_secs_f64().max(0.001);
                        err!(
                            "\r导入 {}/{} 个文件，{} / {}，{rate:.0} MB/s  ",
                            p.files_done,
                            p.files_total,
                            export::human_size(p.bytes_done),
                            export::human_size(p.bytes_total)
                        );
                    }
                },
                &AtomicBool::new(false),
            )?;
            if tty {
                errln!("");
            }
            for id in &report.added {
                let f = v.file(id)?;
                outln!("已导入 {id}  {}（{}，{}）", f.name, f.kind.label(), export::human_size(f.size));
            }
            for (name, id) in &report.duplicates {
                outln!("已存在 {id}  {name}（内容相同，未重复保存）");
            }
            for r in &report.refused {
                errln!("未导入 {}：{}", r.path, r.reason);
            }
            for w in &report.warnings {
                errln!("提示：{w}");
            }
            if report.skipped > 0 {
                errln!("已跳过 {} 个隐藏或系统文件", report.skipped);
            }
            Ok(if report.refused.is_empty() { 0 } else { 1 })
        }
        EvidenceCmd::List { json } => {
            let v = open(ws, s, false)?;
            if json {
                outln!("{}", crate::json_pretty(v.files()));
            } else if v.files().is_empty() {
                outln!("材料库是空的");
            } else {
                for f in v.files() {
                    let links: Vec<String> = f.links.iter().map(|l| l.to_string()).collect();
                    outln!(
                        "{}  {}  {}  {}  {}",
                        f.id,
                        f.title,
                        f.kind.label(),
                        export::human_size(f.size),
                        if links.is_empty() { "未关联".to_string() } else { links.join(" ") }
                    );
                }
            }
            Ok(0)
        }
        EvidenceCmd::Check { json } => {
            let file = ws.load()?.file;
            let files =
                if zhicheng_vault::vault::exists(ws.root()) { open(ws, s, false)?.files().to_vec() } else { vec![] };
            let c = zhicheng_vault::checklist(&file, &files);
            if json {
                outln!("{}", crate::json_pretty(&c));
            } else {
                if c.nothing_to_check {
                    outln!("佐证材料：还没有需要核对的项目——请先填写基本情况和业绩成果（zhicheng profile import）");
                } else {
                    outln!(
                        "佐证材料：{}/{} 项已备齐{}",
                        c.done,
                        c.required,
                        if c.complete {
                            "；个人提交所需材料已齐全。公示表（盖章）和公示结果在单位公示后上传"
                        } else {
                            ""
                        }
                    );
                }
                for i in c.items.iter().chain(&c.achievements) {
                    outln!("{} {}  [{}]  {}  {}", status_mark(i), i.label, i.clause, i.why, i.target);
                }
                if !c.blocking.is_empty() {
                    outln!("尚缺（提交前须补齐）：{}", c.blocking.join("、"));
                }
                for r in &c.reminders {
                    outln!("提醒：{r}");
                }
            }
            Ok(if c.complete { 0 } else { EXIT_MISSING })
        }
        EvidenceCmd::Link { id, target } => {
            let t: Target = target.parse()?;
            let file = ws.load()?.file;
            if !zhicheng_vault::checklist::target_exists(&file, &t) {
                return Err(CoreError::NotFound(format!("关联目标 {t}")));
            }
            open(ws, s, false)?.link(&id, t)?;
            outln!("已关联 {id} → {target}");
            Ok(0)
        }
        EvidenceCmd::Unlink { id, target } => {
            open(ws, s, false)?.unlink(&id, &target.parse()?)?;
            outln!("已取消关联 {id} → {target}");
            Ok(0)
        }
        EvidenceCmd::Remove { id } => {
            let f = open(ws, s, false)?.remove(&id)?;
            outln!("已从材料库删除 {}（{}）；原文件不受影响", f.id, f.name);
            Ok(0)
        }
        EvidenceCmd::Export { to, zip, force } => {
            let file = ws.load()?.file;
            let v = open(ws, s, false)?;
            let dest = match (to, zip) {
                (Some(d), _) => Dest::Folder(d),
                (None, Some(z)) => Dest::Zip(z),
                (None, None) => unreachable!("clap requires one"),
            };
            let r = export::export(&v, &file, dest, force)?;
            outln!("已导出 {} 个文件到 {}（清单：{}）", r.rows.len(), r.dest, export::INDEX_CSV);
            if !r.blocking.is_empty() {
                errln!("注意：尚缺 {}", r.blocking.join("、"));
            }
            Ok(0)
        }
        EvidenceCmd::Recovery { to } => {
            let pass = need_passphrase(s)?;
            open(ws, s, false)?.write_recovery(&to, &pass, KdfParams::default(), false)?;
            outln!("已写出恢复文件 {}；请与口令分开妥善保存", to.display());
            Ok(0)
        }
        EvidenceCmd::Recover { from } => {
            let pass = need_passphrase(s)?;
            let store = zhicheng_vault::keys::usable_os_store().ok();
            let v = Vault::recover(ws.root(), &from, &pass, store.as_ref().map(|s| s as _))?;
            outln!(
                "已用恢复文件解锁（{} 个文件）{}",
                v.files().len(),
                if store.is_some() { "，密钥已放回系统密钥存储" } else { "" }
            );
            Ok(0)
        }
    }
}
