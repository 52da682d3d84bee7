//! One A4 PDF out of an item's pages (bytes in, bytes out; the vault supplies the files).
//!
//! - **Images** (JPEG, PNG) become one page each, A4 portrait, or landscape when the picture (after
//!   its EXIF orientation and the user's rotation) is wider than tall. A picture that fits inside the
//!   10 mm margins at 150 dpi is placed at that size; a larger one is fitted; both are centred.
//!   Without compression a JPEG is embedded as it is (its bytes, lossless; orientation and rotation
//!   are done by the page's transformation matrix, as `img2pdf` does), a PNG as its pixels.
//! - **Compression** ([`Compress`]): the picture is resampled to the chosen dpi at its size on the
//!   page — never up — and re-encoded as JPEG at the chosen quality; kept as it was when that would
//!   not be smaller.
//! - **PDF pages** are copied page by page with what they use (fonts, images), keeping their own page
//!   size; a rotation is added to the page's own. They are not re-compressed.
//! - **Masking** ([`mask_image`], [`masked_pdf`]): the hidden rectangles are painted over the pixels
//!   of a raster of the page, which replaces the page as an image: no text of it is left to select.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Write};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::error::ComposeError;
use crate::sniff::FileKind;

/// A4 in points.
pub const A4: (f32, f32) = (595.2756, 841.8898);
/// 10 mm.
pub const MARGIN: f32 = 28.346_457;
/// The resolution at which a picture is taken to have its natural size on paper.
pub const NATURAL_DPI: f32 = 150.0;
/// Pictures larger than this are refused (a decompression bomb or a panorama; 100 megapixels).
const MAX_PIXELS: u64 = 100_000_000;

/// Re-encoding of the images of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Compress {
    /// Pixels per inch at the picture's size on the page (72–600).
    pub dpi: u32,
    /// JPEG quality (30–95).
    pub quality: u8,
}

impl Compress {
    pub fn check(self) -> Result<Self, ComposeError> {
        if !(72..=600).contains(&self.dpi) {
            return Err(ComposeError::DpiOutOfRange { dpi: self.dpi });
        }
        if !(30..=95).contains(&self.quality) {
            return Err(ComposeError::QualityOutOfRange { quality: self.quality });
        }
        Ok(self)
    }
}

/// A rectangle to hide, in fractions (0–1) of the page as displayed, from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct MaskRect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One page of the output: the file's content, its kind and title (for messages), which page (0
/// for an image) and the rotation added (0, 90, 180, 270, clockwise).
pub struct PageInput<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub kind: FileKind,
    pub bytes: &'a [u8],
    pub page: u32,
    pub rotate: u16,
}

/// Pages of a file: 1 for an image, the page count of a PDF; others cannot be composed.
pub fn page_count(title: &str, kind: FileKind, bytes: &[u8]) -> Result<u32, ComposeError> {
    match kind {
        FileKind::Jpeg | FileKind::Png => Ok(1),
        FileKind::Pdf => Ok(load_pdf(title, bytes)?.get_pages().len() as u32),
        other => Err(ComposeError::NotComposable { title: title.to_string(), kind: other }),
    }
}

fn load_pdf(title: &str, bytes: &[u8]) -> Result<Document, ComposeError> {
    let doc = Document::load_mem(bytes)
        .map_err(|e| ComposeError::PdfUnreadable { title: title.into(), detail: e.to_string() })?;
    if doc.is_encrypted() {
        return Err(ComposeError::PdfEncrypted { title: title.into() });
    }
    if doc.get_pages().is_empty() {
        return Err(ComposeError::PdfNoPages { title: title.into() });
    }
    Ok(doc)
}

/// An affine transformation in PDF's order `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `second ∘ first`.
fn then(first: Matrix, second: Matrix) -> Matrix {
    let [a1, b1, c1, d1, e1, f1] = first;
    let [a2, b2, c2, d2, e2, f2] = second;
    [
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    ]
}

/// On the unit square a picture occupies (y up): a quarter turn clockwise as seen.
const TURN: Matrix = [0.0, -1.0, 1.0, 0.0, 0.0, 1.0];
const FLIP_H: Matrix = [-1.0, 0.0, 0.0, 1.0, 1.0, 0.0];
const FLIP_V: Matrix = [1.0, 0.0, 0.0, -1.0, 0.0, 1.0];

