//! One PDF per item: pages in the user's order, rotated, EXIF orientation honoured, PDFs of different
//! page sizes merged, the size budget, masking that leaves no text and no pixels behind, masked
//! copies used in their originals' place, and the name check.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::fs;
use std::io::Cursor;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use image::{GenericImageView, Rgb, RgbImage};
use lopdf::{Document, Object, Stream, dictionary};
use zhicheng_core::applicant_file::{self, ApplicantFile};
use zhicheng_vault::FileKind;
use zhicheng_vault::compose::{self, Compress, MaskRect, PageInput};
use zhicheng_vault::crypto::KdfParams;
use zhicheng_vault::upload::{self, Mode, PageRef};
use zhicheng_vault::vault::{ImportOptions, KeyChoice, Target, Vault};

const ID_NUMBER: &str = "500101198506150011";

/// A picture `w`×`h`: red top-left quarter, white elsewhere; a little noise so JPEG has work to do.
fn picture(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        if x < w / 2 && y < h / 2 {
            Rgb([220, 20, 20])
        } else {
            let n = ((x * 7 + y * 13) % 17) as u8;
            Rgb([235 + n, 235 + n, 235 + n])
        }
    })
}

fn jpeg_of(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality).encode_image(img).unwrap();
    out
}

fn png_of(img: &RgbImage) -> Vec<u8> {
    let mut out = vec![];
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

/// The JPEG with an EXIF APP1 segment saying `orientation` (1–8).
fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend([0, 1]); // one entry
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend(orientation.to_be_bytes());
    tiff.extend([0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

/// A PDF with one page per (width, height, text), text in Helvetica.
fn text_pdf(pages: &[(f32, f32, &str)]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let mut kids = vec![];
    for (w, h, text) in pages {
        let content = format!("BT /F1 14 Tf 40 {} Td ({text}) Tj ET", h - 80.0);
        let c = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let p = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(*w), Object::Real(*h)],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "Contents" => c,
        });
        kids.push(p.into());
    }
    let n = kids.len() as i64;
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => n }));
    let cat = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", cat);
    let mut out = vec![];
    doc.save_to(&mut out).unwrap();
    out
}

/// A PDF whose page inherits its size, resources and a rotation of 90° from the page tree.
fn inherited_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let c = doc.add_object(Stream::new(dictionary! {}, b"BT /F1 14 Tf 40 300 Td (inherited) Tj ET".to_vec()));
    let p = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => c });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![p.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 420.into(), 595.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "Rotate" => 90,
        }),
    );
    let cat = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", cat);
    let mut out = vec![];
    doc.save_to(&mut out).unwrap();
    out
}

fn page<'a>(key: &'a str, kind: FileKind, bytes: &'a [u8], n: u32, rotate: u16) -> PageInput<'a> {
    PageInput { key, title: key, kind, bytes, page: n, rotate }
}

/// Each page of a PDF: (media box, rotation, the image it draws if any, its `cm` matrix if any).
struct Seen {
    media: [f32; 4],
    rotate: i64,
    image: Option<(u32, u32, Vec<u8>, String)>,
    cm: Option<[f32; 6]>,
}

fn pages_of(pdf: &[u8]) -> Vec<Seen> {
    let doc = Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|&id| {
            let d = doc.get_dictionary(id).unwrap();
            let media: Vec<f32> =
                d.get(b"MediaBox").unwrap().as_array().unwrap().iter().map(|o| o.as_float().unwrap()).collect();
            let rotate = d.get(b"Rotate").and_then(Object::as_i64).unwrap_or(0);
            let mut image = None;
            if let Ok(res) = d.get(b"Resources").and_then(Object::as_dict)
                && let Ok(xo) = res.get(b"XObject").and_then(Object::as_dict)
                && let Ok(r) = xo.get(b"Im0").and_then(Object::as_reference)
            {
                let s = doc.get_object(r).unwrap().as_stream().unwrap();
                let w = s.dict.get(b"Width").unwrap().as_i64().unwrap() as u32;
                let h = s.dict.get(b"Height").unwrap().as_i64().unwrap() as u32;
                let f = String::from_utf8_lossy(s.dict.get(b"Filter").unwrap().as_name().unwrap()).into_owned();
                image = Some((w, h, s.content.clone(), f));
            }
            let cm = Some(doc.get_page_content(id)).and_then(|c| {
                let text = String::from_utf8_lossy(&c).into_owned();
                let nums: Vec<f32> =
                    text.split(" cm").next()?.split_whitespace().filter_map(|t| t.parse().ok()).collect();
                (nums.len() == 6).then(|| [nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]])
            });
            Seen { media: [media[0], media[1], media[2], media[3]], rotate, image, cm }
        })
        .collect()
}

