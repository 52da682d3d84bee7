//! `zhicheng sheet`: one PDF, a unit's batch, and the same bytes as the app's code path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::process::{Command, Output};

use chrono::{DateTime, Utc};
use zhicheng_core::applicant_file;
use zhicheng_core::calendar::WorkCalendar;
use zhicheng_core::storage::Workspace;

fn root() -> String {
    format!("{}/../..", env!("CARGO_MANIFEST_DIR"))
}

fn zhicheng(ws: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhicheng")).arg("--workspace").arg(ws).args(args).output().unwrap()
}

const AT: &str = "2023-11-18T10:00:00+08:00";

#[test]
fn one_sheet_is_the_same_bytes_as_the_apps_code_path() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let out = dir.path().join("公示表.pdf");
    let sample = format!("{}/examples/applicant.json", root());
    let o = zhicheng(&ws, &["sheet", &sample, "-o", out.to_str().unwrap(), "--at", AT]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("已写入"));
    let cli = std::fs::read(&out).unwrap();
    assert!(cli.starts_with(b"%PDF-"));

    // What the app's sheet_export command computes: the workspace's pack, round and template.
    let w = Workspace::open(&ws).unwrap();
    let file = applicant_file::parse(&std::fs::read_to_string(&sample).unwrap(), None).unwrap().file;
    let pack = w.effective_pack().unwrap();
    let round = w.load_deadline_settings().unwrap().active();
    let (template, _) = zhicheng_sheet::workspace_template(w.root()).unwrap();
    let fonts = zhicheng_sheet::Fonts::load(&zhicheng_sheet::fonts::default_dir()).unwrap();
    let ctx = zhicheng_sheet::Context {
        pack: &pack,
        round: &round,
        calendar: WorkCalendar::builtin(),
        template: &template,
        fonts,
    };
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(AT).unwrap().with_timezone(&Utc);
    assert_eq!(cli, zhicheng_sheet::pdf(&file, &ctx, now).unwrap(), "CLI and app differ");

    // No overwrite without --force.
    let again = zhicheng(&ws, &["sheet", &sample, "-o", out.to_str().unwrap(), "--at", AT]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("已存在"));
    assert!(zhicheng(&ws, &["sheet", &sample, "-o", out.to_str().unwrap(), "--force"]).status.success());
}

#[test]
fn a_batch_makes_one_pdf_per_applicant_and_names_the_failures() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(format!("{}/examples/applicant.json", root())).unwrap();
    let one: serde_json::Value = serde_json::from_str(&sample).unwrap();
    let mut two = one.clone();
    two["profile"]["name"] = "王芳".into();
    let mut same_name = one.clone();
    same_name["profile"]["employer"] = "另一家公司".into();
    let jsonl = format!(
        "{}\n{}\n{{\"format\":\"zhicheng/applicant\",\"version\":3,\"profile\":{{\"name\":1}}}}\n{}\n",
        one, two, same_name
    );
    let src = dir.path().join("unit.jsonl");
    std::fs::write(&src, jsonl).unwrap();
    let out = dir.path().join("out");
    let o = zhicheng(&dir.path().join("ws"), &["sheet", "--batch", src.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let (stdout, stderr) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(!o.status.success(), "a failed applicant makes the batch fail");
    assert!(stderr.contains("unit.jsonl:3") && stderr.contains("profile.name"), "{stderr}");
    assert!(stdout.contains("共生成 3 份公示表，1 份失败"), "{stdout}");
    let mut names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["公示表_李明.pdf", "公示表_李明_2.pdf", "公示表_王芳.pdf"]);
}

#[test]
fn missing_fonts_are_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let sample = format!("{}/examples/applicant.json", root());
    let o =
        zhicheng(dir.path(), &["sheet", &sample, "-o", out.to_str().unwrap(), "--fonts", dir.path().to_str().unwrap()]);
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("公示表字体不可用") && e.contains("NotoSerifSC-Regular.otf"), "{e}");
    assert!(!out.exists(), "nothing half-written");
}
