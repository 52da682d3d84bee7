//! The vault as a user meets it: drop a folder, link, check, export, reopen; what is on disk.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use zhicheng_core::CoreError;
use zhicheng_core::applicant_file::{self, ApplicantFile};
use zhicheng_vault::crypto::KdfParams;
use zhicheng_vault::export::{self, Dest};
use zhicheng_vault::vault::{self, ImportOptions, KeyChoice, Target, Unlock, Vault};
use zhicheng_vault::{FileKind, KeyringStore, SecretStore, VaultError};

const FAST: KdfParams = KdfParams { m_kib: 256, t: 1, p: 1 };
const MARK: &str = "李明身份证号500101198506150011";

fn example() -> ApplicantFile {
    applicant_file::parse(include_str!("../../../examples/applicant.json"), None).unwrap().file
}

fn pdf(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, format!("%PDF-1.4\n% {body}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")).unwrap();
    p
}

fn jpeg(dir: &Path, name: &str, size: usize) -> PathBuf {
    let p = dir.join(name);
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0];
    b.extend(MARK.as_bytes());
    b.extend((0..size).map(|i| (i * 7 % 251) as u8));
    fs::write(&p, b).unwrap();
    p
}

/// A folder like the ones applicants keep: scans, a nested folder, a duplicate, junk.
fn scans(root: &Path) -> PathBuf {
    let d = root.join("我的材料");
    fs::create_dir_all(d.join("业绩")).unwrap();
    pdf(&d, "硕士毕业证.pdf", MARK);
    jpeg(&d, "学位证.jpg", 5000);
    pdf(&d.join("业绩"), "余热回收专利.pdf", "专利 ZL2021");
    pdf(&d.join("业绩"), "专利副本.pdf", "专利 ZL2021");
    fs::write(d.join("空文件.pdf"), b"").unwrap();
    fs::write(d.join("说明.txt"), "随手记").unwrap();
    fs::write(d.join("tool.pdf"), b"\x7fELF\x02\x01\x01").unwrap();
    fs::write(d.join(".DS_Store"), b"junk").unwrap();
    d
}

fn import(v: &mut Vault, paths: &[PathBuf], opts: &ImportOptions) -> zhicheng_vault::ImportReport {
    v.import(paths, opts, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

fn all_bytes_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![];
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(all_bytes_under(&p));
        } else {
            out.push((p.clone(), fs::read(&p).unwrap()));
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_dropped_folder_is_imported_encrypted_deduplicated_and_the_originals_are_untouched() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let src = scans(t.path());
    let before = all_bytes_under(&src);
    let store = KeyringStore::mock();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
    let mut seen = vec![];
    let report = v
        .import(
            std::slice::from_ref(&src),
            &ImportOptions::default(),
            &mut |p| seen.push(p.clone()),
            &AtomicBool::new(false),
        )
        .unwrap();
    assert_eq!(report.added.len(), 3, "{report:?}");
    assert_eq!(report.duplicates.len(), 1, "the copy of the patent is linked, not stored twice");
    assert_eq!(report.skipped, 1, ".DS_Store");
    let reasons: Vec<(&str, &str)> = report
        .refused
        .iter()
        .map(|r| (Path::new(&r.path).file_name().unwrap().to_str().unwrap(), r.reason.as_str()))
        .collect();
    assert!(reasons.iter().any(|(n, r)| *n == "空文件.pdf" && r.contains("0 字节")), "{reasons:?}");
    assert!(reasons.iter().any(|(n, r)| *n == "tool.pdf" && r.contains("可执行程序")), "{reasons:?}");
    assert!(reasons.iter().any(|(n, r)| *n == "说明.txt" && r.contains("不是支持的格式")), "{reasons:?}");

    // The same refusals in English, for an English interface (the file names stay as they are).
    let t2 = tempfile::tempdir().unwrap();
    let store2 = KeyringStore::mock();
    let mut v2 = Vault::create(&t2.path().join("ws"), KeyChoice::Store(&store2)).unwrap();
    v2.lang = zhicheng_core::Lang::En;
    let en = import(&mut v2, std::slice::from_ref(&src), &ImportOptions::default());
    let reasons: Vec<&str> = en.refused.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("0 bytes")) && reasons.iter().any(|r| r.contains("a program")));
    assert!(reasons.iter().all(|r| !r.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))), "{reasons:?}");
    let last = seen.last().unwrap();
    assert_eq!((last.files_done, last.files_total), (7, 7));
    assert_eq!(last.bytes_done, last.bytes_total);

    assert_eq!(all_bytes_under(&src), before, "originals are never changed, moved or deleted");
    let objects = fs::read_dir(ws.join("evidence/objects")).unwrap().count();
    assert_eq!(objects, 3);
    for (p, bytes) in all_bytes_under(&ws.join("evidence")) {
        for needle in [MARK.as_bytes(), "硕士毕业证".as_bytes(), "专利".as_bytes(), b"%PDF"] {
            assert!(!contains(&bytes, needle), "{} holds readable data", p.display());
        }
    }

    let kinds: Vec<FileKind> = v.files().iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![FileKind::Pdf, FileKind::Jpeg, FileKind::Pdf]);
    let first = v.files()[0].clone();
    assert_eq!(first.title, "专利副本", "a folder is read in name order; the later copy is the duplicate");
    assert_eq!(v.read(&first.id).unwrap(), fs::read(src.join("业绩/余热回收专利.pdf")).unwrap());

    // a second import of the same content is recognised
    let again = import(&mut v, &[src.join("硕士毕业证.pdf")], &ImportOptions::default());
    assert!(again.added.is_empty() && again.duplicates.len() == 1);

    // restart: the key comes from the store, everything is there
    drop(v);
    let v = Vault::open(&ws, Unlock::Store(&store)).unwrap();
    assert_eq!(v.files().len(), 3);
}