fn turns(n: u16) -> Matrix {
    (0..n % 4).fold(IDENTITY, |m, _| then(m, TURN))
}

/// The EXIF orientation as quarter turns clockwise and a final horizontal flip.
fn orientation_parts(o: Orientation) -> (u16, bool) {
    match o {
        Orientation::NoTransforms => (0, false),
        Orientation::Rotate90 => (1, false),
        Orientation::Rotate180 => (2, false),
        Orientation::Rotate270 => (3, false),
        Orientation::FlipHorizontal => (0, true),
        Orientation::FlipVertical => (2, true),
        Orientation::Rotate90FlipH => (1, true),
        Orientation::Rotate270FlipH => (3, true),
    }
}

fn orientation_matrix(o: Orientation) -> Matrix {
    if o == Orientation::FlipVertical {
        return FLIP_V;
    }
    let (n, flip) = orientation_parts(o);
    let m = turns(n);
    if flip { then(m, FLIP_H) } else { m }
}

/// An image ready to be placed: the stream's bytes, filter and colour space, its pixel size as stored
/// and how it must be turned to be seen upright.
struct Embedded {
    data: Vec<u8>,
    filter: &'static str,
    gray: bool,
    width: u32,
    height: u32,
    /// Transformation of the unit square (picture as stored → as seen), and whether it swaps sides.
    orient: Matrix,
    swaps: bool,
}

fn decoder<'a>(title: &str, bytes: &'a [u8]) -> Result<impl ImageDecoder + 'a, ComposeError> {
    let bad = |e: &dyn std::fmt::Display| ComposeError::ImageUnreadable { title: title.into(), detail: e.to_string() };
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| bad(&e))?;
    reader.limits(limits);
    let d = reader.into_decoder().map_err(|e| bad(&e))?;
    let (w, h) = d.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS || w == 0 || h == 0 {
        return Err(ComposeError::ImageTooLarge { title: title.into(), width: w, height: h });
    }
    Ok(d)
}

/// The number of colour components of a baseline or progressive JPEG (its SOF segment).
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut i = 2usize;
    while i + 9 < bytes.len() {
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(*bytes.get(i + 2)?) << 8 | usize::from(*bytes.get(i + 3)?);
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            return bytes.get(i + 9).copied();
        }
        i += 2 + len;
    }
    None
}

/// Pixels of a decoded picture, upright, without alpha (composited on white).
fn upright(title: &str, bytes: &[u8]) -> Result<DynamicImage, ComposeError> {
    let mut d = decoder(title, bytes)?;
    let o = d.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(d)
        .map_err(|e| ComposeError::ImageUnreadable { title: title.into(), detail: e.to_string() })?;
    img.apply_orientation(o);
    Ok(flatten(img))
}

fn flatten(img: DynamicImage) -> DynamicImage {
    if !img.color().has_alpha() {
        return if img.color().has_color() {
            DynamicImage::ImageRgb8(img.to_rgb8())
        } else {
            DynamicImage::ImageLuma8(img.to_luma8())
        };
    }
    let rgba = img.to_rgba8();
    let mut out = image::RgbImage::new(rgba.width(), rgba.height());
    for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
        let [r, g, b, a] = p.0;
        let mix = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        *o = image::Rgb([mix(r), mix(g), mix(b)]);
    }
    DynamicImage::ImageRgb8(out)
}

fn jpeg(img: &DynamicImage, quality: u8) -> Result<Vec<u8>, ComposeError> {
    let mut out = vec![];
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    enc.encode_image(img).map_err(|e| ComposeError::Write { detail: format!("JPEG: {e}") })?;
    Ok(out)
}

fn pixels_embedded(img: &DynamicImage) -> Result<Embedded, ComposeError> {
    let gray = !img.color().has_color();
    let raw = if gray { img.to_luma8().into_raw() } else { img.to_rgb8().into_raw() };
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).map_err(|e| ComposeError::Write { detail: e.to_string() })?;
    let data = z.finish().map_err(|e| ComposeError::Write { detail: e.to_string() })?;
    Ok(Embedded {
        data,
        filter: "FlateDecode",
        gray,
        width: img.width(),
        height: img.height(),
        orient: IDENTITY,
        swaps: false,
    })
}

