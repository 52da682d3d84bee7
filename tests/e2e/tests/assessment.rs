//! End to end: with a saved profile, add two achievements through the wizard's forms and read the
//! verdict and the gap line on the result step. A screenshot goes to docs/screenshots/assessment.png.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::time::Duration;

use common::*;

async fn tick(c: &Client, label: &str) {
    click_xpath(c, &format!("//div[contains(@class,'ant-modal')]//label[contains(@class,'ant-checkbox-wrapper')][.//span[normalize-space()='{label}']]"))
        .await;
}

/// Opens the achievement form; a click that lands while the page is still settling is repeated.
async fn open_form(c: &Client) {
    for _ in 0..10 {
        click(c, "[data-testid=add-achievement]").await;
        for _ in 0..15 {
            if c.find_all(Locator::Css(".ant-modal #ach_title")).await.is_ok_and(|v| !v.is_empty()) {
                tokio::time::sleep(Duration::from_millis(300)).await; // the opening animation
                return;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    panic!("the achievement form did not open");
}

/// Saves the form and waits until it is gone and the list shows the new row.
async fn save_modal(c: &Client, title: &str) {
    click_xpath(c, "//div[contains(@class,'ant-modal-footer')]//button[contains(@class,'ant-btn-primary')]").await;
    text_until(c, ".ant-table", title).await;
    for _ in 0..50 {
        // The modal is closing while we look: a stale element is "not gone yet", not a failure.
        if c.find_all(Locator::Css(".ant-modal #ach_title")).await.is_ok_and(|v| v.is_empty()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_achievements_give_the_expected_verdict_and_gap() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    std::fs::create_dir_all(&ws).unwrap();
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join("examples/applicant.json")).unwrap()).unwrap();
    file["achievements"] = serde_json::json!([]);
    std::fs::write(ws.join("applicant.json"), file.to_string()).unwrap();

    let driver = Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data)]);
    let c = driver.session().await;
    wait_for(&c, "#profile_name").await;
    click(&c, "[data-testid=step-3]").await;
    wait_for(&c, "[data-testid=add-achievement]").await;

    // 1: a granted, green-related invention patent, ranked first (the form opens on 发明专利).
    open_form(&c).await;
    type_into(&c, "#ach_title", "一种工业余热梯级回收装置").await;
    type_and_enter(&c, "#ach_month", "2021-06").await;
    tick(&c, "已授权").await;
    type_into(&c, "#ach_rank", "1").await;
    tick(&c, "与绿色低碳相关").await;
    save_modal(&c, "一种工业余热梯级回收装置").await;

    // 2: a provincial engineering project the applicant led, accepted, 1800万元.
    open_form(&c).await;
    type_and_enter(&c, "#ach_kind", "工程建设").await;
    type_into(&c, "#ach_title", "某工业园区分布式光伏及储能改造项目").await;
    type_and_enter(&c, "#ach_month", "2022-09").await;
    type_and_enter(&c, "#ach_level", "省（部）").await;
    tick(&c, "本人主持（项目负责人/主编/第一；个人排名第1即视为主持）").await;
    type_into(&c, "#ach_rank", "1").await;
    tick(&c, "已通过认定或验收").await;
    type_into(&c, "#ach_investment_wan", "1800").await;
    save_modal(&c, "某工业园区分布式光伏及储能改造项目").await;

    click(&c, "[data-testid=step-4]").await;
    text_until(&c, "[data-testid=result-summary]", "可申报：高级工程师、工程师").await;
    // The levels not reached are folded below the ones reached, with how much each lacks.
    text_until(&c, "[data-testid=result-others]", "其他级别：正高级工程师（尚缺").await;
    click(&c, "[data-testid=result-others] .ant-collapse-header").await;
    text_until(
        &c,
        "[data-testid=gap-professor]",
        "再需1项主持完成、通过认定或验收的省（部）级以上绿色低碳工程项目（2018年11月及以后）——二（二）1（1）",
    )
    .await;
    text_until(&c, "[data-testid=level-senior]", "符合条件").await;
    // 预审 below the verdicts: the achievements have no evidence yet (the vault is empty).
    text_until(&c, "[data-testid=prereview]", "还没有关联佐证材料").await;
    c.execute("window.scrollTo(0, 0); document.querySelector('main')?.scrollTo(0, 0);", vec![]).await.unwrap();
    screenshot(&c, &repo_root().join("docs/screenshots/assessment.png")).await;
    c.execute("document.querySelector('[data-testid=prereview]').scrollIntoView();", vec![]).await.unwrap();
    screenshot(&c, &repo_root().join("docs/screenshots/prereview.png")).await;

    // The other steps, as a user sees them (for the README).
    click(&c, "[data-testid=step-2]").await;
    text_until(&c, "[data-testid=months-counted]", "13年4个月（160个月").await;
    screenshot(&c, &repo_root().join("docs/screenshots/education.png")).await;
    click(&c, "[data-testid=step-3]").await;
    wait_for(&c, "[data-testid=add-achievement]").await;
    screenshot(&c, &repo_root().join("docs/screenshots/achievements.png")).await;
    c.close().await.unwrap();

    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ws.join("applicant.json")).unwrap()).unwrap();
    assert_eq!(saved["achievements"].as_array().unwrap().len(), 2);
    assert_eq!(saved["achievements"][1]["investment_wan"], 1800.0);
    assert_eq!(saved["profile"]["name"], "李明", "the profile is kept");
    drop(driver);
}
