//! The publicity sheet as a user gets it: the PDF's text, fonts, pages, and its look.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::process::Command;

use common::{at, fonts, pdf_of, sample, with_ctx};
use zhicheng_core::eligibility::{Achievement, AchievementKind};
use zhicheng_core::{ErrorCode, YearMonth};
use zhicheng_sheet::{Face, Section};

fn text_of(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).expect("text extracts")).collect()
}

/// Text without the line breaks and spaces layout puts in (a field may wrap inside its cell).
fn flat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_text_has_every_field_and_never_the_id_number_or_phone() {
    let f = sample();
    let pages = text_of(&pdf_of(&f));
    assert_eq!(pages.len(), 1);
    let text = flat(&pages[0]);
    for want in [
        "重庆市职称申报综合情况（公示）表",
        "重庆市工程技术绿色低碳专业首批职称申报评审（2023年度）",
        "李明",
        "男",
        "1985年6月",
        "重庆某某环保科技有限公司",
        "节能减排技术",
        "2010年8月",
        "硕士研究生",
        "硕士",
        "重庆大学",
        "环境工程",
        "2010年7月",
        "工程师（环境工程）",
        "2015年12月",
        "工程技术",
        "绿色低碳",
        "首批认定",
        "业绩成果（2018年11月—2023年11月）",
        "某工业园区分布式光伏及储能改造项目",
        "一种工业余热梯级回收装置",
        "2023年11月20日至2023年11月24日（5个工作日）",
        "公司办公楼一楼公告栏及OA办公平台",
        "重庆某某环保科技有限公司人力资源部电话：023-67001234",
        "重庆市渝北区经济和信息化委员会电话：023-67805678",
        "单位意见",
        "第1页共1页",
    ] {
        assert!(text.contains(&flat(want)), "missing {want:?} in {text}");
    }
    for secret in [f.profile.id_number.expose().as_str(), f.profile.phone.expose().as_str(), "500103"] {
        assert!(!text.contains(secret), "the sheet shows {secret}");
    }
}

#[test]
fn fonts_are_embedded_subsets_with_tounicode_well_under_a_megabyte() {
    let pdf = pdf_of(&sample());
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let mut programs = 0;
    let mut names = vec![];
    for obj in doc.objects.values() {
        let dict = match obj {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if let Ok(n) = dict.get(b"FontName").and_then(|n| n.as_name()) {
            names.push(String::from_utf8_lossy(n).to_string());
            for key in [&b"FontFile2"[..], b"FontFile3"] {
                if let Ok(r) = dict.get(key).and_then(|r| r.as_reference()) {
                    let s = doc.get_object(r).unwrap().as_stream().unwrap();
                    assert!(s.content.len() < 300_000, "font program of {} bytes", s.content.len());
                    programs += 1;
                }
            }
        }
        if dict.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Type0") {
            assert!(dict.get(b"ToUnicode").is_ok(), "a Type0 font without ToUnicode");
        }
    }
    assert_eq!(programs, 2, "{names:?}");
    assert!(names.iter().all(|n| n.len() > 7 && n.as_bytes()[6] == b'+'), "subset tags: {names:?}");
    assert!(names.iter().any(|n| n.ends_with("NotoSerifCJKsc-Regular")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("NotoSansCJKsc-Bold")), "{names:?}");
}

fn project(i: usize) -> Achievement {
    Achievement {
        id: format!("p{i}"),
        title: format!("第{i}号工业园区能源梯级利用与余热回收节能改造示范工程（含配套智能监测平台建设）"),
        month: Some(YearMonth::new(2019 + (i % 4) as i32, 1 + (i % 12) as u32).unwrap()),
        kind: AchievementKind::EngineeringProject {
            level: Some(zhicheng_core::eligibility::Level::Provincial),
            led: i.is_multiple_of(2),
            rank: Some(1 + (i % 3) as u32),
            accepted: true,
            investment_wan: Some(3000.0),
        },
    }
}