fn jpeg_embedded(img: &DynamicImage, quality: u8) -> Result<Embedded, ComposeError> {
    Ok(Embedded {
        data: jpeg(img, quality)?,
        filter: "DCTDecode",
        gray: !img.color().has_color(),
        width: img.width(),
        height: img.height(),
        orient: IDENTITY,
        swaps: false,
    })
}

/// Where a picture of `w`×`h` pixels (as seen) goes: the page size and the rectangle on it.
fn placement(w: u32, h: u32) -> ((f32, f32), (f32, f32, f32, f32)) {
    let page = if w > h { (A4.1, A4.0) } else { A4 };
    let (aw, ah) = (page.0 - 2.0 * MARGIN, page.1 - 2.0 * MARGIN);
    let (nw, nh) = (w as f32 / NATURAL_DPI * 72.0, h as f32 / NATURAL_DPI * 72.0);
    let s = (aw / nw).min(ah / nh).min(1.0);
    let (pw, ph) = (nw * s, nh * s);
    (page, ((page.0 - pw) / 2.0, (page.1 - ph) / 2.0, pw, ph))
}

/// The image of one page as it will be embedded, with the compression applied.
fn image_page(input: &PageInput, compress: Option<Compress>) -> Result<(Embedded, u16), ComposeError> {
    let extra = input.rotate / 90 % 4;
    let mut d = decoder(input.title, input.bytes)?;
    let o = d.orientation().unwrap_or(Orientation::NoTransforms);
    let (sw, sh) = d.dimensions();
    drop(d);
    let (o_turns, _) = orientation_parts(o);
    let swaps = (o_turns + extra) % 2 == 1;
    let (seen_w, seen_h) = if swaps { (sh, sw) } else { (sw, sh) };
    let lossless = || -> Result<Embedded, ComposeError> {
        let comps = if input.kind == FileKind::Jpeg { jpeg_components(input.bytes) } else { None };
        match comps {
            Some(n @ (1 | 3)) => Ok(Embedded {
                data: input.bytes.to_vec(),
                filter: "DCTDecode",
                gray: n == 1,
                width: sw,
                height: sh,
                orient: then(orientation_matrix(o), turns(extra)),
                swaps,
            }),
            _ => {
                let mut e = pixels_embedded(&upright(input.title, input.bytes)?)?;
                e.orient = turns(extra);
                e.swaps = extra % 2 == 1;
                Ok(e)
            }
        }
    };
    let Some(c) = compress else { return Ok((lossless()?, extra)) };
    let (_, (_, _, pw, ph)) = placement(seen_w, seen_h);
    let tw = (pw / 72.0 * c.dpi as f32).ceil().max(1.0) as u32;
    let th = (ph / 72.0 * c.dpi as f32).ceil().max(1.0) as u32;
    let mut img = upright(input.title, input.bytes)?;
    // Upright now; the user's rotation is left to the matrix.
    let (uw, uh) = (img.width(), img.height());
    let (want_w, want_h) = if extra % 2 == 1 { (th, tw) } else { (tw, th) };
    if uw > want_w || uh > want_h {
        let s = (want_w as f32 / uw as f32).min(want_h as f32 / uh as f32);
        let (nw, nh) = (((uw as f32) * s).round().max(1.0) as u32, ((uh as f32) * s).round().max(1.0) as u32);
        // Area sampling: fast on a 12-megapixel photo, and as legible as a filtered resize when
        // shrinking (never used to enlarge).
        img = img.thumbnail_exact(nw, nh);
    }
    let mut e = jpeg_embedded(&img, c.quality)?;
    e.orient = turns(extra);
    e.swaps = extra % 2 == 1;
    // Keep the original when re-encoding does not make it smaller.
    let original = lossless()?;
    Ok((if original.data.len() <= e.data.len() { original } else { e }, extra))
}

/// A composed PDF.
#[derive(Debug, Clone)]
pub struct Composed {
    pub pdf: Vec<u8>,
    pub pages: u32,
}

struct Builder {
    out: Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
    sources: BTreeMap<String, (Document, BTreeSet<ObjectId>)>,
    used_pages: BTreeSet<ObjectId>,
}

