//! `zhicheng assess`: the JSON contract, the readable report, batches with bad files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::process::{Command, Output};

fn root() -> String {
    format!("{}/../..", env!("CARGO_MANIFEST_DIR"))
}

fn zhicheng(ws: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhicheng")).arg("--workspace").arg(ws).args(args).output().unwrap()
}

#[test]
fn json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let o = zhicheng(dir.path(), &["assess", &format!("{}/examples/applicant.json", root()), "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["excluded"], serde_json::Value::Null);
    assert_eq!(v["eligible_levels"], serde_json::json!(["senior", "intermediate"]));
    let p = &v["levels"]["professor"];
    assert_eq!(p["eligible"], false);
    assert_eq!(p["conditions"]["二（二）1（5）"]["met"], false);
    assert_eq!(p["conditions"]["二（二）1（5）"]["alternatives"][0]["counted"], serde_json::json!(["a1"]));
    // Reasons and gaps are codes with parameters; the report renders them in the chosen language.
    assert_eq!(p["gap"][0]["code"], "more_needed");
    assert_eq!(p["gap"][0]["missing"], 1);
    assert_eq!(p["gap"][0]["clause"], "二（二）1（1）");
    assert_eq!(v["levels"]["senior"]["conditions"]["二（二）2（5）"]["met"], true);
    assert_eq!(v["levels"]["senior"]["fee"]["yuan"], 420);
    assert_eq!(v["chain"]["clause"], "三（二）3（1）");
}

#[test]
fn the_report_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let f = format!("{}/examples/applicant.json", root());
    let zh = zhicheng(dir.path(), &["assess", &f, "--lang", "zh"]);
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("【高级工程师】符合条件") && zh.contains("还差："), "{zh}");
    assert!(zh.contains("· 再需1项"), "{zh}");
    let en = zhicheng(dir.path(), &["assess", &f, "--lang", "en"]);
    assert!(en.status.success(), "{}", String::from_utf8_lossy(&en.stderr));
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.contains("[Senior Engineer] meets the conditions") && en.contains("Still missing:"), "{en}");
    assert!(en.contains("· 1 more: “"), "the gap in English, the notice's words quoted: {en}");
    assert!(!en.contains("还差") && !en.contains("符合条件") && !en.contains("不计入"), "{en}");
    // The locale decides when --lang is not given; Chinese when it says nothing we speak.
    let by_locale = |lang: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_zhicheng"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .arg("--workspace")
            .arg(dir.path())
            .args(["assess", &f])
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    assert!(by_locale("en_US.UTF-8").contains("Still missing:"));
    assert!(by_locale("C.UTF-8").contains("还差："));
    let bad = zhicheng(dir.path(), &["assess", &f, "--lang", "fr"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("zh 或 en"));
}

