//! File names: what we show for a name that is not valid UTF-8, and names for the export that are
//! safe on Windows, macOS and Linux.

use std::ffi::OsStr;

/// The name to show and store, and a note when it had to be changed to be shown.
/// Something to tell about a file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameNote {
    NotUtf8,
}

impl NameNote {
    pub fn words(self, lang: zhicheng_core::Lang) -> &'static str {
        match lang {
            zhicheng_core::Lang::Zh => "原文件名不是有效的 UTF-8 编码，无法识别的字符已替换为 �",
            zhicheng_core::Lang::En => {
                "the original file name is not valid UTF-8; characters that could not be read were replaced with �"
            }
        }
    }
}

pub fn display_name(name: &OsStr) -> (String, Option<NameNote>) {
    match name.to_str() {
        Some(s) => (s.to_string(), None),
        None => (name.to_string_lossy().into_owned(), Some(NameNote::NotUtf8)),
    }
}

/// The title a file gets when imported: its name without the extension.
pub fn default_title(name: &str) -> String {
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    let t = stem.trim();
    if t.is_empty() { "未命名".to_string() } else { t.to_string() }
}

const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// One path component safe everywhere: no `/ \ : * ? " < > |` or control characters (each becomes
/// `_`), no `..`, no trailing dot or space, not a Windows device name (CON, NUL, COM1…), at most
/// `max_bytes` bytes of UTF-8 (cut on a character boundary). Never empty.
pub fn safe_component(s: &str, max_bytes: usize) -> String {
    let mut out: String =
        s.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c }).collect();
    while out.contains("..") {
        out = out.replace("..", "_");
    }
    let mut cut = String::new();
    for c in out.chars() {
        if cut.len() + c.len_utf8() > max_bytes {
            break;
        }
        cut.push(c);
    }
    let mut out = cut.trim_end_matches(['.', ' ']).trim_start().to_string();
    let stem = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    if RESERVED.contains(&stem.as_str()) {
        out.insert(0, '_');
    }
    if out.is_empty() { "_".to_string() } else { out }
}

/// `NN_类别_标题.ext` for the export, under 180 bytes (room below the 255-byte limit of most file
/// systems, and for a folder path on Windows).
pub fn export_name(n: usize, category: &str, title: &str, ext: &str) -> String {
    let prefix = format!("{n:02}_{}_", safe_component(category, 60));
    let room = 180usize.saturating_sub(prefix.len() + ext.len() + 1).max(8);
    format!("{prefix}{}.{ext}", safe_component(title, room))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_are_safe_on_every_system() {
        assert_eq!(export_name(1, "学历证书", "硕士毕业证", "pdf"), "01_学历证书_硕士毕业证.pdf");
        assert_eq!(export_name(2, "业绩1", "../../etc/passwd", "jpg"), "02_业绩1_____etc_passwd.jpg");
        assert_eq!(export_name(3, "业绩2", "a\\b:c*d?\"e<f>g|h", "pdf"), "03_业绩2_a_b_c_d__e_f_g_h.pdf");
        assert_eq!(safe_component("CON", 50), "_CON");
        assert_eq!(safe_component("nul.txt", 50), "_nul.txt");
        assert_eq!(safe_component("COM1", 50), "_COM1");
        assert_eq!(safe_component("CONSOLE", 50), "CONSOLE");
        assert_eq!(safe_component("报告. ", 50), "报告");
        assert_eq!(safe_component("", 50), "_");
        assert_eq!(safe_component("\u{7}\n", 50), "__");
        let long = "很长的标题".repeat(100);
        let name = export_name(12, "业绩3", &long, "pdf");
        assert!(name.len() <= 180, "{}", name.len());
        assert!(name.starts_with("12_业绩3_很长的标题") && name.ends_with(".pdf"));
    }

    #[test]
    fn titles_and_shown_names() {
        assert_eq!(default_title("硕士学位证.pdf"), "硕士学位证");
        assert_eq!(default_title(".hidden"), ".hidden");
        assert_eq!(default_title("  .pdf"), "未命名");
        assert_eq!(display_name(OsStr::new("证书.pdf")), ("证书.pdf".to_string(), None));
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let (shown, note) = display_name(OsStr::from_bytes(b"\xd6\xa4\xca\xe9.pdf"));
            assert!(shown.ends_with(".pdf") && shown.contains('\u{FFFD}'));
            assert_eq!(note, Some(NameNote::NotUtf8));
            assert!(NameNote::NotUtf8.words(zhicheng_core::Lang::Zh).contains("UTF-8"));
        }
    }
}