impl Builder {
    fn new() -> Self {
        let mut out = Document::with_version("1.5");
        let pages_id = out.new_object_id();
        Self { out, pages_id, kids: vec![], sources: BTreeMap::new(), used_pages: BTreeSet::new() }
    }

    fn add_image(&mut self, e: Embedded) {
        let (seen_w, seen_h) = if e.swaps { (e.height, e.width) } else { (e.width, e.height) };
        let (page, (x, y, w, h)) = placement(seen_w, seen_h);
        let m = then(e.orient, [w, 0.0, 0.0, h, x, y]);
        self.add_image_page(e, page, m);
    }

    /// A page of size `page` (points) that draws the image through the matrix `m`.
    fn add_image_page(&mut self, e: Embedded, page: (f32, f32), m: Matrix) {
        let img = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => i64::from(e.width),
                "Height" => i64::from(e.height),
                "ColorSpace" => if e.gray { "DeviceGray" } else { "DeviceRGB" },
                "BitsPerComponent" => 8,
                "Filter" => e.filter,
            },
            e.data,
        )
        .with_compression(false);
        let img_id = self.out.add_object(img);
        let content = format!("q {:.4} {:.4} {:.4} {:.4} {:.4} {:.4} cm /Im0 Do Q", m[0], m[1], m[2], m[3], m[4], m[5]);
        let content_id = self.out.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
        let page_id = self.out.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(page.0), Object::Real(page.1)],
            "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => img_id } },
            "Contents" => content_id,
        });
        self.kids.push(page_id.into());
    }

    fn add_pdf_page(&mut self, input: &PageInput) -> Result<(), ComposeError> {
        if !self.sources.contains_key(input.key) {
            let mut doc = load_pdf(input.title, input.bytes)?;
            doc.renumber_objects_with(self.out.max_id + 1);
            self.out.max_id = self.out.max_id.max(doc.max_id);
            self.sources.insert(input.key.to_string(), (doc, BTreeSet::new()));
        }
        let Some((doc, copied)) = self.sources.get_mut(input.key) else {
            return Err(ComposeError::Write { detail: "internal: source not loaded".into() });
        };
        let pages = doc.get_pages();
        let count = pages.len() as u32;
        let Some(&src_id) = pages.get(&(input.page + 1)) else {
            return Err(ComposeError::NoSuchPage { title: input.title.into(), page: input.page + 1, count });
        };
        let mut dict = page_with_inherited(doc, src_id).map_err(|e| ComposeError::PageUnreadable {
            title: input.title.into(),
            page: input.page + 1,
            detail: e.to_string(),
        })?;
        if !dict.has(b"MediaBox") {
            dict.set("MediaBox", vec![0.into(), 0.into(), Object::Real(A4.0), Object::Real(A4.1)]);
        }
        let rotate = dict.get(b"Rotate").and_then(Object::as_i64).unwrap_or(0);
        dict.set("Rotate", (rotate + i64::from(input.rotate)).rem_euclid(360));
        let mut want = BTreeSet::new();
        for (_, v) in dict.iter() {
            reach(doc, v, &mut want);
        }
        for id in want {
            if copied.insert(id)
                && let Ok(o) = doc.get_object(id)
            {
                self.out.objects.insert(id, o.clone());
            }
        }
        dict.set("Parent", self.pages_id);
        let page_id = if self.used_pages.insert(src_id) { src_id } else { self.out.new_object_id() };
        self.out.objects.insert(page_id, Object::Dictionary(dict));
        self.kids.push(page_id.into());
        Ok(())
    }

    fn finish(mut self) -> Result<Composed, ComposeError> {
        let pages = self.kids.len() as u32;
        self.out.objects.insert(
            self.pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => self.kids, "Count" => i64::from(pages) }),
        );
        let catalog = self.out.add_object(dictionary! { "Type" => "Catalog", "Pages" => self.pages_id });
        self.out.trailer.set("Root", catalog);
        self.out.compress();
        let mut pdf = vec![];
        self.out.save_to(&mut pdf).map_err(|e| ComposeError::Write { detail: e.to_string() })?;
        Ok(Composed { pdf, pages })
    }
}

