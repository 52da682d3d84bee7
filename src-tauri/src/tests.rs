//! The commands through Tauri's mock runtime: the same IPC path the UI takes, without a webview.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use zhicheng_core::storage::Workspace;

use std::sync::Arc;

use crate::picker::{Pick, ScriptedPicker};
use crate::{AppState, Clock, with_commands};

type Mock = (App<tauri::test::MockRuntime>, WebviewWindow<tauri::test::MockRuntime>);

fn app(dir: &std::path::Path) -> Mock {
    app_at(dir, Clock::default()).0
}

/// The app with a scripted file dialog: the test says in advance what the user picks.
fn app_at(dir: &std::path::Path, clock: Clock) -> (Mock, Arc<ScriptedPicker>) {
    let picker = Arc::new(ScriptedPicker::default());
    let app = with_commands(mock_builder())
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::new(Workspace::open(dir).unwrap(), clock).with_picker(picker.clone()))
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    ((app, window), picker)
}

fn invoke(w: &WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

fn example_profile() -> Value {
    let text = include_str!("../../examples/applicant.json");
    serde_json::from_str::<Value>(text).unwrap()["profile"].clone()
}

#[test]
fn save_then_load_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    let empty = invoke(&w, "profile_load", json!({})).unwrap();
    assert_eq!(empty["exists"], false);

    invoke(&w, "profile_save", json!({ "profile": example_profile() })).unwrap();
    let loaded = invoke(&w, "profile_load", json!({})).unwrap();
    assert_eq!(loaded["exists"], true);
    assert_eq!(loaded["file"]["profile"], example_profile());
    assert_eq!(loaded["file"]["version"], 3);

    let info = invoke(&w, "workspace_info", json!({})).unwrap();
    assert_eq!(info["backups"].as_array().unwrap().len(), 1);
}

#[test]
fn a_corrupt_file_comes_back_as_code_and_message_with_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    invoke(&w, "profile_save", json!({ "profile": example_profile() })).unwrap();
    std::fs::write(dir.path().join("applicant.json"), "{ not json").unwrap();

    let err = invoke(&w, "profile_load", json!({})).unwrap_err();
    assert_eq!(err["code"], "corrupt_file");
    assert!(err["message"].as_str().unwrap().contains("已损坏"), "{err}");
    let backup = err["backup"]["name"].as_str().unwrap().to_string();

    let err = invoke(&w, "profile_save", json!({ "profile": {} })).unwrap_err();
    assert_eq!(err["code"], "corrupt_file", "a corrupt file is never overwritten");

    let restored = invoke(&w, "profile_restore_backup", json!({ "name": backup })).unwrap();
    assert_eq!(restored["file"]["profile"], example_profile());
}

#[test]
fn a_malformed_payload_is_refused_without_touching_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    let err = invoke(&w, "profile_save", json!({ "profile": { "birth_month": "1985-13" } }));
    assert!(err.is_err());
    assert!(!dir.path().join("applicant.json").exists());
}

#[test]
fn start_over_keeps_the_corrupt_file_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    std::fs::write(dir.path().join("applicant.json"), "garbage").unwrap();
    let fresh = invoke(&w, "profile_start_over", json!({})).unwrap();
    assert_eq!(fresh["exists"], false);
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("applicant.json.corrupt-"));
    assert!(kept);
}

#[test]
fn deadlines_overview_and_preferences_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    let o = invoke(&w, "deadlines_overview", json!({})).unwrap();
    assert_eq!(o["round"]["notice"], "渝经信发〔2023〕89号");
    assert_eq!(o["windows"][0]["closes_at"], "2023-12-01T12:00:00+08:00");

    let mut prefs =
        json!({ "active_round": "cq-lvse-2023", "lead_minutes": [0], "count_start_day": true, "step_days": [] });
    let err = invoke(&w, "deadlines_set_preferences", json!({ "prefs": prefs })).unwrap_err();
    assert_eq!(err["code"], "invalid_file");
    assert!(err["message"].as_str().unwrap().contains("lead_minutes"), "{err}");
    assert!(!dir.path().join("deadlines.json").exists(), "a refused change writes nothing");

    prefs["lead_minutes"] = json!([60, 1440]);
    let o = invoke(&w, "deadlines_set_preferences", json!({ "prefs": prefs })).unwrap();
    assert_eq!(o["settings"]["lead_minutes"], json!([1440, 60]));
}

