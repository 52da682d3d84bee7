// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK: without the DMA-BUF renderer the web process needs about 60 MB less and starts
    // reliably under Xvfb and on older GPUs; a user's own setting wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: first statement of main, before any other thread exists.
        #[allow(unsafe_code, reason = "set_var before any thread exists; the only unsafe in the project")]
        unsafe {
            std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
        };
    }
    zhicheng_app_lib::run()
}
