//! What the black-box run of issue #13 found, kept fixed: no panic on far months or a closed stdout,
//! nothing personal in clear in a sealed workspace, one writer per workspace, output paths that are
//! never a device or a symlink, private file modes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ID: &str = "500103198506151236";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhicheng"));
    c.env_remove("ZHICHENG_WORKSPACE").env_remove("ZHICHENG_VAULT_PASSPHRASE");
    c
}

fn zhicheng(ws: &Path, args: &[&str]) -> Output {
    bin().arg("--workspace").arg(ws).args(args).output().expect("runs")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn example() -> PathBuf {
    PathBuf::from(format!("{}/../../examples/applicant.json", env!("CARGO_MANIFEST_DIR")))
}

fn example_json() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap()
}

fn no_panic(o: &Output) {
    assert_ne!(o.status.code(), Some(101), "panicked: {}", text(o));
    assert!(!text(o).contains("panicked"), "{}", text(o));
}

/// Every file under `dir` as (path, bytes).
fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out
}

#[test]
fn a_far_past_application_month_is_assessed_not_a_crash() {
    let t = tempfile::tempdir().unwrap();
    let mut v = example_json();
    v["screening"]["apply_month"] = "1902-01".into();
    let f = t.path().join("old.json");
    std::fs::write(&f, v.to_string()).unwrap();
    let ws = t.path().join("ws");
    let o = zhicheng(&ws, &["profile", "import", f.to_str().unwrap()]);
    no_panic(&o);
    for args in [
        vec!["assess"],
        vec!["assess", "--json"],
        vec!["assess", "--apply-month", "1900-01"],
        vec!["assess", "--apply-month", "2999-12"],
    ] {
        let o = zhicheng(&ws, &args);
        no_panic(&o);
    }
    let pdf = t.path().join("s.pdf");
    let o = zhicheng(&ws, &["sheet", "-o", pdf.to_str().unwrap()]);
    no_panic(&o);
}

