//! The web process that runs the page starts with the app's WebKitGTK settings (src-tauri/src/main.rs):
//! JavaScriptCore reads its options from its environment, so they must be there — and a user's own
//! setting must win. Linux only (WebKitGTK).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::path::Path;

use common::*;

fn environment(pid: u32) -> Vec<String> {
    let raw = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    raw.split(|b| *b == 0).map(|v| String::from_utf8_lossy(v).into_owned()).collect()
}

async fn web_process_environment(extra: &[(&str, &Path)]) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    std::fs::create_dir_all(&ws).unwrap();
    let mut env = vec![("ZHICHENG_WORKSPACE", ws.as_path()), ("XDG_DATA_HOME", data.as_path())];
    env.extend_from_slice(extra);
    let driver = Driver::start(&env);
    let c = driver.session().await;
    wait_for(&c, "#profile_name").await;
    let web = driver.web_processes();
    assert!(!web.is_empty(), "the page runs in a web process below the driver");
    let vars = environment(web[0]);
    c.close().await.unwrap();
    vars
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_runs_without_generational_collection_unless_the_user_says_otherwise() {
    // The test's own environment must not decide the result.
    assert!(std::env::var_os("JSC_useGenerationalGC").is_none(), "run without JSC_useGenerationalGC set");
    let vars = web_process_environment(&[]).await;
    assert!(vars.iter().any(|v| v == "JSC_useGenerationalGC=false"), "web process environment: {vars:?}");
    assert!(vars.iter().any(|v| v == "WEBKIT_DISABLE_DMABUF_RENDERER=1"));

    let vars = web_process_environment(&[("JSC_useGenerationalGC", Path::new("true"))]).await;
    assert!(vars.iter().any(|v| v == "JSC_useGenerationalGC=true"), "the user's own setting wins: {vars:?}");
}
