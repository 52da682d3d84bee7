//! Crash injection: `profile import` and `evidence add` killed (SIGKILL) at random moments, more than
//! 200 times per run. After every kill: the applicant file is exactly the old or the new one, the
//! next open leaves no temp file and no orphan object, and nothing personal is in clear anywhere in
//! the workspace.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const ID: &str = "500103198506151236";
const PHONE: &str = "13812345678";
const PASS: &str = "材料库口令2026";

fn bin(ws: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhicheng"));
    c.arg("--workspace").arg(ws).env_remove("ZHICHENG_WORKSPACE").env_remove("ZHICHENG_VAULT_PASSPHRASE");
    c.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    c
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

/// A small deterministic generator: the same kill points every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn kill_after(cmd: &mut Command, micros: u64) {
    let mut child = cmd.spawn().unwrap();
    std::thread::sleep(Duration::from_micros(micros));
    let _ = child.kill();
    let _ = child.wait();
}

fn no_clear_personal_data(ws: &Path, when: &str) {
    for p in files(ws) {
        let bytes = std::fs::read(&p).unwrap();
        let s = String::from_utf8_lossy(&bytes);
        assert!(!s.contains(ID) && !s.contains(PHONE), "{when}: {} holds the ID or phone in clear", p.display());
    }
}

#[test]
fn killed_imports_and_evidence_adds_leave_old_or_new_never_half_never_clear() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    let pass = t.path().join("pass.txt");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/applicant.json")).unwrap();
    let versions: Vec<PathBuf> = ["李明", "王芳"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let p = t.path().join(format!("v{i}.json"));
            std::fs::write(&p, example.replace("\"李明\"", &format!("\"{name}\""))).unwrap();
            p
        })
        .collect();
    // A vault under a passphrase that the imports are not given: they seal with its public half.
    let scans = t.path().join("scans");
    std::fs::create_dir_all(&scans).unwrap();
    let first = scans.join("学历.pdf");
    std::fs::write(&first, "%PDF-1.4\n% 学历\n").unwrap();
    assert!(
        bin(&ws).args(["evidence", "add"]).arg(&first).arg("--passphrase-file").arg(&pass).status().unwrap().success()
    );
    assert!(bin(&ws).args(["profile", "import"]).arg(&versions[0]).status().unwrap().success());

    let mut rng = Lcg(2026);
    let mut kills = 0;
    for round in 0..170 {
        let to = &versions[round % 2];
        kill_after(bin(&ws).args(["profile", "import"]).arg(to), rng.next(25_000));
        kills += 1;
        let text = std::fs::read_to_string(ws.join("applicant.json")).unwrap();
        let f = zhicheng_core::applicant_file::parse(&text, None).expect("the applicant file always parses");
        assert!(["李明", "王芳"].contains(&f.file.profile.name.as_str()), "old or new: {}", f.file.profile.name);
        no_clear_personal_data(&ws, &format!("import kill {round}"));
    }

    // At each syscall boundary of a save: strace kills the import at the n-th write, fsync, rename,
    // open or unlink (where strace is installed; the bootstrap installs it for tests).
    let strace = Command::new("strace").arg("-V").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    let mut injected = 0;
    if strace {
        for syscall in ["openat", "write", "fsync", "rename", "unlink"] {
            for when in 1..=6 {
                let to = &versions[(injected + 1) % 2];
                let mut c = Command::new("strace");
                c.args(["-qq", "-f", "-o", "/dev/null", "-e"])
                    .arg(format!("inject={syscall}:signal=KILL:when={when}"))
                    .arg(env!("CARGO_BIN_EXE_zhicheng"))
                    .arg("--workspace")
                    .arg(&ws)
                    .args(["profile", "import"])
                    .arg(to)
                    .env_remove("ZHICHENG_WORKSPACE")
                    .env_remove("ZHICHENG_VAULT_PASSPHRASE")
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null());
                let _ = c.status();
                injected += 1;
                kills += 1;
                let text = std::fs::read_to_string(ws.join("applicant.json")).unwrap();
                let f = zhicheng_core::applicant_file::parse(&text, None)
                    .unwrap_or_else(|e| panic!("killed at {syscall} #{when}: {e}"));
                assert!(["李明", "王芳"].contains(&f.file.profile.name.as_str()));
                no_clear_personal_data(&ws, &format!("killed at {syscall} #{when}"));
            }
        }
    }

    // Evidence: a few files per import, different each time so there is work to kill.
    for round in 0..40 {
        let dir = scans.join(format!("batch{round}"));
        std::fs::create_dir_all(&dir).unwrap();
        for k in 0..8 {
            let mut body = format!("%PDF-1.4\n% {round}-{k}\n").into_bytes();
            body.extend((0..512 * 1024).map(|_| rng.next(256) as u8));
            std::fs::write(dir.join(format!("证书{k}.pdf")), body).unwrap();
        }
        // Unlocking takes the KDF's 0.1–0.2 s, the import about as long: kill anywhere in both.
        kill_after(
            bin(&ws).args(["evidence", "add"]).arg(&dir).arg("--passphrase-file").arg(&pass),
            50_000 + rng.next(300_000),
        );
        kills += 1;
    }
    assert!(kills >= 200);

    // The next open cleans up: no temp file anywhere, and every object is named by the index.
    let on_disk_before = std::fs::read_dir(ws.join("evidence/objects")).unwrap().count();
    let o = Command::new(env!("CARGO_BIN_EXE_zhicheng"))
        .arg("--workspace")
        .arg(&ws)
        .args(["evidence", "list", "--json"])
        .arg("--passphrase-file")
        .arg(&pass)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let hashes: std::collections::HashSet<String> =
        listed.iter().map(|f| f["hash"].as_str().unwrap().to_string()).collect();
    let objects: Vec<String> = std::fs::read_dir(ws.join("evidence/objects"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for o in &objects {
        let hash = o.strip_suffix(".age").unwrap_or_else(|| panic!("a leftover {o}"));
        assert!(hashes.contains(hash), "orphan object {o}");
    }
    assert_eq!(objects.len(), hashes.len());
    assert!(bin(&ws).args(["profile", "show"]).status().unwrap().success());
    let temps: Vec<PathBuf> =
        files(&ws).into_iter().filter(|p| p.file_name().unwrap().to_string_lossy().ends_with(".tmp")).collect();
    assert!(temps.is_empty(), "{temps:?}");
    no_clear_personal_data(&ws, "at the end");
    eprintln!(
        "crash injection: {kills} kills ({injected} at syscall boundaries by strace); {} evidence files kept; {} leftover objects and temp files reclaimed at the next open; 0 left",
        hashes.len(),
        on_disk_before - objects.len()
    );
}
