//! End to end: the 公示表 page of the real app with the example applicant: the pages as the PDF holds
//! them, the 5th working day, and an edit that reaches the pages. A screenshot goes to
//! docs/screenshots/sheet.png.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_sheet_page_previews_and_follows_an_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::copy(repo_root().join("examples/applicant.json"), ws.join("applicant.json")).unwrap();
    let driver = Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data)]);
    let c = driver.session().await;
    click(&c, "[data-testid=nav-sheet]").await;

    text_until(&c, "[data-testid=sheet-page-svg]", "重庆市职称申报综合情况（公示）表").await;
    text_until(&c, "[data-testid=pub-period]", "2023-11-20 至 2023-11-24").await;
    text_until(&c, "[data-testid=sheet-complete]", "各项均已填写").await;
    // The level defaults to the highest the assessment finds: 高级工程师 for the example.
    text_until(&c, "[data-testid=sheet-page-svg]", "高级工程师").await;

    // Clearing the place: saved after a pause, and the sheet says it is missing.
    let place = wait_for(&c, "[data-testid=pub-place]").await;
    place.click().await.unwrap();
    // Ctrl+A, release, Backspace: as a user clears a field (React sees the input events).
    place.send_keys("\u{E009}a\u{E000}\u{E003}").await.unwrap();
    text_until(&c, "[data-testid=sheet-missing]", "公示地点").await;
    type_into(&c, "[data-testid=pub-place]", "二楼公告栏").await;
    text_until(&c, "[data-testid=sheet-page-svg]", "二楼公告栏").await;
    text_until(&c, "[data-testid=sheet-complete]", "各项均已填写").await;

    screenshot(&c, &repo_root().join("docs/screenshots/sheet.png")).await;
    c.close().await.unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ws.join("applicant.json")).unwrap()).unwrap();
    assert_eq!(saved["publicity"]["place"], "二楼公告栏");
    assert_eq!(saved["version"], 3);
    drop(driver);
}
