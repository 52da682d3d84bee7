//! Every example row of docs/rules.md, run through `zhicheng assess --json`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

use std::process::Command;

fn levels_zh(v: &serde_json::Value) -> String {
    let names: Vec<&str> = v["eligible_levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| match l.as_str().unwrap() {
            "professor" => "正高",
            "senior" => "高级",
            "intermediate" => "工程师",
            other => panic!("{other}"),
        })
        .collect();
    if names.is_empty() { "无".into() } else { names.join("、") }
}

#[test]
fn the_documented_verdicts_are_the_engines() {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(format!("{root}/docs/rules.md")).unwrap();
    let mut checked = 0;
    for line in doc.lines().filter(|l| l.starts_with("| [")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let file = cells[0].split("](../").nth(1).unwrap().trim_end_matches(')');
        let (clause, verdict, levels) = (cells[1], cells[2], cells[3]);
        let out = Command::new(env!("CARGO_BIN_EXE_zhicheng"))
            .args([
                "--workspace",
                &format!("{root}/target/rules-doc-ws"),
                "assess",
                &format!("{root}/{file}"),
                "--json",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let met = v["levels"].as_object().unwrap().values().find_map(|l| l["conditions"][clause]["met"].as_bool());
        assert_eq!(met, Some(verdict == "符合"), "{file}: {clause}");
        assert_eq!(levels_zh(&v), levels, "{file}");
        checked += 1;
    }
    assert!(checked >= 23 + 4, "every condition has an example ({checked})");
}
