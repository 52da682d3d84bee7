//! The bad-input suite (`tests/bad-inputs/cases.json`, written by `generate.py` beside it): every case
//! runs the real `zhicheng` binary on a fresh workspace and must end with the expected exit code, the
//! expected error code (`错误[code]`) and a message naming the field at fault — never a panic, never
//! longer than 10 s, never serde's English, and never a changed workspace.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const PASS: &str = "材料库口令2026";

fn repo() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn bin(ws: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhicheng"));
    c.arg("--workspace").arg(ws).env_remove("ZHICHENG_WORKSPACE").env_remove("ZHICHENG_VAULT_PASSPHRASE");
    c
}

fn read_json(p: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join(p)).unwrap()).unwrap()
}

/// Sets the value at a JSON pointer, adding the last key to an object when it is new.
fn set(v: &mut Value, ptr: &str, new: Value) {
    let (parent, last) = ptr.rsplit_once('/').unwrap();
    let Some(p) = v.pointer_mut(parent) else { panic!("no {parent}") };
    match p {
        Value::Object(o) => {
            o.insert(last.to_string(), new);
        }
        Value::Array(a) => a[last.parse::<usize>().unwrap()] = new,
        _ => panic!("{parent} is not a container"),
    }
}

fn remove(v: &mut Value, ptr: &str) {
    let (parent, last) = ptr.rsplit_once('/').unwrap();
    if let Some(Value::Object(o)) = v.pointer_mut(parent) {
        o.remove(last);
    }
}

fn settings_base() -> Value {
    let mut round = read_json("crates/zhicheng-core/data/round-2023.json");
    round["id"] = "round-mine".into();
    serde_json::json!({"version": 1, "active_round": "round-mine", "rounds": [round], "lead_minutes": [60],
        "count_start_day": true, "step_days": [], "notified": []})
}

/// Every file under `dir` but the lock file, with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if e.file_name() != "workspace.lock" {
                out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

/// Builds the case's input; returns its path.
fn input(case: &Value, tmp: &Path, ws: &Path) -> PathBuf {
    let mut path = tmp.join("input.json");
    if let Some(place) = case["place"].as_str() {
        path = ws.join(place.strip_prefix("ws:").unwrap());
    }
    if let Some(base) = case["base"].as_str() {
        let mut v = match base {
            "applicant" => read_json("examples/applicant.json"),
            "pack" => read_json("crates/zhicheng-core/data/rules-2023.json"),
            "template" => read_json("crates/zhicheng-sheet/data/sheet-template.json"),
            "settings" => settings_base(),
            other => panic!("base {other}"),
        };
        for op in case["copy"].as_array().into_iter().flatten() {
            let from = v.pointer(op[0].as_str().unwrap()).unwrap().clone();
            set(&mut v, op[1].as_str().unwrap(), from);
        }
        for op in case["set"].as_array().into_iter().flatten() {
            set(&mut v, op[0].as_str().unwrap(), op[1].clone());
        }
        for ptr in case["remove"].as_array().into_iter().flatten() {
            remove(&mut v, ptr.as_str().unwrap());
        }
        if let Some(r) = case["repeat"].as_array() {
            let text = r[1].as_str().unwrap().repeat(r[2].as_u64().unwrap() as usize);
            set(&mut v, r[0].as_str().unwrap(), text.into());
        }
        std::fs::write(&path, v.to_string()).unwrap();
    } else if let Some(text) = case["text"].as_str() {
        std::fs::write(&path, text).unwrap();
    } else if let Some(g) = case["generate"].as_str() {
        match g {
            "deep_nesting" => std::fs::write(&path, "[".repeat(100_000)).unwrap(),
            "big_file" => {
                let mut v = read_json("examples/applicant.json");
                v["profile"]["current_specialty"] = " ".repeat(11 * 1024 * 1024).into();
                std::fs::write(&path, v.to_string()).unwrap();
            }
            "latin1" => std::fs::write(&path, b"{\"profile\": {\"name\": \"\xC0\xE8\"}}").unwrap(),
            "many_achievements" => {
                let mut v = read_json("examples/applicant.json");
                let one = v["achievements"][0].clone();
                v["achievements"] = (0..501)
                    .map(|i| {
                        let mut a = one.clone();
                        a["id"] = format!("a{i}").into();
                        a
                    })
                    .collect();
                std::fs::write(&path, v.to_string()).unwrap();
            }
            "directory" => std::fs::create_dir_all(&path).unwrap(),
            #[cfg(unix)]
            "fifo" => mkfifo(&path),
            #[cfg(unix)]
            "fifo_dir" => {
                path = tmp.join("batch");
                std::fs::create_dir_all(&path).unwrap();
                std::fs::copy(repo().join("examples/applicant.json"), path.join("a.json")).unwrap();
                mkfifo(&path.join("b.json"));
            }
            "empty_pdf" => {
                path = tmp.join("scan.pdf");
                std::fs::write(&path, b"").unwrap();
            }
            "elf_pdf" => {
                path = tmp.join("scan.pdf");
                std::fs::write(&path, b"\x7fELF\x02\x01\x01\x00").unwrap();
            }
            "txt" => {
                path = tmp.join("notes.txt");
                std::fs::write(&path, "随手记").unwrap();
            }
            #[cfg(unix)]
            "fifo_pdf" => {
                path = tmp.join("scan.pdf");
                mkfifo(&path);
            }
            other => panic!("generate {other}"),
        }
    }
    path
}

