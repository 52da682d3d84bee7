//! `zhicheng sheet`: the publicity sheet as a PDF, for one applicant or a unit's batch. The same code
//! and the same workspace data (rule pack, round, template) as the app: same input and date, same bytes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use zhicheng_core::IoAction;

use chrono::{DateTime, Utc};
use zhicheng_core::CoreError;

use crate::CliError;
use zhicheng_core::applicant_file::ApplicantFile;
use zhicheng_core::calendar::WorkCalendar;
use zhicheng_core::storage::{Workspace, atomic_write};
use zhicheng_core::text::Lang;
use zhicheng_sheet::{Context, Fonts, Template};

pub(crate) struct Options<'a> {
    pub file: Option<&'a Path>,
    pub batch: Option<&'a Path>,
    pub out: &'a Path,
    pub at: Option<&'a str>,
    pub template: Option<&'a Path>,
    pub fonts: Option<&'a Path>,
    pub force: bool,
}

fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), CoreError> {
    zhicheng_core::storage::check_output(path, force)?;
    atomic_write(path, bytes)
}

pub(crate) fn run(ws: &Workspace, o: Options) -> Result<(), CliError> {
    let now: DateTime<Utc> = match o.at {
        Some(s) => crate::deadlines::parse_at(s)?,
        None => Utc::now(),
    };
    let pack = ws.effective_pack()?;
    let round = ws.load_deadline_settings()?.active();
    let template = match o.template {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(CoreError::io(IoAction::Read, p))?;
            Template::parse(&text, Some(p))?
        }
        None => zhicheng_sheet::workspace_template(ws.root())?.0,
    };
    // A folder named with --fonts is used as it is; otherwise the default folder, then the system's.
    let fonts = match o.fonts {
        Some(dir) => Fonts::load(dir)?,
        None => Fonts::load_default()?,
    };
    let ctx = Context { pack: &pack, round: &round, calendar: WorkCalendar::builtin(), template: &template, fonts };
    match o.batch {
        None => {
            let file = match o.file {
                Some(p) => crate::assess::read_applicant(p)?,
                None => ws.load()?.file,
            };
            let bytes = zhicheng_sheet::pdf(&file, &ctx, now)?;
            write_new(o.out, &bytes, o.force)?;
            report_missing(&file, &ctx);
            match crate::lang() {
                Lang::Zh => outln!("已写入 {}（{} KB）", o.out.display(), bytes.len().div_ceil(1024)),
                Lang::En => outln!("Written: {} ({} KB)", o.out.display(), bytes.len().div_ceil(1024)),
            }
            Ok(())
        }
        Some(src) => batch(src, o.out, &ctx, now, o.force),
    }
}

fn report_missing(file: &ApplicantFile, ctx: &Context) {
    let data = zhicheng_sheet::collect(file, ctx);
    if !data.missing.is_empty() {
        let names: Vec<&str> = data.missing.iter().map(|m| m.label.as_str()).collect();
        match crate::lang() {
            Lang::Zh => errln!("注意：{} 的公示表尚有空项：{}", data.author, names.join("、")),
            Lang::En => {
                errln!("Note: the publicity sheet of {} still has empty items: {}", data.author, names.join(", "))
            }
        }
    }
}

/// One PDF per applicant in `out_dir` (`公示表_姓名.pdf`, numbered when two share a name); a file that
/// fails is named and the others go on.
fn batch(src: &Path, out_dir: &Path, ctx: &Context, now: DateTime<Utc>, force: bool) -> Result<(), CliError> {
    std::fs::create_dir_all(out_dir).map_err(CoreError::io(IoAction::Create, out_dir))?;
    let (mut ok, mut failed) = (0, vec![]);
    let mut used: HashSet<PathBuf> = HashSet::new();
    for (name, input) in crate::assess::read_batch(src)? {
        let result = input.map_err(CliError::from).and_then(|file| -> Result<PathBuf, CliError> {
            let bytes = zhicheng_sheet::pdf(&file, ctx, now)?;
            let base = zhicheng_sheet::suggested_file_name(&file);
            let stem = base.trim_end_matches(".pdf").to_string();
            let mut path = out_dir.join(&base);
            let mut n = 2;
            while used.contains(&path) {
                path = out_dir.join(format!("{stem}_{n}.pdf"));
                n += 1;
            }
            write_new(&path, &bytes, force)?;
            used.insert(path.clone());
            report_missing(&file, ctx);
            Ok(path)
        });
        match result {
            Ok(path) => {
                ok += 1;
                outln!("{name} → {}", path.display());
            }
            Err(e) => {
                match crate::lang() {
                    Lang::Zh => errln!("失败 {name}：{}", e.words(Lang::Zh)),
                    Lang::En => errln!("Failed {name}: {}", e.words(Lang::En)),
                }
                failed.push(name);
            }
        }
    }
    match crate::lang() {
        Lang::Zh => outln!("共生成 {ok} 份公示表，{} 份失败", failed.len()),
        Lang::En => outln!("{ok} publicity sheets made, {} failed", failed.len()),
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CoreError::InvalidFile {
            path: None,
            location: "--batch".into(),
            detail: zhicheng_core::error::Detail::Text(match crate::lang() {
                Lang::Zh => format!("{} 份未能生成：{}", failed.len(), failed.join("、")),
                Lang::En => format!("{} could not be made: {}", failed.len(), failed.join(", ")),
            }),
        }
        .into())
    }
}
