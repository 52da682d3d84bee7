//! The `zhicheng profile` commands, run as a user runs them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::path::Path;
use std::process::{Command, Output};

fn zhicheng(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhicheng"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env_remove("ZHICHENG_WORKSPACE")
        .output()
        .expect("runs")
}

fn example() -> String {
    format!("{}/../../examples/applicant.json", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_lists_the_profile_commands() {
    let dir = tempfile::tempdir().unwrap();
    let o = zhicheng(dir.path(), &["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("profile"));
    let o = zhicheng(dir.path(), &["profile", "--help"]);
    for sub in ["show", "import", "export"] {
        assert!(stdout(&o).contains(sub), "{sub}");
    }
}

#[test]
fn import_then_show_then_export_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let o = zhicheng(&ws, &["profile", "import", &example()]);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = zhicheng(&ws, &["profile", "show"]);
    let text = stdout(&o);
    assert!(text.contains("姓名：李明"), "{text}");
    assert!(text.contains("身份证号：500103********1236"), "the ID number is masked: {text}");
    assert!(text.contains("基本情况已填写完整"), "{text}");

    let o = zhicheng(&ws, &["profile", "show", "--json"]);
    let shown: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let original: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    assert_eq!(shown, original);

    let out = dir.path().join("out.json");
    let o = zhicheng(&ws, &["profile", "export", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let exported: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(exported, original);

    // A second export to the same file needs --force.
    let o = zhicheng(&ws, &["profile", "export", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("已存在"), "{}", stderr(&o));
    let o = zhicheng(&ws, &["profile", "export", "--force", out.to_str().unwrap()]);
    assert!(o.status.success());
}

#[test]
fn a_bad_file_names_the_field_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    assert!(zhicheng(&ws, &["profile", "import", &example()]).status.success());
    let before = std::fs::read(ws.join("applicant.json")).unwrap();

    let bad = dir.path().join("bad.json");
    let text = std::fs::read_to_string(example()).unwrap().replace("\"1985-06\"", "\"1985-13\"");
    std::fs::write(&bad, text).unwrap();
    let o = zhicheng(&ws, &["profile", "import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("profile.birth_month"), "{err}");
    assert!(err.contains("月份应在 1 到 12 之间"), "{err}");

    // A value that parses but is wrong (bad ID checksum) is refused too.
    let text = std::fs::read_to_string(example()).unwrap().replace("500103198506151236", "500103198506151235");
    std::fs::write(&bad, text).unwrap();
    let o = zhicheng(&ws, &["profile", "import", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("身份证号"), "{}", stderr(&o));

    assert_eq!(std::fs::read(ws.join("applicant.json")).unwrap(), before, "workspace unchanged");
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = zhicheng(&dir.path().join("ws"), &["profile", "import", "/nonexistent/a.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/a.json"), "{}", stderr(&o));
    assert!(stderr(&o).contains("错误[io]：无法读取文件 /nonexistent/a.json：文件或文件夹不存在"), "{}", stderr(&o));

    // In English the whole line is English: the action, the system's reason.
    let o = zhicheng(&dir.path().join("ws"), &["--lang", "en", "profile", "import", "/nonexistent/a.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "error[io]: Cannot read the file /nonexistent/a.json: the file or folder does not exist"
    );
}

#[test]
fn show_on_an_empty_workspace_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let o = zhicheng(&dir.path().join("ws"), &["profile", "show"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("还没有申报人资料"));
}
