//! `zhicheng deadlines` and `zhicheng workdays`, with fixed instants and under several time zones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::process::{Command, Output};

fn zhicheng(ws: &std::path::Path, tz: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhicheng"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env("TZ", tz)
        .env_remove("ZHICHENG_WORKSPACE")
        .output()
        .expect("runs")
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn item<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["deadlines"].as_array().unwrap().iter().find(|d| d["id"] == id).unwrap()
}

#[test]
fn the_json_contract_at_each_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let at = |t: &str| json(&zhicheng(dir.path(), "UTC", &["deadlines", "--json", "--at", t]));

    let v = at("2023-12-01T11:59:59+08:00");
    let s = item(&v, "submission");
    assert_eq!(s["opens_at"], "2023-11-03T17:00:00+08:00");
    assert_eq!(s["closes_at"], "2023-12-01T12:00:00+08:00");
    assert_eq!(s["state"], "open");
    assert_eq!(s["seconds_to_open"], 0);
    assert_eq!(s["seconds_to_close"], 1);
    let p = item(&v, "payment");
    assert_eq!(p["state"], "upcoming");
    assert_eq!(p["seconds_to_open"], 4 * 86400 + 1);

    let v = at("2023-12-01T12:00:00+08:00");
    assert_eq!(item(&v, "submission")["state"], "closed");
    assert_eq!(item(&v, "submission")["seconds_to_close"], 0);

    let v = at("2023-12-05T12:00:00+08:00");
    assert_eq!(item(&v, "payment")["state"], "open");
    let v = at("2023-12-08T12:00:00+08:00");
    assert_eq!(item(&v, "payment")["state"], "closed");
    assert_eq!(v["round_over"], true);
    assert_eq!(v["latest_publicity_start"], "2023-11-24");
}

#[test]
fn the_computers_time_zone_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let run = |tz| zhicheng(dir.path(), tz, &["deadlines", "--json", "--at", "2023-11-30T23:30:00Z"]).stdout;
    let shanghai = run("Asia/Shanghai");
    assert_eq!(run("America/New_York"), shanghai);
    assert_eq!(run("UTC"), shanghai);
    let v: serde_json::Value = serde_json::from_slice(&shanghai).unwrap();
    assert_eq!(v["at"], "2023-12-01T07:30:00+08:00");
}

#[test]
fn a_finished_round_says_so_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let o = zhicheng(dir.path(), "UTC", &["deadlines", "--at", "2026-11-28T09:00:00+08:00"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("本轮已截止"), "{text}");
    assert!(text.contains("已截止"));
}

#[test]
fn ics_export_writes_a_calendar_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deadlines.ics");
    let args = ["deadlines", "--at", "2023-11-20T00:00:00+08:00", "--ics", file.to_str().unwrap()];
    assert!(zhicheng(dir.path(), "UTC", &args).status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR") && text.contains("BEGIN:VALARM"));
    assert!(!zhicheng(dir.path(), "UTC", &args).status.success(), "needs --force");
}

