//! `zhicheng evidence`: add a folder, link, the checklist's exit code, export, recovery.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::path::Path;
use std::process::{Command, Output};

fn root() -> String {
    format!("{}/../..", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the CLI with a passphrase (the vault is made under it, whatever OS key store the machine has).
fn zhicheng(ws: &Path, pass: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhicheng"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .arg("--passphrase-file")
        .arg(pass)
        .env_remove("ZHICHENG_VAULT_PASSPHRASE")
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn add_link_check_export_and_recover_from_the_command_line() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    let pass = t.path().join("pass.txt");
    std::fs::write(&pass, "材料库口令2026\n").unwrap();
    let sample = format!("{}/examples/applicant.json", root());
    let o = Command::new(env!("CARGO_BIN_EXE_zhicheng"))
        .args(["--workspace", ws.to_str().unwrap(), "profile", "import", &sample])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out(&o));

    let src = t.path().join("扫描件");
    std::fs::create_dir_all(&src).unwrap();
    for (name, body) in [("专利证书.pdf", "专利"), ("验收报告.pdf", "验收"), ("论文.pdf", "论文")] {
        std::fs::write(src.join(name), format!("%PDF-1.4\n% {body}\n")).unwrap();
    }
    std::fs::write(src.join("readme.txt"), "x").unwrap();

    let o = zhicheng(&ws, &pass, &["evidence", "check"]);
    assert_eq!(o.status.code(), Some(3), "missing items → exit 3: {}", out(&o));
    assert!(out(&o).contains("✗ 业绩1"));
    // In English: the summary, the items and why they apply are English; only clauses and the
    // user's own titles stay as written.
    let o = zhicheng(&ws, &pass, &["--lang", "en", "evidence", "check"]);
    let en = out(&o);
    assert!(en.contains("Evidence: 0 of ") && en.contains("Still missing (needed before submitting): "), "{en}");
    assert!(en.contains("Diploma"), "{en}");
    assert!(!en.contains("佐证材料") && !en.contains("尚缺") && !en.contains("提醒"), "{en}");

    let o = zhicheng(&ws, &pass, &["evidence", "add", src.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a refused file is reported and the exit code says so");
    let text = out(&o);
    assert_eq!(text.matches("已导入").count(), 3, "{text}");
    assert!(text.contains("readme.txt：不是支持的格式"), "{text}");

    // From the vault's creation on, the ID number and phone are sealed in the applicant file.
    let id = "500103198506151236";
    let example = std::fs::read_to_string(&sample).unwrap();
    assert!(example.contains(id), "the example carries this ID number");
    let on_disk = std::fs::read_to_string(ws.join("applicant.json")).unwrap();
    assert!(!on_disk.contains(id) && on_disk.contains("\"sealed:"), "sealed on disk");
    let plain = |args: &[&str], pass: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_zhicheng"));
        c.arg("--workspace").arg(&ws).args(args).env_remove("ZHICHENG_VAULT_PASSPHRASE");
        if let Some(p) = pass {
            c.env("ZHICHENG_VAULT_PASSPHRASE", p);
        }
        c.output().unwrap()
    };
    let o = plain(&["profile", "show"], None);
    assert!(o.status.success() && out(&o).contains("已加密"), "{}", out(&o));
    let exported = t.path().join("导出.json");
    let o = plain(&["profile", "export", exported.to_str().unwrap()], None);
    assert!(
        !o.status.success()
            && out(&o).contains("尚未解锁")
            && out(&o).contains("ZHICHENG_VAULT_PASSPHRASE")
            && !exported.exists(),
        "{}",
        out(&o)
    );
    let o = plain(&["profile", "export", exported.to_str().unwrap()], Some("材料库口令2026"));
    assert!(o.status.success(), "{}", out(&o));
    assert!(std::fs::read_to_string(&exported).unwrap().contains(id), "an export is readable elsewhere");
    let o = plain(&["profile", "show"], Some("材料库口令2026"));
    assert!(out(&o).contains("500103********1236"), "{}", out(&o));

    let o = zhicheng(&ws, &pass, &["evidence", "list", "--json"]);
    assert!(o.status.success(), "{}", out(&o));
    let files: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let id_of = |title: &str| {
        files.as_array().unwrap().iter().find(|f| f["title"] == title).unwrap()["id"].as_str().unwrap().to_string()
    };
    for (title, ach) in [("专利证书", "a1"), ("验收报告", "a2"), ("论文", "a3")] {
        let o = zhicheng(&ws, &pass, &["evidence", "link", &id_of(title), &format!("achievement:{ach}")]);
        assert!(o.status.success(), "{}", out(&o));
    }
    let o = zhicheng(&ws, &pass, &["evidence", "link", &id_of("论文"), "achievement:nope"]);
    assert!(!o.status.success() && out(&o).contains("找不到"), "{}", out(&o));

    let o = zhicheng(&ws, &pass, &["evidence", "check", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let c: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(c["complete"], true);

    let zip = t.path().join("上传.zip");
    let o = zhicheng(&ws, &pass, &["evidence", "export", "--zip", zip.to_str().unwrap()]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("已导出 3 个文件"));
    let z = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut names: Vec<String> = z.file_names().map(|n| n.unwrap().to_string()).collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "00_材料清单.csv",
            "00_材料清单.html",
            "01_业绩1_专利证书.pdf",
            "02_业绩2_验收报告.pdf",
            "03_业绩3_论文.pdf"
        ]
    );

    // wrong passphrase: a clear error, nothing changed
    let bad = t.path().join("bad.txt");
    std::fs::write(&bad, "不是这个口令的").unwrap();
    let o = zhicheng(&ws, &bad, &["evidence", "list"]);
    assert!(!o.status.success() && out(&o).contains("口令不正确"), "{}", out(&o));

    let rec = t.path().join("恢复.json");
    let o = zhicheng(&ws, &pass, &["evidence", "recovery", "--to", rec.to_str().unwrap()]);
    assert!(o.status.success(), "{}", out(&o));
    let o = zhicheng(&ws, &pass, &["evidence", "recover", "--from", rec.to_str().unwrap()]);
    assert!(o.status.success() && out(&o).contains("3 个文件"), "{}", out(&o));
}

fn photo(w: u32, h: u32, shade: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        if x < w / 3 && y < h / 4 { image::Rgb([200, 30, shade]) } else { image::Rgb([240, 240 - (y % 7) as u8, 235]) }
    });
    let mut out = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95).encode_image(&img).unwrap();
    out
}

