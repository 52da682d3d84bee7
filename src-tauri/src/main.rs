// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// WebKitGTK settings the app starts with unless the user set them (their own setting wins). WebKit's
/// processes inherit the app's environment, so these reach the web process that runs the page.
#[cfg(target_os = "linux")]
const WEBKIT_DEFAULTS: [(&str, &str); 2] = [
    // Without the DMA-BUF renderer the web process needs about 60 MB less and starts reliably under
    // Xvfb and on older GPUs.
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    // JavaScriptCore collects the page's whole heap each time instead of mostly its newest objects.
    // With generations, what outlived a young collection waited for a full one, and JavaScriptCore
    // sometimes put that off for ~20 soak cycles while the page's heap rose from 30 MB to 600 MB (the
    // web process to 0.8–1.4 GB) before one collection gave it all back (issue 16, docs/evidence.md).
    ("JSC_useGenerationalGC", "false"),
];

fn main() {
    #[cfg(target_os = "linux")]
    for (name, value) in WEBKIT_DEFAULTS {
        if std::env::var_os(name).is_none() {
            // SAFETY: the first statements of main, before any other thread exists.
            #[allow(unsafe_code, reason = "set_var before any thread exists; the only unsafe in the project")]
            unsafe {
                std::env::set_var(name, value)
            };
        }
    }
    zhicheng_app_lib::run()
}
