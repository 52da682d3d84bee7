//! End to end: the deadlines page of the real app at an injected instant (debug builds honour
//! ZHICHENG_NOW), under a computer time zone far from Beijing. A screenshot goes to
//! docs/screenshots/deadlines.png.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn countdowns_at_a_fixed_instant_in_beijing_time() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    let now = std::path::PathBuf::from("2023-11-30T12:00:00+08:00");
    let tz = std::path::PathBuf::from("America/New_York");
    let driver =
        Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data), ("ZHICHENG_NOW", &now), ("TZ", &tz)]);
    let c = driver.session().await;
    click(&c, "[data-testid=nav-deadlines]").await;

    text_until(&c, "[data-testid=beijing-now]", "2023年11月30日 星期四 12:0").await;
    text_until(&c, "[data-testid=state-submission]", "即将截止").await;
    let left = text_until(&c, "[data-testid=remaining-submission]", "天").await;
    assert!(left.starts_with("1天 00:00:00") || left.starts_with("0天 23:59:"), "about one day left: {left}");
    text_until(&c, "[data-testid=countdown-submission]", "2023年12月1日 星期五 12:00").await;
    text_until(&c, "[data-testid=state-payment]", "未开始").await;
    let to_pay = text_until(&c, "[data-testid=remaining-payment]", "天").await;
    assert!(to_pay.starts_with("5天 00:00:00") || to_pay.starts_with("4天 23:59:"), "{to_pay}");
    // 11-30 is past the latest publicity start (11-24): what starting today gives, in red.
    text_until(&c, "[data-testid=what-now]", "单位公示最迟开始日 2023-11-24 已过").await;
    // 24 hours before the close, the 3-day and 1-day reminders are due: shown once, and recorded.
    text_until(&c, "main", "网上申报将于2023年12月1日 星期五 12:00（北京时间）截止").await;

    screenshot(&c, &repo_root().join("docs/screenshots/deadlines.png")).await;
    c.close().await.unwrap();
    let settings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ws.join("deadlines.json")).unwrap()).unwrap();
    let notified: Vec<_> = settings["notified"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(notified.contains(&"cq-lvse-2023:submission:close:1440"), "{notified:?}");
    drop(driver);
}
