//! The page's web process runs under the app's own memory-pressure settings (src-tauri/src/webmem.rs):
//! WebKit's default limit is so high that it never gives memory back for a page of this size, and the
//! setting can only be passed when its context is built, which wry does. Linux only (WebKitGTK).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_web_process_runs_under_the_apps_memory_pressure_settings() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    let logs = tmp.path().join("logs");
    std::fs::create_dir_all(&ws).unwrap();
    // A limit any page passes (40 MB, checked every second) and, for this test only, a kill threshold
    // (1.0 × the limit): WebKit ends the web process itself — which it can only do if the app's
    // settings reached it. The app's own figures never set one.
    let env = [
        ("ZHICHENG_WORKSPACE", ws.as_path()),
        ("XDG_DATA_HOME", data.as_path()),
        ("ZHICHENG_LOG_DIR", logs.as_path()),
        ("ZHICHENG_WEBMEM", Path::new("40,1,0.33,0.5,1.0")),
    ];
    let driver = Driver::start(&env);
    let c = driver.session().await;
    wait_for(&c, "#profile_name").await;
    let first = driver.web_processes();
    assert!(!first.is_empty(), "the page runs in a web process below the driver");

    let deadline = Instant::now() + Duration::from_secs(30);
    // Running: its /proc entry is there and it is not a zombie waiting to be reaped.
    let running = |p: &u32| {
        std::fs::read_to_string(format!("/proc/{p}/stat"))
            .is_ok_and(|s| s.rsplit_once(')').is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')))
    };
    while first.iter().any(running) {
        assert!(
            Instant::now() < deadline,
            "WebKit did not end the web process {first:?} above the limit: the settings did not reach it"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let log: String = std::fs::read_dir(&logs)
        .map(|d| d.flatten().filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect())
        .unwrap_or_default();
    assert!(log.contains("web context built with the app's memory-pressure settings"), "the app's log:\n{log}");
    // The session's page is gone with its process; closing may fail, and that is expected.
    let _ = c.close().await;
}
