//! `zhicheng evidence`: the encrypted vault of 佐证材料 from the command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;
use zhicheng_core::IoAction;

use crate::tr;
use clap::Subcommand;
use zhicheng_core::CoreError;
use zhicheng_core::storage::Workspace;
use zhicheng_core::text::Lang;
use zhicheng_vault::VaultError;
use zhicheng_vault::checklist::{ChecklistItem, ItemStatus};
use zhicheng_vault::compose::{Compress, MaskRect};
use zhicheng_vault::crypto::KdfParams;
use zhicheng_vault::error::{Locked, Missing};
use zhicheng_vault::export::{self, Dest};
use zhicheng_vault::upload::{self, ComposeReport, Mode};
use zhicheng_vault::vault::{ImportOptions, Target};
use zhicheng_vault::{Vault, access};

/// The exit code of `evidence check` when items are missing.
pub(crate) const EXIT_MISSING: u8 = 3;
/// The exit code of `evidence compose` / `export --per-item-pdf` when a PDF was written but is over
/// its size budget (or an item could not be composed at all).
pub(crate) const EXIT_OVER_BUDGET: u8 = 4;

#[derive(Subcommand)]
pub(crate) enum EvidenceCmd {
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
        /// 每项（每项材料、每项业绩）合成一个 PDF（NN_类别_标题.pdf），按大小上限自动压缩；需要 --to
        #[arg(long, requires = "to")]
        per_item_pdf: bool,
    },
    /// 把一项的文件合成一个 A4 PDF（按应用中排好的页序）：ITEM 如 education_certificate、achievement:a1
    Compose {
        target: String,
        #[arg(short = 'o', long = "out", value_name = "OUT.pdf")]
        out: PathBuf,
        /// 把图片压缩到此分辨率（72–600 dpi，只降不升）
        #[arg(long)]
        dpi: Option<u32>,
        /// 压缩时的 JPEG 质量（30–95，默认取设置）
        #[arg(long, requires = "dpi")]
        quality: Option<u8>,
        /// 大小上限（MB，默认取设置）；未给 --dpi 时自动选不超过上限的最小压缩
        #[arg(long, value_name = "M")]
        max_mb: Option<f64>,
        /// OUT.pdf 已存在时覆盖
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
    /// 列出一项合成时的页面（顺序、旋转、是否已遮盖）
    Pages {
        target: String,
        #[arg(long)]
        json: bool,
    },
    /// 遮盖图片或 PDF 某页上的区域（如身份证号），生成遮盖后的副本替代原文件上传；原文件保留不动
    Mask {
        id: String,
        /// 要遮盖的矩形：x,y,宽,高，均为页面宽高的比例（0–1，自左上角）；可重复
        #[arg(long = "rect", value_name = "X,Y,W,H", required = true)]
        rects: Vec<String>,
        /// PDF 的页码（从 1 起）
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// PDF 页面的图像（PNG/JPEG，如 pdftoppm -r 150 -png 生成），遮盖后以此替换该页
        #[arg(long, value_name = "FILE")]
        raster: Option<PathBuf>,
    },
    /// 撤销遮盖（删除遮盖后的副本，恢复使用原文件）
    Unmask {
        id: String,
    },
    /// 确认文件中可见本人姓名及排名（导出时检查）；--no 取消确认
    NameVisible {
        id: String,
        #[arg(long)]
        no: bool,
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

pub(crate) struct Secrets {
    /// `--passphrase-file`: the vault's passphrase (first line).
    pub passphrase_file: Option<PathBuf>,
}

fn passphrase(s: &Secrets) -> Result<Option<String>, CoreError> {
    if let Some(p) = &s.passphrase_file {
        let text = std::fs::read_to_string(p).map_err(CoreError::io(IoAction::Read, p))?;
        return Ok(Some(text.lines().next().unwrap_or("").to_string()));
    }
    Ok(std::env::var("ZHICHENG_VAULT_PASSPHRASE").ok())
}

fn need_passphrase(s: &Secrets) -> Result<String, VaultError> {
    passphrase(s)?.ok_or(VaultError::Locked(Locked::NeedsPassphrase))
}

/// Opens (or creates) the vault; its key then also seals the applicant's ID number and phone.
fn open(ws: &mut Workspace, s: &Secrets, create: bool) -> Result<Vault, VaultError> {
    let mut v = access::open(ws.root(), passphrase(s)?.as_deref(), create, None)?;
    v.lang = crate::lang();
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

/// `education_certificate`, `item:education_certificate` or `achievement:a1`.
fn parse_item(s: &str) -> Result<Target, VaultError> {
    if s.contains(':') { s.parse() } else { format!("item:{s}").parse() }
}

fn parse_rect(s: &str) -> Result<MaskRect, CoreError> {
    let bad = || CoreError::InvalidFile {
        path: None,
        location: "--rect".into(),
        detail: zhicheng_core::error::Detail::Text(format!(
            "“{s}”{}",
            tr(
                "：请写四个数 x,y,宽,高（页面宽高的比例 0–1），如 0.1,0.2,0.5,0.05",
                ": write four numbers x,y,width,height (fractions 0–1 of the page), e.g. 0.1,0.2,0.5,0.05"
            )
        )),
    };
    let n: Vec<f64> = s.split(',').map(|x| x.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| bad())?;
    match n.as_slice() {
        [x, y, w, h] => Ok(MaskRect { x: *x, y: *y, w: *w, h: *h }),
        _ => Err(bad()),
    }
}

fn describe(r: &ComposeReport) -> String {
    let size = export::human_size;
    let mut t = size(r.size);
    match (r.compress, r.uncompressed) {
        (Some(c), Some(u)) => t.push_str(&words!(
            "（图片已压缩到 {} dpi、质量 {}；原样为 {}）",
            " (images compressed to {} dpi, quality {}; {} as they were)",
            c.dpi,
            c.quality,
            size(u)
        )),
        (Some(c), None) => t.push_str(&words!(
            "（图片按 {} dpi、质量 {} 压缩）",
            " (images compressed at {} dpi, quality {})",
            c.dpi,
            c.quality
        )),
        _ => {}
    }
    match &r.problem {
        Some(p) => t.push_str(&words!("；超出上限：{}", "; over the limit: {}", p)),
        None => t.push_str(&words!("，在上限 {} 以内", ", within the limit of {}", size(r.budget))),
    }
    t
}

fn name_hint(v: &Vault, n: &upload::NameCheck) -> String {
    if n.no_name {
        return tr(
            "基本情况中未填姓名：无法核对材料是否显示本人姓名",
            "No name in the basic information: cannot check that the files show the applicant's name",
        )
        .into();
    }
    let titles: Vec<String> = n
        .unconfirmed
        .iter()
        .map(|id| v.file(id).map(|f| words!("{}（{}）", "{} ({})", f.title, id)).unwrap_or_else(|_| id.clone()))
        .collect();
    words!(
        "请核对以下文件中可见本人姓名及排名（评审会退回看不出是谁完成的材料），确认后运行 evidence name-visible ID：{}",
        "Check that these files show the applicant's name and rank (reviewers return material that does not show who did the work), then run evidence name-visible ID: {}",
        titles.join(tr("、", ", "))
    )
}

fn status_mark(i: &ChecklistItem) -> &'static str {
    match i.status {
        ItemStatus::Provided => "✓",
        ItemStatus::Missing => "✗",
        ItemStatus::AutoVerified => "○",
        ItemStatus::Later => "…",
    }
}

pub(crate) fn run(ws: &mut Workspace, cmd: EvidenceCmd, s: &Secrets) -> Result<u8, VaultError> {
    match cmd {
        EvidenceCmd::Add { files, targets, follow_symlinks } => {
            let links = targets.iter().map(|t| t.parse()).collect::<Result<Vec<Target>, _>>()?;
            let file = ws.load()?.file;
            for t in &links {
                if !zhicheng_vault::checklist::target_exists(&file, t) {
                    return Err(VaultError::NotFound(Missing::Target { target: t.to_string() }));
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
                say!(
                    "已导入 {}  {}（{}，{}）",
                    "Imported {}  {} ({}, {})",
                    id,
                    f.name,
                    zhicheng_vault::text::kind(f.kind, crate::lang()),
                    export::human_size(f.size)
                );
            }
            for (name, id) in &report.duplicates {
                say!(
                    "已存在 {}  {}（内容相同，未重复保存）",
                    "Already there {}  {} (same content, not stored twice)",
                    id,
                    name
                );
            }
            for r in &report.refused {
                say_err!("未导入 {}：{}", "Not imported {}: {}", r.path, r.reason);
            }
            for w in &report.warnings {
                say_err!("提示：{}", "Note: {}", w);
            }
            if report.skipped > 0 {
                say_err!("已跳过 {} 个隐藏或系统文件", "Skipped {} hidden or system files", report.skipped);
            }
            Ok(if report.refused.is_empty() { 0 } else { 1 })
        }
        EvidenceCmd::List { json } => {
            let v = open(ws, s, false)?;
            if json {
                outln!("{}", crate::json_pretty(v.files()));
            } else if v.files().is_empty() {
                say!("材料库是空的", "The vault is empty");
            } else {
                for f in v.files() {
                    let links: Vec<String> = f.links.iter().map(|l| l.to_string()).collect();
                    outln!(
                        "{}  {}  {}  {}  {}",
                        f.id,
                        f.title,
                        f.kind.label(),
                        export::human_size(f.size),
                        match (&f.masked_from, links.is_empty()) {
                            (Some(of), _) => format!("遮盖后的副本，代替 {of}"),
                            (None, true) => "未关联".to_string(),
                            (None, false) => links.join(" "),
                        }
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
                    say!(
                        "佐证材料：还没有需要核对的项目——请先填写基本情况和业绩成果（zhicheng profile import）",
                        "Evidence: nothing to check yet; fill in the basic information and the achievements first (zhicheng profile import)"
                    );
                } else {
                    say!(
                        "佐证材料：{}/{} 项已备齐{}",
                        "Evidence: {} of {} items ready{}",
                        c.done,
                        c.required,
                        match (c.complete, crate::lang()) {
                            (false, _) => "",
                            (true, Lang::Zh) => "；个人提交所需材料已齐全。公示表（盖章）和公示结果在单位公示后上传",
                            (true, Lang::En) =>
                                "; everything your own submission needs is there. The publicity sheet (stamped) and the publicity result are uploaded after the unit's publicity",
                        }
                    );
                }
                for i in c.items.iter().chain(&c.achievements) {
                    outln!(
                        "{} {}  [{}]  {}  {}",
                        status_mark(i),
                        zhicheng_vault::text::subject(&i.subject, crate::lang()),
                        i.clause,
                        zhicheng_vault::text::why(i, crate::lang()),
                        i.target
                    );
                }
                if !c.blocking.is_empty() {
                    say!(
                        "尚缺（提交前须补齐）：{}",
                        "Still missing (needed before submitting): {}",
                        c.names(&c.blocking, crate::lang()).join(crate::tr("、", ", "))
                    );
                }
                for r in &c.reminders {
                    say!("提醒：{}", "Reminder: {}", zhicheng_vault::text::reminder(*r, crate::lang()));
                }
            }
            Ok(if c.complete { 0 } else { EXIT_MISSING })
        }
        EvidenceCmd::Link { id, target } => {
            let t: Target = target.parse()?;
            let file = ws.load()?.file;
            if !zhicheng_vault::checklist::target_exists(&file, &t) {
                return Err(VaultError::NotFound(Missing::Target { target: t.to_string() }));
            }
            open(ws, s, false)?.link(&id, t)?;
            say!("已关联 {} → {}", "Linked {} → {}", id, target);
            Ok(0)
        }
        EvidenceCmd::Unlink { id, target } => {
            open(ws, s, false)?.unlink(&id, &target.parse()?)?;
            say!("已取消关联 {} → {}", "Unlinked {} → {}", id, target);
            Ok(0)
        }
        EvidenceCmd::Remove { id } => {
            let f = open(ws, s, false)?.remove(&id)?;
            say!(
                "已从材料库删除 {}（{}）；原文件不受影响",
                "Removed {} ({}) from the vault; the original file is not touched",
                f.id,
                f.name
            );
            Ok(0)
        }
        EvidenceCmd::Export { to: Some(dir), per_item_pdf: true, .. } => {
            let file = ws.load()?.file;
            let v = open(ws, s, false)?;
            let tty = std::io::stderr().is_terminal();
            let r = upload::export_per_item(&v, &file, dir, &mut |done, total, label| {
                if tty && done < total {
                    let line = words!("合成 {}/{}：{}", "Composing {}/{}: {}", done + 1, total, label);
                    err!("\r{line}                ");
                }
            })?;
            if tty {
                errln!("");
            }
            for i in &r.items {
                let pages = words!("{} 页", "{}", crate::count(i.report.pages as usize, "page", "pages"));
                outln!("{}  {}  {}  {}", i.file_name, i.label, pages, describe(&i.report));
                for k in &i.report.skipped {
                    say_err!("  未合入“{}”：{}", "  Not included “{}”: {}", k.title, k.reason);
                }
                if !i.names.ok {
                    errln!("  {}", name_hint(&v, &i.names));
                }
            }
            for f in &r.failed {
                say_err!("未能合成“{}”：{}", "Could not compose “{}”: {}", f.title, f.reason);
            }
            say!(
                "已导出 {} 个 PDF 到 {}（清单：{}）",
                "Exported {} to {} (list: {})",
                crate::count(r.items.len(), "PDF", "PDFs"),
                r.dest,
                export::INDEX_CSV
            );
            if !r.blocking.is_empty() {
                let list = zhicheng_vault::checklist::checklist(&file, v.files());
                say_err!(
                    "注意：尚缺 {}",
                    "Note: still missing {}",
                    list.names(&r.blocking, crate::lang()).join(crate::tr("、", ", "))
                );
            }
            let bad = r.items.iter().any(|i| !i.report.within_budget) || !r.failed.is_empty();
            Ok(if bad { EXIT_OVER_BUDGET } else { 0 })
        }
        EvidenceCmd::Compose { target, out, dpi, quality, max_mb, force, json } => {
            let t = parse_item(&target)?;
            let file = ws.load()?.file;
            let v = open(ws, s, false)?;
            zhicheng_core::storage::check_output(&out, force)?;
            let budget = match max_mb {
                Some(m) if !(m.is_finite() && m > 0.0 && m <= 2048.0) => {
                    return Err(CoreError::InvalidFile {
                        path: None,
                        location: "--max-mb".into(),
                        detail: zhicheng_core::error::Detail::Text(words!(
                            "应大于 0、不超过 2048，现为 {}",
                            "must be more than 0 and at most 2048; it is {}",
                            m
                        )),
                    }
                    .into());
                }
                Some(m) => Some((m * 1_048_576.0) as u64),
                None => None,
            };
            let mode = match (dpi, max_mb) {
                (Some(dpi), _) => {
                    Mode::Use(Some(Compress { dpi, quality: quality.unwrap_or(v.settings.compress_quality) }))
                }
                (None, Some(_)) => Mode::Fit,
                (None, None) => Mode::Saved,
            };
            let (pdf, r) = upload::compose_item(&v, &file, &t, mode, budget)?;
            zhicheng_core::storage::atomic_write(&out, &pdf)?;
            if json {
                outln!("{}", crate::json_pretty(&r));
            } else {
                let pages = crate::count(r.pages as usize, "page", "pages");
                say!("已写出 {}：{} 页，{}", "Wrote {}: {}, {}", out.display(), pages, describe(&r));
                for k in &r.skipped {
                    say_err!("未合入“{}”：{}", "Not included “{}”: {}", k.title, k.reason);
                }
            }
            Ok(if r.within_budget { 0 } else { EXIT_OVER_BUDGET })
        }
        EvidenceCmd::Pages { target, json } => {
            let t = parse_item(&target)?;
            let file = ws.load()?.file;
            let v = open(ws, s, false)?;
            let p = upload::item_pages(&v, &file, &t)?;
            if json {
                outln!("{}", crate::json_pretty(&p));
            } else {
                let label = &p.label;
                let order = if p.customised {
                    tr("，按应用中设定的顺序", ", in the order set in the app")
                } else {
                    ""
                };
                let pages = crate::count(p.pages.len(), "page", "pages");
                say!("{}（{}）：{} 页{}", "{} ({}): {}{}", label, p.clause, pages, order);
                for (n, pg) in p.pages.iter().enumerate() {
                    let turned = if pg.at.rotate != 0 {
                        words!("，旋转 {}°", ", turned {}°", pg.at.rotate)
                    } else {
                        String::new()
                    };
                    let masked = if pg.masked { tr("，已遮盖", ", masked") } else { "" };
                    say!(
                        "{:>3}. {}  {} 第 {}/{} 页{}{}",
                        "{:>3}. {}  {} page {} of {}{}{}",
                        n + 1,
                        pg.at.file,
                        pg.title,
                        pg.at.page + 1,
                        pg.of,
                        turned,
                        masked
                    );
                }
                for k in &p.skipped {
                    say_err!("未合入“{}”：{}", "Not included “{}”: {}", k.title, k.reason);
                }
                if !p.names.ok {
                    errln!("{}", name_hint(&v, &p.names));
                }
            }
            Ok(0)
        }
        EvidenceCmd::Mask { id, rects, page, raster } => {
            let rects = rects.iter().map(|r| parse_rect(r)).collect::<Result<Vec<_>, _>>()?;
            if page == 0 {
                return Err(CoreError::InvalidFile {
                    path: None,
                    location: "--page".into(),
                    detail: zhicheng_core::error::Detail::Text(tr("页码从 1 起", "pages are counted from 1").into()),
                }
                .into());
            }
            let raster = match raster {
                Some(r) => Some(std::fs::read(&r).map_err(CoreError::io(IoAction::Read, &r))?),
                None => None,
            };
            let mut v = open(ws, s, false)?;
            let copy = upload::mask_file(&mut v, &id, page - 1, raster.as_deref(), &rects)?;
            say!(
                "已生成遮盖后的副本 {}（{}）；合成与导出将用它代替 {}，原文件保留不动（撤销：evidence unmask {}）",
                "Made the masked copy {} ({}); composing and exporting use it instead of {}, the original stays as it is (undo: evidence unmask {})",
                copy.id,
                export::human_size(copy.size),
                id,
                id
            );
            Ok(0)
        }
        EvidenceCmd::Unmask { id } => {
            open(ws, s, false)?.unmask(&id)?;
            say!("已撤销遮盖：{} 恢复使用原文件", "Mask undone: {} uses the original file again", id);
            Ok(0)
        }
        EvidenceCmd::NameVisible { id, no } => {
            open(ws, s, false)?.set_name_confirmed(&id, !no)?;
            if no {
                say!("已取消确认：{}", "Confirmation withdrawn: {}", id);
            } else {
                say!("已确认 {} 中可见本人姓名及排名", "Confirmed that {} shows the applicant's name and rank", id);
            }
            Ok(0)
        }
        EvidenceCmd::Export { to, zip, force, .. } => {
            let file = ws.load()?.file;
            let v = open(ws, s, false)?;
            let dest = match (to, zip) {
                (Some(d), _) => Dest::Folder(d),
                (None, Some(z)) => Dest::Zip(z),
                (None, None) => unreachable!("clap requires one"),
            };
            let r = export::export(&v, &file, dest, force)?;
            say!(
                "已导出 {} 个文件到 {}（清单：{}）",
                "Exported {} to {} (list: {})",
                crate::count(r.rows.len(), "file", "files"),
                r.dest,
                export::INDEX_CSV
            );
            if !r.blocking.is_empty() {
                let list = zhicheng_vault::checklist::checklist(&file, v.files());
                say_err!(
                    "注意：尚缺 {}",
                    "Note: still missing {}",
                    list.names(&r.blocking, crate::lang()).join(crate::tr("、", ", "))
                );
            }
            Ok(0)
        }
        EvidenceCmd::Recovery { to } => {
            let pass = need_passphrase(s)?;
            open(ws, s, false)?.write_recovery(&to, &pass, KdfParams::default(), false)?;
            say!(
                "已写出恢复文件 {}；请与口令分开妥善保存",
                "Wrote the recovery file {}; keep it safe, apart from the passphrase",
                to.display()
            );
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
