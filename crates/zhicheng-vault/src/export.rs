//! The export for upload: a folder or a `.zip` with the files named `NN_类别_标题.ext` in application
//! order (requirement items, then achievements in the applicant's order, then files linked to
//! nothing), and an index (`00_材料清单.csv` and a printable `00_材料清单.html`) listing every file,
//! what it proves, its size and its BLAKE3. Files are decrypted only into this export. It is written
//! beside the destination and moved into place at the end: a failure leaves nothing behind.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use zhicheng_core::IoAction;

use serde::Serialize;
use ts_rs::TS;
use zhicheng_core::CoreError;
use zhicheng_core::Lang;
use zhicheng_core::applicant_file::ApplicantFile;

use crate::checklist::{self, Checklist};
use crate::names;
use crate::sniff::FileKind;
use crate::vault::{EvidenceFile, Vault};

use crate::error::{Result, VaultError};

pub const INDEX_CSV: &str = "00_材料清单.csv";
pub const INDEX_HTML: &str = "00_材料清单.html";

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportRow {
    pub n: u32,
    pub file_name: String,
    pub category: String,
    /// What the file proves (item or achievement labels, with clauses).
    pub proves: String,
    pub original_name: String,
    #[ts(type = "number")]
    pub size: u64,
    /// Plain BLAKE3 of the exported bytes (hex).
    pub blake3: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportReport {
    pub dest: String,
    pub rows: Vec<ExportRow>,
    /// Targets of the items still blocking submission when exported.
    pub blocking: Vec<String>,
}

pub enum Dest {
    Folder(PathBuf),
    Zip(PathBuf),
}

/// The files in application order, each once, with its category and what it proves.
/// The category is part of the file name (Chinese, as the portal's reviewers read it); what the file
/// proves is for the index, in `lang`.
fn plan(files: &[EvidenceFile], list: &Checklist, lang: Lang) -> Vec<(EvidenceFile, String, String)> {
    let mut out: Vec<(EvidenceFile, String, String)> = vec![];
    let entries: Vec<(String, String, &checklist::ChecklistItem)> = list
        .items
        .iter()
        .map(|i| (i.label.clone(), crate::text::subject(&i.subject, lang), i))
        .chain(
            list.achievements
                .iter()
                .enumerate()
                .map(|(k, i)| (format!("业绩{}", k + 1), crate::text::subject(&i.subject, lang), i)),
        )
        .collect();
    let proves_of = |f: &EvidenceFile| -> String {
        entries
            .iter()
            .filter(|(_, _, i)| i.files.contains(&f.id))
            .map(|(_, label, i)| match lang {
                Lang::Zh => format!("{label}（{}）", i.clause),
                Lang::En => format!("{label} ({})", i.clause),
            })
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "；" } else { "; " })
    };
    for (category, _, item) in &entries {
        for id in &item.files {
            if out.iter().any(|(f, _, _)| &f.id == id) {
                continue;
            }
            if let Some(f) = files.iter().find(|f| &f.id == id) {
                out.push((f.clone(), category.clone(), proves_of(f)));
            }
        }
    }
    for f in files {
        if !out.iter().any(|(g, _, _)| g.id == f.id) {
            let proves = match (f.links.is_empty(), lang) {
                (true, Lang::Zh) => "未关联",
                (true, Lang::En) => "linked to nothing",
                (false, Lang::Zh) => "（所关联的项目不适用于当前申报情况）",
                (false, Lang::En) => "(what it is linked to does not apply to this application)",
            }
            .to_string();
            out.push((f.clone(), "其他".into(), proves));
        }
    }
    out
}

pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn index_csv(rows: &[ExportRow], lang: Lang) -> Vec<u8> {
    // A byte-order mark so that Excel opens the UTF-8 correctly; CRLF line ends.
    let mut s = String::from(match lang {
        Lang::Zh => "\u{feff}序号,文件名,类别,证明内容,原文件名,大小（字节）,BLAKE3\r\n",
        Lang::En => "\u{feff}No.,File name,Category,Proves,Original name,Size (bytes),BLAKE3\r\n",
    });
    for r in rows {
        let cells = [
            r.n.to_string(),
            r.file_name.clone(),
            r.category.clone(),
            r.proves.clone(),
            r.original_name.clone(),
            r.size.to_string(),
            r.blake3.clone(),
        ];
        s.push_str(&cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
        s.push_str("\r\n");
    }
    s.into_bytes()
}

fn index_html(name: &str, rows: &[ExportRow], blocking: &[String], lang: Lang) -> Vec<u8> {
    let zh = lang == Lang::Zh;
    let title = if zh { "佐证材料清单" } else { "List of evidence" };
    let mut s = format!(
        "<!doctype html><html lang=\"{code}\"><meta charset=\"utf-8\"><title>{title} {n}</title>\
         <style>body{{font-family:serif;margin:2em}}table{{border-collapse:collapse;width:100%}}\
         td,th{{border:1px solid #000;padding:4px 6px;font-size:11pt;vertical-align:top}}\
         td.h{{font-family:monospace;font-size:8pt;word-break:break-all}}@page{{size:A4 landscape}}</style>\
         <h1>{title}</h1><p>{who}</p>",
        code = if zh { "zh-CN" } else { "en" },
        n = html_escape(name),
        who = if zh {
            format!("申报人：{}　共 {} 个文件", html_escape(name), rows.len())
        } else {
            format!("Applicant: {} · {} files", html_escape(name), rows.len())
        },
    );
    if !blocking.is_empty() {
        let (label, sep) = if zh { ("尚缺：", "、") } else { ("Still missing: ", "; ") };
        s.push_str(&format!("<p><strong>{label}</strong>{}</p>", html_escape(&blocking.join(sep))));
    }
    let heads: [&str; 7] = if zh {
        ["序号", "文件名", "类别", "证明内容", "原文件名", "大小", "BLAKE3"]
    } else {
        ["No.", "File name", "Category", "Proves", "Original name", "Size", "BLAKE3"]
    };
    s.push_str("<table><tr>");
    for h in heads {
        s.push_str(&format!("<th>{h}</th>"));
    }
    s.push_str("</tr>");
    for r in rows {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"h\">{}</td></tr>",
            r.n,
            html_escape(&r.file_name),
            html_escape(&r.category),
            html_escape(&r.proves),
            html_escape(&r.original_name),
            human_size(r.size),
            r.blake3
        ));
    }
    s.push_str(if zh {
        "</table><p>业绩成果如有涉密内容，请按保密规定进行脱密处理（三（三）2）。</p></html>\n"
    } else {
        "</table><p>Achievements with classified content must be desensitised under the secrecy rules (clause 三（三）2).</p></html>\n"
    });
    s.into_bytes()
}

pub fn human_size(n: u64) -> String {
    if n < 1024 {
        format!("{n} B")
    } else if n < 1024 * 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{:.1} MB", n as f64 / 1_048_576.0)
    }
}

pub(crate) fn sibling_temp(dest: &Path) -> PathBuf {
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let mut b = [0u8; 4];
    #[allow(
        clippy::expect_used,
        reason = "the OS random source does not fail on supported systems; no key without it"
    )]
    getrandom::fill(&mut b).expect("the OS random source works");
    dest.with_file_name(format!(".{name}.partial-{:02x}{:02x}{:02x}{:02x}", b[0], b[1], b[2], b[3]))
}

/// An export being written: into a folder or a `.zip` beside the destination, moved into place by
/// [`staged`] when every entry is in.
pub(crate) enum Package {
    Folder { tmp: PathBuf },
    Zip { tmp: PathBuf, zip: Box<zip::ZipWriter<BufWriter<fs::File>>> },
}

fn zip_error(e: zip::result::ZipError) -> VaultError {
    VaultError::WriteZip { detail: e.to_string() }
}

impl Package {
    /// Adds the entry `name`, its bytes written by `body` (which returns what it computed while
    /// writing). `deflate` compresses it in a zip; a folder stores it as it is.
    pub(crate) fn entry<T>(
        &mut self,
        name: &str,
        deflate: bool,
        size: u64,
        body: impl FnOnce(&mut dyn Write) -> Result<T>,
    ) -> Result<T> {
        match self {
            Package::Folder { tmp } => {
                let p = tmp.join(name);
                let file = zhicheng_core::storage::private_file(&p).map_err(CoreError::io(IoAction::Write, &p))?;
                let mut w = BufWriter::new(file);
                let out = body(&mut w)?;
                let file = w.into_inner().map_err(|e| CoreError::io(IoAction::Write, &p)(e.into_error()))?;
                file.sync_all().map_err(CoreError::io(IoAction::Write, &p))?;
                Ok(out)
            }
            Package::Zip { zip, .. } => {
                let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
                // A file of 4 GiB or more needs the zip64 header up front.
                let opts = zip::write::SimpleFileOptions::default()
                    .compression_method(method)
                    .large_file(size >= u64::from(u32::MAX));
                zip.start_file(name, opts).map_err(zip_error)?;
                body(zip.as_mut())
            }
        }
    }