fn apply(m: [f32; 6], (x, y): (f32, f32)) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[test]
fn pages_come_out_in_the_order_given_each_image_on_its_own_a4_page() {
    let a = jpeg_of(&picture(300, 400), 90);
    let b = png_of(&picture(500, 200));
    let c = jpeg_of(&picture(120, 120), 90);
    let out = compose::compose(
        &[page("c", FileKind::Jpeg, &c, 0, 0), page("a", FileKind::Jpeg, &a, 0, 0), page("b", FileKind::Png, &b, 0, 0)],
        None,
    )
    .unwrap();
    assert_eq!(out.pages, 3);
    let seen = pages_of(&out.pdf);
    let dims: Vec<(u32, u32)> =
        seen.iter().map(|s| (s.image.as_ref().unwrap().0, s.image.as_ref().unwrap().1)).collect();
    assert_eq!(dims, vec![(120, 120), (300, 400), (500, 200)]);
    // Portrait A4 for upright pictures, landscape for the wide one.
    assert!((seen[0].media[2] - 595.28).abs() < 0.1 && (seen[0].media[3] - 841.89).abs() < 0.1);
    assert!((seen[2].media[2] - 841.89).abs() < 0.1 && (seen[2].media[3] - 595.28).abs() < 0.1);
    // Without compression a JPEG goes in as it is, byte for byte.
    assert_eq!(seen[1].image.as_ref().unwrap().2, a);
    assert_eq!(seen[1].image.as_ref().unwrap().3, "DCTDecode");
    // A small picture keeps its size at 150 dpi (120 px = 57.6 pt); a big one is fitted.
    let m = seen[0].cm.unwrap();
    assert!((m[0] - 57.6).abs() < 0.1, "{m:?}");
}

#[test]
fn exif_orientation_and_the_users_rotation_turn_the_picture() {
    // Stored 400×200 (landscape), EXIF 6: seen rotated 90° clockwise, so portrait.
    let stored = jpeg_of(&picture(400, 200), 90);
    let turned = with_orientation(&stored, 6);
    let out = compose::compose(&[page("t", FileKind::Jpeg, &turned, 0, 0)], None).unwrap();
    let s = &pages_of(&out.pdf)[0];
    assert!(s.media[3] > s.media[2], "a portrait page for a picture seen upright as portrait");
    // Lossless: the file's own bytes; the page's matrix turns it. The stored top-left corner (0,1 in
    // the unit square) must be seen at the top right.
    assert_eq!(s.image.as_ref().unwrap().2, turned);
    let (x, y) = apply(s.cm.unwrap(), (0.0, 1.0));
    assert!(x > s.media[2] / 2.0 && y > s.media[3] / 2.0, "top-left seen at ({x},{y})");

    // The user turns it back (270°): landscape again, the red corner at the top left.
    let out = compose::compose(&[page("t", FileKind::Jpeg, &turned, 0, 270)], None).unwrap();
    let s = &pages_of(&out.pdf)[0];
    assert!(s.media[2] > s.media[3]);
    let (x, y) = apply(s.cm.unwrap(), (0.0, 1.0));
    assert!(x < s.media[2] / 2.0 && y > s.media[3] / 2.0, "top-left seen at ({x},{y})");

    // Compressed, the pixels themselves are upright: red at the top right.
    let out =
        compose::compose(&[page("t", FileKind::Jpeg, &turned, 0, 0)], Some(Compress { dpi: 72, quality: 80 })).unwrap();
    let s = &pages_of(&out.pdf)[0];
    let (w, h, data, _) = s.image.as_ref().unwrap();
    assert!(h > w, "re-encoded upright: {w}×{h}");
    let img = image::load_from_memory(data).unwrap();
    let [r, g, _, _] = img.get_pixel(w - 2, 2).0;
    assert!(r > 180 && g < 80, "top right is red after EXIF 6");
    let [r, _, _, _] = img.get_pixel(1, h - 2).0;
    assert!(r > 200, "bottom left is white");
}