#[test]
fn a_long_achievement_list_continues_on_a_second_page_with_the_header_repeated() {
    let mut f = sample();
    f.achievements.extend((0..10).map(project));
    let pages = text_of(&pdf_of(&f));
    assert_eq!(pages.len(), 2, "{pages:?}");
    let (one, two) = (flat(&pages[0]), flat(&pages[1]));
    assert!(one.contains("第1页共2页") && two.contains("第2页共2页"));
    for header in ["业绩成果名称及类别", "本人角色及排名", "符合条件"] {
        assert!(one.contains(header) && two.contains(header), "{header} not on both pages");
    }
    assert!(two.contains("（续）") && two.contains("申报人：李明"));
    // Every project appears once, in order, across the two pages.
    let all = format!("{one}{two}");
    let mut last = 0;
    for i in 0..10 {
        let at = all.find(&format!("第{i}号工业园区")).unwrap_or_else(|| panic!("project {i} missing"));
        assert!(at >= last, "project {i} out of order");
        last = at;
    }
    // The signature block is on the last page.
    assert!(two.contains("单位意见") && !one.contains("单位意见"));
}

/// A character Noto Serif CJK SC lacks and HanaMin B has, found in the fonts themselves.
fn rare_char() -> char {
    let f = fonts();
    (0x20000u32..0x2A6DF)
        .filter_map(char::from_u32)
        .find(|c| !f.face(Face::Serif).has(*c) && f.face(Face::Fallback).has(*c))
        .expect("HanaMin B covers Ext. B characters Noto lacks")
}

#[test]
fn a_rare_character_in_a_name_is_drawn_with_the_fallback_font() {
    let rare = rare_char();
    let mut f = sample();
    f.profile.name = format!("李{rare}");
    let pdf = pdf_of(&f);
    let text = flat(&text_of(&pdf)[0]);
    assert!(text.contains(&format!("李{rare}")), "{text}");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let fallback = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .any(|d| d.get(b"FontName").and_then(|n| n.as_name()).is_ok_and(|n| n.starts_with(b"ZHFALL+HanaMinB")));
    assert!(fallback, "the fallback font is not embedded");
    let preview = with_ctx(|ctx| zhicheng_sheet::preview(&f, ctx, "built-in")).unwrap();
    assert_eq!(preview.fallback_chars, vec![rare.to_string()]);
}

#[test]
fn a_character_no_font_has_is_refused_naming_it_and_the_field() {
    let mut f = sample();
    f.profile.employer = "重庆\u{10FFFD}公司".into();
    let e = with_ctx(|ctx| zhicheng_sheet::pdf(&f, ctx, at("2023-11-18T10:00:00+08:00"))).unwrap_err();
    assert_eq!(e.code(), ErrorCode::MissingGlyph);
    let msg = e.to_string();
    assert!(msg.contains("工作单位") && msg.contains("U+10FFFD"), "{msg}");
    assert!(matches!(e, zhicheng_sheet::SheetError::MissingGlyph { ch: '\u{10FFFD}', .. }));
}

#[test]
fn the_same_input_and_date_give_the_same_bytes_and_the_date_is_in_the_metadata() {
    let f = sample();
    let a = pdf_of(&f);
    assert_eq!(a, pdf_of(&f));
    let later = with_ctx(|ctx| zhicheng_sheet::pdf(&f, ctx, at("2023-11-19T10:00:00+08:00"))).unwrap();
    assert_ne!(a, later);
    let doc = lopdf::Document::load_mem(&a).unwrap();
    let info = doc.trailer.get(b"Info").and_then(|r| r.as_reference()).unwrap();
    let info = doc.get_object(info).unwrap().as_dict().unwrap();
    let s = |k: &[u8]| String::from_utf8_lossy(info.get(k).unwrap().as_str().unwrap()).to_string();
    assert!(s(b"CreationDate").starts_with("D:20231118100000+08'00"), "{}", s(b"CreationDate"));
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    let author = lopdf::decode_text_string(info.get(b"Author").unwrap()).unwrap();
    assert!(title.contains("公示") && title.contains("李明"), "{title}");
    assert_eq!(author, "李明");
}