#[test]
fn rounds_can_be_added_but_never_replace_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let ((_app, w), picker) = app_at(dir.path(), Clock::default());
    let builtin = invoke(&w, "deadlines_round_json", json!({ "id": "cq-lvse-2023" })).unwrap();
    let text = builtin.as_str().unwrap().to_string();
    let err = invoke(&w, "deadlines_save_round", json!({ "roundJson": text, "activate": true })).unwrap_err();
    assert_eq!(err["code"], "invalid_file");

    let next =
        text.replace("cq-lvse-2023", "cq-lvse-2024").replace("2023-12-08T12:00:00+08:00", "2024-12-08T12:00:00+08:00");
    let o = invoke(&w, "deadlines_save_round", json!({ "roundJson": next, "activate": true })).unwrap();
    assert_eq!(o["round"]["id"], "cq-lvse-2024");
    assert_eq!(o["rounds"].as_array().unwrap().len(), 2);

    let file = dir.path().join("round.json");
    std::fs::write(&file, "{ broken").unwrap();
    // The page cannot name a file; the dialog this side opens does.
    picker.answer(Some(vec![file.clone()]));
    let err = invoke(&w, "deadlines_import_round", json!({ "path": file })).unwrap_err();
    assert_eq!(err["code"], "invalid_file");
    assert!(err["message"].as_str().unwrap().contains("round.json"), "{err}");

    let o = invoke(&w, "deadlines_remove_round", json!({ "id": "cq-lvse-2024" })).unwrap();
    assert_eq!(o["round"]["id"], "cq-lvse-2023");
}

#[test]
fn ics_export_writes_only_ics_files_where_the_save_dialog_said() {
    let dir = tempfile::tempdir().unwrap();
    let ((_app, w), picker) = app_at(dir.path(), Clock::default());
    let bad = dir.path().join("notes.txt");
    picker.answer(Some(vec![bad.clone()]));
    let err = invoke(&w, "deadlines_export_ics", json!({})).unwrap_err();
    assert_eq!(err["code"], "invalid_file");
    assert!(!bad.exists());
    let good = dir.path().join("deadlines.ics");
    picker.answer(Some(vec![good.clone()]));
    let r = invoke(&w, "deadlines_export_ics", json!({})).unwrap();
    assert_eq!(r, json!(good.display().to_string()));
    assert!(std::fs::read_to_string(&good).unwrap().contains("BEGIN:VEVENT"));
    // Cancelled: nothing written, nothing said.
    picker.answer(None);
    assert_eq!(invoke(&w, "deadlines_export_ics", json!({})).unwrap(), Value::Null);
    assert!(matches!(&picker.asked.lock().unwrap()[0], Pick::SaveFile { name, .. } if name.ends_with(".ics")));
    // A symlink planted where the dialog answered is not followed.
    #[cfg(unix)]
    {
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("link.ics");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        picker.answer(Some(vec![link]));
        assert_eq!(invoke(&w, "deadlines_export_ics", json!({})).unwrap_err()["code"], "invalid_file");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    }
}

