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
fn plan(files: &[EvidenceFile], list: &Checklist) -> Vec<(EvidenceFile, String, String)> {
    let mut out: Vec<(EvidenceFile, String, String)> = vec![];
    let entries: Vec<(String, String, &checklist::ChecklistItem)> = list
        .items
        .iter()
        .map(|i| (i.label.clone(), i.label.clone(), i))
        .chain(list.achievements.iter().enumerate().map(|(k, i)| (format!("业绩{}", k + 1), i.label.clone(), i)))
        .collect();
    let proves_of = |f: &EvidenceFile| -> String {
        entries
            .iter()
            .filter(|(_, _, i)| i.files.contains(&f.id))
            .map(|(_, label, i)| format!("{label}（{}）", i.clause))
            .collect::<Vec<_>>()
            .join("；")
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
            let proves = if f.links.is_empty() {
                "未关联".to_string()
            } else {
                "（所关联的项目不适用于当前申报情况）".into()
            };
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

fn index_csv(rows: &[ExportRow]) -> Vec<u8> {
    // A byte-order mark so that Excel opens the UTF-8 correctly; CRLF line ends.
    let mut s = String::from("\u{feff}序号,文件名,类别,证明内容,原文件名,大小（字节）,BLAKE3\r\n");
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

fn index_html(name: &str, rows: &[ExportRow], blocking: &[String]) -> Vec<u8> {
    let mut s = format!(
        "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>佐证材料清单 {n}</title>\
         <style>body{{font-family:serif;margin:2em}}table{{border-collapse:collapse;width:100%}}\
         td,th{{border:1px solid #000;padding:4px 6px;font-size:11pt;vertical-align:top}}\
         td.h{{font-family:monospace;font-size:8pt;word-break:break-all}}@page{{size:A4 landscape}}</style>\
         <h1>佐证材料清单</h1><p>申报人：{n}　共 {c} 个文件</p>",
        n = html_escape(name),
        c = rows.len()
    );
    if !blocking.is_empty() {
        s.push_str(&format!("<p><strong>尚缺：</strong>{}</p>", html_escape(&blocking.join("、"))));
    }
    s.push_str("<table><tr><th>序号</th><th>文件名</th><th>类别</th><th>证明内容</th><th>原文件名</th><th>大小</th><th>BLAKE3</th></tr>");
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
    s.push_str("</table><p>业绩成果如有涉密内容，请按保密规定进行脱密处理（三（三）2）。</p></html>\n");
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
    let plan = plan(&files, &list);
    let named: Vec<(EvidenceFile, String, String, String)> = plan
        .into_iter()
        .enumerate()
        .map(|(i, (f, cat, proves))| {
            let n = names::export_name(i + 1, &cat, &f.title, f.kind.extension());
            (f, cat, proves, n)
        })
        .collect();
    let row = |i: usize, f: &EvidenceFile, cat: &str, proves: &str, n: &str, hash: String| ExportRow {
        n: i as u32 + 1,
        file_name: n.to_string(),
        category: cat.to_string(),
        proves: proves.to_string(),
        original_name: f.name.clone(),
        size: f.size,
        blake3: hash,
    };
    let person = if file.profile.name.trim().is_empty() { "（未填姓名）" } else { file.profile.name.trim() };
    match dest {
        Dest::Folder(dir) => {
            if dir.exists() && fs::read_dir(&dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
                return Err(VaultError::FolderNotEmpty { path: dir.to_path_buf() });
            }
            let tmp = sibling_temp(&dir);
            let run = || -> Result<Vec<ExportRow>> {
                zhicheng_core::storage::create_private_dir(&tmp)?;
                let mut rows = vec![];
                for (i, (f, cat, proves, n)) in named.iter().enumerate() {
                    let p = tmp.join(n);
                    let mut w = BufWriter::new(
                        zhicheng_core::storage::private_file(&p).map_err(CoreError::io(IoAction::Write, &p))?,
                    );
                    let hash = vault.export_file(f, &mut w)?;
                    w.into_inner().map_err(|e| CoreError::io(IoAction::Write, &p)(e.into_error()))?;
                    rows.push(row(i, f, cat, proves, n, hash));
                }
                for (name, body) in [
                    (INDEX_CSV, index_csv(&rows)),
                    (INDEX_HTML, index_html(person, &rows, &list.names(&list.blocking, zhicheng_core::text::Lang::Zh))),
                ] {
                    let p = tmp.join(name);
                    zhicheng_core::storage::private_file(&p)
                        .and_then(|mut f| f.write_all(body.as_ref()))
                        .map_err(CoreError::io(IoAction::Write, &p))?;
                }
                if dir.exists() {
                    fs::remove_dir(&dir).map_err(CoreError::io(IoAction::Replace, &dir))?;
                }
                fs::rename(&tmp, &dir).map_err(CoreError::io(IoAction::Save, &dir))?;
                Ok(rows)
            };
            match run() {
                Ok(rows) => Ok(ExportReport { dest: dir.display().to_string(), rows, blocking: list.blocking }),
                Err(e) => {
                    let _ = fs::remove_dir_all(&tmp);
                    Err(e)
                }
            }
        }
        Dest::Zip(path) => {
            zhicheng_core::storage::check_output(&path, overwrite)?;
            let tmp = sibling_temp(&path);
            let run = || -> Result<Vec<ExportRow>> {
                let out = zhicheng_core::storage::private_file(&tmp).map_err(CoreError::io(IoAction::Write, &tmp))?;
                let mut z = zip::ZipWriter::new(BufWriter::new(out));
                let zerr = |e: zip::result::ZipError| VaultError::WriteZip { detail: e.to_string() };
                let mut rows = vec![];
                for (i, (f, cat, proves, n)) in named.iter().enumerate() {
                    // Scans and PDFs are compressed already; only the old Office formats gain.
                    let method = if matches!(f.kind, FileKind::Doc | FileKind::Xls) {
                        zip::CompressionMethod::Deflated
                    } else {
                        zip::CompressionMethod::Stored
                    };
                    let opts = zip::write::SimpleFileOptions::default()
                        .compression_method(method)
                        .large_file(f.size >= u32::MAX as u64);
                    z.start_file(n.as_str(), opts).map_err(zerr)?;
                    let hash = vault.export_file(f, &mut z)?;
                    rows.push(row(i, f, cat, proves, n, hash));
                }
                let opts = zip::write::SimpleFileOptions::default();
                z.start_file(INDEX_CSV, opts).map_err(zerr)?;
                z.write_all(&index_csv(&rows)).map_err(CoreError::io(IoAction::Write, &tmp))?;
                z.start_file(INDEX_HTML, opts).map_err(zerr)?;
                z.write_all(&index_html(person, &rows, &list.names(&list.blocking, zhicheng_core::text::Lang::Zh)))
                    .map_err(CoreError::io(IoAction::Write, &tmp))?;
                let w = z.finish().map_err(zerr)?;
                let f = w.into_inner().map_err(|e| CoreError::io(IoAction::Write, &tmp)(e.into_error()))?;
                f.sync_all().map_err(CoreError::io(IoAction::Write, &tmp))?;
                fs::rename(&tmp, &path).map_err(CoreError::io(IoAction::Save, &path))?;
                Ok(rows)
            };
            match run() {
                Ok(rows) => Ok(ExportReport { dest: path.display().to_string(), rows, blocking: list.blocking }),
                Err(e) => {
                    let _ = fs::remove_file(&tmp);
                    Err(e)
                }
            }
        }
    }
}