#[test]
fn pdfs_of_different_sizes_merge_page_by_page_with_rotation_and_inherited_attributes() {
    let a4 = text_pdf(&[(595.0, 842.0, "A4 page one"), (595.0, 842.0, "A4 page two"), (595.0, 842.0, "A4 page three")]);
    let letter = text_pdf(&[(612.0, 792.0, "Letter page")]);
    let inh = inherited_pdf();
    let photo = jpeg_of(&picture(200, 300), 85);
    let out = compose::compose(
        &[
            page("letter", FileKind::Pdf, &letter, 0, 0),
            page("a4", FileKind::Pdf, &a4, 2, 90),
            page("photo", FileKind::Jpeg, &photo, 0, 0),
            page("a4", FileKind::Pdf, &a4, 0, 0),
            page("inh", FileKind::Pdf, &inh, 0, 90),
        ],
        None,
    )
    .unwrap();
    assert_eq!(out.pages, 5, "page two of the A4 file was dropped");
    let doc = Document::load_mem(&out.pdf).unwrap();
    let text = |n: u32| doc.extract_text(&[n]).unwrap();
    assert!(text(1).contains("Letter page"));
    assert!(text(2).contains("A4 page three"));
    assert!(text(4).contains("A4 page one"));
    assert!(text(5).contains("inherited"), "fonts inherited from the page tree came along");
    assert!(!(1..=5).any(|n| text(n).contains("A4 page two")));
    let seen = pages_of(&out.pdf);
    assert_eq!(seen[0].media[2..], [612.0, 792.0]);
    assert_eq!(seen[1].media[2..], [595.0, 842.0]);
    assert_eq!(seen[1].rotate, 90);
    assert_eq!(seen[4].media[2..], [420.0, 595.0], "inherited media box");
    assert_eq!(seen[4].rotate, 180, "its own 90° plus the user's 90°");

    // The same page twice is allowed (two page objects).
    let twice =
        compose::compose(&[page("a4", FileKind::Pdf, &a4, 0, 0), page("a4", FileKind::Pdf, &a4, 0, 0)], None).unwrap();
    assert_eq!(twice.pages, 2);
    assert_eq!(Document::load_mem(&twice.pdf).unwrap().get_pages().len(), 2);
}

#[test]
fn what_cannot_be_composed_says_why() {
    let err = compose::page_count("职称证书", FileKind::Ofd, b"PK").unwrap_err().to_string();
    assert!(err.contains("请先转为 PDF") && err.contains("职称证书"), "{err}");
    let err = compose::compose(&[page("x", FileKind::Pdf, b"%PDF-1.4 garbage", 0, 0)], None).unwrap_err().to_string();
    assert!(err.contains("PDF 无法解析"), "{err}");
    let a4 = text_pdf(&[(595.0, 842.0, "one")]);
    let err = compose::compose(&[page("x", FileKind::Pdf, &a4, 3, 0)], None).unwrap_err().to_string();
    assert!(err.contains("只有 1 页") && err.contains("第 4 页"), "{err}");
    let err = compose::compose(&[page("x", FileKind::Jpeg, b"\xFF\xD8\xFF\xE0 not really", 0, 0)], None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("图片"), "{err}");
    let err = compose::compose(&[page("x", FileKind::Pdf, &a4, 0, 45)], None).unwrap_err().to_string();
    assert!(err.contains("0、90、180 或 270，现为 45"), "{err}");
    assert!(Compress { dpi: 50, quality: 80 }.check().is_err());
    assert!(Compress { dpi: 150, quality: 99 }.check().is_err());
}

#[test]
fn compression_shrinks_big_photos_and_never_upscales_small_ones() {
    let big = jpeg_of(&picture(2000, 2800), 92);
    let plain = compose::compose(&[page("b", FileKind::Jpeg, &big, 0, 0)], None).unwrap();
    let c = Compress { dpi: 150, quality: 70 };
    let small = compose::compose(&[page("b", FileKind::Jpeg, &big, 0, 0)], Some(c)).unwrap();
    assert!(small.pdf.len() * 3 < plain.pdf.len(), "{} vs {}", small.pdf.len(), plain.pdf.len());
    let s = &pages_of(&small.pdf)[0];
    let (w, h, _, _) = s.image.as_ref().unwrap();
    // Fitted into A4 minus margins (539 × 785 pt) at 150 dpi: about 1123 × 1636 px, never more.
    assert!(*w <= 1124 && *h <= 1637 && *h > 1400, "{w}×{h}");

    // A small picture is not made bigger; a re-encode that is not smaller keeps the original.
    let tiny = jpeg_of(&picture(100, 80), 30);
    let out =
        compose::compose(&[page("t", FileKind::Jpeg, &tiny, 0, 0)], Some(Compress { dpi: 300, quality: 95 })).unwrap();
    let (w, h, data, _) = pages_of(&out.pdf)[0].image.clone().unwrap();
    assert_eq!((w, h), (100, 80));
    assert_eq!(data, tiny);
}