/// A page's dictionary with what it inherits from the page tree (Resources, MediaBox, CropBox, Rotate:
/// the nearest ancestor's), without its /Parent.
fn page_with_inherited(doc: &Document, id: ObjectId) -> lopdf::Result<Dictionary> {
    let mut dict = doc.get_dictionary(id)?.clone();
    let mut node = dict.get(b"Parent").and_then(Object::as_reference).ok();
    for _ in 0..64 {
        let Some(parent) = node else { break };
        let Ok(d) = doc.get_dictionary(parent) else { break };
        for key in [&b"Resources"[..], b"MediaBox", b"CropBox", b"Rotate"] {
            if !dict.has(key)
                && let Ok(v) = d.get(key)
            {
                dict.set(key.to_vec(), v.clone());
            }
        }
        node = d.get(b"Parent").and_then(Object::as_reference).ok();
    }
    dict.remove(b"Parent");
    Ok(dict)
}

/// Every object `o` refers to, directly or not, except through `/Parent` and `/P` (the way back to
/// the page tree).
fn reach(doc: &Document, o: &Object, seen: &mut BTreeSet<ObjectId>) {
    let mut stack = vec![o];
    while let Some(o) = stack.pop() {
        match o {
            Object::Reference(id) => {
                if seen.insert(*id)
                    && let Ok(t) = doc.get_object(*id)
                {
                    stack.push(t);
                }
            }
            Object::Array(a) => stack.extend(a.iter()),
            Object::Dictionary(d) => stack
                .extend(d.iter().filter(|(k, _)| k.as_slice() != b"Parent" && k.as_slice() != b"P").map(|(_, v)| v)),
            Object::Stream(s) => stack.extend(
                s.dict.iter().filter(|(k, _)| k.as_slice() != b"Parent" && k.as_slice() != b"P").map(|(_, v)| v),
            ),
            _ => {}
        }
    }
}

/// Composes the pages, in order, into one PDF.
pub fn compose(pages: &[PageInput], compress: Option<Compress>) -> Result<Composed, ComposeError> {
    if pages.is_empty() {
        return Err(ComposeError::NoPages);
    }
    let compress = compress.map(Compress::check).transpose()?;
    if let Some(p) = pages.iter().find(|p| p.rotate % 90 != 0) {
        return Err(ComposeError::BadRotation { rotate: p.rotate.into() });
    }
    let mut images = images_in_parallel(pages, compress).into_iter();
    let mut b = Builder::new();
    for p in pages {
        match p.kind {
            FileKind::Jpeg | FileKind::Png => match images.next() {
                Some(e) => b.add_image(e?),
                None => return Err(ComposeError::Write { detail: "internal: picture page missing".into() }),
            },
            FileKind::Pdf => b.add_pdf_page(p)?,
            other => return Err(ComposeError::NotComposable { title: p.title.into(), kind: other }),
        }
    }
    b.finish()
}

/// The image pages, in order, prepared by a few workers at once (decoding and re-encoding photos is
/// the slow part; one per core, at most 4).
fn images_in_parallel(pages: &[PageInput], compress: Option<Compress>) -> Vec<Result<Embedded, ComposeError>> {
    let todo: Vec<&PageInput> = pages.iter().filter(|p| matches!(p.kind, FileKind::Jpeg | FileKind::Png)).collect();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4).min(todo.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut out: Vec<Option<Result<Embedded, ComposeError>>> = (0..todo.len()).map(|_| None).collect();
    let results = std::sync::Mutex::new(&mut out);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(p) = todo.get(i) else { break };
                    let r = image_page(p, compress).map(|(e, _)| e);
                    if let Ok(mut g) = results.lock()
                        && let Some(slot) = g.get_mut(i)
                    {
                        *slot = Some(r);
                    }
                }
            });
        }
    });
    out.into_iter()
        .map(|r| {
            r.unwrap_or_else(|| Err(ComposeError::Write { detail: "internal: picture page not processed".into() }))
        })
        .collect()
}