#[test]
fn missing_fields_say_where_to_fill_them() {
    let mut f = sample();
    f.publicity = Default::default();
    f.profile.employer.clear();
    let p = with_ctx(|ctx| zhicheng_sheet::preview(&f, ctx, "built-in")).unwrap();
    let got: Vec<(&str, Section, &str)> =
        p.missing.iter().map(|m| (m.field.as_str(), m.section, m.target.as_str())).collect();
    for want in [
        ("employer", Section::Profile, "employer"),
        ("publicity_period", Section::Publicity, "start"),
        ("publicity_place", Section::Publicity, "place"),
        ("unit_contact", Section::Publicity, "unit_name"),
        ("superior_contact", Section::Publicity, "superior_name"),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    assert!(!got.iter().any(|m| m.0 == "name"));
    // The preview marks the empty cells; the PDF does not.
    assert!(p.pages[0].contains("data-field=\"employer\""));
    assert_eq!(p.file_name, "公示表_李明.pdf");
}

fn tool(name: &str) -> Command {
    let found = Command::new("sh").arg("-c").arg(format!("command -v {name}")).output().unwrap();
    assert!(found.status.success(), "{name} is not installed: `make test` installs it (scripts/bootstrap.sh test)");
    Command::new(name)
}

#[test]
fn qpdf_finds_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = sample();
    f.achievements.extend((0..24).map(project));
    for (name, file) in [("one.pdf", sample()), ("two.pdf", f)] {
        let path = dir.path().join(name);
        std::fs::write(&path, pdf_of(&file)).unwrap();
        let out = tool("qpdf").arg("--check").arg(&path).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.contains("No syntax or stream encoding errors"), "{text}");
    }
}

/// Renders page 1 at 50 dpi in grey and compares it with `tests/golden/sample-p1-50dpi.png`
/// (`UPDATE_GOLDEN=1` rewrites it after a deliberate layout change).
#[test]
fn the_layout_matches_the_golden_image() {
    let dir = tempfile::tempdir().unwrap();
    let rendered = grey_pngs(dir.path(), "s", &pdf_of(&sample()), &["-r", "50", "-f", "1", "-l", "1"])
        .into_iter()
        .next()
        .expect("pdftoppm wrote a png");
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sample-p1-50dpi.png");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::copy(&rendered, &golden).unwrap();
    }
    let (a, aw, ah) = grey(&std::fs::read(&rendered).unwrap());
    let (b, bw, bh) = grey(&std::fs::read(&golden).expect("golden image (UPDATE_GOLDEN=1 writes it)"));
    assert_eq!((aw, ah), (bw, bh), "page size changed");
    let differing = a.iter().zip(&b).filter(|(x, y)| x.abs_diff(**y) > 64).count();
    let share = differing as f64 / a.len() as f64;
    assert!(share < 0.004, "{:.2}% of pixels differ from the golden image", share * 100.0);
}

/// `pdf` rendered in grey by pdftoppm (`args`: resolution, pages) into `dir`: the PNGs in page order.
fn grey_pngs(dir: &std::path::Path, name: &str, pdf: &[u8], args: &[&str]) -> Vec<std::path::PathBuf> {
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let st = tool("pdftoppm").args(args).args(["-gray", "-png"]).arg(&path).arg(dir.join(name)).status().unwrap();
    assert!(st.success());
    let mut pngs: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "png")
                && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&format!("{name}-")))
        })
        .collect();
    pngs.sort();
    pngs
}

