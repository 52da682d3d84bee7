//! 《重庆市职称申报综合情况（公示）表》: the publicity sheet a unit posts for at least 5 working days
//! before recommending an applicant (渝经信发〔2023〕89号 三（三）3（1））.
//!
//! - [`template`]: the layout as data (built-in `data/sheet-template.json`, replaceable by a file);
//! - [`data`]: what the sheet says, from the applicant file, the assessment and the holiday calendar;
//! - [`fonts`]: the bundled CJK fonts, read once per process; glyph coverage and fallback;
//! - [`layout`]: measured line breaking and pagination; [`pdf`] and [`svg`] draw the same pages.
//!
//! The platform's own export of the sheet is authoritative; this one is for checking and printing
//! beforehand.

pub mod bindings;
pub mod data;
pub mod error;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod svg;
pub mod template;

use std::path::Path;
use zhicheng_core::IoAction;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;
use ts_rs::TS;
use zhicheng_core::CoreError;
use zhicheng_core::applicant_file::ApplicantFile;
use zhicheng_core::calendar::WorkCalendar;
use zhicheng_core::eligibility::{RulePack, TitleLevel};
use zhicheng_core::publicity::PublicityPeriod;
use zhicheng_core::round::Round;

pub use data::{MissingField, Section, SheetData};
pub use error::SheetError;
pub use fonts::{Face, Fonts};
pub use template::Template;

/// The name of a workspace's own template, which replaces the built-in one when present.
pub const WORKSPACE_TEMPLATE: &str = "sheet-template.json";

/// What the sheet page of the app shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SheetPreview {
    /// One SVG document per page, laid out exactly as the PDF.
    pub pages: Vec<String>,
    /// Fields still empty, with where to fill them.
    pub missing: Vec<MissingField>,
    pub period: PublicityPeriod,
    /// The level printed (chosen, or the highest the assessment finds eligible).
    pub level: Option<TitleLevel>,
    /// Characters drawn with the fallback font (rare characters).
    pub fallback_chars: Vec<String>,
    /// A file name to suggest when saving.
    pub file_name: String,
    /// The template in use: "built-in" or the file it was read from.
    pub template: String,
}

/// Everything a sheet is made from besides the applicant file.
pub struct Context<'a> {
    pub pack: &'a RulePack,
    pub round: &'a Round,
    pub calendar: &'a WorkCalendar,
    pub template: &'a Template,
    pub fonts: &'a Fonts,
}

/// Control characters would print as boxes: tabs become spaces, line breaks stay, the rest go.
fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            '\r' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Refuses a character that no font can draw (naming it and the field), so nothing prints as an
/// invisible box; returns the characters that need the fallback font.
pub fn check_glyphs(fonts: &Fonts, data: &SheetData) -> Result<Vec<String>, SheetError> {
    let mut fallback = std::collections::BTreeSet::new();
    let rows = data.achievements.iter().chain(&data.works);
    let texts = data.fields.iter().map(|(k, v)| (data::field_label(k).to_string(), v.as_str())).chain(
        rows.flat_map(|r| [("业绩成果名称".to_string(), r.title.as_str()), ("本人角色".to_string(), r.role.as_str())]),
    );
    for (field, text) in texts {
        for ch in text.chars().filter(|c| *c != '\n') {
            match fonts.face_for(Face::Serif, ch) {
                None => return Err(SheetError::MissingGlyph { field, ch }),
                Some(Face::Fallback) => {
                    fallback.insert(ch.to_string());
                }
                Some(_) => {}
            }
        }
    }
    Ok(fallback.into_iter().collect())
}

/// The sheet's content for `file` (cleaned of control characters).
pub fn collect(file: &ApplicantFile, ctx: &Context) -> SheetData {
    let mut d = data::collect(file, ctx.pack, ctx.round, ctx.calendar);
    for v in d.fields.values_mut() {
        *v = clean(v);
    }
    for r in d.achievements.iter_mut().chain(d.works.iter_mut()) {
        r.title = clean(&r.title);
        r.role = clean(&r.role);
    }
    d
}

fn file_name(author: &str) -> String {
    let name: String = author.chars().filter(|c| !"\\/:*?\"<>|".contains(*c) && !c.is_control()).collect();
    if name.trim().is_empty() { "公示表.pdf".into() } else { format!("公示表_{}.pdf", name.trim()) }
}

/// The PDF of the sheet, created at `now` (shown in Beijing time in its metadata).
pub fn pdf(file: &ApplicantFile, ctx: &Context, now: DateTime<Utc>) -> Result<Vec<u8>, SheetError> {
    let data = collect(file, ctx);
    check_glyphs(ctx.fonts, &data)?;
    let layout = layout::layout(ctx.fonts, ctx.template, &data);
    let title = format!("{}（{}）", ctx.template.title, data.author);
    let created: DateTime<FixedOffset> = zhicheng_core::round::beijing(now);
    pdf::write(
        ctx.fonts,
        &layout,
        &pdf::Meta { title: &title, author: &data.author, subject: &data.field("evaluation"), created },
    )
}

/// The pages as SVG and what is missing, for the app's sheet page.
pub fn preview(file: &ApplicantFile, ctx: &Context, template_source: &str) -> Result<SheetPreview, SheetError> {
    let data = collect(file, ctx);
    let fallback_chars = check_glyphs(ctx.fonts, &data)?;
    let layout = layout::layout(ctx.fonts, ctx.template, &data);
    Ok(SheetPreview {
        pages: svg::pages(&layout),
        file_name: file_name(&data.author),
        missing: data.missing,
        period: data.period,
        level: data.level,
        fallback_chars,
        template: template_source.to_string(),
    })
}

/// The template in force for a workspace: its own `sheet-template.json` when present, else the
/// built-in one. Returns the template and where it came from.
pub fn workspace_template(root: &Path) -> Result<(Template, String), SheetError> {
    let path = root.join(WORKSPACE_TEMPLATE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok((Template::parse(&text, Some(&path))?, path.display().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Template::builtin(), "built-in".into())),
        Err(e) => Err(CoreError::Io { action: IoAction::Read, path, source: e }.into()),
    }
}

/// The suggested file name of a sheet.
pub fn suggested_file_name(file: &ApplicantFile) -> String {
    file_name(file.profile.name.trim())
}
