//! What a file is, decided by its content (never by its extension): PDF, JPEG, PNG, OFD, DOC, DOCX,
//! XLS, XLSX, ZIP. Anything else is refused with the reason.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
    /// 版式文档 (GB/T 33190), a ZIP with `OFD.xml` at its root.
    Ofd,
    Doc,
    Docx,
    Xls,
    Xlsx,
    Zip,
}

impl FileKind {
    pub const ALL: [FileKind; 9] = [
        FileKind::Pdf,
        FileKind::Jpeg,
        FileKind::Png,
        FileKind::Ofd,
        FileKind::Doc,
        FileKind::Docx,
        FileKind::Xls,
        FileKind::Xlsx,
        FileKind::Zip,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
            FileKind::Ofd => "ofd",
            FileKind::Doc => "doc",
            FileKind::Docx => "docx",
            FileKind::Xls => "xls",
            FileKind::Xlsx => "xlsx",
            FileKind::Zip => "zip",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Jpeg => "JPEG 图片",
            FileKind::Png => "PNG 图片",
            FileKind::Ofd => "OFD 版式文档",
            FileKind::Doc => "Word 文档（DOC）",
            FileKind::Docx => "Word 文档（DOCX）",
            FileKind::Xls => "Excel 表格（XLS）",
            FileKind::Xlsx => "Excel 表格（XLSX）",
            FileKind::Zip => "ZIP 压缩包",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Ofd => "application/ofd",
            FileKind::Doc => "application/msword",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileKind::Xls => "application/vnd.ms-excel",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Zip => "application/zip",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Jpeg | FileKind::Png)
    }
}

/// Why a file is not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    Executable(&'static str),
    Script,
    Unknown,
    Unreadable(String),
}

impl Refusal {
    /// Why the file is refused, in `lang`.
    pub fn words(&self, lang: zhicheng_core::Lang) -> String {
        use zhicheng_core::Lang;
        match (self, lang) {
            (Refusal::Empty, Lang::En) => "an empty file (0 bytes): nothing in it can prove anything".into(),
            (Refusal::Executable(k), Lang::En) => format!("a program ({k}); it cannot be evidence"),
            (Refusal::Script, Lang::En) => "a script; it cannot be evidence".into(),
            (Refusal::Unknown, Lang::En) => {
                "not a supported format; evidence must be PDF, JPEG, PNG, OFD, Word (DOC/DOCX), Excel (XLS/XLSX) or ZIP"
                    .into()
            }
            (Refusal::Unreadable(e), Lang::En) => format!("cannot be read: {e}"),
            (r, Lang::Zh) => r.to_string(),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty => f.write_str("空文件（0 字节），没有可证明的内容"),
            Refusal::Executable(k) => write!(f, "是可执行程序（{k}），不能作为佐证材料"),
            Refusal::Script => f.write_str("是脚本文件，不能作为佐证材料"),
            Refusal::Unknown => f.write_str(
                "不是支持的格式；佐证材料请用 PDF、JPEG、PNG、OFD、Word（DOC/DOCX）、Excel（XLS/XLSX）或 ZIP",
            ),
            Refusal::Unreadable(e) => write!(f, "无法读取：{e}"),
        }
    }
}

const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decides the kind of the file at `path` from its bytes.
pub fn sniff(path: &Path) -> Result<FileKind, Refusal> {
    let unreadable = |e: std::io::Error| Refusal::Unreadable(e.to_string());
    let mut f = File::open(path).map_err(unreadable)?;
    let mut head = vec![0u8; 1024];
    let mut n = 0;
    while let Some(rest) = head.get_mut(n..).filter(|r| !r.is_empty()) {
        match f.read(rest).map_err(unreadable)? {
            0 => break,
            k => n += k,
        }
    }
    head.truncate(n);
    if head.is_empty() {
        return Err(Refusal::Empty);
    }
    if head.starts_with(b"\xFF\xD8\xFF") {
        return Ok(FileKind::Jpeg);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(FileKind::Png);
    }
    // PDF readers accept the header anywhere in the first 1024 bytes.
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(FileKind::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Ok(zip_kind(path));
    }
    if head.starts_with(&OLE2) {
        return ole_kind(path);
    }
    if head.starts_with(b"\x7fELF") {
        return Err(Refusal::Executable("ELF"));
    }
    if head.starts_with(b"MZ") {
        return Err(Refusal::Executable("Windows EXE/DLL"));
    }
    if [[0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCF, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE]]
        .iter()
        .any(|m| head.starts_with(m))
    {
        return Err(Refusal::Executable("Mach-O"));
    }
    if head.starts_with(b"#!") {
        return Err(Refusal::Script);
    }
    Err(Refusal::Unknown)
}