#[test]
fn link_check_and_export_a_zip_whose_index_is_right() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let src = t.path().join("src");
    fs::create_dir_all(&src).unwrap();
    let store = KeyringStore::mock();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
    let file = example();
    assert!(!file.achievements.is_empty());
    let before = zhicheng_vault::checklist(&file, v.files());
    assert!(!before.complete);

    let dip = pdf(&src, "毕业证.pdf", "毕业证");
    let opts = ImportOptions { links: vec![Target::Item("education_certificate".into())], ..Default::default() };
    import(&mut v, std::slice::from_ref(&dip), &opts);
    let mut ach_files = vec![];
    for (i, a) in file.achievements.iter().enumerate() {
        let p = pdf(&src, &format!("业绩{i}.pdf"), &format!("业绩 {i}"));
        let r = import(&mut v, std::slice::from_ref(&p), &ImportOptions::default());
        v.link(&r.added[0], Target::Achievement(a.id.clone())).unwrap();
        ach_files.push(p);
    }
    let loose = jpeg(&src, "照片.jpg", 100);
    import(&mut v, std::slice::from_ref(&loose), &ImportOptions::default());
    let after = zhicheng_vault::checklist(&file, v.files());
    assert!(after.complete, "{:?}", after.blocking);
    assert_eq!(after.unlinked.len(), 1);

    let zip_path = t.path().join("导出.zip");
    let report = export::export(&v, &file, Dest::Zip(zip_path.clone()), false).unwrap();
    assert_eq!(report.rows.len(), 2 + file.achievements.len());
    assert_eq!(report.rows[0].file_name, "01_学历证书_毕业证.pdf");
    assert!(report.rows[0].proves.contains("学历证书（五（五））"));
    assert!(report.rows[1].file_name.starts_with("02_业绩1_"));
    assert!(report.rows.last().unwrap().file_name.starts_with(&format!("{:02}_其他_照片", report.rows.len())));

    let mut z = zip::ZipArchive::new(fs::File::open(&zip_path).unwrap()).unwrap();
    let mut csv = String::new();
    z.by_name(export::INDEX_CSV).unwrap().read_to_string(&mut csv).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 1 + report.rows.len());
    assert!(lines[1].starts_with("1,01_学历证书_毕业证.pdf,学历证书,"), "{}", lines[1]);
    let mut got = vec![];
    z.by_name("01_学历证书_毕业证.pdf").unwrap().read_to_end(&mut got).unwrap();
    assert_eq!(got, fs::read(&dip).unwrap());
    assert!(lines[1].ends_with(&blake3::hash(&got).to_hex().to_string()));
    let mut last = vec![];
    z.by_name(&report.rows.last().unwrap().file_name).unwrap().read_to_end(&mut last).unwrap();
    assert_eq!(last, fs::read(&loose).unwrap());
    // Every Chinese name is marked UTF-8 (general purpose flag bit 11) in the central directory, so
    // Windows Explorer and WinRAR show 学历证书 rather than mojibake from the local code page.
    let raw = fs::read(&zip_path).unwrap();
    let mut marked = 0;
    for at in raw.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x01\x02").map(|(i, _)| i) {
        let flags = u16::from_le_bytes([raw[at + 8], raw[at + 9]]);
        let len = u16::from_le_bytes([raw[at + 28], raw[at + 29]]) as usize;
        let name = &raw[at + 46..at + 46 + len];
        if !name.is_ascii() {
            assert!(flags & 0x0800 != 0, "{} lacks the UTF-8 flag", String::from_utf8_lossy(name));
            marked += 1;
        }
    }
    assert_eq!(marked, report.rows.len() + 2, "each file and 00_材料清单.csv/.html");

    // not over an existing zip without asking; a folder export lays out the same names
    assert!(matches!(
        export::export(&v, &file, Dest::Zip(zip_path.clone()), false),
        Err(VaultError::Core(CoreError::AlreadyExists(_)))
    ));
    let out = t.path().join("上传");
    let r2 = export::export(&v, &file, Dest::Folder(out.clone()), false).unwrap();
    let mut names: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names.len(), r2.rows.len() + 2);
    assert!(names.contains(&export::INDEX_HTML.to_string()));
    let err = export::export(&v, &file, Dest::Folder(out.clone()), false).unwrap_err();
    assert!(err.to_string().contains("不为空"), "{err}");
    assert!(!fs::read_dir(t.path()).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().contains(".partial-")));

    // In the English interface the index speaks English; the file names stay as the portal reads them.
    v.lang = zhicheng_core::Lang::En;
    let out = t.path().join("upload-en");
    let r3 = export::export(&v, &file, Dest::Folder(out.clone()), false).unwrap();
    assert_eq!(r3.rows[0].file_name, "01_学历证书_毕业证.pdf");
    let csv = fs::read_to_string(out.join(export::INDEX_CSV)).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "No.,File name,Category,Proves,Original name,Size (bytes),BLAKE3");
    assert!(lines[1].starts_with("1,01_学历证书_毕业证.pdf,学历证书,"), "{}", lines[1]);
    assert!(lines.last().unwrap().contains(",linked to nothing,"), "{}", lines.last().unwrap());
    let html = fs::read_to_string(out.join(export::INDEX_HTML)).unwrap();
    assert!(html.contains("<h1>List of evidence</h1>") && html.contains("<th>Proves</th>"), "{html}");
}