#[test]
fn compose_mask_and_export_one_pdf_per_item_from_the_command_line() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    let pass = t.path().join("pass.txt");
    std::fs::write(&pass, "材料库口令2026\n").unwrap();
    let sample = format!("{}/examples/applicant.json", root());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhicheng")).arg("--workspace").arg(&ws).args(args).output().unwrap()
    };
    assert!(run(&["profile", "import", &sample]).status.success());
    let sheet = t.path().join("公示表.pdf");
    let o = run(&["sheet", "-o", sheet.to_str().unwrap()]);
    assert!(o.status.success(), "{}", out(&o));
    let (p1, p2) = (t.path().join("证书正面.jpg"), t.path().join("证书背面.jpg"));
    std::fs::write(&p1, photo(2000, 2600, 10)).unwrap();
    std::fs::write(&p2, photo(2000, 2600, 90)).unwrap();
    let o = zhicheng(
        &ws,
        &pass,
        &[
            "evidence",
            "add",
            p1.to_str().unwrap(),
            p2.to_str().unwrap(),
            sheet.to_str().unwrap(),
            "--for",
            "achievement:a1",
        ],
    );
    assert!(o.status.success(), "{}", out(&o));

    let o = zhicheng(&ws, &pass, &["evidence", "pages", "achievement:a1", "--json"]);
    assert!(o.status.success(), "{}", out(&o));
    let pages: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(pages["pages"].as_array().unwrap().len(), 3);
    let sheet_id = pages["pages"][2]["file"].as_str().unwrap().to_string();

    // As it is, within the default budget.
    let pdf = t.path().join("业绩1.pdf");
    let o = zhicheng(&ws, &pass, &["evidence", "compose", "achievement:a1", "-o", pdf.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let doc = lopdf::Document::load(&pdf).unwrap();
    assert_eq!(doc.get_pages().len(), 3);
    assert_eq!(r["size"].as_u64().unwrap(), std::fs::metadata(&pdf).unwrap().len());
    let plain = r["size"].as_u64().unwrap();

    // An existing output is not replaced without --force.
    let o = zhicheng(&ws, &pass, &["evidence", "compose", "achievement:a1", "-o", pdf.to_str().unwrap()]);
    assert!(!o.status.success() && out(&o).contains("已存在"), "{}", out(&o));

    // A budget below the plain size: compressed to fit, and said so.
    let mb = format!("{:.3}", plain as f64 * 0.5 / 1_048_576.0);
    let o = zhicheng(&ws, &pass, &["evidence", "compose", "item:nope", "-o", pdf.to_str().unwrap(), "--force"]);
    assert!(!o.status.success() && out(&o).contains("不是当前申报情况需要的材料"), "{}", out(&o));
    let o = zhicheng(
        &ws,
        &pass,
        &["evidence", "compose", "achievement:a1", "-o", pdf.to_str().unwrap(), "--force", "--max-mb", &mb],
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(out(&o).contains("图片已压缩到") && out(&o).contains("以内"), "{}", out(&o));
    assert!(std::fs::metadata(&pdf).unwrap().len() as f64 <= plain as f64 * 0.5);
    // One that cannot be met: exit 4 and why.
    let o = zhicheng(
        &ws,
        &pass,
        &["evidence", "compose", "achievement:a1", "-o", pdf.to_str().unwrap(), "--force", "--max-mb", "0.01"],
    );
    assert_eq!(o.status.code(), Some(4), "{}", out(&o));
    assert!(out(&o).contains("超出上限"), "{}", out(&o));
    let o = zhicheng(
        &ws,
        &pass,
        &["evidence", "compose", "achievement:a1", "-o", pdf.to_str().unwrap(), "--force", "--dpi", "30"],
    );
    assert!(!o.status.success() && out(&o).contains("72 到 600 dpi"), "{}", out(&o));

    // Masking a PDF page needs its raster; then the copy is used in its place.
    let o = zhicheng(&ws, &pass, &["evidence", "mask", &sheet_id, "--rect", "0.1,0.1,0.8,0.1"]);
    assert!(!o.status.success() && out(&o).contains("--raster"), "{}", out(&o));
    let o = zhicheng(&ws, &pass, &["evidence", "mask", &sheet_id, "--rect", "0.1,0.1,0.8"]);
    assert!(!o.status.success() && out(&o).contains("x,y,宽,高"), "{}", out(&o));
    let raster = t.path().join("page.png");
    image::RgbImage::from_fn(1240, 1754, |x, y| image::Rgb([(x % 200) as u8, (y % 200) as u8, 128]))
        .save(&raster)
        .unwrap();
    let o = zhicheng(
        &ws,
        &pass,
        &["evidence", "mask", &sheet_id, "--rect", "0.1,0.1,0.8,0.1", "--raster", raster.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", out(&o));
    let o = zhicheng(&ws, &pass, &["evidence", "list"]);
    assert!(out(&o).contains(&format!("遮盖后的副本，代替 {sheet_id}")), "{}", out(&o));
    let o = zhicheng(&ws, &pass, &["evidence", "pages", "achievement:a1"]);
    assert!(out(&o).contains("已遮盖"), "{}", out(&o));
    assert!(out(&o).contains("evidence name-visible"), "the name check asks: {}", out(&o));

    // One PDF per item.
    let dir = t.path().join("上传");
    let o = zhicheng(&ws, &pass, &["evidence", "export", "--per-item-pdf", "--to", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names[0], "00_材料清单.csv");
    assert!(names[1].starts_with("01_业绩1_") && names[1].ends_with(".pdf"), "{names:?}");
    let exported = lopdf::Document::load(dir.join(&names[1])).unwrap();
    assert_eq!(exported.get_pages().len(), 3);
    assert!(exported.extract_text(&[3]).unwrap_or_default().trim().is_empty(), "the masked page is an image");

    // Undo: the original again.
    let o = zhicheng(&ws, &pass, &["evidence", "unmask", &sheet_id]);
    assert!(o.status.success(), "{}", out(&o));
    let o = zhicheng(&ws, &pass, &["evidence", "pages", "achievement:a1"]);
    assert!(!out(&o).contains("已遮盖"));
    for id in pages["pages"].as_array().unwrap().iter().map(|p| p["file"].as_str().unwrap()) {
        assert!(zhicheng(&ws, &pass, &["evidence", "name-visible", id]).status.success());
    }
    let o = zhicheng(&ws, &pass, &["evidence", "pages", "achievement:a1"]);
    assert!(!out(&o).contains("name-visible"), "{}", out(&o));
}