#[test]
fn eligibility_through_ipc_keeps_the_profile_and_refuses_bad_lists() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    invoke(&w, "profile_save", json!({ "profile": example_profile() })).unwrap();
    let example: Value = serde_json::from_str(include_str!("../../examples/applicant.json")).unwrap();
    let a = invoke(&w, "eligibility_save_screening", json!({ "screening": example["screening"] })).unwrap();
    assert_eq!(a["eligible_levels"], json!([]));
    let a = invoke(&w, "eligibility_save_achievements", json!({ "achievements": example["achievements"] })).unwrap();
    assert_eq!(a["eligible_levels"], json!(["senior", "intermediate"]));

    let mut dup = example["achievements"].clone();
    dup[1]["id"] = "a1".into();
    let err = invoke(&w, "eligibility_save_achievements", json!({ "achievements": dup })).unwrap_err();
    assert_eq!(err["code"], "invalid_file");
    assert!(err["message"].as_str().unwrap().contains("achievements[1].id"), "{err}");

    // Saving the profile again keeps the achievements and the screening.
    invoke(&w, "profile_save", json!({ "profile": example_profile() })).unwrap();
    let loaded = invoke(&w, "profile_load", json!({})).unwrap();
    assert_eq!(loaded["file"]["achievements"].as_array().unwrap().len(), 3);
    assert_eq!(loaded["file"]["screening"]["civil_servant"], false);
    let rules = invoke(&w, "eligibility_rules", json!({})).unwrap();
    assert_eq!(rules["exclusions"].as_array().unwrap().len(), 3);
}

#[test]
fn a_bad_rule_pack_is_refused_and_a_good_one_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let ((_app, w), picker) = app_at(dir.path(), Clock::default());
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{}").unwrap();
    picker.answer(Some(vec![bad]));
    let err = invoke(&w, "eligibility_load_pack", json!({ "extend": true })).unwrap_err();
    assert_eq!(err["code"], "invalid_file");
    assert!(err["message"].as_str().unwrap().contains("bad.json"), "{err}");

    let mut pack: Value =
        serde_json::from_str(include_str!("../../crates/zhicheng-core/data/rules-2023.json")).unwrap();
    pack["routes"][0]["route"] = "regular".into();
    let good = dir.path().join("regular.json");
    std::fs::write(&good, pack.to_string()).unwrap();
    picker.answer(Some(vec![good]));
    let rules = invoke(&w, "eligibility_load_pack", json!({ "extend": true })).unwrap();
    assert_eq!(rules["routes"].as_array().unwrap().len(), 2);
    let rules = invoke(&w, "eligibility_reset_pack", json!({})).unwrap();
    assert_eq!(rules["routes"].as_array().unwrap().len(), 1);
}

#[test]
fn the_sheet_through_ipc_previews_saves_the_publicity_and_exports_the_clis_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2023-11-18T10:00:00+08:00").unwrap().to_utc();
    let ((_app, w), picker) = app_at(dir.path(), Clock::frozen(at));
    invoke(&w, "profile_save", json!({ "profile": example_profile() })).unwrap();
    let p = invoke(&w, "sheet_preview", json!({})).unwrap();
    assert_eq!(p["pages"].as_array().unwrap().len(), 1);
    assert!(p["pages"][0].as_str().unwrap().starts_with("<svg"));
    let missing: Vec<&str> = p["missing"].as_array().unwrap().iter().map(|m| m["field"].as_str().unwrap()).collect();
    assert!(missing.contains(&"publicity_period") && missing.contains(&"unit_contact"), "{missing:?}");

    let example: Value = serde_json::from_str(include_str!("../../examples/applicant.json")).unwrap();
    let p = invoke(&w, "sheet_save_publicity", json!({ "publicity": example["publicity"] })).unwrap();
    assert_eq!(p["period"]["end"], "2023-11-24");
    // Filled now; only the level is left (no achievements yet, so no eligible level to default to).
    let missing: Vec<&str> = p["missing"].as_array().unwrap().iter().map(|m| m["field"].as_str().unwrap()).collect();
    assert_eq!(missing, ["level"]);

    // A bad date is refused by the IPC layer and changes nothing.
    let bad = invoke(&w, "sheet_save_publicity", json!({ "publicity": { "start": "2023-13-01" } }));
    assert!(bad.is_err());
    assert_eq!(invoke(&w, "sheet_preview", json!({})).unwrap()["period"]["end"], "2023-11-24");

    let out = dir.path().join("公示表.pdf");
    picker.answer(Some(vec![out.clone()]));
    invoke(&w, "sheet_export", json!({})).unwrap();
    assert!(matches!(&picker.asked.lock().unwrap()[0], Pick::SaveFile { name, .. } if name.starts_with("公示表")));
    let app_bytes = std::fs::read(&out).unwrap();
    // The CLI's path: the same file, the same workspace data, the same instant.
    let ws = Workspace::open(dir.path()).unwrap();
    let file = ws.load().unwrap().file;
    let (pack, round) = (ws.effective_pack().unwrap(), ws.load_deadline_settings().unwrap().active());
    let (template, _) = zhicheng_sheet::workspace_template(ws.root()).unwrap();
    let ctx = zhicheng_sheet::Context {
        pack: &pack,
        round: &round,
        calendar: zhicheng_core::calendar::WorkCalendar::builtin(),
        template: &template,
        fonts: zhicheng_sheet::Fonts::load(&zhicheng_sheet::fonts::default_dir()).unwrap(),
    };
    assert_eq!(app_bytes, zhicheng_sheet::pdf(&file, &ctx, at).unwrap());
}