fn fill_rects(img: &mut DynamicImage, rects: &[MaskRect]) -> Result<(), ComposeError> {
    if !matches!(img, DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_)) {
        *img = DynamicImage::ImageRgb8(img.to_rgb8());
    }
    let (w, h) = (img.width(), img.height());
    for r in rects {
        let ok = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
        if !(ok(r.x) && ok(r.y) && ok(r.w) && ok(r.h)) || r.w <= 0.0 || r.h <= 0.0 {
            return Err(ComposeError::MaskOutsidePage);
        }
        let x0 = (r.x * f64::from(w)).floor() as u32;
        let y0 = (r.y * f64::from(h)).floor() as u32;
        let x1 = (((r.x + r.w) * f64::from(w)).ceil() as u32).min(w);
        let y1 = (((r.y + r.h) * f64::from(h)).ceil() as u32).min(h);
        for y in y0..y1 {
            for x in x0..x1 {
                match &mut *img {
                    DynamicImage::ImageLuma8(i) => i.put_pixel(x, y, image::Luma([0])),
                    DynamicImage::ImageRgb8(i) => i.put_pixel(x, y, image::Rgb([0, 0, 0])),
                    _ => {}
                }
            }
        }
    }
    Ok(())
}

/// A picture with the rectangles painted black: upright (its EXIF orientation applied), re-encoded
/// as it came (JPEG at quality 92, PNG lossless) without the original's metadata.
pub fn mask_image(title: &str, kind: FileKind, bytes: &[u8], rects: &[MaskRect]) -> Result<Vec<u8>, ComposeError> {
    if rects.is_empty() {
        return Err(ComposeError::NoMaskArea);
    }
    let mut img = upright(title, bytes)?;
    fill_rects(&mut img, rects)?;
    match kind {
        FileKind::Jpeg => jpeg(&img, 92),
        _ => {
            let mut out = vec![];
            img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
                .map_err(|e| ComposeError::Write { detail: format!("PNG: {e}") })?;
            Ok(out)
        }
    }
}

/// A PDF with page `page` (0-based) replaced by `raster` (a picture of the page as displayed, e.g.
/// rendered by the preview) with the rectangles painted black; the other pages as they were. The new
/// page has the displayed page's size and carries no text.
pub fn masked_pdf(
    title: &str,
    pdf: &[u8],
    page: u32,
    raster: &[u8],
    rects: &[MaskRect],
) -> Result<Vec<u8>, ComposeError> {
    if rects.is_empty() {
        return Err(ComposeError::NoMaskArea);
    }
    let doc = load_pdf(title, pdf)?;
    let pages = doc.get_pages();
    let count = pages.len() as u32;
    let Some(&page_id) = pages.get(&(page + 1)) else {
        return Err(ComposeError::NoSuchPage { title: title.into(), page: page + 1, count });
    };
    // The displayed size: the media box, turned by the page's rotation.
    let dict = page_with_inherited(&doc, page_id).map_err(|e| ComposeError::PageUnreadable {
        title: title.into(),
        page: page + 1,
        detail: e.to_string(),
    })?;
    let corners: Vec<f32> = dict
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .map(|b| b.iter().filter_map(|o| o.as_float().ok()).collect())
        .unwrap_or_default();
    let mut size = match corners.as_slice() {
        [x0, y0, x1, y1] => ((x1 - x0).abs(), (y1 - y0).abs()),
        _ => A4,
    };
    let rotate = dict.get(b"Rotate").and_then(Object::as_i64).unwrap_or(0);
    if rotate.rem_euclid(180) == 90 {
        size = (size.1, size.0);
    }
    let mut img = upright("遮盖后的页面", raster)?;
    let (rw, rh) = (img.width() as f32, img.height() as f32);
    if ((rw / rh) - (size.0 / size.1)).abs() > 0.03 * (size.0 / size.1) {
        return Err(ComposeError::RasterMismatch {
            width: rw,
            height: rh,
            page: page + 1,
            page_width: size.0,
            page_height: size.1,
        });
    }
    if rw < size.0 {
        return Err(ComposeError::RasterTooCoarse);
    }
    fill_rects(&mut img, rects)?;
    let mut masked = Some(jpeg_embedded(&img, 90)?);
    let mut b = Builder::new();
    for n in 0..count {
        if n == page
            && let Some(e) = masked.take()
        {
            b.add_image_page(e, size, [size.0, 0.0, 0.0, size.1, 0.0, 0.0]);
        } else {
            b.add_pdf_page(&PageInput { key: "src", title, kind: FileKind::Pdf, bytes: pdf, page: n, rotate: 0 })?;
        }
    }
    Ok(b.finish()?.pdf)
}
