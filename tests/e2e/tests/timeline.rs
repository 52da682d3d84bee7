//! End to end: one timeline for the whole app (issue 11). At 2023-11-28 10:00 Beijing time the latest
//! publicity start (11-24) has passed: the app says what starting today gives; a publicity entered
//! for 11-28 is a red warning on 公示表, 截止日期 and 评估结果; at a 2026 instant the closed round is
//! said on every page. Screenshots go to docs/screenshots/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn workspace_with(tmp: &Path, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let ws = tmp.join("workspace");
    std::fs::create_dir_all(&ws).unwrap();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join("examples/applicant.json")).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(ws.join("applicant.json"), v.to_string()).unwrap();
    ws
}

fn start(tmp: &Path, ws: &Path, now: &str) -> Driver {
    let data = tmp.join("xdg-data");
    let now = PathBuf::from(now);
    let tz = PathBuf::from("America/New_York");
    Driver::start(&[("ZHICHENG_WORKSPACE", ws), ("XDG_DATA_HOME", &data), ("ZHICHENG_NOW", &now), ("TZ", &tz)])
}

async fn class_of(c: &Client, css: &str) -> String {
    wait_for(c, css).await.attr("class").await.unwrap().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn after_the_latest_start_the_app_says_what_now_and_the_step_bar_ticks_nothing_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let driver = start(tmp.path(), &ws, "2023-11-28T10:00:00+08:00");
    let c = driver.session().await;

    // An empty profile: no step of the wizard is ticked.
    wait_for(&c, "[data-testid=step-0]").await;
    let finished = c.find_all(Locator::Css(".ant-steps-item-finish")).await.unwrap();
    assert!(finished.is_empty(), "an empty profile ticks no step");

    click(&c, "[data-testid=nav-deadlines]").await;
    text_until(&c, "[data-testid=what-now]", "单位公示最迟开始日 2023-11-24 已过").await;
    text_until(
        &c,
        "[data-testid=what-now-today]",
        "若单位今天（2023-11-28）开始公示，将于 2023-12-04 结束，比最迟结束日 2023-11-30 晚 2 个工作日。",
    )
    .await;
    text_until(&c, "[data-testid=what-now]", "上级主管部门").await;
    text_until(&c, "[data-testid=what-now]", "三（三）3（1）").await;
    assert!(class_of(&c, "[data-testid=plan-today]").await.contains("red"), "never a green marker on a day too late");
    screenshot(&c, &repo_root().join("docs/screenshots/what-now.png")).await;
    c.close().await.unwrap();
    drop(driver);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_publicity_starting_on_11_28_is_red_on_the_sheet_the_deadlines_and_the_result() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace_with(tmp.path(), |v| v["publicity"]["start"] = "2023-11-28".into());
    let driver = start(tmp.path(), &ws, "2023-11-28T10:00:00+08:00");
    let c = driver.session().await;

    click(&c, "[data-testid=nav-sheet]").await;
    text_until(
        &c,
        "[data-testid=publicity-late]",
        "单位公示 2023-11-28 至 2023-12-04 结束太晚：最迟应在 2023-11-30 结束，晚了 2 个工作日",
    )
    .await;
    text_until(&c, "[data-testid=sheet-complete]", "公示期结束太晚").await;
    assert!(class_of(&c, "[data-testid=sheet-complete]").await.contains("warning"), "not green");
    screenshot(&c, &repo_root().join("docs/screenshots/sheet-late.png")).await;

    click(&c, "[data-testid=nav-deadlines]").await;
    text_until(&c, "[data-testid=publicity-late]", "晚了 2 个工作日").await;
    text_until(&c, "[data-testid=plan-publicity]", "2023-11-28 → 2023-12-04").await;
    text_until(&c, "[data-testid=plan-late]", "太晚").await;
    screenshot(&c, &repo_root().join("docs/screenshots/deadlines-late.png")).await;

    wait_for(&c, "[data-testid=step-4]").await;
    c.find(Locator::Css("aside .ant-menu-item")).await.unwrap().click().await.unwrap();
    click(&c, "[data-testid=step-4]").await;
    text_until(&c, "[data-testid=publicity-late]", "晚了 2 个工作日").await;
    c.close().await.unwrap();
    drop(driver);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_round_is_said_on_every_page_and_a_later_achievement_names_the_application_month() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace_with(tmp.path(), |v| {
        let a = serde_json::json!({"id": "a9", "title": "一种光伏组件回收方法", "month": "2025-06",
            "kind": "invention_patent", "granted": true, "rank": 1, "green_related": true});
        v["achievements"].as_array_mut().unwrap().push(a);
    });
    let driver = start(tmp.path(), &ws, "2026-12-05T10:00:00+08:00");
    let c = driver.session().await;

    let said = "本轮“重庆市工程技术绿色低碳专业首批职称申报评审（2023年度）”（渝经信发〔2023〕89号）的网上申报已于 2023年12月1日";
    text_until(&c, "[data-testid=round-closed]", said).await;
    click(&c, "[data-testid=step-4]").await;
    text_until(&c, "[data-testid=result-round]", "（该轮已于 2023年12月1日").await;
    text_until(&c, "main", "晚于申报月份 2023-11").await;
    screenshot(&c, &repo_root().join("docs/screenshots/closed-round.png")).await;
    for page in ["nav-evidence", "nav-sheet", "nav-deadlines"] {
        click(&c, &format!("[data-testid={page}]")).await;
        text_until(&c, "[data-testid=round-closed]", said).await;
    }
    click(&c, "[data-testid=banner-new-round]").await;
    wait_for(&c, "[data-testid=new-round-form]").await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await; // the modal's opening animation
    screenshot(&c, &repo_root().join("docs/screenshots/new-round.png")).await;
    c.close().await.unwrap();
    drop(driver);
}