#[test]
fn evidence_through_ipc_creates_imports_links_reads_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn zhicheng_vault::SecretStore> = Arc::new(zhicheng_vault::KeyringStore::mock());
    let picker = Arc::new(ScriptedPicker::default());
    let app = with_commands(mock_builder())
        .manage(
            AppState::new(Workspace::open(dir.path()).unwrap(), Clock::default())
                .with_key_store(store.clone())
                .with_picker(picker.clone()),
        )
        .build(mock_context(noop_assets()))
        .unwrap();
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let text = include_str!("../../examples/applicant.json");
    Workspace::open(dir.path()).unwrap().save(&zhicheng_core::applicant_file::parse(text, None).unwrap().file).unwrap();

    let s = invoke(&w, "evidence_status", json!({})).unwrap();
    assert_eq!((s["status"]["exists"].clone(), s["unlocked"].clone()), (json!(false), json!(false)));
    assert_eq!(s["status"]["os_store_ok"], true);
    let err = invoke(&w, "evidence_data", json!({})).unwrap_err();
    assert_eq!(err["code"], "vault_locked");
    assert!(err["message"].as_str().unwrap().contains("材料库尚未解锁"), "{err}");
    // The vault's own errors follow the interface's language too.
    invoke(&w, "workspace_set_language", json!({ "lang": "en" })).unwrap();
    let err = invoke(&w, "evidence_data", json!({})).unwrap_err();
    assert_eq!(err["code"], "vault_locked");
    assert!(err["message"].as_str().unwrap().contains("the vault is not unlocked yet"), "{err}");
    invoke(&w, "workspace_set_language", json!({ "lang": "zh" })).unwrap();
    let s = invoke(&w, "evidence_unlock", json!({ "passphrase": null, "create": true })).unwrap();
    assert_eq!((s["status"]["key_place"].clone(), s["unlocked"].clone()), (json!("os_store"), json!(true)));
    // From now on the ID number and phone are sealed on disk, and still read back in clear.
    let example_id = example_profile()["id_number"].as_str().unwrap().to_string();
    let on_disk = std::fs::read_to_string(dir.path().join("applicant.json")).unwrap();
    assert!(!on_disk.contains(&example_id) && on_disk.contains("\"sealed:"), "sealed on disk");
    let loaded = invoke(&w, "profile_load", json!({})).unwrap();
    assert_eq!(
        (loaded["file"]["profile"]["id_number"].as_str(), loaded["personal_locked"].clone()),
        (Some(example_id.as_str()), json!(false))
    );

    let src = dir.path().join("扫描件");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("专利证书.pdf"), "%PDF-1.4\n% 专利\n").unwrap();
    std::fs::write(src.join("setup.exe"), b"MZ\x90\x00").unwrap();
    // A path from the page is not accepted: only a dialog's answer or a drop's token.
    let refused = invoke(
        &w,
        "evidence_import",
        json!({ "paths": [src], "links": [], "followSymlinks": false, "onProgress": "__CHANNEL__:6" }),
    );
    assert!(refused.is_err());
    picker.answer(Some(vec![src.clone()]));
    let out = invoke(
        &w,
        "evidence_import",
        json!({ "source": {"from": "pick_folders"}, "links": ["achievement:a1"], "followSymlinks": false, "onProgress": "__CHANNEL__:7" }),
    )
    .unwrap();
    assert_eq!(out["report"]["added"].as_array().unwrap().len(), 1);
    assert!(out["report"]["refused"][0]["reason"].as_str().unwrap().contains("可执行程序"));
    let id = out["report"]["added"][0].as_str().unwrap().to_string();
    let a1 = out["data"]["checklist"]["achievements"][0].clone();
    assert_eq!((a1["status"].clone(), a1["files"][0].clone()), (json!("provided"), json!(id)));

    let err =
        invoke(&w, "evidence_link", json!({ "id": id, "target": "achievement:zzz", "linked": true })).unwrap_err();
    assert_eq!(err["code"], "not_found");
    let d = invoke(&w, "evidence_link", json!({ "id": id, "target": "achievement:a1", "linked": false })).unwrap();
    assert_eq!(d["checklist"]["achievements"][0]["status"], "missing");
    let d = invoke(&w, "evidence_set_title", json!({ "id": id, "title": "ZL 专利证书" })).unwrap();
    assert_eq!(d["files"][0]["title"], "ZL 专利证书");

    // A drop: the page knows a token, the paths stay on this side; a token works once.
    let dropped = dir.path().join("证书.pdf");
    std::fs::write(&dropped, "%PDF-1.4\n% 证书\n").unwrap();
    let token = app.state::<AppState>().add_drop(vec![dropped]);
    let args = |t: &str| json!({ "source": {"from": "drop", "token": t}, "links": [], "followSymlinks": false, "onProgress": "__CHANNEL__:8" });
    let out = invoke(&w, "evidence_import", args(&token)).unwrap();
    assert_eq!(out["report"]["added"].as_array().unwrap().len(), 1);
    assert_eq!(invoke(&w, "evidence_import", args(&token)).unwrap(), Value::Null);
    assert_eq!(invoke(&w, "evidence_import", args("drop-999")).unwrap(), Value::Null);
    let d = invoke(&w, "evidence_remove", json!({ "id": out["report"]["added"][0] })).unwrap();
    assert_eq!(d["files"].as_array().unwrap().len(), 1);

    let zip = dir.path().join("out.zip");
    picker.answer(Some(vec![zip.clone()]));
    let r = invoke(&w, "evidence_export", json!({ "zip": true })).unwrap();
    assert_eq!(r["rows"][0]["file_name"], "01_其他_ZL 专利证书.pdf");
    assert!(zip.is_file());

    // a restart finds the vault and unlocks it from the store
    drop(w);
    drop(app);
    let app = with_commands(mock_builder())
        .manage(AppState::new(Workspace::open(dir.path()).unwrap(), Clock::default()).with_key_store(store))
        .build(mock_context(noop_assets()))
        .unwrap();
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    assert_eq!(invoke(&w, "evidence_status", json!({})).unwrap()["unlocked"], true);
    let d = invoke(&w, "evidence_remove", json!({ "id": id })).unwrap();
    assert!(d["files"].as_array().unwrap().is_empty());
    assert!(src.join("专利证书.pdf").is_file(), "the original is untouched");
}

