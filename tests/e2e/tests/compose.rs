//! End to end: an item's PDF made in the real window. Two phone photos and a real PDF linked to an
//! achievement; the page editor shows them, a page is turned, the PDF's page is masked by drawing a box
//! on it, the PDF is made within the budget. After the app closes: the order and the turn are kept,
//! the composed page carries no text, the original is untouched. Screenshots of the page editor and
//! the mask editor go to docs/screenshots/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use common::*;
use zhicheng_vault::upload::{self, Mode};
use zhicheng_vault::vault::{ImportOptions, KeyChoice, Target, Unlock, Vault};

fn photo(shade: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(1500, 2000, |x, y| {
        if x > 200 && x < 1300 && y > 300 && y < 500 {
            image::Rgb([30, 30, shade])
        } else {
            image::Rgb([245, 242, 235])
        }
    });
    let mut out = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90).encode_image(&img).unwrap();
    out
}

async fn count(c: &fantoccini::Client, css: &str) -> usize {
    c.find_all(fantoccini::Locator::Css(css)).await.map(|v| v.len()).unwrap_or(0)
}

async fn until(c: &fantoccini::Client, what: &str, js: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut said = std::collections::BTreeSet::new();
    loop {
        if c.execute(js, vec![]).await.ok().and_then(|v| v.as_bool()) == Some(true) {
            return;
        }
        let msg = c.execute("return document.querySelector('.ant-message')?.textContent ?? ''", vec![]).await.unwrap();
        said.insert(msg.as_str().unwrap_or_default().to_string());
        if Instant::now() > deadline {
            panic!("{what} never happened; the app said: {said:?}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_items_pdf_is_made_in_the_page_editor_with_a_page_masked() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::copy(repo_root().join("examples/applicant.json"), ws.join("applicant.json")).unwrap();
    let file = zhicheng_core::applicant_file::parse(&std::fs::read_to_string(ws.join("applicant.json")).unwrap(), None)
        .unwrap()
        .file;
    let store = zhicheng_vault::keys::usable_os_store().expect("make e2e runs the app with a Secret Service");
    let src = tmp.path().join("材料");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("1_证书正面.jpg"), photo(200)).unwrap();
    std::fs::write(src.join("2_证书背面.jpg"), photo(90)).unwrap();
    let sample = repo_root().join("docs/sheet-sample.pdf");
    std::fs::copy(&sample, src.join("3_公示表样张.pdf")).unwrap();
    let t = Target::Achievement("a1".into());
    {
        let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
        let opts = ImportOptions { links: vec![t.clone()], ..Default::default() };
        v.import(std::slice::from_ref(&src), &opts, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    }

    let driver = Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data)]);
    let c = driver.session().await;
    click(&c, "[data-testid=nav-evidence]").await;
    click(&c, "[data-testid='ev-compose-achievement:a1']").await;
    wait_for(&c, "[data-testid=ev-composer]").await;
    until(&c, "three pages shown", "return document.querySelectorAll('[data-testid=ev-page]').length === 3").await;
    // The PDF page's thumbnail is drawn.
    until(
        &c,
        "the PDF thumbnail",
        "return !!document.querySelectorAll('[data-testid=ev-page]')[2].querySelector('canvas')",
    )
    .await;

    // Turn the second photo.
    c.find_all(fantoccini::Locator::Css("[data-testid=ev-page-rotate]")).await.unwrap()[1].click().await.unwrap();
    until(
        &c,
        "the turn",
        "return document.querySelectorAll('[data-testid=ev-page]')[1].querySelector('div[style*=\"rotate(90deg)\"]') !== null",
    )
    .await;

    // Mask the PDF page: draw a box over its top, as a mouse would.
    c.find_all(fantoccini::Locator::Css("[data-testid=ev-page-mask]")).await.unwrap()[2].click().await.unwrap();
    wait_for(&c, "canvas[data-testid=ev-mask-canvas]").await;
    wait_for(&c, "[data-testid=ev-mask-stage][data-ready=true]").await;
    c.execute(
        "const s = document.querySelector('[data-testid=ev-mask-stage]'); const r = s.getBoundingClientRect(); \
         const ev = (type, fx, fy) => s.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 7, \
           clientX: r.left + r.width * fx, clientY: r.top + r.height * fy })); \
         ev('pointerdown', 0.15, 0.06); ev('pointermove', 0.6, 0.1); ev('pointerup', 0.85, 0.14);",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(count(&c, "[data-testid=ev-mask-rect]").await, 1, "one box drawn");
    screenshot(&c, &repo_root().join("docs/screenshots/evidence-mask.png")).await;
    click(&c, "[data-testid=ev-mask-apply]").await;
    until(
        &c,
        "the masked tag",
        "return [...document.querySelectorAll('[data-testid=ev-page]')].some(p => p.textContent.includes('已遮盖'))",
    )
    .await;

    until(&c, "the masked page's thumbnail", "const c = document.querySelectorAll('[data-testid=ev-page]')[2].querySelector('canvas'); return !!c && c.width > 0").await;
    click(&c, "[data-testid=ev-compose]").await;
    text_until(&c, "[data-testid=ev-compose-report]", "以内").await;
    c.execute("document.activeElement?.blur();", vec![]).await.unwrap();
    screenshot(&c, &repo_root().join("docs/screenshots/evidence-compose.png")).await;

    // The preview of the composed PDF draws its pages.
    click(&c, "[data-testid=ev-compose-preview]").await;
    until(
        &c,
        "the composed PDF preview",
        "return document.querySelectorAll('canvas[data-testid=ev-pdf-page]').length === 3",
    )
    .await;
    c.close().await.unwrap();
    drop(driver);

    // What is kept: the order with the turn, a masked copy in the original's place, the original as it was.
    let v = Vault::open(&ws, Unlock::Store(&zhicheng_vault::keys::usable_os_store().unwrap())).unwrap();
    let view = upload::item_pages(&v, &file, &t).unwrap();
    assert_eq!(view.pages.iter().map(|p| p.at.rotate).collect::<Vec<_>>(), vec![0, 90, 0]);
    assert!(view.pages[2].masked);
    let original = v.files().iter().find(|f| f.title == "3_公示表样张" && f.masked_from.is_none()).unwrap();
    assert_eq!(v.read(&original.id).unwrap(), std::fs::read(&sample).unwrap(), "the original is untouched");
    let (pdf, report) = upload::compose_item(&v, &file, &t, Mode::Saved, None).unwrap();
    assert!(report.within_budget);
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    assert_eq!(doc.get_pages().len(), 3);
    let before = lopdf::Document::load(&sample).unwrap();
    assert!(!before.extract_text(&[1]).unwrap_or_default().trim().is_empty(), "the sample page has text");
    assert!(doc.extract_text(&[3]).unwrap_or_default().trim().is_empty(), "the masked page has none");
}