/// A raster of a page as the preview draws it: grey noise everywhere (text-like), so that only
/// masking makes a region uniform.
fn raster(w: u32, h: u32) -> Vec<u8> {
    png_of(&RgbImage::from_fn(w, h, |x, y| {
        let v = ((x * 31 + y * 17) % 97) as u8 + 100;
        Rgb([v, v, v])
    }))
}

#[test]
fn masking_a_pdf_page_leaves_no_text_and_uniform_pixels_under_the_box() {
    let pdf = text_pdf(&[(595.0, 842.0, &format!("ID {ID_NUMBER} Zhang")), (595.0, 842.0, "page two kept")]);
    let doc = Document::load_mem(&pdf).unwrap();
    assert!(doc.extract_text(&[1]).unwrap().contains(ID_NUMBER), "the test's PDF carries the number as text");

    let rect = MaskRect { x: 0.05, y: 0.05, w: 0.6, h: 0.1 };
    let masked = compose::masked_pdf("社保记录", &pdf, 0, &raster(1240, 1754), &[rect]).unwrap();
    let out = Document::load_mem(&masked).unwrap();
    assert_eq!(out.get_pages().len(), 2);
    let all_text: String = (1..=2).map(|n| out.extract_text(&[n]).unwrap_or_default()).collect();
    assert!(!all_text.contains(ID_NUMBER), "the number is gone from the text layer: {all_text}");
    assert!(!String::from_utf8_lossy(&masked).contains(ID_NUMBER), "nor anywhere in the file");
    assert!(all_text.contains("page two kept"), "the other page is untouched");

    let seen = pages_of(&masked);
    assert_eq!(seen[0].media[2..], [595.0, 842.0]);
    let (w, h, data, filter) = seen[0].image.clone().unwrap();
    assert_eq!(filter, "DCTDecode");
    let img = image::load_from_memory(&data).unwrap().to_rgb8();
    assert_eq!((img.width(), img.height()), (w, h));
    // Inside the box (away from its edges, where JPEG blocks blend): uniform black.
    let (x0, y0) = ((0.05 * w as f64) as u32 + 8, (0.05 * h as f64) as u32 + 8);
    let (x1, y1) = ((0.65 * w as f64) as u32 - 8, (0.15 * h as f64) as u32 - 8);
    let mut values = std::collections::BTreeSet::new();
    for y in y0..y1 {
        for x in x0..x1 {
            let p = img.get_pixel(x, y).0;
            values.insert(p[0] / 8);
            assert!(p.iter().all(|&c| c < 12), "pixel ({x},{y}) = {p:?}");
        }
    }
    assert!(values.len() <= 2);
    // Outside it, the page's own content.
    let outside: std::collections::BTreeSet<u8> = (0..200).map(|x| img.get_pixel(x + 100, h - 100).0[0]).collect();
    assert!(outside.len() > 10);

    // A raster of another shape, or too coarse, is refused.
    assert!(compose::masked_pdf("x", &pdf, 0, &raster(1754, 1240), &[rect]).is_err());
    assert!(compose::masked_pdf("x", &pdf, 0, &raster(300, 424), &[rect]).is_err());
    assert!(compose::masked_pdf("x", &pdf, 0, &raster(1240, 1754), &[]).is_err());
    let bad = MaskRect { x: 0.9, y: 0.0, w: f64::NAN, h: 0.1 };
    assert!(compose::masked_pdf("x", &pdf, 0, &raster(1240, 1754), &[bad]).is_err());
}