#[test]
fn tampered_truncated_or_swapped_files_are_refused_and_an_export_leaves_nothing() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let store = KeyringStore::mock();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
    let r = import(&mut v, &[pdf(t.path(), "a.pdf", "甲"), pdf(t.path(), "b.pdf", "乙")], &ImportOptions::default());
    let (a, b) = (v.file(&r.added[0]).unwrap().clone(), v.file(&r.added[1]).unwrap().clone());
    let obj = |h: &str| ws.join("evidence/objects").join(format!("{h}.age"));
    let original = fs::read(obj(&a.hash)).unwrap();

    let mut bad = original.clone();
    let k = bad.len() - 10;
    bad[k] ^= 0x40;
    fs::write(obj(&a.hash), &bad).unwrap();
    assert!(matches!(v.read(&a.id), Err(VaultError::Tampered { .. })));

    fs::write(obj(&a.hash), &original[..original.len() - 20]).unwrap();
    assert!(matches!(v.read(&a.id), Err(VaultError::Tampered { .. })));

    // an object replaced by another file of the same vault decrypts, but is not the content recorded
    fs::copy(obj(&b.hash), obj(&a.hash)).unwrap();
    assert!(matches!(v.read(&a.id), Err(VaultError::Tampered { .. })));

    let zip_path = t.path().join("out.zip");
    assert!(matches!(
        export::export(&v, &example(), Dest::Zip(zip_path.clone()), false),
        Err(VaultError::Tampered { .. })
    ));
    assert!(!zip_path.exists());
    let leftovers: Vec<_> = fs::read_dir(t.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!leftovers.iter().any(|n| n.to_string_lossy().contains(".partial-")), "{leftovers:?}");

    // a changed index is reported, not read as garbage
    let index = ws.join("evidence/index.age");
    let mut sealed = fs::read(&index).unwrap();
    let k = sealed.len() - 5;
    sealed[k] ^= 1;
    fs::write(&index, sealed).unwrap();
    assert!(matches!(Vault::open(&ws, Unlock::Store(&store)), Err(VaultError::Tampered { .. })));
}

