//! End to end: the 佐证材料 page of the real app over a vault whose key is in the real Secret Service
//! (gnome-keyring in the test's D-Bus session). The vault is made and filled beforehand the way the
//! CLI does it; the app finds it unlocked at start, shows the checklist, links a file through the
//! UI, and after the app closes the vault on disk still holds the link and no readable personal data.
//! A screenshot goes to docs/screenshots/evidence.png.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::sync::atomic::AtomicBool;

use common::*;
use zhicheng_vault::vault::{ImportOptions, KeyChoice, Target, Unlock, Vault};

const MARK: &str = "李明 500101198506150011";

#[tokio::test(flavor = "multi_thread")]
async fn the_evidence_page_links_a_file_and_the_vault_keeps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::copy(repo_root().join("examples/applicant.json"), ws.join("applicant.json")).unwrap();
    let file = zhicheng_core::applicant_file::parse(&std::fs::read_to_string(ws.join("applicant.json")).unwrap(), None)
        .unwrap()
        .file;

    let store = zhicheng_vault::keys::usable_os_store().expect("make e2e runs the app with a Secret Service");
    let src = tmp.path().join("扫描件");
    std::fs::create_dir_all(&src).unwrap();
    for (name, body) in [("硕士毕业证.pdf", MARK), ("专利证书.pdf", "ZL2021"), ("验收报告.pdf", "验收")]
    {
        std::fs::write(src.join(name), format!("%PDF-1.4\n% {body}\n")).unwrap();
    }
    // A real PDF, to preview its pages in the app.
    std::fs::copy(repo_root().join("docs/sheet-sample.pdf"), src.join("公示表样张.pdf")).unwrap();
    {
        let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
        v.import(std::slice::from_ref(&src), &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false)).unwrap();
        let id = |title: &str| v.files().iter().find(|f| f.title == title).unwrap().id.clone();
        let (diploma, patent) = (id("硕士毕业证"), id("专利证书"));
        v.link(&diploma, Target::Item("education_certificate".into())).unwrap();
        v.link(&patent, Target::Achievement("a1".into())).unwrap();
    }
    let before = {
        let v = Vault::open(&ws, Unlock::Store(&store)).unwrap();
        zhicheng_vault::checklist(&file, v.files())
    };

    let driver = Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data)]);
    let c = driver.session().await;
    click(&c, "[data-testid=nav-evidence]").await;
    text_until(&c, "[data-testid=ev-summary]", &format!("已备齐 {}/{} 项", before.done, before.required)).await;
    text_until(&c, "[data-testid='ev-item-achievement:a1']", "专利证书").await;

    // Link 验收报告 to the second achievement with the item's own picker.
    let a2 = "[data-testid='ev-item-achievement:a2']";
    // The dropdown animates in, and a click on an option still moving can be lost: open it and
    // click the option until the item turns provided (a user would simply pick again).
    let option = "//div[contains(@class,'ant-select-item-option') and @title='验收报告']";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    let status = |c: &fantoccini::Client| {
        let c = c.clone();
        async move { wait_for(&c, a2).await.attr("data-status").await.unwrap() }
    };
    while status(&c).await.as_deref() != Some("provided") {
        assert!(std::time::Instant::now() < deadline, "a2 never turned provided");
        let shown = match c.find(fantoccini::Locator::XPath(option)).await {
            Ok(el) => el.is_displayed().await.unwrap_or(false).then_some(el),
            Err(_) => None,
        };
        match shown {
            Some(el) => {
                let _ = el.click().await;
            }
            None => {
                let _ = wait_for(&c, &format!("{a2} .ant-select")).await.click().await;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    text_until(&c, "[data-testid=ev-summary]", &format!("已备齐 {}/{} 项", before.done + 1, before.required)).await;
    // The page from its top, as a user opening it sees it.
    c.execute(
        "document.activeElement?.blur(); document.querySelectorAll('*').forEach(e => { e.scrollTop = 0; });",
        vec![],
    )
    .await
    .unwrap();
    screenshot(&c, &repo_root().join("docs/screenshots/evidence.png")).await;

    // A PDF's pages, drawn inside the app.
    click(&c, "[data-testid='ev-preview-公示表样张']").await;
    wait_for(&c, "canvas[data-testid=ev-pdf-page]").await;
    let drawn: bool = c
        .execute(
            "const c = document.querySelector('canvas[data-testid=ev-pdf-page]'); \
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
             let dark = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 100) dark++; return dark > 1000;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(drawn, "the PDF page was drawn");
    screenshot(&c, &repo_root().join("docs/screenshots/evidence-preview.png")).await;
    c.close().await.unwrap();
    drop(driver);

    // What a restart finds: the link, through the key in the Secret Service.
    let v = Vault::open(&ws, Unlock::Store(&zhicheng_vault::keys::usable_os_store().unwrap())).unwrap();
    let after = zhicheng_vault::checklist(&file, v.files());
    assert_eq!(after.done, before.done + 1);
    // Nothing readable on disk: not the names, not the content.
    let mut stack = vec![ws.join("evidence")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
                continue;
            }
            let bytes = std::fs::read(e.path()).unwrap();
            for needle in [MARK.as_bytes(), "硕士毕业证".as_bytes(), "验收报告".as_bytes(), b"%PDF"] {
                assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{} is readable", e.path().display());
            }
        }
    }
}