#[test]
fn masking_a_photo_paints_the_box_on_the_upright_picture() {
    // Stored 400×200 with EXIF 6: seen 200×400. Box over the seen top-left quarter.
    let turned = with_orientation(&jpeg_of(&picture(400, 200), 92), 6);
    let out = compose::mask_image("身份证", FileKind::Jpeg, &turned, &[MaskRect { x: 0.0, y: 0.0, w: 0.5, h: 0.25 }])
        .unwrap();
    let img = image::load_from_memory(&out).unwrap();
    assert_eq!(img.dimensions(), (200, 400), "upright, without the EXIF turn");
    assert!(img.get_pixel(20, 20).0[..3].iter().all(|&c| c < 12));
    let [r, g, _, _] = img.get_pixel(180, 20).0;
    assert!(r > 180 && g < 80, "the seen top-right (the stored top-left) is still red");
}

// —— through the vault ——

const FAST: KdfParams = KdfParams { m_kib: 256, t: 1, p: 1 };

fn example() -> ApplicantFile {
    applicant_file::parse(include_str!("../../../examples/applicant.json"), None).unwrap().file
}

fn vault_with(root: &Path, files: &[(&str, Vec<u8>, Target)]) -> Vault {
    let ws = root.join("ws");
    fs::create_dir_all(&ws).unwrap();
    let mut v = Vault::create(&ws, KeyChoice::Passphrase("correct horse", FAST)).unwrap();
    for (name, bytes, target) in files {
        let p = root.join(name);
        fs::write(&p, bytes).unwrap();
        let opts = ImportOptions { links: vec![target.clone()], ..Default::default() };
        let r = v.import(&[p], &opts, &mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!(r.added.len(), 1, "{r:?}");
    }
    v
}

fn id_of(v: &Vault, name: &str) -> String {
    v.files().iter().find(|f| f.name == name).unwrap().id.clone()
}

#[test]
fn the_users_page_order_survives_new_links_and_removed_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = example();
    let t = Target::Achievement("a1".into());
    let mut v = vault_with(
        dir.path(),
        &[
            ("证书.pdf", text_pdf(&[(595.0, 842.0, "p1"), (595.0, 842.0, "p2"), (595.0, 842.0, "p3")]), t.clone()),
            ("照片.jpg", jpeg_of(&picture(300, 200), 85), t.clone()),
            ("说明.docx", b"PK\x03\x04 word/document.xml".to_vec(), t.clone()),
        ],
    );
    let (pdf, photo) = (id_of(&v, "证书.pdf"), id_of(&v, "照片.jpg"));
    let view = upload::item_pages(&v, &file, &t).unwrap();
    assert!(!view.customised);
    assert_eq!(
        view.pages.iter().map(|p| (p.at.file.as_str(), p.at.page)).collect::<Vec<_>>(),
        vec![(pdf.as_str(), 0), (pdf.as_str(), 1), (pdf.as_str(), 2), (photo.as_str(), 0)]
    );

    // Photo first, turned; PDF page 2 dropped.
    let order = vec![
        PageRef { file: photo.clone(), page: 0, rotate: 90 },
        PageRef { file: pdf.clone(), page: 2, rotate: 0 },
        PageRef { file: pdf.clone(), page: 0, rotate: 0 },
    ];
    upload::set_pages(&mut v, &file, &t, order.clone(), None).unwrap();
    // A page that does not exist, or a rotation of 45°, is refused and nothing changes.
    assert!(
        upload::set_pages(&mut v, &file, &t, vec![PageRef { file: pdf.clone(), page: 9, rotate: 0 }], None).is_err()
    );
    assert!(
        upload::set_pages(&mut v, &file, &t, vec![PageRef { file: pdf.clone(), page: 0, rotate: 45 }], None).is_err()
    );

    // Reopened: the order is kept.
    let ws = dir.path().join("ws");
    drop(v);
    let mut v = Vault::open(&ws, zhicheng_vault::Unlock::Passphrase("correct horse")).unwrap();
    let view = upload::item_pages(&v, &file, &t).unwrap();
    assert!(view.customised);
    assert_eq!(view.pages.iter().map(|p| p.at.clone()).collect::<Vec<_>>(), order);

    // A file linked later is appended; the dropped page stays dropped.
    let extra = dir.path().join("补充.png");
    fs::write(&extra, png_of(&picture(100, 100))).unwrap();
    v.import(
        &[extra],
        &ImportOptions { links: vec![t.clone()], ..Default::default() },
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let added = id_of(&v, "补充.png");
    let view = upload::item_pages(&v, &file, &t).unwrap();
    assert_eq!(view.pages.len(), 4);
    assert_eq!(view.pages[3].at.file, added);
    // The Word file is listed, not silently left out.
    assert_eq!(view.skipped.len(), 1);
    assert!(view.skipped[0].reason.contains("请先转为 PDF"), "{:?}", view.skipped);
    // In English for an English interface.
    v.lang = zhicheng_core::Lang::En;
    let en = upload::item_pages(&v, &file, &t).unwrap();
    assert!(en.skipped[0].reason.ends_with(": convert it to PDF before importing"), "{:?}", en.skipped);
    v.lang = zhicheng_core::Lang::Zh;

    // A file removed from the vault leaves the order.
    v.remove(&photo).unwrap();
    let view = upload::item_pages(&v, &file, &t).unwrap();
    assert!(view.pages.iter().all(|p| p.at.file != photo));
    assert_eq!(view.pages.len(), 3);

    let (pdf_bytes, report) = upload::compose_item(&v, &file, &t, Mode::Saved, None).unwrap();
    assert_eq!(report.pages, 3);
    let doc = Document::load_mem(&pdf_bytes).unwrap();
    assert!(doc.extract_text(&[1]).unwrap().contains("p3"));
    assert!(doc.extract_text(&[2]).unwrap().contains("p1"));
}

#[test]
fn the_budget_compresses_what_it_can_and_says_what_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let file = example();
    let t = Target::Achievement("a1".into());
    let photos: Vec<(String, Vec<u8>, Target)> = (0..3u8)
        .map(|i| {
            let mut img = picture(1800, 2400);
            img.put_pixel(1500, 2000, Rgb([i, i, i]));
            (format!("p{i}.jpg"), jpeg_of(&img, 95), t.clone())
        })
        .collect();
    let photos: Vec<(&str, Vec<u8>, Target)> =
        photos.iter().map(|(n, b, t)| (n.as_str(), b.clone(), t.clone())).collect();
    let mut v = vault_with(dir.path(), &photos);
    let (_, plain) = upload::compose_item(&v, &file, &t, Mode::Use(None), Some(u64::MAX)).unwrap();
    let budget = plain.size / 3;
    let (pdf, fit) = upload::compose_item(&v, &file, &t, Mode::Fit, Some(budget)).unwrap();
    assert!(fit.within_budget, "{fit:?}");
    assert!(fit.compress.is_some());
    assert_eq!(fit.uncompressed, Some(plain.size));
    assert_eq!(pdf.len() as u64, fit.size);
    assert!(fit.size <= budget);

    // Exactly at the limit fits; one byte less does not (as it is).
    let (_, at) = upload::compose_item(&v, &file, &t, Mode::Use(None), Some(plain.size)).unwrap();
    assert!(at.within_budget);
    let (_, under) = upload::compose_item(&v, &file, &t, Mode::Use(None), Some(plain.size - 1)).unwrap();
    assert!(!under.within_budget);
    assert!(under.problem.unwrap().contains("可压缩图片"));

    // An impossible budget: the smallest it got, and why.
    let (_, no) = upload::compose_item(&v, &file, &t, Mode::Fit, Some(10_000)).unwrap();
    assert!(!no.within_budget);
    assert!(no.problem.as_ref().unwrap().contains("100 dpi"), "{:?}", no.problem);
    v.lang = zhicheng_core::Lang::En;
    let (_, no_en) = upload::compose_item(&v, &file, &t, Mode::Fit, Some(10_000)).unwrap();
    let why = no_en.problem.unwrap();
    assert!(why.contains("over the limit") && why.contains("still too large at 100 dpi"), "{why}");
    assert!(!zhicheng_core::text::has_cjk(&why), "{why}");
    v.lang = zhicheng_core::Lang::Zh;

    // PDF pages cannot be compressed: said so.
    let dir2 = tempfile::tempdir().unwrap();
    let big_pdf =
        compose::compose(&[page("b", FileKind::Jpeg, &jpeg_of(&picture(1800, 2400), 95), 0, 0)], None).unwrap().pdf;
    let v2 = vault_with(dir2.path(), &[("扫描件.pdf", big_pdf.clone(), t.clone())]);
    let (_, r) = upload::compose_item(&v2, &file, &t, Mode::Fit, Some(big_pdf.len() as u64 / 2)).unwrap();
    assert!(!r.within_budget);
    assert!(r.problem.unwrap().contains("不能再压缩"));
}