#[test]
fn a_rule_pack_with_absurd_numbers_is_refused_naming_the_field() {
    let t = tempfile::tempdir().unwrap();
    let pack: serde_json::Value =
        serde_json::from_str(include_str!("../../zhicheng-core/data/rules-2023.json")).unwrap();
    type Change = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Change)> = vec![
        ("education[0].years", Box::new(|p| p["routes"][0]["levels"][0]["education"][0]["years"] = 200_000_000.into())),
        ("routes", Box::new(|p| p["routes"] = serde_json::json!([]))),
        (
            "sum_revenue_wan",
            Box::new(|p| {
                let alts = p["routes"][0]["levels"][0]["conditions"].as_array_mut().unwrap();
                for c in alts {
                    for a in c["any_of"].as_array_mut().unwrap() {
                        if a.get("sum_revenue_wan").is_some_and(|x| !x.is_null()) {
                            a["sum_revenue_wan"] = (-5).into();
                        }
                    }
                }
            }),
        ),
    ];
    for (field, change) in cases {
        let mut p = pack.clone();
        change(&mut p);
        let f = t.path().join("pack.json");
        std::fs::write(&f, p.to_string()).unwrap();
        let o =
            zhicheng(&t.path().join("ws"), &["assess", example().to_str().unwrap(), "--rules", f.to_str().unwrap()]);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(1), "{field}: {}", text(&o));
        assert!(text(&o).contains(field), "{field}: {}", text(&o));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_or_closed_stdout_is_an_exit_code_not_a_panic() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    assert!(zhicheng(&ws, &["profile", "import", example().to_str().unwrap()]).status.success());
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let o = bin().arg("--workspace").arg(&ws).args(["profile", "show"]).stdout(full).output().unwrap();
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("标准输出"), "{}", text(&o));

    // `profile show --json | head -c100`: the reader goes away after 100 bytes, and the output is
    // larger than a pipe holds (450 achievements), so the writer must meet the closed pipe.
    let mut v = example_json();
    let one = v["achievements"][0].clone();
    v["achievements"] = (0..450)
        .map(|i| {
            let mut a = one.clone();
            a["id"] = format!("a{i}").into();
            a["title"] = format!("{}{i}", "一种工业余热梯级回收装置".repeat(8)).into();
            a
        })
        .collect();
    let big = ws.parent().unwrap().join("big.json");
    std::fs::write(&big, v.to_string()).unwrap();
    assert!(zhicheng(&ws, &["profile", "import", big.to_str().unwrap()]).status.success());
    let mut child = bin()
        .arg("--workspace")
        .arg(&ws)
        .args(["profile", "show", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // and dropped: the pipe closes
    let o = child.wait_with_output().unwrap();
    no_panic(&o);
    assert_eq!(o.status.code(), Some(141), "{}", text(&o));
}

#[test]
fn import_into_a_locked_passphrase_vault_never_writes_the_id_in_clear() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    let pass = t.path().join("pass.txt");
    std::fs::write(&pass, "材料库口令2026\n").unwrap();
    let doc = t.path().join("学历证书.pdf");
    std::fs::write(&doc, "%PDF-1.4\n% 学历\n").unwrap();
    // A vault under a passphrase, made before any applicant file.
    let o = zhicheng(&ws, &["evidence", "add", doc.to_str().unwrap(), "--passphrase-file", pass.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    // Imported without the passphrase: the vault's public half seals.
    let o = zhicheng(&ws, &["profile", "import", example().to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let example_text = std::fs::read_to_string(example()).unwrap();
    let phone = example_json()["profile"]["phone"].as_str().unwrap().to_string();
    assert!(example_text.contains(ID));
    for (p, bytes) in all_files(&ws) {
        let s = String::from_utf8_lossy(&bytes);
        assert!(!s.contains(ID) && !s.contains(&phone), "{} holds the ID or phone in clear", p.display());
    }
    // The key opens them again.
    let o = bin()
        .arg("--workspace")
        .arg(&ws)
        .args(["profile", "show", "--json"])
        .env("ZHICHENG_VAULT_PASSPHRASE", "材料库口令2026")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains(ID), "{}", text(&o));
}

#[test]
fn a_second_writer_is_told_who_holds_the_workspace_and_changes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    assert!(zhicheng(&ws, &["profile", "import", example().to_str().unwrap()]).status.success());
    let before = std::fs::read(ws.join("applicant.json")).unwrap();
    let mut v = example_json();
    v["profile"]["name"] = "王芳".into();
    let other = t.path().join("other.json");
    std::fs::write(&other, v.to_string()).unwrap();
    {
        let _held = zhicheng_core::lock::WriteLock::acquire(&ws).unwrap();
        let o = zhicheng(&ws, &["profile", "import", other.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        assert!(text(&o).contains("工作区正被另一个程序使用"), "{}", text(&o));
        assert!(text(&o).contains(&format!("PID {}", std::process::id())), "{}", text(&o));
        assert_eq!(std::fs::read(ws.join("applicant.json")).unwrap(), before);
        // Reading is not writing: it still works.
        assert!(zhicheng(&ws, &["assess"]).status.success());
    }
    let o = zhicheng(&ws, &["profile", "import", other.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
}

#[cfg(unix)]
#[test]
fn output_paths_are_never_a_device_a_symlink_or_a_folder() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    assert!(zhicheng(&ws, &["profile", "import", example().to_str().unwrap()]).status.success());
    let victim = t.path().join("bashrc");
    std::fs::write(&victim, "keep me").unwrap();
    let link = t.path().join("link.json");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let dir = t.path().join("adir");
    std::fs::create_dir(&dir).unwrap();
    for target in [link.to_str().unwrap(), dir.to_str().unwrap(), "/dev/null"] {
        for args in [
            vec!["profile", "export", target, "--force"],
            vec!["deadlines", "--at", "2023-11-30T12:00:00+08:00", "--ics", target, "--force"],
        ] {
            let o = zhicheng(&ws, &args);
            no_panic(&o);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o));
            assert!(text(&o).contains("不是普通文件"), "{args:?}: {}", text(&o));
        }
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device_like());
    // A regular file is replaced with --force, and the result is private.
    let out = t.path().join("out.json");
    std::fs::write(&out, "old").unwrap();
    assert!(zhicheng(&ws, &["profile", "export", out.to_str().unwrap(), "--force"]).status.success());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    for (p, _) in all_files(&ws) {
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{} is readable by others ({mode:o})", p.display());
    }
}

#[cfg(unix)]
trait CharDeviceLike {
    fn is_char_device_like(&self) -> bool;
}
#[cfg(unix)]
impl CharDeviceLike for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}
