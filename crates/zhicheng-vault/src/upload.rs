//! Evidence ready for upload: per requirement item and per achievement, the linked files as one A4
//! PDF in the order the user set (pages reordered, rotated, dropped), within a size budget, with
//! masked copies used in place of their originals; the checks a reviewer makes (can the applicant's
//! name be seen?); and the export of one PDF per item.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zhicheng_core::Lang;
use zhicheng_core::applicant_file::ApplicantFile;

use crate::checklist::{self, ChecklistItem};
use crate::compose::{self, ComposeError, Compress, PageInput};
use crate::names;
use crate::sniff::FileKind;
use crate::vault::{EvidenceFile, Target, Vault};

use crate::error::{Missing, Result, VaultError};

/// The compressions tried, in order, when an item does not fit its budget: never below 100 dpi,
/// where small print on A4 stops being legible.
pub const LADDER: [Compress; 6] = [
    Compress { dpi: 200, quality: 80 },
    Compress { dpi: 150, quality: 75 },
    Compress { dpi: 150, quality: 60 },
    Compress { dpi: 120, quality: 60 },
    Compress { dpi: 100, quality: 60 },
    Compress { dpi: 100, quality: 45 },
];

/// One page of an item: page `page` (0-based) of file `file` (the original's id), turned by
/// `rotate` degrees clockwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PageRef {
    pub file: String,
    pub page: u32,
    #[serde(default)]
    pub rotate: u16,
}

/// The page order of one item as the user set it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Composition {
    pub target: Target,
    pub pages: Vec<PageRef>,
    /// The files linked when it was set: a file linked later has its pages added at the end; a
    /// page the user dropped stays dropped.
    pub known_files: Vec<String>,
    #[serde(default)]
    #[ts(optional)]
    pub compress: Option<Compress>,
}

/// One page as the page editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PageView {
    #[serde(flatten)]
    pub at: PageRef,
    /// The file read for it: the masked copy when there is one.
    pub source: String,
    pub title: String,
    pub kind: FileKind,
    /// Pages in the file.
    pub of: u32,
    pub masked: bool,
}

/// A linked file that cannot become pages.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Skipped {
    pub file: String,
    pub title: String,
    pub reason: String,
}

/// Whether each linked file shows who did the work: the name is in its title, or the user ticked it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NameCheck {
    pub ok: bool,
    /// The applicant's name is not filled in.
    pub no_name: bool,
    /// Linked files (ids) with neither.
    pub unconfirmed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ItemPages {
    pub target: Target,
    /// What the item proves, in the vault's language.
    pub label: String,
    pub clause: String,
    pub pages: Vec<PageView>,
    pub skipped: Vec<Skipped>,
    #[ts(optional)]
    pub compress: Option<Compress>,
    pub names: NameCheck,
    /// Whether the page order was set by the user (else: files in link order, every page).
    pub customised: bool,
}

fn find_item(file: &ApplicantFile, vault: &Vault, target: &Target) -> Result<ChecklistItem> {
    let list = checklist::checklist(file, vault.files());
    let key = target.to_string();
    list.items
        .into_iter()
        .chain(list.achievements)
        .find(|i| i.target == key)
        .ok_or_else(|| VaultError::NotFound(Missing::Target { target: key.clone() }))
}

/// The originals linked to `target`, in the vault's order.
fn linked<'a>(vault: &'a Vault, target: &Target) -> Vec<&'a EvidenceFile> {
    vault.files().iter().filter(|f| f.masked_from.is_none() && f.links.contains(target)).collect()
}

/// The name check of the files linked to an item.
pub fn name_check(person: &str, files: &[&EvidenceFile]) -> NameCheck {
    let person = person.trim();
    let unconfirmed: Vec<String> = files
        .iter()
        .filter(|f| !(f.name_confirmed || (!person.is_empty() && f.title.contains(person))))
        .map(|f| f.id.clone())
        .collect();
    NameCheck { ok: unconfirmed.is_empty() && !person.is_empty(), no_name: person.is_empty(), unconfirmed }
}

struct Loaded {
    current: EvidenceFile,
    bytes: Vec<u8>,
    pages: u32,
}

