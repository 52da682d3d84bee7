//! End to end: every page in both languages, with the example applicant — screenshots to
//! docs/screenshots/zh/ and docs/screenshots/en/. In English, the engine's reasons and gaps, the 预审,
//! the checklist and the deadlines speak English (the notice's own words stay quoted in Chinese).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use common::*;
use fantoccini::Client;

/// The pages, as (file name, how to get there).
const PAGES: [(&str, &str); 9] = [
    ("basic-info", "[data-testid=step-0]"),
    ("exclusions", "[data-testid=step-1]"),
    ("education", "[data-testid=step-2]"),
    ("achievements-step", "[data-testid=step-3]"),
    ("assessment", "[data-testid=step-4]"),
    ("achievements", "[data-testid=nav-achievements]"),
    ("evidence", "[data-testid=nav-evidence]"),
    ("sheet", "[data-testid=nav-sheet]"),
    ("deadlines", "[data-testid=nav-deadlines]"),
];

async fn go(c: &Client, css: &str) {
    if css.contains("step-") {
        click(c, "[data-testid=nav-assessment]").await;
    }
    click(c, css).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    c.execute("document.querySelector('[data-testid=content]')?.scrollTo(0, 0);", vec![]).await.unwrap();
}

async fn content(c: &Client) -> String {
    wait_for(c, "[data-testid=content]").await.text().await.unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_in_chinese_and_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::copy(repo_root().join("examples/applicant.json"), ws.join("applicant.json")).unwrap();
    let driver = Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data)]);
    let c = driver.session().await;
    let shots = repo_root().join("docs/screenshots");

    for (name, css) in PAGES {
        go(&c, css).await;
        screenshot(&c, &shots.join("zh").join(format!("{name}.png"))).await;
    }

    click_xpath(&c, "//*[contains(@class,'ant-segmented-item-label')][normalize-space(.)='English']").await;
    text_until(&c, "[data-testid=nav-evidence]", "Evidence").await;

    for (name, css) in PAGES {
        go(&c, css).await;
        let text = content(&c).await;
        match name {
            "exclusions" => assert!(text.contains("Are you a civil servant"), "{text}"),
            "assessment" => {
                text_until(&c, "[data-testid=result-summary]", "Senior Engineer").await;
                // The gap of the level not reached, folded under the others.
                click(&c, "[data-testid=result-others] .ant-collapse-header").await;
                let gap = text_until(&c, "[data-testid=gap-professor]", "1 more: “").await;
                assert!(!gap.contains("再需") && !gap.contains("及以后"), "{gap}");
            }
            "evidence" => assert!(!text.contains("创建佐证材料库"), "{text}"),
            "deadlines" => {
                text_until(&c, "[data-testid=countdown-submission]", "Online submission").await;
            }
            _ => {}
        }
        screenshot(&c, &shots.join("en").join(format!("{name}.png"))).await;
    }
    c.close().await.unwrap();
    drop(driver);
}
