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
    /// A sheet template (a layout file) breaks one of its rules, at `location` (a JSON path).
    Template {
        path: Option<PathBuf>,
        location: String,
        rule: TemplateRule,
    },
}

/// The rules of a sheet template that its types cannot hold (worded in [`TemplateRule::words`]).
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateRule {
    PageSize,
    FontSize { found: f32 },
    TooManyParts { max_columns: usize, max_blocks: usize },
    ColumnTooNarrow { min: f32, found: f32 },
    ColumnsSum { width: f32, found: f32 },
    UnknownField { name: String },
    TooManyRows { max: usize },
    SpanSum { expected: usize, found: u32 },
    LabelOrField,
    SpanZero,
    TooManyTableColumns { max: usize },
    SignHeight,
}

impl TemplateRule {
    pub fn words(&self, lang: Lang) -> String {
        use TemplateRule::*;
        match lang {
            Lang::Zh => match self {
                PageSize => "页面尺寸或页边距不合理".into(),
                FontSize { found } => format!("字号应在 4–48 磅之间，收到 {found}"),
                TooManyParts { max_columns, max_blocks } => format!("版式最多 {max_columns} 列、{max_blocks} 个区块"),
                ColumnTooNarrow { min, found } => format!("每列应至少 {min} 毫米宽，收到 {found}"),
                ColumnsSum { width, found } => format!("各列宽之和应为版心宽 {width} 毫米，现为 {found}"),
                UnknownField { name } => format!("未知字段“{name}”"),
                TooManyRows { max } => format!("每个区块最多 {max} 行"),
                SpanSum { expected, found } => format!("各格跨列之和应为 {expected}，现为 {found}"),
                LabelOrField => "每格应有 label 或 field 之一".into(),
                SpanZero => "跨列数应不小于1".into(),
                TooManyTableColumns { max } => format!("表格最多 {max} 列"),
                SignHeight => "应在 10–150 毫米之间".into(),
            },
            Lang::En => match self {
                PageSize => "the page size or the margins are not plausible".into(),
                FontSize { found } => format!("the font size must be between 4 and 48 pt; found {found}"),
                TooManyParts { max_columns, max_blocks } => {
                    format!("a layout has at most {max_columns} columns and {max_blocks} blocks")
                }
                ColumnTooNarrow { min, found } => format!("each column must be at least {min} mm wide; found {found}"),
                ColumnsSum { width, found } => {
                    format!("the columns must add up to the text width of {width} mm; they add up to {found}")
                }
                UnknownField { name } => format!("unknown field “{name}”"),
                TooManyRows { max } => format!("a block has at most {max} rows"),
                SpanSum { expected, found } => {
                    format!("the cells' spans must add up to {expected}; they add up to {found}")
                }
                LabelOrField => "each cell needs either a label or a field".into(),
                SpanZero => "a span must be at least 1".into(),
                TooManyTableColumns { max } => format!("a table has at most {max} columns"),
                SignHeight => "must be between 10 and 150 mm".into(),
            },
        }
    }
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
            SheetError::Template { .. } => ErrorCode::InvalidFile,
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
        let path_prefix = |p: &Option<PathBuf>| p.as_ref().map(|p| format!("{} ", p.display())).unwrap_or_default();
        match lang {
            Lang::Zh => match self {
                Core(e) => e.words(lang),
                Template { path, location, rule } => format!("{}{location}：{}", path_prefix(path), rule.words(lang)),
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
                Template { path, location, rule } => format!("{}{location}: {}", path_prefix(path), rule.words(lang)),
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
        let rules = [
            TemplateRule::PageSize,
            TemplateRule::FontSize { found: 3.0 },
            TemplateRule::TooManyParts { max_columns: 24, max_blocks: 64 },
            TemplateRule::ColumnTooNarrow { min: 3.0, found: 1.0 },
            TemplateRule::ColumnsSum { width: 180.0, found: 170.0 },
            TemplateRule::UnknownField { name: "nmae".into() },
            TemplateRule::TooManyRows { max: 200 },
            TemplateRule::SpanSum { expected: 8, found: 7 },
            TemplateRule::LabelOrField,
            TemplateRule::SpanZero,
            TemplateRule::TooManyTableColumns { max: 24 },
            TemplateRule::SignHeight,
        ];
        let all = all.into_iter().chain(rules.into_iter().map(|rule| SheetError::Template {
            path: Some("/t/layout.json".into()),
            location: "blocks[0]".into(),
            rule,
        }));
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
