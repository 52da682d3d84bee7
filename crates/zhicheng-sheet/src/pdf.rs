//! The pages as a PDF: A4, the fonts embedded as subsets (with ToUnicode, so text can be searched
//! and copied), metadata set, and the same bytes for the same input and date.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::SheetError;
use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rgb,
    TextItem, TextMatrix,
};

use crate::fonts::{Face, Fonts};
use crate::layout::{Item, Layout};

fn mm_to_pt(v: f32) -> f32 {
    v * 72.0 / 25.4
}

fn pdf_date(t: DateTime<FixedOffset>) -> printpdf::date::OffsetDateTime {
    use printpdf::date::{Date, Offset, Time};
    let off = t.offset().local_minus_utc();
    printpdf::date::OffsetDateTime::new_in_offset(
        Date { year: t.year(), month: t.month() as u8, day: t.day() as u8 },
        Time { hour: t.hour() as u8, minute: t.minute() as u8, second: t.second() as u8, millisecond: 0 },
        Offset { hours: (off / 3600) as i8, minutes: ((off % 3600) / 60) as i8, seconds: 0, milliseconds: 0 },
    )
}

/// A stable 128-bit digest for the document ID (FNV-1a, twice with different seeds): the ID must not
/// change between two runs on the same input, and need not be secret.
fn digest(parts: &[&[u8]]) -> String {
    let mut out = String::new();
    for seed in [0xcbf2_9ce4_8422_2325u64, 0x6c62_272e_07bb_0142] {
        let mut h = seed;
        for p in parts {
            for b in *p {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        out.push_str(&format!("{h:016x}"));
    }
    out
}

/// Deflates every stream not yet compressed, at zlib's fast level: `lopdf::Document::compress`
/// uses the best (slowest) level, several milliseconds per sheet for a few per cent in size.
fn compress(lo: &mut lopdf::Document) {
    use std::io::Write;
    for obj in lo.objects.values_mut() {
        if let lopdf::Object::Stream(s) = obj
            && s.dict.get(b"Filter").is_err()
        {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            if z.write_all(&s.content).is_ok()
                && let Ok(packed) = z.finish()
                && packed.len() + 19 < s.content.len()
            {
                s.dict.set("Filter", "FlateDecode");
                s.set_content(packed);
            }
        }
    }
}

/// Marks the embedded fonts as subsets (ISO 32000-1, 9.6.4: `ABCDEF+Name` on /BaseFont and
/// /FontName), with the fixed tag of each face so the bytes stay the same from run to run.
fn tag_subsets(lo: &mut lopdf::Document, names: &[(String, &str)]) {
    for obj in lo.objects.values_mut() {
        if let lopdf::Object::Dictionary(d) = obj {
            for key in [b"BaseFont".as_slice(), b"FontName"] {
                let tagged = d.get(key).ok().and_then(|v| v.as_name().ok()).and_then(|n| {
                    names.iter().find(|(name, _)| name.as_bytes() == n).map(|(name, tag)| format!("{tag}+{name}"))
                });
                if let Some(t) = tagged {
                    d.set(key, lopdf::Object::Name(t.into_bytes()));
                }
            }
        }
    }
}

pub struct Meta<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub created: DateTime<FixedOffset>,
}

pub fn write(fonts: &Fonts, layout: &Layout, meta: &Meta) -> Result<Vec<u8>, SheetError> {
    let mut doc = PdfDocument::new(meta.title);
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for item in layout.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { face, text, .. } = item {
            used.entry(*face).or_default().extend(text.chars());
        }
    }
    // Each face is cut down to the sheet's characters here (see `LoadedFace::pdf_subset`) and embedded
    // as it is: printpdf's own subsetting is turned off below, so the names get their subset tag here.
    let mut names = vec![];
    for (f, chars) in &used {
        let (face, id) = (fonts.face(*f), f.pdf_id());
        let parsed = face
            .pdf_subset(chars)
            .map_err(|e| SheetError::FontEmbed { file: face.file.clone(), detail: e.to_string() })?;
        if let Some(name) = parsed.font_name.clone() {
            names.push((name, id));
        }
        doc.resources.fonts.map.insert(FontId(id.to_string()), printpdf::font::PdfFont::new(parsed));
    }
    let (w, h) = (layout.page.width_mm, layout.page.height_mm);
    let mut pages = vec![];
    for page in &layout.pages {
        let mut ops = vec![
            Op::SetOutlineColor { col: Color::Rgb(Rgb { r: 0.0, g: 0.0, b: 0.0, icc_profile: None }) },
            Op::SetFillColor { col: Color::Rgb(Rgb { r: 0.0, g: 0.0, b: 0.0, icc_profile: None }) },
        ];
        let mut thickness = None;
        for item in &page.items {
            if let Item::Line { x1, y1, x2, y2, width_pt } = item {
                if thickness != Some(*width_pt) {
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width_pt) });
                    thickness = Some(*width_pt);
                }
                let p = |x: f32, y: f32| LinePoint {
                    p: Point { x: Pt(mm_to_pt(x)), y: Pt(mm_to_pt(h - y)) },
                    bezier: false,
                };
                ops.push(Op::DrawLine { line: Line { points: vec![p(*x1, *y1), p(*x2, *y2)], is_closed: false } });
            }
        }
        ops.push(Op::StartTextSection);
        let mut current: Option<(Face, f32)> = None;
        for item in &page.items {
            if let Item::Text { x, baseline, size_pt, face, text, .. } = item {
                if current != Some((*face, *size_pt)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(FontId(face.pdf_id().to_string())),
                        size: Pt(*size_pt),
                    });
                    current = Some((*face, *size_pt));
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(mm_to_pt(*x)), Pt(mm_to_pt(h - baseline))),
                });
                ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
            }
        }
        ops.push(Op::EndTextSection);
        pages.push(PdfPage::new(Mm(w), Mm(h), ops));
    }
    doc.with_pages(pages);
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.to_string();
    info.author = meta.author.to_string();
    info.subject = meta.subject.to_string();
    info.creator = "绿色低碳职称申报助手".to_string();
    info.producer = format!("zhicheng {} (printpdf 0.12)", env!("CARGO_PKG_VERSION"));
    let date = pdf_date(meta.created);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    let mut warnings = vec![];
    let opts = PdfSaveOptions { subset_fonts: false, optimize: false, ..PdfSaveOptions::default() };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    tag_subsets(&mut lo, &names);
    compress(&mut lo);
    // printpdf writes every date as UTC wall time with a +00'00' zone; write the Beijing one properly.
    let stamp = meta.created.format("D:%Y%m%d%H%M%S+08'00'").to_string();
    if let Ok(info_ref) = lo.trailer.get(b"Info").and_then(|r| r.as_reference())
        && let Ok(info) = lo.get_object_mut(info_ref).and_then(|o| o.as_dict_mut())
    {
        for key in ["CreationDate", "ModDate"] {
            info.set(key, lopdf::Object::String(stamp.clone().into_bytes(), lopdf::StringFormat::Literal));
        }
    }
    let id = digest(&[
        meta.title.as_bytes(),
        meta.author.as_bytes(),
        meta.created.to_rfc3339().as_bytes(),
        format!("{layout:?}").as_bytes(),
    ]);
    let id_obj = || lopdf::Object::String(id.as_bytes().to_vec(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![id_obj(), id_obj()]));
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| SheetError::PdfWrite { detail: e.to_string() })?;
    Ok(out)
}
