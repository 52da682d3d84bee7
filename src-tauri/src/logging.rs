//! The app's log: `zhicheng.log.<date>` in the app's log folder, one file a day, the last 7 kept. It
//! records what happened (started, a command failed, a panic) and never personal data: values of
//! the applicant are not logged, and what could hold them (a path with a name in it, a message
//! quoting input) goes through `zhicheng_core::Sensitive` or is left out.

use std::path::PathBuf;

/// The app's identifier (`tauri.conf.json`): the log folder is named after it, as Tauri names it.
const IDENTIFIER: &str = "cn.zhicheng.lowcarbon";

/// Where the logs go: `ZHICHENG_LOG_DIR`, else the OS's place for an app's logs (Linux
/// `~/.local/share/<id>/logs`, macOS `~/Library/Logs/<id>`, Windows `%LOCALAPPDATA%\<id>\logs`).
pub(crate) fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ZHICHENG_LOG_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(d));
    }
    #[cfg(target_os = "macos")]
    return dirs::home_dir().map(|h| h.join("Library/Logs").join(IDENTIFIER));
    #[cfg(not(target_os = "macos"))]
    dirs::data_local_dir().map(|d| d.join(IDENTIFIER).join("logs"))
}

/// Starts logging to the file (and panics go there too); returns the folder, `None` when it cannot
/// be written (the app runs on without a log).
pub(crate) fn init() -> Option<PathBuf> {
    let dir = dir()?;
    zhicheng_core::storage::create_private_dir(&dir).ok()?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("zhicheng")
        .filename_suffix("log")
        .max_log_files(7)
        .build(&dir)
        .ok()?;
    let subscriber = tracing_subscriber::fmt()
        .with_writer(appender)
        .with_ansi(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        .finish();
    tracing::subscriber::set_global_default(subscriber).ok()?;
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(target: "zhicheng", "panic at {place}");
    }));
    Some(dir)
}

/// The app cannot start: said in a native dialog (a user on Windows sees no console) and in the log.
pub(crate) fn fatal(message: &str, log: Option<&std::path::Path>) {
    tracing::error!(target: "zhicheng", "cannot start: {message}");
    let where_ = log.map(|d| format!("\n\n日志：{}", d.display())).unwrap_or_default();
    eprintln!("zhicheng: {message}");
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("绿色低碳职称申报助手")
        .set_description(format!("{message}{where_}"))
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}