/// OOXML and OFD are ZIPs; their first entries say which. A ZIP that does not open as one is still a
/// ZIP for the portal (it takes the bytes).
fn zip_kind(path: &Path) -> FileKind {
    let Ok(file) = File::open(path) else { return FileKind::Zip };
    let Ok(mut z) = zip::ZipArchive::new(file) else { return FileKind::Zip };
    let names: Vec<String> = (0..z.len().min(2000))
        .filter_map(|i| z.by_index_raw(i).ok().and_then(|e| e.name().ok().map(|n| n.to_string())))
        .collect();
    let has = |p: &str| names.iter().any(|n| n == p || n.starts_with(p));
    if names.iter().any(|n| n.eq_ignore_ascii_case("OFD.xml")) {
        FileKind::Ofd
    } else if has("[Content_Types].xml") && has("word/") {
        FileKind::Docx
    } else if has("[Content_Types].xml") && has("xl/") {
        FileKind::Xlsx
    } else {
        FileKind::Zip
    }
}

/// Old Office files are OLE2 compound files; the streams inside say Word or Excel. Other OLE2 files
/// (MSI installers, old PowerPoint, …) are refused.
fn ole_kind(path: &Path) -> Result<FileKind, Refusal> {
    let Ok(c) = cfb::open(path) else { return Err(Refusal::Unknown) };
    if c.exists("/WordDocument") {
        Ok(FileKind::Doc)
    } else if c.exists("/Workbook") || c.exists("/Book") {
        Ok(FileKind::Xls)
    } else {
        Err(Refusal::Unknown)
    }
}

#[cfg(test)]
pub(crate) mod samples {
    //! Small real files of each kind, made in the test.
    use std::io::Write;
    use std::path::{Path, PathBuf};

    pub(crate) fn pdf(dir: &Path, name: &str, body: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, format!("%PDF-1.4\n% {body}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")).unwrap();
        p
    }

    pub(crate) fn jpeg(dir: &Path, name: &str, size: usize) -> PathBuf {
        let p = dir.join(name);
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0];
        b.extend((0..size).map(|i| (i * 7 % 251) as u8));
        std::fs::write(&p, b).unwrap();
        p
    }

    pub(crate) fn zip_with(dir: &Path, name: &str, entries: &[&str]) -> PathBuf {
        let p = dir.join(name);
        let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
        for e in entries {
            z.start_file(*e, zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(b"<x/>").unwrap();
        }
        z.finish().unwrap();
        p
    }

    pub(crate) fn ole_with(dir: &Path, name: &str, stream: &str) -> PathBuf {
        let p = dir.join(name);
        let mut c = cfb::create(&p).unwrap();
        c.create_stream(stream).unwrap().write_all(b"data").unwrap();
        c.flush().unwrap();
        p
    }
}

#[cfg(test)]
mod tests {
    use super::samples::*;
    use super::*;

    #[test]
    fn kinds_come_from_the_content_not_the_name() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        assert_eq!(sniff(&pdf(p, "scan.jpg", "x")), Ok(FileKind::Pdf));
        assert_eq!(sniff(&jpeg(p, "diploma.pdf", 100)), Ok(FileKind::Jpeg));
        std::fs::write(p.join("a"), b"\x89PNG\r\n\x1a\n....").unwrap();
        assert_eq!(sniff(&p.join("a")), Ok(FileKind::Png));
        assert_eq!(sniff(&zip_with(p, "a.zip", &["[Content_Types].xml", "word/document.xml"])), Ok(FileKind::Docx));
        assert_eq!(sniff(&zip_with(p, "b.docx", &["[Content_Types].xml", "xl/workbook.xml"])), Ok(FileKind::Xlsx));
        assert_eq!(sniff(&zip_with(p, "c.zip", &["OFD.xml", "Doc_0/Document.xml"])), Ok(FileKind::Ofd));
        assert_eq!(sniff(&zip_with(p, "d.ofd", &["照片/1.jpg"])), Ok(FileKind::Zip));
        assert_eq!(sniff(&ole_with(p, "e.xls", "/WordDocument")), Ok(FileKind::Doc));
        assert_eq!(sniff(&ole_with(p, "f.doc", "/Workbook")), Ok(FileKind::Xls));
        assert_eq!(sniff(&ole_with(p, "g.doc", "/PowerPoint Document")), Err(Refusal::Unknown));
    }

    #[test]
    fn programs_scripts_empty_and_unknown_files_are_refused_with_the_reason() {
        let d = tempfile::tempdir().unwrap();
        let w = |n: &str, b: &[u8]| {
            std::fs::write(d.path().join(n), b).unwrap();
            sniff(&d.path().join(n))
        };
        assert_eq!(w("证书.pdf", b"\x7fELF\x02\x01"), Err(Refusal::Executable("ELF")));
        assert_eq!(w("setup.pdf", b"MZ\x90\x00"), Err(Refusal::Executable("Windows EXE/DLL")));
        assert_eq!(w("run.pdf", b"#!/bin/sh\nrm -rf ~\n"), Err(Refusal::Script));
        assert_eq!(w("空.pdf", b""), Err(Refusal::Empty));
        assert_eq!(w("notes.txt", "我的业绩".as_bytes()), Err(Refusal::Unknown));
        assert!(Refusal::Unknown.to_string().contains("PDF、JPEG"));
        assert!(Refusal::Empty.to_string().contains("0 字节"));
    }
}