/// Decrypts each linked file once and counts its pages; files that cannot be composed are listed.
fn load(vault: &Vault, files: &[&EvidenceFile]) -> Result<(HashMap<String, Loaded>, Vec<Skipped>)> {
    let mut loaded = HashMap::new();
    let mut skipped = vec![];
    for f in files {
        let current = vault.current(&f.id)?.clone();
        if !matches!(current.kind, FileKind::Pdf | FileKind::Jpeg | FileKind::Png) {
            skipped.push(Skipped {
                file: f.id.clone(),
                title: f.title.clone(),
                reason: match vault.lang {
                    Lang::Zh => format!("{}：请先转为 PDF 再导入", current.kind.label()),
                    Lang::En => {
                        format!("{}: convert it to PDF before importing", crate::text::kind(current.kind, vault.lang))
                    }
                },
            });
            continue;
        }
        let bytes = vault.read(&current.id)?;
        match compose::page_count(&current.title, current.kind, &bytes) {
            Ok(pages) => {
                loaded.insert(f.id.clone(), Loaded { current, bytes, pages });
            }
            Err(e) => skipped.push(Skipped { file: f.id.clone(), title: f.title.clone(), reason: e.words(vault.lang) }),
        }
    }
    Ok((loaded, skipped))
}

/// The stored order brought up to date with the links: pages of unlinked files or beyond a file's
/// end go, files linked since are appended whole.
fn reconcile(stored: Option<&Composition>, order: &[&EvidenceFile], loaded: &HashMap<String, Loaded>) -> Vec<PageRef> {
    let all_pages = |id: &str| -> Vec<PageRef> {
        let n = loaded.get(id).map_or(0, |l| l.pages);
        (0..n).map(|page| PageRef { file: id.to_string(), page, rotate: 0 }).collect()
    };
    match stored {
        None => order.iter().flat_map(|f| all_pages(&f.id)).collect(),
        Some(c) => {
            let mut pages: Vec<PageRef> =
                c.pages.iter().filter(|p| loaded.get(&p.file).is_some_and(|l| p.page < l.pages)).cloned().collect();
            for f in order {
                if !c.known_files.contains(&f.id) {
                    pages.extend(all_pages(&f.id));
                }
            }
            pages
        }
    }
}

/// What the page editor shows for an item.
pub fn item_pages(vault: &Vault, file: &ApplicantFile, target: &Target) -> Result<ItemPages> {
    Ok(view(vault, file, target)?.0)
}

/// The item's pages, with the files' contents (by original id).
fn view(vault: &Vault, file: &ApplicantFile, target: &Target) -> Result<(ItemPages, HashMap<String, Loaded>)> {
    let item = find_item(file, vault, target)?;
    let order = linked(vault, target);
    let (loaded, skipped) = load(vault, &order)?;
    let stored = vault.compositions().iter().find(|c| &c.target == target);
    let pages = reconcile(stored, &order, &loaded)
        .into_iter()
        .filter_map(|at| {
            let l = loaded.get(&at.file)?;
            Some(PageView {
                source: l.current.id.clone(),
                title: l.current.title.clone(),
                kind: l.current.kind,
                of: l.pages,
                masked: l.current.masked_from.is_some(),
                at,
            })
        })
        .collect();
    let view = ItemPages {
        target: target.clone(),
        label: crate::text::subject(&item.subject, vault.lang),
        clause: item.clause,
        pages,
        skipped,
        compress: stored.and_then(|c| c.compress),
        names: name_check(&file.profile.name, &order),
        customised: stored.is_some(),
    };
    Ok((view, loaded))
}

/// Saves the page order of an item, checking each page exists.
pub fn set_pages(
    vault: &mut Vault,
    file: &ApplicantFile,
    target: &Target,
    pages: Vec<PageRef>,
    compress: Option<Compress>,
) -> Result<()> {
    find_item(file, vault, target)?;
    let compress = compress.map(Compress::check).transpose()?;
    let order = linked(vault, target);
    let (loaded, _) = load(vault, &order)?;
    for p in &pages {
        let Some(l) = loaded.get(&p.file) else {
            return Err(VaultError::NotLinked { file: p.file.clone() });
        };
        if p.page >= l.pages {
            return Err(
                ComposeError::NoSuchPage { title: l.current.title.clone(), page: p.page + 1, count: l.pages }.into()
            );
        }
        if !matches!(p.rotate, 0 | 90 | 180 | 270) {
            return Err(ComposeError::BadRotation { rotate: p.rotate.into() }.into());
        }
    }
    vault.save_composition(Composition {
        target: target.clone(),
        pages,
        known_files: order.iter().map(|f| f.id.clone()).collect(),
        compress,
    })
}

