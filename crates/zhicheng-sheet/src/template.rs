//! The sheet's layout as data: page, title, a grid of label/field cells, tables of achievements, a
//! note and a signature block. The built-in template is `data/sheet-template.json`; a file of the
//! same format replaces it (to match the official layout later without code changes).

use std::path::Path;

use crate::error::{SheetError, TemplateRule};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "zhicheng/sheet-template";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub note: String,
    pub page: PageSpec,
    pub title: String,
    pub title_pt: f32,
    /// May hold `{field}` placeholders, as may every caption, label and note.
    pub subtitle: String,
    pub subtitle_pt: f32,
    pub body_pt: f32,
    /// The line at the top of the second and later pages.
    pub continued: String,
    /// `{page}` and `{pages}` are the page number and count.
    pub footer: String,
    /// Widths of the grid's columns.
    pub columns_mm: Vec<f32>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    pub width_mm: f32,
    pub height_mm: f32,
    pub top_mm: f32,
    pub bottom_mm: f32,
    pub left_mm: f32,
    pub right_mm: f32,
}

impl PageSpec {
    pub fn content_width(&self) -> f32 {
        self.width_mm - self.left_mm - self.right_mm
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Grid { rows: Vec<Vec<Cell>> },
    Table { source: TableSource, caption: String, empty: String, columns: Vec<Column> },
    Note { text: String },
    Sign { label: String, height_mm: f32, lines: Vec<String> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableSource {
    /// The achievements in the 5-year window.
    Achievements,
    /// 论文著作、专利、标准 not in the first table.
    Works,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default = "one")]
    pub span: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Left,
    Center,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub header: String,
    pub width_mm: f32,
    pub field: RowField,
    #[serde(default)]
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowField {
    Index,
    Month,
    Title,
    Role,
    Condition,
}

const BUILTIN: &str = include_str!("../data/sheet-template.json");

const MAX_COLUMNS: usize = 24;
const MAX_BLOCKS: usize = 64;
const MAX_ROWS: usize = 200;
const MIN_COLUMN_MM: f32 = 3.0;

impl Template {
    pub fn builtin() -> Template {
        #[allow(clippy::expect_used, reason = "the built-in template is data compiled in, and tested to parse")]
        Template::parse(BUILTIN, None).expect("the built-in template is valid (tested)")
    }

    /// Parses and checks a template: every field known, every row as wide as the grid, every table as
    /// wide as the page's text area. Errors name the file and the place.
    /// Bounds that keep a hand-made layout printable (a column narrower than 3 mm holds no character).
    pub fn parse(text: &str, path: Option<&Path>) -> Result<Template, SheetError> {
        let t: Template = zhicheng_core::error::parse_versioned(text, path, FORMAT, 1)?;
        let bad = |location: String, rule: TemplateRule| SheetError::Template {
            path: path.map(Path::to_path_buf),
            location,
            rule,
        };
        let p = t.page;
        if !(p.width_mm > 50.0 && p.height_mm > 50.0 && p.content_width() > 20.0)
            || p.top_mm + p.bottom_mm > p.height_mm - 60.0
        {
            return Err(bad("page".into(), TemplateRule::PageSize));
        }
        for (name, v) in [("title_pt", t.title_pt), ("subtitle_pt", t.subtitle_pt), ("body_pt", t.body_pt)] {
            if !(4.0..=48.0).contains(&v) {
                return Err(bad(name.into(), TemplateRule::FontSize { found: v }));
            }
        }
        let width = p.content_width();
        let near = |a: f32| (a - width).abs() < 0.5;
        let grid: f32 = t.columns_mm.iter().sum();
        if t.columns_mm.len() > MAX_COLUMNS || t.blocks.len() > MAX_BLOCKS {
            return Err(bad(
                if t.blocks.len() > MAX_BLOCKS { "blocks" } else { "columns_mm" }.into(),
                TemplateRule::TooManyParts { max_columns: MAX_COLUMNS, max_blocks: MAX_BLOCKS },
            ));
        }
        if let Some(w) = t.columns_mm.iter().find(|w| !(w.is_finite() && **w >= MIN_COLUMN_MM)) {
            return Err(bad("columns_mm".into(), TemplateRule::ColumnTooNarrow { min: MIN_COLUMN_MM, found: *w }));
        }
        if t.columns_mm.is_empty() || t.columns_mm.iter().any(|w| *w <= 0.0) || !near(grid) {
            return Err(bad("columns_mm".into(), TemplateRule::ColumnsSum { width, found: grid }));
        }
        let placeholders = |s: &str, at: String| -> Result<(), SheetError> {
            for name in placeholder_names(s) {
                if !crate::data::is_field(name) && name != "page" && name != "pages" {
                    return Err(bad(at.clone(), TemplateRule::UnknownField { name: format!("{{{name}}}") }));
                }
            }
            Ok(())
        };
        placeholders(&t.subtitle, "subtitle".into())?;
        placeholders(&t.continued, "continued".into())?;
        placeholders(&t.footer, "footer".into())?;
        for (b, block) in t.blocks.iter().enumerate() {
            match block {
                Block::Grid { rows } => {
                    if rows.len() > MAX_ROWS {
                        return Err(bad(format!("blocks[{b}].rows"), TemplateRule::TooManyRows { max: MAX_ROWS }));
                    }
                    for (r, row) in rows.iter().enumerate() {
                        let span: u32 = row.iter().map(|c| c.span).sum();
                        if span as usize != t.columns_mm.len() {
                            return Err(bad(
                                format!("blocks[{b}].rows[{r}]"),
                                TemplateRule::SpanSum { expected: t.columns_mm.len(), found: span },
                            ));
                        }
                        for (c, cell) in row.iter().enumerate() {
                            let at = format!("blocks[{b}].rows[{r}][{c}]");
                            match (&cell.label, &cell.field) {
                                (Some(l), None) => placeholders(l, at)?,
                                (None, Some(f)) if crate::data::is_field(f) => {}
                                (None, Some(f)) => {
                                    return Err(bad(at + ".field", TemplateRule::UnknownField { name: f.clone() }));
                                }
                                _ => return Err(bad(at, TemplateRule::LabelOrField)),
                            }
                            if cell.span == 0 {
                                return Err(bad(format!("blocks[{b}].rows[{r}][{c}].span"), TemplateRule::SpanZero));
                            }
                        }
                    }
                }
                Block::Table { caption, columns, .. } => {
                    placeholders(caption, format!("blocks[{b}].caption"))?;
                    if columns.len() > MAX_COLUMNS {
                        return Err(bad(
                            format!("blocks[{b}].columns"),
                            TemplateRule::TooManyTableColumns { max: MAX_COLUMNS },
                        ));
                    }
                    if let Some((c, col)) = columns
                        .iter()
                        .enumerate()
                        .find(|(_, c)| !(c.width_mm.is_finite() && c.width_mm >= MIN_COLUMN_MM))
                    {
                        return Err(bad(
                            format!("blocks[{b}].columns[{c}].width_mm"),
                            TemplateRule::ColumnTooNarrow { min: MIN_COLUMN_MM, found: col.width_mm },
                        ));
                    }
                    let w: f32 = columns.iter().map(|c| c.width_mm).sum();
                    if columns.is_empty() || !near(w) {
                        return Err(bad(format!("blocks[{b}].columns"), TemplateRule::ColumnsSum { width, found: w }));
                    }
                }
                Block::Note { text } => placeholders(text, format!("blocks[{b}].text"))?,
                Block::Sign { height_mm, .. } if !(10.0..=150.0).contains(height_mm) => {
                    return Err(bad(format!("blocks[{b}].height_mm"), TemplateRule::SignHeight));
                }
                Block::Sign { .. } => {}
            }
        }
        Ok(t)
    }
}

/// The `{name}` placeholders of a string.
pub fn placeholder_names(s: &str) -> impl Iterator<Item = &str> {
    s.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// Replaces `{name}` placeholders with `lookup(name)`.
pub fn fill(s: &str, lookup: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        match rest[i + 1..].split_once('}') {
            Some((name, after)) => {
                out.push_str(&lookup(name));
                rest = after;
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_template_is_valid() {
        let t = Template::builtin();
        assert_eq!(t.page.width_mm, 210.0);
        assert!(t.blocks.len() >= 5);
    }

    #[test]
    fn a_bad_template_is_refused_with_the_place() {
        let with = |from: &str, to: &str| {
            let text = BUILTIN.replacen(from, to, 1);
            assert_ne!(text, BUILTIN, "{from}");
            Template::parse(&text, None).unwrap_err().to_string()
        };
        let e = with("{ \"field\": \"employer\", \"span\": 5 }", "{ \"field\": \"employer\", \"span\": 4 }");
        assert!(e.contains("blocks[0].rows[1]") && e.contains("跨列之和"), "{e}");
        let e = with("\"field\": \"degree\"", "\"field\": \"id_number\"");
        assert!(e.contains("blocks[0].rows[3][3].field") && e.contains("id_number"), "{e}");
        let e = with("\"width_mm\": 72", "\"width_mm\": 80");
        assert!(e.contains("blocks[1].columns"), "{e}");
        let e = with("{window}", "{phone}");
        assert!(e.contains("blocks[1].caption") && e.contains("phone"), "{e}");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill("第{page}页 共{pages}页", |n| if n == "page" { "1".into() } else { "2".into() }),
            "第1页 共2页"
        );
        assert_eq!(fill("a{b", |_| "x".into()), "a{b");
    }
}