/// A command's raw reply (a `Response` of bytes).
fn invoke_raw(
    w: &WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: InvokeBody,
    headers: tauri::http::HeaderMap,
) -> Result<Vec<u8>, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body,
            headers,
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| match b {
        tauri::ipc::InvokeResponseBody::Raw(v) => v,
        tauri::ipc::InvokeResponseBody::Json(s) => s.into_bytes(),
    })
}

#[test]
fn evidence_pages_compose_mask_and_export_per_item_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn zhicheng_vault::SecretStore> = Arc::new(zhicheng_vault::KeyringStore::mock());
    let picker = Arc::new(ScriptedPicker::default());
    let app = with_commands(mock_builder())
        .manage(
            AppState::new(Workspace::open(dir.path()).unwrap(), Clock::default())
                .with_key_store(store)
                .with_picker(picker.clone()),
        )
        .build(mock_context(noop_assets()))
        .unwrap();
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let text = include_str!("../../examples/applicant.json");
    let file = zhicheng_core::applicant_file::parse(text, None).unwrap().file;
    Workspace::open(dir.path()).unwrap().save(&file).unwrap();
    invoke(&w, "evidence_unlock", json!({ "passphrase": null, "create": true })).unwrap();

    let src = dir.path().join("材料");
    std::fs::create_dir_all(&src).unwrap();
    let photo = image::RgbImage::from_fn(300, 200, |x, _| image::Rgb([(x % 250) as u8, 90, 160]));
    photo.save(src.join("证书.png")).unwrap();
    // A one-page A4 PDF (a scan of another picture).
    let scan = image::RgbImage::from_fn(600, 800, |x, y| image::Rgb([(x % 200) as u8, (y % 100) as u8, 30]));
    scan.save(src.join("scan.png")).unwrap();
    let scan = std::fs::read(src.join("scan.png")).unwrap();
    let page = zhicheng_vault::compose::PageInput {
        key: "s",
        title: "s",
        kind: zhicheng_vault::FileKind::Png,
        bytes: &scan,
        page: 0,
        rotate: 0,
    };
    std::fs::write(src.join("公示表.pdf"), zhicheng_vault::compose::compose(&[page], None).unwrap().pdf).unwrap();
    picker.answer(Some(vec![src.join("公示表.pdf"), src.join("证书.png")]));
    invoke(
        &w,
        "evidence_import",
        json!({ "source": {"from": "pick_files"}, "links": ["achievement:a1"], "followSymlinks": false, "onProgress": "__CHANNEL__:7" }),
    )
    .unwrap();

    let t = "achievement:a1";
    let p = invoke(&w, "evidence_item_pages", json!({ "target": t })).unwrap();
    let pages = p["pages"].as_array().unwrap().clone();
    assert_eq!(pages.len(), 2);
    let (pdf_id, png_id) = (pages[0]["file"].clone(), pages[1]["file"].clone());
    let p = invoke(
        &w,
        "evidence_set_pages",
        json!({ "target": t, "pages": [{"file": png_id, "page": 0, "rotate": 90}, {"file": pdf_id, "page": 0, "rotate": 0}], "compress": null }),
    )
    .unwrap();
    assert_eq!((p["pages"][0]["file"].clone(), p["pages"][0]["rotate"].clone()), (png_id.clone(), json!(90)));
    assert_eq!(p["customised"], true);

    let err = invoke_raw(&w, "evidence_composed_pdf", InvokeBody::Json(json!({ "target": t })), Default::default());
    assert!(err.is_err(), "nothing composed yet");
    let r = invoke(&w, "evidence_compose", json!({ "target": t, "fit": false })).unwrap();
    assert_eq!(r["pages"], 2);
    let pdf =
        invoke_raw(&w, "evidence_composed_pdf", InvokeBody::Json(json!({ "target": t })), Default::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF") && pdf.len() as u64 == r["size"].as_u64().unwrap());
    let out = dir.path().join("业绩1.pdf");
    picker.answer(Some(vec![out.clone()]));
    let saved = invoke(&w, "evidence_save_composed", json!({ "target": t, "name": "业绩1" })).unwrap();
    assert_eq!(saved, json!(out.display().to_string()));
    assert_eq!(std::fs::read(&out).unwrap(), pdf);

    // Masking: the picture from its own pixels; the PDF page from the raster the page sends.
    let headers = |id: &Value, page: u32, rects: &str| {
        let mut h = tauri::http::HeaderMap::new();
        h.insert("x-file", id.as_str().unwrap().parse().unwrap());
        h.insert("x-page", page.to_string().parse().unwrap());
        h.insert("x-rects", rects.parse().unwrap());
        h
    };
    let rect = r#"[{"x":0.1,"y":0.1,"w":0.5,"h":0.2}]"#;
    let d = invoke_raw(&w, "evidence_mask", InvokeBody::Raw(vec![]), headers(&png_id, 0, rect)).unwrap();
    let d: Value = serde_json::from_slice(&d).unwrap();
    assert!(d["files"].as_array().unwrap().iter().any(|f| f["masked_from"] == png_id));
    let err = invoke_raw(&w, "evidence_mask", InvokeBody::Raw(vec![]), headers(&pdf_id, 0, rect)).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("需要该页的图像"), "{err}");
    let err = invoke_raw(&w, "evidence_mask", InvokeBody::Raw(vec![]), headers(&pdf_id, 0, "not json")).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("x-rects"), "{err}");
    let mut raster = vec![];
    image::RgbImage::from_fn(1240, 1754, |x, y| image::Rgb([(x % 200) as u8, (y % 200) as u8, 99]))
        .write_to(&mut std::io::Cursor::new(&mut raster), image::ImageFormat::Png)
        .unwrap();
    invoke_raw(&w, "evidence_mask", InvokeBody::Raw(raster), headers(&pdf_id, 0, rect)).unwrap();
    let p = invoke(&w, "evidence_item_pages", json!({ "target": t })).unwrap();
    assert!(p["pages"].as_array().unwrap().iter().all(|pg| pg["masked"] == true));
    let d = invoke(&w, "evidence_unmask", json!({ "id": png_id })).unwrap();
    assert!(!d["files"].as_array().unwrap().iter().any(|f| f["masked_from"] == png_id));

    let d = invoke(&w, "evidence_name_visible", json!({ "id": pdf_id, "visible": true })).unwrap();
    assert!(d["files"].as_array().unwrap().iter().any(|f| f["id"] == pdf_id && f["name_confirmed"] == true));

    let folder = dir.path().join("导出");
    std::fs::create_dir_all(&folder).unwrap();
    picker.answer(Some(vec![folder.clone()]));
    let r = invoke(&w, "evidence_export_per_item", json!({ "onProgress": "__CHANNEL__:9" })).unwrap();
    assert_eq!(r["items"].as_array().unwrap().len(), 1);
    let dest = std::path::PathBuf::from(r["dest"].as_str().unwrap());
    assert!(dest.starts_with(&folder));
    assert!(dest.join(r["items"][0]["file_name"].as_str().unwrap()).is_file());
}