    /// An entry of bytes already in memory (the indexes, a composed PDF).
    pub(crate) fn bytes(&mut self, name: &str, deflate: bool, bytes: &[u8]) -> Result<()> {
        // A failure names the file itself in a folder, the zip being written otherwise.
        let at = match self {
            Package::Folder { tmp } => tmp.join(name),
            Package::Zip { tmp, .. } => tmp.clone(),
        };
        self.entry(name, deflate, bytes.len() as u64, |w| {
            w.write_all(bytes).map_err(|e| CoreError::io(IoAction::Write, &at)(e).into())
        })
    }
}

/// Writes an export to `dest` through `fill`, beside it first and moved into place at the end: a
/// failure (or a cancel) leaves nothing behind and the destination as it was. A folder must not
/// exist or be empty; a zip must not exist unless `overwrite`.
pub(crate) fn staged<T>(dest: &Dest, overwrite: bool, fill: impl FnOnce(&mut Package) -> Result<T>) -> Result<T> {
    let (path, tmp) = match dest {
        Dest::Folder(dir) => {
            if dir.exists() && fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
                return Err(VaultError::FolderNotEmpty { path: dir.to_path_buf() });
            }
            (dir, sibling_temp(dir))
        }
        Dest::Zip(path) => {
            zhicheng_core::storage::check_output(path, overwrite)?;
            (path, sibling_temp(path))
        }
    };
    let run = || -> Result<T> {
        let mut package = match dest {
            Dest::Folder(_) => {
                zhicheng_core::storage::create_private_dir(&tmp)?;
                Package::Folder { tmp: tmp.clone() }
            }
            Dest::Zip(_) => {
                let out = zhicheng_core::storage::private_file(&tmp).map_err(CoreError::io(IoAction::Write, &tmp))?;
                Package::Zip { tmp: tmp.clone(), zip: Box::new(zip::ZipWriter::new(BufWriter::new(out))) }
            }
        };
        let out = fill(&mut package)?;
        match package {
            Package::Folder { .. } => {
                if path.exists() {
                    fs::remove_dir(path).map_err(CoreError::io(IoAction::Replace, path))?;
                }
            }
            Package::Zip { zip, .. } => {
                let w = zip.finish().map_err(zip_error)?;
                let f = w.into_inner().map_err(|e| CoreError::io(IoAction::Write, &tmp)(e.into_error()))?;
                f.sync_all().map_err(CoreError::io(IoAction::Write, &tmp))?;
            }
        }
        fs::rename(&tmp, path).map_err(CoreError::io(IoAction::Save, path))?;
        Ok(out)
    };
    run().inspect_err(|_| {
        let _ = if tmp.is_dir() { fs::remove_dir_all(&tmp) } else { fs::remove_file(&tmp) };
    })
}

/// Exports the vault for upload. A folder must not exist or be empty; a zip must not exist unless
/// `overwrite`.
pub fn export(vault: &Vault, file: &ApplicantFile, dest: Dest, overwrite: bool) -> Result<ExportReport> {
    let list = checklist::checklist(file, vault.files());
    // A masked copy goes out under its original's name and in its place.
    let files: Vec<EvidenceFile> = vault
        .files()
        .iter()
        .filter(|f| f.masked_from.is_none())
        .map(|f| match vault.masked_copy(&f.id) {
            Some(m) => EvidenceFile { hash: m.hash.clone(), size: m.size, kind: m.kind, ..f.clone() },
            None => f.clone(),
        })
        .collect();
    let person = match (file.profile.name.trim(), vault.lang) {
        ("", Lang::Zh) => "（未填姓名）",
        ("", Lang::En) => "(no name entered)",
        (name, _) => name,
    };
    let blocking = list.names(&list.blocking, vault.lang);
    let rows = staged(&dest, overwrite, |package| {
        let mut rows = vec![];
        for (i, (f, category, proves)) in plan(&files, &list, vault.lang).into_iter().enumerate() {
            let file_name = names::export_name(i + 1, &category, &f.title, f.kind.extension());
            // Scans and PDFs are compressed already; only the old Office formats gain.
            let deflate = matches!(f.kind, FileKind::Doc | FileKind::Xls);
            let blake3 = package.entry(&file_name, deflate, f.size, |w| vault.export_file(&f, w))?;
            rows.push(ExportRow {
                n: i as u32 + 1,
                file_name,
                category,
                proves,
                original_name: f.name.clone(),
                size: f.size,
                blake3,
            });
        }
        package.bytes(INDEX_CSV, true, &index_csv(&rows, vault.lang))?;
        package.bytes(INDEX_HTML, true, &index_html(person, &rows, &blocking, vault.lang))?;
        Ok(rows)
    })?;
    let dest = match dest {
        Dest::Folder(p) | Dest::Zip(p) => p.display().to_string(),
    };
    Ok(ExportReport { dest, rows, blocking: list.blocking })
}
