//! The installed package (`make dist-check` runs this after `dpkg -i`): the app at /usr/bin/zhicheng-app,
//! started with a fresh home, shows the 基本情况 form; a screenshot goes to docs/screenshots/installed.png.
//! Ignored in `make test`: it needs the release package installed on this machine.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use common::*;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the installed .deb: make dist-check"]
async fn the_installed_app_opens_on_the_basic_info_form() {
    let bin =
        std::env::var_os("ZHICHENG_APP_BIN").expect("make dist-check sets ZHICHENG_APP_BIN=/usr/bin/zhicheng-app");
    assert_eq!(bin, "/usr/bin/zhicheng-app", "the installed binary, not a build in target/");
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let data = home.join(".local/share");
    let driver = Driver::start(&[("HOME", &home), ("XDG_DATA_HOME", &data)]);
    let c = driver.session().await;
    let started = std::time::Instant::now();
    wait_for(&c, "#profile_name").await;
    text_until(&c, "main", "基本情况").await;
    eprintln!("installed app: the form answered {} ms after the session opened", started.elapsed().as_millis());
    screenshot(&c, &repo_root().join("docs/screenshots/installed.png")).await;
    c.close().await.unwrap();
    drop(driver);
    // The workspace went where a user's data goes, under the fresh home.
    assert!(data.join("zhicheng").is_dir(), "workspace under {}", data.display());
}
