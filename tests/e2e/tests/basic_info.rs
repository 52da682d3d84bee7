//! End to end: the real app binary, driven through tauri-driver and WebKitWebDriver under Xvfb.
//! Fill 基本情况, close the app, start it again: the values are back. A screenshot of the filled form
//! goes to docs/screenshots/basic-info.png.
//!
//! Needs: DISPLAY (the Makefile runs this under xvfb-run), `tauri-driver` on PATH, WebKitWebDriver,
//! and the debug app built (`cargo build -p zhicheng-app`, or ZHICHENG_APP_BIN).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator, key::Key};
use serde_json::{Map, Value, json};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("ZHICHENG_APP_BIN") {
        return PathBuf::from(p).canonicalize().expect("ZHICHENG_APP_BIN exists");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target"));
    let bin = target.join("debug/zhicheng-app");
    assert!(bin.exists(), "build the app first: cargo build -p zhicheng-app ({} missing)", bin.display());
    // tauri-driver needs an absolute path.
    bin.canonicalize().unwrap()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// tauri-driver, stopped with SIGTERM on drop (SIGKILL would leak WebKitWebDriver processes).
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(env: &[(&str, &Path)]) -> Driver {
        assert!(std::env::var_os("DISPLAY").is_some(), "no DISPLAY: run under xvfb-run (make test does)");
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new("tauri-driver");
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("tauri-driver on PATH (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }

    async fn session(&self) -> Client {
        let mut caps = Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), json!({ "application": app_binary() }));
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a WebDriver session with the app")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
    }
}

async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
}

async fn value_of(c: &Client, css: &str) -> String {
    wait_for(c, css).await.prop("value").await.unwrap().unwrap_or_default()
}

async fn text_until(c: &Client, css: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = wait_for(c, css).await.text().await.unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(Instant::now() < deadline, "{css} never said {needle:?}; last: {text:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn type_into(c: &Client, css: &str, text: &str) {
    let el = wait_for(c, css).await;
    el.click().await.unwrap();
    el.send_keys(text).await.unwrap();
}

/// Antd month pickers and searchable selects: type, then Enter.
async fn type_and_enter(c: &Client, css: &str, text: &str) {
    type_into(c, css, text).await;
    wait_for(c, css).await.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

async fn click_xpath(c: &Client, xpath: &str) {
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(xpath))
        .await
        .unwrap_or_else(|e| panic!("{xpath}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn screenshot(c: &Client, to: &Path) {
    // Two animation frames, so the picture shows what was last rendered (otherwise it is often stale).
    c.execute_async(
        "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        vec![],
    )
    .await
    .unwrap();
    let png = c.screenshot().await.unwrap();
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::write(to, png).unwrap();
}

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
    wait_for(&c, "#profile_name").await.click().await.unwrap();
    c.execute("window.scrollTo(0, 0); document.querySelector('main')?.scrollTo(0, 0);", vec![]).await.unwrap();
    screenshot(&c, &repo_root().join("docs/screenshots/basic-info.png")).await;
    c.close().await.unwrap();

    // What reached the disk.
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(ws.join("applicant.json")).unwrap()).unwrap();
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["profile"]["name"], "李明");
    assert_eq!(saved["profile"]["gender"], "male");
    assert_eq!(saved["profile"]["birth_month"], "1985-06");
    assert_eq!(saved["profile"]["field_start_month"], "2010-08");
    assert_eq!(saved["profile"]["district"], "渝北区");
    assert_eq!(saved["profile"]["archive_location"], "chongqing");

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
}