#[test]
fn a_cancelled_import_keeps_nothing() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let store = KeyringStore::mock();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
    let files: Vec<PathBuf> = (0..4).map(|i| jpeg(t.path(), &format!("{i}.jpg"), 600_000)).collect();
    let cancel = AtomicBool::new(false);
    let err = v
        .import(
            &files,
            &ImportOptions::default(),
            &mut |p| {
                if p.files_done >= 2 {
                    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .unwrap_err();
    assert!(matches!(err, VaultError::Cancelled));
    assert!(v.files().is_empty());
    assert_eq!(fs::read_dir(ws.join("evidence/objects")).unwrap().count(), 0, "no object, no temp file");
    let v = Vault::open(&ws, Unlock::Store(&store)).unwrap();
    assert!(v.files().is_empty());
}

#[test]
fn without_the_os_store_a_passphrase_and_a_recovery_file_open_the_vault() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let mut v = Vault::create(&ws, KeyChoice::Passphrase("长一点的口令2026", FAST)).unwrap();
    import(&mut v, &[pdf(t.path(), "a.pdf", "甲")], &ImportOptions::default());
    let meta = fs::read_to_string(ws.join("evidence/vault.json")).unwrap();
    assert!(meta.contains("argon2id") && meta.contains("\"m_kib\": 256"));
    assert!(!meta.contains("AGE-SECRET-KEY"), "never a plaintext key beside the data");
    assert!(matches!(Vault::open(&ws, Unlock::Passphrase("错的口令12345")), Err(VaultError::WrongPassphrase)));
    assert_eq!(Vault::open(&ws, Unlock::Passphrase("长一点的口令2026")).unwrap().files().len(), 1);

    // a vault in the OS store survives losing the store through its recovery file
    let ws2 = t.path().join("ws2");
    fs::create_dir_all(&ws2).unwrap();
    let store = KeyringStore::mock();
    let mut v2 = Vault::create(&ws2, KeyChoice::Store(&store)).unwrap();
    import(&mut v2, &[pdf(t.path(), "b.pdf", "乙")], &ImportOptions::default());
    let rec = t.path().join("恢复文件.json");
    assert_eq!(v2.settings.recovery_written_at, None, "a new vault reminds");
    v2.write_recovery(&rec, "恢复口令abcdefg", FAST, false).unwrap();
    assert!(v2.settings.recovery_written_at.is_some(), "written: the reminder stops");
    assert!(matches!(
        v2.write_recovery(&rec, "恢复口令abcdefg", FAST, false),
        Err(VaultError::Core(CoreError::AlreadyExists(_)))
    ));
    let account = format!("vault-{}", v2.meta().vault_id);
    drop(v2);
    store.delete(&account).unwrap();
    assert!(matches!(Vault::open(&ws2, Unlock::Store(&store)), Err(VaultError::Locked(_))));
    assert!(matches!(Vault::recover(&ws2, &rec, "不对的口令xxxx", Some(&store)), Err(VaultError::WrongPassphrase)));
    let other = t.path().join("other.json");
    Vault::open(&ws, Unlock::Passphrase("长一点的口令2026"))
        .unwrap()
        .write_recovery(&other, "恢复口令abcdefg", FAST, false)
        .unwrap();
    let err = Vault::recover(&ws2, &other, "恢复口令abcdefg", Some(&store)).unwrap_err();
    assert!(err.to_string().contains("另一个材料库"), "{err}");
    assert_eq!(Vault::recover(&ws2, &rec, "恢复口令abcdefg", Some(&store)).unwrap().files().len(), 1);
    assert_eq!(Vault::open(&ws2, Unlock::Store(&store)).unwrap().files().len(), 1, "the key is back in the store");
    assert!(Vault::create(&ws2, KeyChoice::Store(&store)).is_err(), "never replaces an existing vault's key");
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_only_with_consent_and_never_out_of_the_chosen_folder() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let outside = pdf(t.path(), "外面.pdf", "外面");
    let dir = t.path().join("选中");
    fs::create_dir_all(&dir).unwrap();
    let inside = pdf(&dir, "里面.pdf", "里面");
    std::os::unix::fs::symlink(&outside, dir.join("指向外面.pdf")).unwrap();
    std::os::unix::fs::symlink(&inside, dir.join("指向里面.pdf")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("循环")).unwrap();
    let store = KeyringStore::mock();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();

    let r = import(&mut v, std::slice::from_ref(&dir), &ImportOptions::default());
    assert_eq!(r.added.len(), 1);
    assert_eq!(r.refused.iter().filter(|x| x.reason.contains("未跟随")).count(), 3, "{:?}", r.refused);

    let r = import(&mut v, std::slice::from_ref(&dir), &ImportOptions { follow_symlinks: true, ..Default::default() });
    assert!(r.refused.iter().any(|x| x.path.ends_with("指向外面.pdf") && x.reason.contains("之外")), "{r:?}");
    assert!(r.added.is_empty(), "里面.pdf once, through either name: {r:?}");

    // a top-level link the user chose is followed with consent, refused without
    let r = import(&mut v, &[dir.join("指向外面.pdf")], &ImportOptions::default());
    assert!(r.refused[0].reason.contains("符号链接"));
    let r = import(&mut v, &[dir.join("指向外面.pdf")], &ImportOptions { follow_symlinks: true, ..Default::default() });
    assert_eq!(r.added.len(), 1);
}

#[cfg(unix)]
#[test]
fn odd_names_import_and_export_safely() {
    use std::os::unix::ffi::OsStrExt;
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let gbk = t.path().join(std::ffi::OsStr::from_bytes(b"\xd6\xa4\xca\xe9.pdf"));
    fs::write(&gbk, "%PDF-1.4\n% gbk\n").unwrap();
    let con = pdf(t.path(), "CON.pdf", "con");
    let slashy = pdf(t.path(), "a\\b..c.pdf", "slash");
    let long = pdf(t.path(), &format!("{}.pdf", "长".repeat(80)), "long");
    let store = KeyringStore::mock();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
    let r = import(&mut v, &[gbk, con, slashy, long], &ImportOptions::default());
    assert_eq!(r.added.len(), 4, "{r:?}");
    assert!(r.warnings.iter().any(|w| w.contains("UTF-8")), "{:?}", r.warnings);
    let out = t.path().join("out");
    let rep = export::export(&v, &example(), Dest::Folder(out.clone()), false).unwrap();
    let names: Vec<&str> = rep.rows.iter().map(|r| r.file_name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains('\\') && !n.contains("..") && n.len() <= 180), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("_CON.pdf")));
    for n in names {
        assert!(out.join(n).is_file());
    }
}

