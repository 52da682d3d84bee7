//! The publicity sheet's own failures (fonts, glyphs, writing the PDF), worded per language by
//! [`SheetError::words`] (`Display` is the Chinese). A failure of the core underneath (the template
//! file, the workspace) is carried as it is.

use std::path::PathBuf;

use zhicheng_core::error::os_error;
use zhicheng_core::{CoreError, ErrorCode, ErrorPayload, Lang};

#[derive(Debug)]
pub enum SheetError {
    Core(CoreError),
    /// A font file cannot be read: where it was looked for (the system's reason kept).
    FontUnreadable {
        path: PathBuf,
        source: std::io::Error,
        system_dirs: Vec<String>,
    },
    /// A file that is not a usable font (the parser's words kept).
    FontInvalid {
        path: PathBuf,
        detail: String,
    },
    /// A font cannot be subset into the PDF.
    FontEmbed {
        file: String,
        detail: String,
    },
    /// Writing the PDF failed (the writer's words kept).
    PdfWrite {
        detail: String,
    },
    /// A character has a glyph in none of the sheet's fonts.
    MissingGlyph {
        field: String,
        ch: char,
    },
}

pub type Result<T, E = SheetError> = std::result::Result<T, E>;

impl From<CoreError> for SheetError {
    fn from(e: CoreError) -> Self {
        SheetError::Core(e)
    }
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::Zh))
    }
}

impl std::error::Error for SheetError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SheetError::Core(e) => Some(e),
            _ => None,
        }
    }
}

impl SheetError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SheetError::Core(e) => e.code(),
            SheetError::MissingGlyph { .. } => ErrorCode::MissingGlyph,
            _ => ErrorCode::Fonts,
        }
    }

    /// The IPC payload, its message in `lang`.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        match self {
            SheetError::Core(e) => ErrorPayload::new(e, lang),
            other => ErrorPayload::worded(other.code(), other.words(lang)),
        }
    }

    /// This error in `lang`: what is wrong and what to do.
    pub fn words(&self, lang: Lang) -> String {
        use SheetError::*;
        match lang {
            Lang::Zh => match self {
                Core(e) => e.words(lang),
                FontUnreadable { path, source, system_dirs } => format!(
                    "公示表字体不可用：无法读取 {}（{}）{}。Linux 请安装 fonts-noto-cjk 和 fonts-hanazono；其他系统请重新安装本程序，或在源码目录运行 scripts/fonts.sh",
                    path.display(),
                    os_error(source, lang),
                    if system_dirs.is_empty() {
                        String::new()
                    } else {
                        format!("；也未在系统字体目录（{}）中找到", system_dirs.join("、"))
                    }
                ),
                FontInvalid { path, detail } => {
                    format!("公示表字体不可用：{} 不是可用的字体文件（{detail}）", path.display())
                }
                FontEmbed { file, detail } => format!("公示表字体不可用：{file} 无法嵌入 PDF（{detail}）"),
                PdfWrite { detail } => format!("公示表 PDF 写出失败：{detail}"),
                MissingGlyph { field, ch } => format!(
                    "“{field}”中的字符“{ch}”（U+{:04X}）在公示表的字体中都没有字形，无法打印；请改用常用写法或联系我们",
                    *ch as u32
                ),
            },
            Lang::En => match self {
                Core(e) => e.words(lang),
                FontUnreadable { path, source, system_dirs } => format!(
                    "The publicity sheet's fonts are unavailable: cannot read {} ({}){}. On Linux install fonts-noto-cjk and fonts-hanazono; elsewhere reinstall the app, or run scripts/fonts.sh in the source folder",
                    path.display(),
                    os_error(source, lang),
                    if system_dirs.is_empty() {
                        String::new()
                    } else {
                        format!("; not in the system font folders ({}) either", system_dirs.join(", "))
                    }
                ),
                FontInvalid { path, detail } => format!(
                    "The publicity sheet's fonts are unavailable: {} is not a usable font file ({detail})",
                    path.display()
                ),
                FontEmbed { file, detail } => {
                    format!(
                        "The publicity sheet's fonts are unavailable: {file} cannot be embedded in the PDF ({detail})"
                    )
                }
                PdfWrite { detail } => format!("Writing the publicity sheet's PDF failed: {detail}"),
                MissingGlyph { field, ch } => format!(
                    "The character “{ch}” (U+{:04X}) in “{field}” has no glyph in any of the sheet's fonts and cannot be printed; use a common form or contact us",
                    *ch as u32
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhicheng_core::text::has_cjk;

    #[test]
    fn every_sheet_error_reads_in_both_languages() {
        let all = [
            SheetError::Core(CoreError::Cancelled),
            SheetError::FontUnreadable {
                path: "/f/a.otf".into(),
                source: std::io::ErrorKind::NotFound.into(),
                system_dirs: vec![],
            },
            SheetError::FontUnreadable {
                path: "/f/a.otf".into(),
                source: std::io::ErrorKind::PermissionDenied.into(),
                system_dirs: vec!["/usr/share/fonts/opentype/noto".into()],
            },
            SheetError::FontInvalid { path: "/f/a.otf".into(), detail: "x".into() },
            SheetError::FontEmbed { file: "a.otf".into(), detail: "x".into() },
            SheetError::PdfWrite { detail: "x".into() },
            SheetError::MissingGlyph { field: "name".into(), ch: '\u{20000}' },
        ];
        for e in all {
            let (zh, en) = (e.words(Lang::Zh), e.words(Lang::En));
            assert!(has_cjk(&zh), "{zh}");
            assert!(!has_cjk(&en), "Chinese left in the English of {e:?}: {en}");
            assert_eq!(e.to_string(), zh);
            assert_eq!(e.payload(Lang::En).message, en);
        }
        assert_eq!(SheetError::MissingGlyph { field: "x".into(), ch: 'x' }.code(), ErrorCode::MissingGlyph);
        assert_eq!(SheetError::PdfWrite { detail: "x".into() }.code(), ErrorCode::Fonts);
    }
}
