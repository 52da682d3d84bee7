//! End to end: the real app binary, driven through tauri-driver and WebKitWebDriver under Xvfb.
//! Fill 基本情况, close the app, start it again: the values are back. A screenshot of the filled form
//! goes to docs/screenshots/basic-info.png.
//!
//! Needs: DISPLAY (the Makefile runs this under xvfb-run), `tauri-driver` on PATH, WebKitWebDriver,
//! and the debug app built (`cargo build -p zhicheng-app`, or ZHICHENG_APP_BIN).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use common::*;
use serde_json::Value;

const TEXT_FIELDS: &[(&str, &str)] = &[
    ("#profile_name", "李明"),
    ("#profile_id_number", "500103198506151236"),
    ("#profile_phone", "13812345678"),
    ("#profile_employer", "重庆某某环保科技有限公司"),
    ("#profile_graduate_school", "重庆大学"),
    ("#profile_graduate_major", "环境工程"),
    ("#profile_current_specialty", "节能减排技术"),
];

#[tokio::test(flavor = "multi_thread")]
async fn basic_info_survives_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    let driver = Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data)]);

    // First run: an empty form; fill it in.
    let c = driver.session().await;
    wait_for(&c, "#profile_name").await;
    for (css, text) in TEXT_FIELDS {
        type_into(&c, css, text).await;
    }
    click_xpath(&c, "//label[contains(@class,'ant-radio-wrapper')][.//input[@value='male']]").await;
    type_and_enter(&c, "#profile_birth_month", "1985-06").await;
    type_and_enter(&c, "#profile_field_start_month", "2010-08").await;
    type_and_enter(&c, "#profile_district", "渝北").await;
    click_xpath(&c, "//label[contains(@class,'ant-radio-wrapper')][.//input[@value='chongqing']]").await;
    text_until(&c, "[data-testid=save-status]", "已自动保存").await;

    // The ID number agrees with the birth month and gender: no error under it.
    let errors = c.find_all(Locator::Css("#profile_id_number_help .ant-form-item-explain-error")).await.unwrap();
    assert!(errors.is_empty(), "unexpected validation error under the ID number");
    // Close any open dropdown and show the top of the form, as a user first sees it.
    click(&c, "#profile_name").await;
    c.execute("window.scrollTo(0, 0); document.querySelector('main')?.scrollTo(0, 0);", vec![]).await.unwrap();
    screenshot(&c, &repo_root().join("docs/screenshots/basic-info.png")).await;
    c.close().await.unwrap();

    // What reached the disk.
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(ws.join("applicant.json")).unwrap()).unwrap();
    assert_eq!(saved["version"], 3);
    assert_eq!(saved["profile"]["name"], "李明");
    assert_eq!(saved["profile"]["gender"], "male");
    assert_eq!(saved["profile"]["birth_month"], "1985-06");
    assert_eq!(saved["profile"]["field_start_month"], "2010-08");
    assert_eq!(saved["profile"]["district"], "渝北区");
    assert_eq!(saved["profile"]["archive_location"], "chongqing");
    // The ID number and phone are sealed with the key the app keeps in the Secret Service.
    let raw = std::fs::read_to_string(ws.join("applicant.json")).unwrap();
    assert!(!raw.contains("500103198506151236") && !raw.contains("13812345678"), "ID number and phone not in clear");
    assert!(saved["profile"]["id_number"].as_str().unwrap().starts_with("sealed:"));

    // Second run: the same values are back in the form.
    let c = driver.session().await;
    for (css, text) in TEXT_FIELDS {
        assert_eq!(value_of(&c, css).await, *text, "{css} after restart");
    }
    assert_eq!(value_of(&c, "#profile_birth_month").await, "1985-06");
    assert_eq!(value_of(&c, "#profile_field_start_month").await, "2010-08");
    let district =
        c.find(Locator::XPath("//div[contains(@class,'ant-select')][.//input[@id='profile_district']]")).await.unwrap();
    assert!(district.text().await.unwrap().contains("渝北区"), "district shown after restart");
    let male = wait_for(&c, "input[type=radio][value=male]").await;
    assert_eq!(male.prop("checked").await.unwrap().as_deref(), Some("true"));
    text_until(&c, "[data-testid=progress-text]", "已填写").await;
    c.close().await.unwrap();
    drop(driver);

    // The app's log: there (two starts recorded), and nothing personal in it.
    let logs = data.join("cn.zhicheng.lowcarbon/logs");
    let text: String = std::fs::read_dir(&logs)
        .unwrap_or_else(|e| panic!("no log folder {}: {e}", logs.display()))
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(text.matches("started").count() >= 2, "the log records both starts: {text}");
    for personal in ["500103198506151236", "13812345678", "李明", "重庆某某环保科技有限公司"] {
        assert!(!text.contains(personal), "the log holds {personal}: {text}");
    }
}