/// Against the real Secret Service (gnome-keyring in a private D-Bus session): `make test` runs the
/// ignored tests under `dbus-run-session -- scripts/with-secret-service.sh`.
#[test]
#[ignore = "needs a Secret Service: dbus-run-session -- scripts/with-secret-service.sh cargo test -- --ignored"]
fn the_os_key_store_keeps_the_vault_key_across_a_restart() {
    let store = zhicheng_vault::keys::usable_os_store().expect("the Secret Service passes the probe");
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
    import(&mut v, &[pdf(t.path(), "a.pdf", "甲")], &ImportOptions::default());
    let account = format!("vault-{}", v.meta().vault_id);
    drop(v);
    let fresh = zhicheng_vault::keys::usable_os_store().unwrap();
    assert_eq!(Vault::open(&ws, Unlock::Store(&fresh)).unwrap().files().len(), 1);
    fresh.delete(&account).unwrap();
    assert!(matches!(Vault::open(&ws, Unlock::Store(&fresh)), Err(VaultError::Locked(_))));
    let _ = vault::exists(&ws);
}

#[test]
fn size_warnings_follow_the_settings_which_survive_a_restart() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let store = KeyringStore::mock();
    let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
    let big = jpeg(t.path(), "扫描.jpg", 1_200_000);
    assert!(import(&mut v, std::slice::from_ref(&big), &ImportOptions::default()).warnings.is_empty());
    let defaults = vault::VaultSettings::default();
    let err = v.save_settings(vault::VaultSettings { image_warn_mb: -1.0, ..defaults.clone() }).unwrap_err();
    assert!(err.to_string().contains("图片的大小提示阈值"), "{err}");
    let err = v.save_settings(vault::VaultSettings { item_max_mb: 0.0, ..defaults.clone() }).unwrap_err();
    assert!(err.to_string().contains("每项 PDF 的大小上限"), "{err}");
    let err = v.save_settings(vault::VaultSettings { compress_dpi: 1200, ..defaults.clone() }).unwrap_err();
    assert!(err.to_string().contains("600 dpi"), "{err}");
    v.save_settings(vault::VaultSettings { image_warn_mb: 1.0, item_max_mb: 8.0, ..defaults }).unwrap();
    drop(v);
    let mut v = Vault::open(&ws, Unlock::Store(&store)).unwrap();
    assert_eq!(v.settings.image_warn_mb, 1.0);
    assert_eq!(v.settings.item_max_mb, 8.0);
    let bigger = jpeg(t.path(), "扫描2.jpg", 1_300_000);
    let r = import(&mut v, &[bigger], &ImportOptions::default());
    assert!(r.warnings.iter().any(|w| w.contains("超过 1 MB") && w.contains("300 dpi")), "{:?}", r.warnings);
}