#[test]
fn a_panic_in_a_command_is_an_internal_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _w) = app(dir.path());
    let r: crate::error::AppResult<()> = tauri::async_runtime::block_on(crate::commands::blocking(
        app.handle().clone(),
        |_, _| -> crate::error::AppResult<()> { panic!("boom") },
    ));
    let e = r.unwrap_err();
    let payload = serde_json::to_value(&e).unwrap();
    assert_eq!(payload["code"], "internal");
    assert!(payload["message"].as_str().unwrap().contains("boom"));
    // The app goes on: the next command works.
    let r: crate::error::AppResult<String> =
        tauri::async_runtime::block_on(crate::commands::blocking(app.handle().clone(), |_, state| {
            Ok(state.workspace().root().display().to_string())
        }));
    assert!(r.is_ok());
}

#[test]
fn the_one_command_list_has_a_permission_and_a_handler_for_each() {
    let list: Vec<String> = serde_json::from_str(include_str!("../commands.json")).unwrap();
    let cap: Value = serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
    let perms: Vec<&str> = cap["permissions"].as_array().unwrap().iter().filter_map(|p| p.as_str()).collect();
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    for name in &list {
        let perm = format!("allow-{}", name.replace('_', "-"));
        assert!(perms.contains(&perm.as_str()), "capabilities/main.json lacks {perm}");
        // A registered handler answers (maybe with an argument error); an unknown one says "not found".
        if let Err(e) = invoke(&w, name, json!({})) {
            assert!(!e.to_string().contains("not found"), "{name}: {e}");
        }
    }
    let own: Vec<&&str> = perms.iter().filter(|p| p.starts_with("allow-")).collect();
    assert_eq!(own.len(), list.len(), "a permission without a command in commands.json");
    assert!(invoke(&w, "no_such_command", json!({})).unwrap_err().to_string().contains("not found"));
}

