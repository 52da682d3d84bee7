//! Shared helpers of the end-to-end tests: tauri-driver, a WebDriver session with the app, waits.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) use fantoccini::{Client, ClientBuilder, Locator, key::Key};
use serde_json::{Map, json};

pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

pub(crate) fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("ZHICHENG_APP_BIN") {
        return PathBuf::from(p).canonicalize().expect("ZHICHENG_APP_BIN exists");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target"));
    let bin = target.join("debug/zhicheng-app");
    assert!(bin.exists(), "build the app first: cargo build -p zhicheng-app ({} missing)", bin.display());
    // tauri-driver needs an absolute path.
    bin.canonicalize().unwrap()
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// tauri-driver, stopped with SIGTERM on drop (SIGKILL would leak WebKitWebDriver processes).
pub(crate) struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub(crate) fn start(env: &[(&str, &Path)]) -> Driver {
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

    /// A session with a freshly started app. tauri-driver accepts connections before its
    /// WebKitWebDriver is ready, so the first attempts may be cut off: retry for a while.
    pub(crate) async fn session(&self) -> Client {
        let mut caps = Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), json!({ "application": app_binary() }));
        let mut last = None;
        for _ in 0..20 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", self.port))
                .await
            {
                Ok(c) => return c,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        panic!("no WebDriver session with the app: {last:?}");
    }
}

/// The fields of /proc/PID/stat after "pid (comm) " (the name may hold spaces and brackets): state is
/// field 0, the parent 1, utime 11, stime 12.
pub(crate) fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    Some(stat.rsplit_once(") ")?.1.split_whitespace().map(str::to_string).collect())
}

/// A process's name as the kernel keeps it (15 bytes at most: "WebKitWebProces").
pub(crate) fn process_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_string()
}

/// Every process below `pid` (children, their children, …), from one read of /proc.
fn descendants(pid: u32) -> Vec<u32> {
    let parent_of = |p: u32| -> Option<u32> { stat_fields(p)?.get(1)?.parse().ok() };
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .filter_map(|p: u32| Some((p, parent_of(p)?)))
                .collect()
        })
        .unwrap_or_default();
    let mut out = vec![];
    let mut frontier = vec![pid];
    while let Some(p) = frontier.pop() {
        for &(c, parent) in &parents {
            if parent == p && !out.contains(&c) {
                out.push(c);
                frontier.push(c);
            }
        }
    }
    out
}

impl Driver {
    /// The pids of WebKit's web processes below this driver (the app's page runs in one).
    pub(crate) fn web_processes(&self) -> Vec<u32> {
        descendants(self.child.id()).into_iter().filter(|&p| process_name(p) == "WebKitWebProces").collect()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The app and WebKitWebDriver, noted now: a test that panicked never closed its session, and
        // an app left running would take the next test's launch (single instance) and hang it.
        let below = descendants(self.child.id());
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let app = std::fs::canonicalize(app_binary()).unwrap_or_else(|_| app_binary());
        for p in below {
            if std::fs::read_link(format!("/proc/{p}/exe")).is_ok_and(|exe| exe == app) {
                let _ = Command::new("kill").args(["-KILL", &p.to_string()]).status();
            }
        }
    }
}

pub(crate) async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match c.wait().at_most(deadline.saturating_duration_since(Instant::now())).for_element(Locator::Css(css)).await
        {
            Ok(el) => return el,
            // React replaced the node between the driver finding it and taking its handle: look again.
            Err(e) if e.is_stale_element_reference() && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("{css}: {e}"),
        }
    }
}

/// Clicks the element `css` names once it is there. React may replace the node between the driver
/// finding it and the click (a re-render after a state change): then the new node is looked up and
/// clicked, rather than the test failing on a node that is gone.
pub(crate) async fn click(c: &Client, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match wait_for(c, css).await.click().await {
            Ok(()) => return,
            Err(e) if e.is_stale_element_reference() && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("click {css}: {e}"),
        }
    }
}

pub(crate) async fn value_of(c: &Client, css: &str) -> String {
    wait_for(c, css).await.prop("value").await.unwrap().unwrap_or_default()
}

pub(crate) async fn text_until(c: &Client, css: &str, needle: &str) -> String {
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

pub(crate) async fn type_into(c: &Client, css: &str, text: &str) {
    click(c, css).await;
    wait_for(c, css).await.send_keys(text).await.unwrap();
}

/// Antd month pickers and searchable selects: type, then Enter.
pub(crate) async fn type_and_enter(c: &Client, css: &str, text: &str) {
    type_into(c, css, text).await;
    wait_for(c, css).await.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

pub(crate) async fn click_xpath(c: &Client, xpath: &str) {
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(xpath))
        .await
        .unwrap_or_else(|e| panic!("{xpath}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Where a screenshot meant for `docs/screenshots/…` goes: there with `ZHICHENG_SCREENSHOTS=docs`
/// (`make screenshots`), else beside the build in `target/screenshots/…`, so a test run never
/// changes the repository.
pub(crate) fn screenshot_path(to: &Path) -> PathBuf {
    let docs = repo_root().join("docs/screenshots");
    match to.strip_prefix(&docs) {
        Ok(rel) if std::env::var("ZHICHENG_SCREENSHOTS").as_deref() != Ok("docs") => {
            repo_root().join("target/screenshots").join(rel)
        }
        _ => to.to_path_buf(),
    }
}

pub(crate) async fn screenshot(c: &Client, to: &Path) {
    let to = &screenshot_path(to);
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