#[test]
fn objects_a_killed_import_left_are_reclaimed_when_the_vault_opens() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let mut v = Vault::create(&ws, KeyChoice::Passphrase("材料库口令2026", FAST)).unwrap();
    let kept = pdf(t.path(), "学历.pdf", "学历");
    import(&mut v, &[kept], &ImportOptions::default());
    drop(v);
    let objects = ws.join("evidence/objects");
    // What a kill between writing objects and writing the index leaves: objects no entry names.
    fs::write(objects.join(format!("{}.age", "ab".repeat(32))), vec![7u8; 4096]).unwrap();
    fs::write(objects.join(format!("{}.age", "cd".repeat(32))), vec![7u8; 1000]).unwrap();
    fs::write(objects.join(".import-0123abcd.tmp"), b"partial").unwrap();
    let v = Vault::open(&ws, Unlock::Passphrase("材料库口令2026")).unwrap();
    assert_eq!(v.reclaimed, vault::Reclaimed { files: 2, bytes: 5096 });
    let left: Vec<String> =
        fs::read_dir(&objects).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(left.len(), 1, "only the named object stays: {left:?}");
    assert_eq!(v.files().len(), 1);
    assert!(v.read(&v.files()[0].id).is_ok(), "the named object is untouched");
    // While another program writes (holds the workspace lock), nothing is reclaimed.
    fs::write(objects.join(format!("{}.age", "ef".repeat(32))), b"in flight").unwrap();
    let held = std::process::Command::new("flock")
        .arg(ws.join(zhicheng_core::lock::LOCK_FILE))
        .args(["-c", "sleep 3"])
        .spawn();
    if let Ok(mut child) = held {
        std::thread::sleep(std::time::Duration::from_millis(300));
        let v = Vault::open(&ws, Unlock::Passphrase("材料库口令2026")).unwrap();
        assert_eq!(v.reclaimed, vault::Reclaimed::default());
        assert!(objects.join(format!("{}.age", "ef".repeat(32))).exists());
        let _ = child.kill();
        let _ = child.wait();
    }
}

#[test]
fn a_save_of_the_index_killed_midway_leaves_no_temp_file_after_the_next_open() {
    let t = tempfile::tempdir().unwrap();
    let ws = t.path().join("ws");
    fs::create_dir_all(&ws).unwrap();
    let store = KeyringStore::mock();
    drop(Vault::create(&ws, KeyChoice::Store(&store)).unwrap());
    // What a kill between writing and renaming leaves (the real index is intact beside it).
    let stale = ws.join("evidence/.index.age.tmp");
    fs::write(&stale, b"half an index").unwrap();
    let v = Vault::open(&ws, Unlock::Store(&store)).unwrap();
    assert!(v.files().is_empty());
    assert!(!stale.exists(), "the stale temp file is removed under the write lock");
}