#[test]
fn a_new_round_from_its_dates_becomes_the_round_the_assessment_judges_by() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    invoke(&w, "profile_save", json!({ "profile": example_profile() })).unwrap();
    let a = invoke(&w, "eligibility_assess", json!({})).unwrap();
    assert_eq!((a["round"]["id"].as_str(), a["apply_month"].as_str()), (Some("cq-lvse-2023"), Some("2023-11")));

    // 粘贴通知 finds the dates with their sentences; 新一轮 takes only the dates.
    let text =
        "网上申报时间为2026年11月2日9:00至2026年11月30日12:00。缴费时间为2026年12月3日12:00至2026年12月7日12:00。";
    let found = invoke(&w, "deadlines_extract_notice", json!({ "text": text })).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 4, "{found}");
    assert_eq!(found[0]["at"], "2026-11-02T09:00:00+08:00");
    let dates = json!({
        "notice": "",
        "submission_opens": found[0]["at"], "submission_closes": found[1]["at"],
        "payment_opens": found[2]["at"], "payment_closes": found[3]["at"],
        "submission_sentence": found[0]["sentence"], "payment_sentence": null,
    });
    let o = invoke(&w, "deadlines_new_round", json!({ "dates": dates })).unwrap();
    assert_eq!(o["round"]["id"], "round-20261102");
    let a = invoke(&w, "eligibility_assess", json!({})).unwrap();
    assert_eq!((a["round"]["id"].as_str(), a["apply_month"].as_str()), (Some("round-20261102"), Some("2026-11")));

    // A month outside the round is refused before it is saved.
    let mut screening: Value =
        serde_json::from_str::<Value>(include_str!("../../examples/applicant.json")).unwrap()["screening"].clone();
    screening["apply_month"] = json!("2023-11");
    let before = std::fs::read(dir.path().join("applicant.json")).unwrap();
    let err = invoke(&w, "eligibility_save_screening", json!({ "screening": screening })).unwrap_err();
    assert_eq!(err["code"], "invalid_file");
    assert!(err["message"].as_str().unwrap().contains("申报月份 2023-11 不在本轮"), "{err}");
    assert_eq!(std::fs::read(dir.path().join("applicant.json")).unwrap(), before, "nothing saved");

    let huge = "字".repeat(200_001);
    assert_eq!(invoke(&w, "deadlines_extract_notice", json!({ "text": huge })).unwrap_err()["code"], "invalid_file");
}