fn grey(png_bytes: &[u8]) -> (Vec<u8>, u32, u32) {
    let mut dec = png::Decoder::new(std::io::Cursor::new(png_bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut r = dec.read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size()];
    let info = r.next_frame(&mut buf).unwrap();
    let ch = info.color_type.samples();
    let px = buf[..info.buffer_size()].chunks(ch).map(|p| p[0]).collect();
    (px, info.width, info.height)
}

#[test]
fn line_breaking_keeps_the_rules_and_the_width() {
    use zhicheng_sheet::layout::{measure, wrap};
    let f = fonts();
    let words = ["节能", "改造", "项目", " PV-2023 ", " 2500", "万元", "“绿色”", "《规范》", "（验收）", "低碳"];
    let marks = ["，", "。", "、", "；", "：", "！", "）", "”", "（", "“", "《", " "];
    // A fixed pseudo-random sequence (the same strings on every run): words, each perhaps followed by
    // a punctuation mark, as real text is.
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..30 {
            s.push_str(words[next(words.len())]);
            if next(2) == 0 {
                s.push_str(marks[next(marks.len())]);
            }
        }
        for width in [20.0, 33.0, 71.0] {
            let lines = wrap(f, Face::Serif, &s, 10.5, width);
            assert_eq!(flat(&lines.concat()), flat(&s), "text lost or changed");
            for (i, l) in lines.iter().enumerate() {
                assert!(measure(f, Face::Serif, l, 10.5) <= width + 0.01, "{l:?} wider than {width}");
                let (first, last) = (l.chars().next(), l.chars().last());
                // (The first line starts where the text starts, whatever that is.)
                let closing = first.is_some_and(|c| "，。、；）》”".contains(c));
                assert!(i == 0 || !closing, "{l:?} starts with a closing mark in {s:?}");
                let opening = last.is_some_and(|c| "（《“".contains(c));
                assert!(i + 1 == lines.len() || !opening, "{l:?} ends with an opening mark in {s:?}");
            }
            let words = s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).filter(|w| !w.is_empty());
            // (At 20 mm a word may have to give way to the rules above; wider, never.)
            for w in words.filter(|_| width > 30.0) {
                assert!(lines.iter().any(|l| l.contains(w)), "the word {w:?} was split: {lines:?}");
            }
        }
    }
}

/// The Linux packages carry no fonts: the sheet then reads the distribution's collections (fonts-noto-cjk,
/// fonts-hanazono), while the Windows and macOS bundles carry the Simplified-Chinese cut of the same faces
/// (`fonts/`, scripts/fonts.sh). Both must give the same sheet: the same text, the same pixels.
#[cfg(target_os = "linux")]
#[test]
fn the_system_fonts_give_the_same_sheet_as_the_bundled_ones() {
    use zhicheng_core::calendar::WorkCalendar;
    use zhicheng_core::eligibility::RulePack;
    use zhicheng_core::round::Round;
    use zhicheng_sheet::fonts::locate;
    use zhicheng_sheet::{Context, Fonts, Template};
    let empty = tempfile::tempdir().unwrap();
    for f in Face::ALL {
        let (p, _) = locate(empty.path(), f, true);
        assert!(p.starts_with("/usr/share/fonts"), "{f:?} found in the system: {}", p.display());
    }
    let system = Fonts::load_with_system(empty.path()).unwrap();
    assert!(Fonts::load(empty.path()).is_err(), "a folder the user named is used as it is");
    let bundled = common::fonts();
    assert!(bundled.dir.join(Face::Serif.bundled_file()).is_file(), "the checkout's fonts/ holds the bundled cut");
    let render = |fonts: &'static Fonts, f: &zhicheng_core::applicant_file::ApplicantFile| {
        let pack = RulePack::builtin();
        let round = Round::builtin();
        let template = Template::builtin();
        let ctx = Context { pack: &pack, round: &round, calendar: WorkCalendar::builtin(), template: &template, fonts };
        zhicheng_sheet::pdf(f, &ctx, common::at("2023-11-18T10:00:00+08:00")).unwrap()
    };
    // The sample, with a title in Latin, Greek and full-width forms and a rare name character (Ext. B).
    let mut f = common::sample();
    f.achievements.push(project(0));
    f.achievements[0].title = "CO2减排α-β系统（Ⅱ期）：①节能≥15%，ＰＶ 2,500 kW·h/㎡".into();
    f.profile.name = "王𠀾".into();
    let (a, b) = (render(system, &f), render(bundled, &f));
    assert_eq!(text_of(&a), text_of(&b), "the same text with the system's faces");
    let dir = tempfile::tempdir().unwrap();
    let pages = |name: &str, pdf: &[u8]| -> Vec<(Vec<u8>, u32, u32)> {
        grey_pngs(dir.path(), name, pdf, &["-r", "100"]).iter().map(|p| grey(&std::fs::read(p).unwrap())).collect()
    };
    let (pa, pb) = (pages("system", &a), pages("bundled", &b));
    assert!(!pa.is_empty() && pa.len() == pb.len(), "{} pages against {}", pa.len(), pb.len());
    for (i, (x, y)) in pa.iter().zip(&pb).enumerate() {
        assert_eq!((x.1, x.2), (y.1, y.2), "page {} size", i + 1);
        let differing = x.0.iter().zip(&y.0).filter(|(p, q)| p != q).count();
        assert_eq!(
            differing,
            0,
            "page {}: {differing} pixels differ between the system's and the bundled faces",
            i + 1
        );
    }
}

