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
    assert!(!o.status.success() && out(&o).contains("须先解锁") && !exported.exists(), "{}", out(&o));
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