/// Forgets the user's order of an item (back to every page of every file in link order).
pub fn reset_pages(vault: &mut Vault, target: &Target) -> Result<()> {
    vault.clear_composition(target)
}

/// Masks a file: a picture directly (`raster` must be None), a PDF's page `page` (0-based) from
/// `raster`, a picture of that page as displayed. The result is stored as the file's masked copy (an
/// earlier copy is masked further: masks add up); the original is not touched.
pub fn mask_file(
    vault: &mut Vault,
    id: &str,
    page: u32,
    raster: Option<&[u8]>,
    rects: &[compose::MaskRect],
) -> Result<EvidenceFile> {
    let f = vault.file(id)?.clone();
    let current = vault.current(id)?.clone();
    let bytes = vault.read(&current.id)?;
    let masked = match (f.kind, raster) {
        (FileKind::Jpeg | FileKind::Png, None) => compose::mask_image(&f.title, current.kind, &bytes, rects),
        (FileKind::Jpeg | FileKind::Png, Some(_)) => {
            return Err(VaultError::ImageNeedsNoRaster);
        }
        (FileKind::Pdf, Some(r)) => compose::masked_pdf(&f.title, &bytes, page, r, rects),
        (FileKind::Pdf, None) => {
            return Err(VaultError::PdfNeedsRaster);
        }
        (other, _) => return Err(VaultError::CannotMask { kind: other }),
    }?;
    vault.store_masked(id, current.kind, &masked)
}

/// How an item's PDF came out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComposeReport {
    #[ts(type = "number")]
    pub size: u64,
    pub pages: u32,
    /// The compression used (none: images as they were).
    #[ts(optional)]
    pub compress: Option<Compress>,
    #[ts(type = "number")]
    pub budget: u64,
    pub within_budget: bool,
    /// The size without compression, when compression was asked for.
    #[ts(optional, type = "number")]
    pub uncompressed: Option<u64>,
    /// Bytes of PDF pages (copied as they are; compression does not shrink them).
    #[ts(type = "number")]
    pub pdf_bytes: u64,
    /// Why it cannot fit, when it does not.
    #[ts(optional)]
    pub problem: Option<String>,
    pub skipped: Vec<Skipped>,
}

/// How to compose: the item's own setting, a given compression, or the best that fits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    /// The compression saved with the item (none: as they are).
    Saved,
    /// This compression (None: as they are).
    Use(Option<Compress>),
    /// The least compression (none first, then [`LADDER`]) that fits the budget.
    Fit,
}