#[test]
fn the_application_month_and_exclusions() {
    let dir = tempfile::tempdir().unwrap();
    let f = format!("{}/examples/rules/x-window.json", root());
    let v: serde_json::Value = serde_json::from_slice(&zhicheng(dir.path(), &["assess", &f, "--json"]).stdout).unwrap();
    assert_eq!(v["window"]["start"], "2018-11");
    // The built-in round's submission window is 2023-11-03 … 2023-12-01: 2023-10 is refused, naming it.
    let o = zhicheng(dir.path(), &["assess", &f, "--json", "--apply-month", "2023-10"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--apply-month：申报月份 2023-10 不在本轮") && err.contains("2023-11 至 2023-12"), "{err}");
    assert!(o.stdout.is_empty());
    // Under a round whose submission window opens in October, 2023-10 is the month in force by default…
    let mut round: serde_json::Value =
        serde_json::from_str(include_str!("../../zhicheng-core/data/round-2023.json")).unwrap();
    round["id"] = "october".into();
    round["windows"][0]["opens_at"] = "2023-10-09T09:00:00+08:00".into();
    let settings = serde_json::json!({"version": 1, "active_round": "october", "rounds": [round]});
    std::fs::write(dir.path().join("deadlines.json"), settings.to_string()).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&zhicheng(dir.path(), &["assess", &f, "--json"]).stdout).unwrap();
    assert_eq!(v["round"]["id"], "october");
    assert_eq!(v["window"]["start"], "2018-11", "the built-in pack's default (2023-11) lies in this window too");
    let v: serde_json::Value =
        serde_json::from_slice(&zhicheng(dir.path(), &["assess", &f, "--json", "--apply-month", "2023-10"]).stdout)
            .unwrap();
    assert_eq!(v["window"]["start"], "2018-10");
    assert_eq!(v["eligible_levels"], serde_json::json!(["senior"]), "2018-10 is inside a window ending 2023-10");
    // …and a saved application month outside the round is refused where it is stored.
    let mut file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
    file["screening"]["apply_month"] = "2025-03".into();
    let g = dir.path().join("later.json");
    std::fs::write(&g, file.to_string()).unwrap();
    let o = zhicheng(dir.path(), &["assess", g.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("screening.apply_month") && err.contains("申报月份 2025-03 不在本轮"), "{err}");
    std::fs::remove_file(dir.path().join("deadlines.json")).unwrap();

    let f = format!("{}/examples/rules/x-retired.json", root());
    let o = zhicheng(dir.path(), &["assess", &f]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("不得申报：离退休人员不得申报（一（注））"));
    let o = zhicheng(dir.path(), &["assess", &f, "--apply-month", "2023-13"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--apply-month"));
}

#[test]
fn the_report_cites_clauses_and_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let o = zhicheng(dir.path(), &["assess", &format!("{}/examples/applicant.json", root())]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("【高级工程师】符合条件（二（二）2）"), "{text}");
    assert!(text.contains("不计入 某工业园区分布式光伏及储能改造项目：固定资产投资1800万元，需2500万元以上"));
    assert!(text.contains(
        "· 再需1项主持完成、通过认定或验收的省（部）级以上绿色低碳工程项目（2018年11月及以后）——二（二）1（1）"
    ));
    assert!(text.contains("申报程序（三（二）3（1））"));
}

#[test]
fn batch_goes_on_past_bad_files_and_writes_csv() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("in");
    std::fs::create_dir(&batch).unwrap();
    std::fs::copy(format!("{}/examples/applicant.json", root()), batch.join("a.json")).unwrap();
    std::fs::copy(format!("{}/examples/rules/p5.json", root()), batch.join("b.json")).unwrap();
    std::fs::write(batch.join("c.json"), "{ broken").unwrap();
    let csv = dir.path().join("out.csv");
    let o = zhicheng(dir.path(), &["assess", "--batch", batch.to_str().unwrap(), "--csv", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a bad file makes the exit code 1");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("c.json"), "{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[1].contains("李明") && lines[1].contains("高级工程师") && lines[1].contains("再需1项"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("正高级工程师"), "{}", lines[2]);
    assert!(lines[3].contains("文件有误"));

    // For HR staff on an English system: the same batch in English, the notice's names kept quoted.
    let csv_en = dir.path().join("out-en.csv");
    let o = zhicheng(
        dir.path(),
        &["--lang", "en", "assess", "--batch", batch.to_str().unwrap(), "--csv", csv_en.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("c.json line 1, column 3: not valid JSON"), "{err}");
    assert!(err.contains("(2 applicants, 1 file not valid)"), "{err}");
    assert!(err.contains("--batch: 1 file not valid; 2 other applicants were assessed"), "{err}");
    let text = std::fs::read_to_string(&csv_en).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Source,Name,Eligible levels,Highest level,Submission chain,Gap");
    assert!(lines[1].contains(",Senior Engineer,"), "{}", lines[1]);
    assert!(lines[3].contains("The file is not valid: ") && !lines[3].contains("文件有误"), "{}", lines[3]);

    // JSONL: one applicant per line.
    let jsonl = dir.path().join("all.jsonl");
    let one: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{}/examples/applicant.json", root())).unwrap()).unwrap();
    std::fs::write(&jsonl, format!("{}\n{}\n", one, one)).unwrap();
    let o = zhicheng(dir.path(), &["assess", "--batch", jsonl.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 3);
}

#[test]
fn a_bad_rule_pack_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack.json");
    let text = std::fs::read_to_string(format!("{}/crates/zhicheng-core/data/rules-2023.json", root()))
        .unwrap()
        .replacen("\"max_rank\": 1", "\"max_rnk\": 1", 1);
    std::fs::write(&pack, text).unwrap();
    let o = zhicheng(
        dir.path(),
        &["assess", &format!("{}/examples/applicant.json", root()), "--rules", pack.to_str().unwrap()],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("pack.json") && err.contains("routes[0].levels[0].conditions[4]") && err.contains("max_rnk"),
        "{err}"
    );
}

#[test]
fn a_supplied_pack_is_evaluated_for_regular_applications() {
    let dir = tempfile::tempdir().unwrap();
    // A pack with 正常申报 conditions (a stand-in: the first-batch 工程师 rules under route "regular").
    let mut pack: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/crates/zhicheng-core/data/rules-2023.json", root())).unwrap(),
    )
    .unwrap();
    pack["routes"][0]["route"] = "regular".into();
    pack["routes"][0]["levels"] = serde_json::json!([pack["routes"][0]["levels"][2].clone()]);
    let p = dir.path().join("regular.json");
    std::fs::write(&p, pack.to_string()).unwrap();
    let mut f: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{}/examples/applicant.json", root())).unwrap()).unwrap();
    f["screening"]["route"] = "regular".into();
    let af = dir.path().join("a.json");
    std::fs::write(&af, f.to_string()).unwrap();

    let v: serde_json::Value =
        serde_json::from_slice(&zhicheng(dir.path(), &["assess", af.to_str().unwrap(), "--json"]).stdout).unwrap();
    assert!(v["route_missing"]["note"].as_str().unwrap().contains("渝人社发〔2022〕68号"));
    assert_eq!(v["eligible_levels"], serde_json::json!([]));
    let o = zhicheng(dir.path(), &["assess", af.to_str().unwrap(), "--json", "--extend", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["route_missing"], serde_json::Value::Null);
    assert_eq!(v["eligible_levels"], serde_json::json!(["intermediate"]));
}

#[test]
fn prereview_lists_the_contradictions_and_exits_3_on_a_warning() {
    let t = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/../../examples/applicant.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    )
    .unwrap();
    let f = t.path().join("a.json");
    std::fs::write(&f, v.to_string()).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_zhicheng"))
            .arg("--workspace")
            .arg(t.path().join("ws"))
            .args(args)
            .output()
            .unwrap()
    };
    // A file on its own: no vault to check; the example holds an intermediate title (info only).
    let o = run(&["prereview", f.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let found: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(found[0]["code"], "level_already_held");
    // 主持 ticked with rank 2: a warning, exit 3, naming the fields.
    v["achievements"][1]["rank"] = 2.into();
    std::fs::write(&f, v.to_string()).unwrap();
    let o = run(&["prereview", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("勾选了“本人主持”，但个人排名为第2") && text.contains("achievements[1].rank"), "{text}");
    // assess --json carries the same list; the verdict is unchanged by it.
    let o = run(&["assess", f.to_str().unwrap(), "--json"]);
    let a: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(a["prereview"].as_array().unwrap().iter().any(|x| x["code"] == "led_but_not_first"));
}