#[test]
fn a_masked_copy_stands_in_for_its_original_which_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = example();
    let t = Target::Item("education_certificate".into());
    let original = text_pdf(&[(595.0, 842.0, &format!("ID {ID_NUMBER}"))]);
    let mut v = vault_with(dir.path(), &[("社保.pdf", original.clone(), t.clone())]);
    let id = id_of(&v, "社保.pdf");
    let masked =
        compose::masked_pdf("社保", &original, 0, &raster(1240, 1754), &[MaskRect { x: 0.0, y: 0.0, w: 1.0, h: 0.2 }])
            .unwrap();
    let copy = v.store_masked(&id, FileKind::Pdf, &masked).unwrap();
    assert_eq!(v.read(&id).unwrap(), original, "the original is untouched");
    assert_eq!(v.current(&id).unwrap().id, copy.id);
    // The checklist does not list the copy as a loose file; the item is still provided.
    let list = zhicheng_vault::checklist(&file, v.files());
    assert!(list.unlinked.is_empty());

    let (pdf, _) = upload::compose_item(&v, &file, &t, Mode::Saved, None).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    assert!(!doc.extract_text(&[1]).unwrap_or_default().contains(ID_NUMBER));
    let view = upload::item_pages(&v, &file, &t).unwrap();
    assert!(view.pages[0].masked);

    // The per-file export writes the masked copy under the original's name.
    let out = dir.path().join("导出");
    let r =
        zhicheng_vault::export::export(&v, &file, zhicheng_vault::export::Dest::Folder(out.clone()), false).unwrap();
    assert_eq!(r.rows.len(), 1);
    assert_eq!(fs::read(out.join(&r.rows[0].file_name)).unwrap(), masked);

    // Masking the copy is refused; undoing brings the original back.
    assert!(v.store_masked(&copy.id, FileKind::Pdf, &masked).is_err());
    v.unmask(&id).unwrap();
    assert_eq!(v.current(&id).unwrap().id, id);
    assert_eq!(v.files().len(), 1);
}