/// Runs with a 10 s limit; `None` when it had to be killed.
fn run(mut cmd: Command) -> Option<(Option<i32>, String)> {
    let out = tempfile::NamedTempFile::new().unwrap();
    let err = tempfile::NamedTempFile::new().unwrap();
    let mut child =
        cmd.stdin(Stdio::null()).stdout(out.reopen().unwrap()).stderr(err.reopen().unwrap()).spawn().unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let text = std::fs::read_to_string(out.path()).unwrap_or_default()
                + &std::fs::read_to_string(err.path()).unwrap_or_default();
            return Some((status.code(), text));
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

const SERDE_ENGLISH: [&str; 9] = [
    "invalid type",
    "invalid value",
    "missing field",
    "unknown variant",
    "unknown field",
    "expected ",
    "out of range",
    "EOF while",
    " at line ",
];

#[cfg(unix)]
#[test]
fn every_bad_input_is_refused_with_its_code_and_place() {
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(repo().join("tests/bad-inputs/cases.json")).unwrap()).unwrap();
    assert!(cases.len() >= 150, "the suite keeps at least 150 inputs");
    let example = repo().join("examples/applicant.json");
    let mut failures = vec![];
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let t = tempfile::tempdir().unwrap();
        let tmp = t.path();
        let ws = tmp.join("ws");
        let o = bin(&ws).args(["profile", "import"]).arg(&example).output().unwrap();
        assert!(o.status.success(), "setup import");
        let pass = tmp.join("pass.txt");
        std::fs::write(&pass, format!("{PASS}\n")).unwrap();
        let args: Vec<String> =
            case["args"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect();
        if args.first().is_some_and(|a| a == "evidence") {
            let doc = tmp.join("学历.pdf");
            std::fs::write(&doc, "%PDF-1.4\n% 学历\n").unwrap();
            let o = bin(&ws).args(["evidence", "add"]).arg(&doc).arg("--passphrase-file").arg(&pass).output().unwrap();
            assert!(o.status.success(), "setup vault: {}", String::from_utf8_lossy(&o.stderr));
        }
        let inp = input(case, tmp, &ws);
        let args: Vec<String> = args
            .iter()
            .map(|a| {
                a.replace("{input}", inp.to_str().unwrap())
                    .replace("{tmp}", tmp.to_str().unwrap())
                    .replace("{example}", example.to_str().unwrap())
                    .replace("{pass}", pass.to_str().unwrap())
            })
            .collect();
        let before = snapshot(&ws);
        let mut cmd = bin(&ws);
        cmd.args(&args);
        let Some((code, text)) = run(cmd) else {
            failures.push(format!("{name}: still running after 10 s"));
            continue;
        };
        let mut why = vec![];
        if code == Some(101) || text.contains("panicked") {
            why.push("panicked".to_string());
        }
        if let Some(exit) = case["exit"].as_i64()
            && code != Some(exit as i32)
        {
            why.push(format!("exit {code:?}, expected {exit}"));
        }
        if case["exit"].is_null() && code == Some(0) {
            why.push("exit 0 on bad input".into());
        }
        if let Some(c) = case["code"].as_str()
            && !text.contains(&format!("错误[{c}]"))
        {
            why.push(format!("no 错误[{c}]"));
        }
        let field = case["field"].as_str().unwrap();
        if !text.contains(field) {
            why.push(format!("does not name “{field}”"));
        }
        if case["exit"].as_i64() != Some(2)
            && let Some(e) = SERDE_ENGLISH.iter().find(|e| text.contains(*e))
        {
            why.push(format!("English serde text “{e}”"));
        }
        if snapshot(&ws) != before {
            why.push("the workspace changed".into());
        }
        if !why.is_empty() {
            let shown: String = text.chars().take(300).collect();
            failures.push(format!("{name}: {} — {}", why.join("; "), shown.trim()));
        }
    }
    eprintln!("bad inputs: {} cases, {} failed", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