#[test]
fn errors_are_worded_in_the_language_the_page_set() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    let bad_round = json!({ "roundJson": "{ not json", "activate": false });
    let zh = invoke(&w, "deadlines_save_round", bad_round.clone()).unwrap_err();
    assert_eq!(zh["code"], "invalid_file");
    assert!(zh["message"].as_str().unwrap().contains("第1行"), "Chinese until the page says otherwise: {zh}");

    invoke(&w, "workspace_set_language", json!({ "lang": "en" })).unwrap();
    let en = invoke(&w, "deadlines_save_round", bad_round.clone()).unwrap_err();
    let message = en["message"].as_str().unwrap();
    assert!(message.starts_with("line 1, column 3: "), "the place and the parser's problem in English: {message}");
    assert!(!message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{message}");
    let missing =
        invoke(&w, "profile_restore_backup", json!({ "name": "applicant-19990101T000000Z.json" })).unwrap_err();
    assert_eq!(missing["code"], "no_backup");
    let message = missing["message"].as_str().unwrap();
    assert!(message.starts_with("No usable backup"), "{message}");
    assert!(!message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{message}");

    invoke(&w, "workspace_set_language", json!({ "lang": "zh" })).unwrap();
    let again = invoke(&w, "profile_restore_backup", json!({ "name": "applicant-19990101T000000Z.json" })).unwrap_err();
    assert!(again["message"].as_str().unwrap().starts_with("找不到可用的备份"), "{again}");
}
