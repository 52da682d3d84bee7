//! A second start of the app (a double click on the menu entry while it is open) must not open a
//! second window on the same workspace: it hands over to the open window, which comes to the front, and
//! exits. Run against the debug build in `make test` and against the installed package by `make dist-check`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::time::{Duration, Instant};

use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_second_start_brings_the_open_window_to_the_front_and_exits() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    let logs = tmp.path().join("logs");
    std::fs::create_dir_all(&ws).unwrap();
    let env = [("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data), ("ZHICHENG_LOG_DIR", &logs)];
    let driver = Driver::start(&env.map(|(k, v)| (k, v.as_path())));
    let c = driver.session().await;
    wait_for(&c, "#profile_name").await;
    type_into(&c, "#profile_name", "张三").await;

    let mut second = std::process::Command::new(app_binary());
    for (k, v) in env {
        second.env(k, v);
    }
    let mut second = second.stdout(std::process::Stdio::null()).spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(st) = second.try_wait().unwrap() {
            break st;
        }
        if started.elapsed() > Duration::from_secs(30) {
            second.kill().unwrap();
            panic!("the second start is still running after 30 s: it opened a window of its own");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the second start ends quietly: {status}");
    eprintln!("second start: exited after {} ms", started.elapsed().as_millis());

    // The open window heard it (its log says so) and still holds what was typed.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let log: String = std::fs::read_dir(&logs)
            .map(|d| d.flatten().filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect())
            .unwrap_or_default();
        if log.contains("a second start: the open window is brought to the front") {
            break;
        }
        assert!(Instant::now() < deadline, "the open window was not told of the second start; its log:\n{log}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(value_of(&c, "#profile_name").await, "张三");
    c.close().await.unwrap();
}