#[test]
fn workdays_examples_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| zhicheng(dir.path(), "UTC", args);
    let o = run(&["workdays", "add", "--from", "2023-09-25", "--days", "5"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2023-10-07");
    assert!(o.stderr.is_empty());
    let o = run(&["workdays", "latest-start", "--end", "2023-11-30", "--days", "5"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2023-11-24");
    let o = run(&["workdays", "add", "--from", "2023-09-25", "--days", "5", "--exclude-start"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2023-10-08");
    let o = run(&["workdays", "between", "--from", "2023-09-28", "--to", "2023-10-08"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "3");

    // Outside the known calendar: the answer, and a warning on stderr.
    let o = run(&["workdays", "add", "--from", "2027-09-28", "--days", "5"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2027-10-04");
    assert!(String::from_utf8_lossy(&o.stderr).contains("警告"));

    let o = run(&["workdays", "add", "--from", "2023-13-01", "--days", "5"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--from"));
    let o = run(&["workdays", "add", "--from", "2023-10-01", "--days", "0"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("应在 1 到 3650 之间"));
    // A count of years of working days is refused at once, not computed for minutes and then a panic.
    let o = run(&["workdays", "add", "--from", "2023-10-01", "--days", "4000000000"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--days"));
    let o = run(&["workdays", "latest-start", "--end", "0001-01-01", "--days", "5"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("1900 到 2999"));
}

#[test]
fn round_extract_finds_the_notices_four_instants_with_their_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| zhicheng(dir.path(), "Asia/Shanghai", args);
    let notice = format!("{}/../zhicheng-core/data/notice-yjxf-2023-89.txt", env!("CARGO_MANIFEST_DIR"));
    let o = run(&["round", "extract", &notice, "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let found: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let at: Vec<&str> = found.as_array().unwrap().iter().map(|f| f["at"].as_str().unwrap()).collect();
    assert_eq!(
        at,
        [
            "2023-11-03T17:00:00+08:00",
            "2023-12-01T12:00:00+08:00",
            "2023-12-05T12:00:00+08:00",
            "2023-12-08T12:00:00+08:00"
        ]
    );
    assert_eq!(found[1]["window"], "submission");
    assert_eq!(found[1]["edge"], "closes");
    assert!(found[3]["sentence"].as_str().unwrap().contains("缴纳评审费"));
    // A text with no instant: said plainly, exit 3.
    let t = tempfile::tempdir().unwrap();
    let empty = t.path().join("n.txt");
    std::fs::write(&empty, "计算截至2023年12月31日。").unwrap();
    let o = run(&["round", "extract", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stdout).contains("未找到"));
}

fn applicant_with_publicity(dir: &std::path::Path, start: Option<&str>) -> String {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../../../examples/applicant.json")).unwrap();
    v["publicity"]["start"] = start.map_or(serde_json::Value::Null, Into::into);
    let f = dir.join(format!("applicant-{}.json", start.unwrap_or("none")));
    std::fs::write(&f, v.to_string()).unwrap();
    f.to_str().unwrap().to_string()
}

#[test]
fn the_publicity_object_measures_the_entered_start_against_the_close() {
    let dir = tempfile::tempdir().unwrap();
    let at = "2023-11-20T10:00:00+08:00";
    let run = |start: Option<&str>, at: &str| {
        let f = applicant_with_publicity(dir.path(), start);
        json(&zhicheng(dir.path(), "UTC", &["deadlines", &f, "--json", "--at", at]))["publicity"].clone()
    };
    // The example's chain (企业, 3 review steps) with no review days: publicity must end by 11-30.
    let p = run(Some("2023-11-24"), at);
    assert_eq!((p["start"].as_str(), p["end"].as_str()), (Some("2023-11-24"), Some("2023-11-30")));
    assert_eq!((p["latest_start"].as_str(), p["fits"].as_bool()), (Some("2023-11-24"), Some(true)));
    assert_eq!(p["working_days_late"], 0);
    let p = run(Some("2023-11-27"), at);
    assert_eq!(
        (p["end"].as_str(), p["fits"].as_bool(), p["working_days_late"].as_u64()),
        (Some("2023-12-01"), Some(false), Some(1))
    );
    // No start entered: the --at day is the start.
    let p = run(None, "2023-11-28T10:00:00+08:00");
    assert_eq!((p["start"].as_str(), p["start_source"].as_str()), (Some("2023-11-28"), Some("today")));
    assert_eq!((p["end"].as_str(), p["working_days_late"].as_u64()), (Some("2023-12-04"), Some(2)));
}

#[test]
fn when_the_latest_start_has_passed_the_text_says_what_now() {
    let dir = tempfile::tempdir().unwrap();
    let f = applicant_with_publicity(dir.path(), None);
    let o = zhicheng(dir.path(), "UTC", &["deadlines", &f, "--at", "2023-11-28T10:00:00+08:00"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("若今天（2023-11-28）开始公示，将于 2023-12-04 结束，比最迟结束日 2023-11-30 晚 2 个工作日"),
        "{text}"
    );
    assert!(text.contains("未经公示的申报材料不得推荐上报〔三（三）3（1）〕"), "{text}");
    assert!(text.contains("上级主管部门"), "{text}");
    let f = applicant_with_publicity(dir.path(), Some("2023-11-28"));
    let o = zhicheng(dir.path(), "UTC", &["deadlines", &f, "--at", "2023-11-28T10:00:00+08:00"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("警告：单位公示 2023-11-28 至 2023-12-04 结束晚于最迟结束日 2023-11-30，晚 2 个工作日"),
        "{text}"
    );
}

#[test]
fn the_readable_countdowns_in_english_say_the_same_as_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let example = format!("{}/../../examples/applicant.json", env!("CARGO_MANIFEST_DIR"));
    let run = |lang: &str, at: &str| {
        let o = zhicheng(dir.path(), "America/New_York", &["--lang", lang, "deadlines", &example, "--at", at]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let zh = run("zh", "2023-11-30T12:00:00+08:00");
    assert!(
        zh.contains("网上申报：2023-11-03 17:00 至 2023-12-01 12:00（北京时间） 即将截止！距截止 1天0小时0分0秒"),
        "{zh}"
    );
    let en = run("en", "2023-11-30T12:00:00+08:00");
    assert!(
        en.contains("Online submission: 2023-11-03 17:00 to 2023-12-01 12:00 (Beijing time)  closing soon! closes in 1d 0h 0m 0s"),
        "{en}"
    );
    assert!(
        en.contains("must start by: 2023-11-24 (inclusive)") && en.contains("in time for the submission close"),
        "{en}"
    );
    // A publicity that is late is said as plainly in English.
    let late = run("en", "2023-11-28T09:00:00+08:00");
    let mut f: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&example).unwrap()).unwrap();
    f["publicity"]["start"] = "2023-11-28".into();
    let late_file = dir.path().join("late.json");
    std::fs::write(&late_file, f.to_string()).unwrap();
    let o = zhicheng(
        dir.path(),
        "UTC",
        &["--lang", "en", "deadlines", late_file.to_str().unwrap(), "--at", "2023-11-28T09:00:00+08:00"],
    );
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("Warning: the unit publicity 2023-11-28 to") && text.contains("misses the submission close"),
        "{text}"
    );
    assert!(!late.contains("网上申报") && !text.contains("警告"), "{late}\n{text}");
}