/// The bundled cut draws every character it keeps with the very outline and advance of the
/// distribution's face (all CJK ideographs of the basic block, the punctuation and forms, Latin), and
/// keeps every character of the basic block the full face has.
#[cfg(target_os = "linux")]
#[test]
fn the_bundled_cut_keeps_the_outlines_of_the_full_faces() {
    use zhicheng_sheet::fonts::locate;
    #[derive(Default)]
    struct Path(Vec<String>);
    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("M{x} {y}"));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("L{x} {y}"));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(format!("Q{x1} {y1} {x} {y}"));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(format!("C{x1} {y1} {x2} {y2} {x} {y}"));
        }
        fn close(&mut self) {
            self.0.push("Z".into());
        }
    }
    let bundled = common::fonts();
    let ranges = [0x20..0x7f, 0x3000..0x3040, 0x4e00..0xa000, 0xff01..0xff5f, 0x2460..0x2474];
    for f in [Face::Serif, Face::SansBold] {
        let (path, index) = locate(std::path::Path::new("/nonexistent"), f, true);
        let bytes = std::fs::read(&path).unwrap();
        let full = ttf_parser::Face::parse(&bytes, index).unwrap();
        let cut = &bundled.face(f).face;
        let mut checked = 0;
        for ch in ranges.iter().cloned().flatten().filter_map(char::from_u32) {
            let Some(g) = full.glyph_index(ch) else { continue };
            let c = cut.glyph_index(ch).unwrap_or_else(|| panic!("{f:?}: the cut lost {ch} (U+{:04X})", ch as u32));
            assert_eq!(full.glyph_hor_advance(g), cut.glyph_hor_advance(c), "{f:?}: advance of {ch}");
            let (mut p, mut q) = (Path::default(), Path::default());
            assert_eq!(full.outline_glyph(g, &mut p), cut.outline_glyph(c, &mut q), "{f:?}: box of {ch}");
            assert_eq!(p.0, q.0, "{f:?}: outline of {ch}");
            checked += 1;
        }
        assert!(checked > 21_000, "{f:?}: {checked} characters compared");
        assert_eq!(full.units_per_em(), cut.units_per_em());
    }
}

#[test]
fn the_signature_box_never_stands_alone_the_publicity_details_and_note_go_with_it() {
    // Lists of every length up to two full pages: wherever the tables end, the closing blocks
    // (the publicity's period and contacts, the note, 单位意见/盖章) share one page.
    for n in 0..16 {
        let mut f = sample();
        f.achievements.extend((0..n).map(project));
        let pages: Vec<String> = text_of(&pdf_of(&f)).iter().map(|p| flat(p)).collect();
        let sign = pages.iter().position(|p| p.contains("单位意见")).expect("the signature box is drawn");
        assert_eq!(sign, pages.len() - 1, "{n} projects: the signature box is on the last page");
        let last = &pages[sign];
        assert!(
            last.contains("公示起止时间") && last.contains("对公示内容有异议"),
            "{n} projects: the signature box is alone on page {}: {last}",
            sign + 1
        );
    }
}

#[test]
fn the_condition_column_prints_the_clause_with_a_plain_label() {
    let pages = text_of(&pdf_of(&sample()));
    let all: String = pages.iter().map(|p| flat(p)).collect();
    assert!(all.contains("二（二）2（1）主持省部级工程项目并验收"), "{all}");
}