/// Composes an item's PDF. `budget`: bytes (the setting when None).
pub fn compose_item(
    vault: &Vault,
    file: &ApplicantFile,
    target: &Target,
    mode: Mode,
    budget: Option<u64>,
) -> Result<(Vec<u8>, ComposeReport)> {
    let (view, loaded) = view(vault, file, target)?;
    if view.pages.is_empty() {
        return Err(if view.skipped.is_empty() {
            VaultError::NothingToCompose { label: view.label }
        } else {
            VaultError::NothingComposable {
                label: view.label,
                skipped: view.skipped.iter().map(|s| (s.title.clone(), s.reason.clone())).collect(),
            }
        });
    }
    let budget = budget.unwrap_or((vault.settings.item_max_mb * 1_048_576.0) as u64);
    let pdf_bytes: u64 = view
        .pages
        .iter()
        .filter(|p| p.kind == FileKind::Pdf)
        .map(|p| p.at.file.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .iter()
        .filter_map(|s| loaded.get(*s))
        .map(|l| l.bytes.len() as u64)
        .sum();
    let run = |c: Option<Compress>| -> Result<Vec<u8>> {
        let inputs: Vec<PageInput> = view
            .pages
            .iter()
            .filter_map(|p| {
                Some(PageInput {
                    key: &p.source,
                    title: &p.title,
                    kind: p.kind,
                    bytes: &loaded.get(&p.at.file)?.bytes,
                    page: p.at.page,
                    rotate: p.at.rotate,
                })
            })
            .collect();
        Ok(compose::compose(&inputs, c)?.pdf)
    };
    let has_images = view.pages.iter().any(|p| p.kind != FileKind::Pdf);
    let (pdf, used, uncompressed) = match mode {
        // With compression, the size as it is too: the user judges the gain.
        Mode::Saved | Mode::Use(_) => {
            let c = if let Mode::Use(c) = mode { c } else { view.compress };
            let pdf = run(c)?;
            let plain = if c.is_some() { Some(run(None)?.len() as u64) } else { None };
            (pdf, c, plain)
        }
        Mode::Fit => {
            let plain = run(None)?;
            let mut best = (plain.clone(), None);
            if plain.len() as u64 > budget && has_images {
                for c in LADDER {
                    let pdf = run(Some(c))?;
                    let fits = pdf.len() as u64 <= budget;
                    if pdf.len() < best.0.len() {
                        best = (pdf, Some(c));
                    }
                    if fits {
                        break;
                    }
                }
            }
            let un = best.1.map(|_| plain.len() as u64);
            (best.0, best.1, un)
        }
    };
    let size = pdf.len() as u64;
    let within = size <= budget;
    let problem = (!within).then(|| {
        let mb = crate::export::human_size;
        let en = vault.lang == Lang::En;
        let mut why = if en {
            format!("{} once composed, over the limit of {}", mb(size), mb(budget))
        } else {
            format!("合成后 {}，超过上限 {}", mb(size), mb(budget))
        };
        if pdf_bytes * 10 >= budget * 9 {
            why.push_str(&if en {
                format!(
                    "; its PDF files alone are {}, which cannot be compressed: scan again at a lower resolution (150–200 dpi), or split it and upload the parts",
                    mb(pdf_bytes)
                )
            } else {
                format!(
                    "；其中 PDF 文件共 {}，不能再压缩：请重新以较低分辨率（150–200 dpi）扫描，或拆分后分项上传",
                    mb(pdf_bytes)
                )
            });
        } else if has_images && matches!(mode, Mode::Fit) {
            why.push_str(if en {
                "; still too large at 100 dpi: use fewer pages, or split it and upload the parts"
            } else {
                "；已压缩到 100 dpi 仍放不下：请减少页数或拆分后分项上传"
            });
        } else if has_images {
            why.push_str(if en {
                "; compress the pictures (lower resolution or quality) and try again"
            } else {
                "；可压缩图片（降低分辨率或质量）后再试"
            });
        }
        why
    });
    let report = ComposeReport {
        size,
        pages: view.pages.len() as u32,
        compress: used,
        budget,
        within_budget: within,
        uncompressed,
        pdf_bytes,
        problem,
        skipped: view.skipped,
    };
    Ok((pdf, report))
}

/// One item of the per-item export.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ItemExport {
    pub n: u32,
    pub target: Target,
    /// What it proves, in the vault's language.
    pub label: String,
    pub file_name: String,
    #[serde(flatten)]
    pub report: ComposeReport,
    pub names: NameCheck,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PerItemExport {
    pub dest: String,
    pub items: Vec<ItemExport>,
    /// Items with files, none of which could be composed.
    pub failed: Vec<Skipped>,
    /// Targets of the items still blocking submission when exported.
    pub blocking: Vec<String>,
}

/// Writes one PDF per item with linked files into a new (or empty) folder, `NN_类别_标题.pdf`, each
/// fitted to the budget as far as it goes, and `00_材料清单.csv`. Written beside the folder and moved
/// into place at the end: a failure leaves nothing behind.
pub fn export_per_item(
    vault: &Vault,
    file: &ApplicantFile,
    dir: PathBuf,
    progress: &mut dyn FnMut(u32, u32, &str),
) -> Result<PerItemExport> {
    let list = checklist::checklist(file, vault.files());
    // The category and the title are parts of the file names (Chinese, as the portal's reviewers read them).
    let entries: Vec<(String, &ChecklistItem)> = list
        .items
        .iter()
        .map(|i| ("基本材料".to_string(), i))
        .chain(list.achievements.iter().enumerate().map(|(k, i)| (format!("业绩{}", k + 1), i)))
        .filter(|(_, i)| !i.files.is_empty())
        .collect();
    let total = entries.len() as u32;
    let shown = dir.display().to_string();
    let dest = crate::export::Dest::Folder(dir);
    let (items, failed) = crate::export::staged(&dest, false, |package| {
        let mut items = vec![];
        let mut failed = vec![];
        for (k, (category, item)) in entries.iter().enumerate() {
            // What the item proves, in the vault's language (the progress line, the report, the index).
            let label = crate::text::subject(&item.subject, vault.lang);
            progress(k as u32, total, &label);
            let target: Target = item.target.parse()?;
            let title = match &target {
                Target::Item(_) => item.label.clone(),
                Target::Achievement(id) => file
                    .achievements
                    .iter()
                    .find(|a| &a.id == id)
                    .map(|a| a.title.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| "未命名".into()),
            };
            let (pdf, report) = match compose_item(vault, file, &target, Mode::Fit, None) {
                Ok(x) => x,
                Err(e) => {
                    failed.push(Skipped { file: item.target.clone(), title: label, reason: e.words(vault.lang) });
                    continue;
                }
            };
            let n = items.len() as u32 + 1;
            let name = names::export_name(n as usize, category, &title, "pdf");
            package.bytes(&name, false, &pdf)?;
            let order = linked(vault, &target);
            items.push(ItemExport {
                n,
                target,
                label,
                file_name: name,
                report,
                names: name_check(&file.profile.name, &order),
            });
        }
        progress(total, total, "");
        package.bytes(crate::export::INDEX_CSV, true, &index_csv(&items, &failed, vault.lang))?;
        Ok((items, failed))
    })?;
    Ok(PerItemExport { dest: shown, items, failed, blocking: list.blocking })
}

fn index_csv(items: &[ItemExport], failed: &[Skipped], lang: Lang) -> Vec<u8> {
    let f = crate::export::csv_field;
    let zh = lang == Lang::Zh;
    let yes_no = |b: bool| match (b, zh) {
        (true, true) => "是",
        (false, true) => "否",
        (true, false) => "yes",
        (false, false) => "no",
    };
    let mut s = String::from(if zh {
        "\u{feff}序号,文件名,证明内容,页数,大小（字节）,是否在上限内,压缩,说明\r\n"
    } else {
        "\u{feff}No.,File name,Proves,Pages,Size (bytes),Within the limit,Compression,Notes\r\n"
    });
    for i in items {
        let r = &i.report;
        let mut notes: Vec<String> = r.problem.iter().cloned().collect();
        notes.extend(r.skipped.iter().map(|s| match lang {
            Lang::Zh => format!("未合入“{}”：{}", s.title, s.reason),
            Lang::En => format!("“{}” not included: {}", s.title, s.reason),
        }));
        if !i.names.ok {
            notes.push(
                if zh {
                    "有文件未确认可见本人姓名及排名"
                } else {
                    "a file is not confirmed to show the applicant's name and rank"
                }
                .into(),
            );
        }
        let c = match (r.compress, lang) {
            (None, Lang::Zh) => "原样".to_string(),
            (None, Lang::En) => "as is".to_string(),
            (Some(c), Lang::Zh) => format!("{} dpi / 质量 {}", c.dpi, c.quality),
            (Some(c), Lang::En) => format!("{} dpi / quality {}", c.dpi, c.quality),
        };
        let cells = [
            i.n.to_string(),
            i.file_name.clone(),
            i.label.clone(),
            r.pages.to_string(),
            r.size.to_string(),
            yes_no(r.within_budget).into(),
            c,
            notes.join(if zh { "；" } else { "; " }),
        ];
        s.push_str(&cells.iter().map(|c| f(c)).collect::<Vec<_>>().join(","));
        s.push_str("\r\n");
    }
    for x in failed {
        s.push_str(&format!(",,{},,,{},,{}\r\n", f(&x.title), yes_no(false), f(&x.reason)));
    }
    s.into_bytes()
}