#[test]
fn the_per_item_export_writes_one_pdf_per_item_and_checks_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = example();
    file.profile.name = "李明".into();
    let a1 = Target::Achievement("a1".into());
    let edu = Target::Item("education_certificate".into());
    let mut v = vault_with(
        dir.path(),
        &[
            ("李明_硕士毕业证.jpg", jpeg_of(&picture(600, 800), 85), edu.clone()),
            ("专利证书.pdf", text_pdf(&[(595.0, 842.0, "patent")]), a1.clone()),
            ("证明.ofd", b"PK\x03\x04OFD.xml".to_vec(), Target::Achievement(file.achievements[1].id.clone())),
        ],
    );
    let out = dir.path().join("上传");
    let mut seen = vec![];
    let r = upload::export_per_item(&v, &file, out.clone(), &mut |d, t, _| seen.push((d, t))).unwrap();
    assert_eq!(seen.last(), Some(&(3, 3)));
    assert_eq!(r.items.len(), 2, "{r:?}");
    assert!(r.items[0].file_name.starts_with("01_基本材料_学历证书") && r.items[0].file_name.ends_with(".pdf"));
    assert!(r.items[1].file_name.starts_with("02_业绩1_"), "{}", r.items[1].file_name);
    for i in &r.items {
        let bytes = fs::read(out.join(&i.file_name)).unwrap();
        assert_eq!(bytes.len() as u64, i.report.size);
        assert!(Document::load_mem(&bytes).is_ok());
    }
    // The name is in the diploma's title; the patent needs a tick.
    assert!(r.items[0].names.ok);
    assert!(!r.items[1].names.ok);
    assert_eq!(r.failed.len(), 1, "the OFD-only achievement is reported");
    assert!(r.failed[0].reason.contains("请先转为 PDF"));
    let csv = fs::read_to_string(out.join("00_材料清单.csv")).unwrap();
    assert!(csv.contains("未确认可见本人姓名") && csv.contains("请先转为 PDF"));

    v.set_name_confirmed(&id_of(&v, "专利证书.pdf"), true).unwrap();
    let view = upload::item_pages(&v, &file, &a1).unwrap();
    assert!(view.names.ok);

    // A folder that is not empty is refused and left as it was.
    let again = upload::export_per_item(&v, &file, out.clone(), &mut |_, _, _| {});
    assert!(again.is_err());
    assert_eq!(fs::read_dir(&out).unwrap().count(), 3);
}
