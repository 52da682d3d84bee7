//! The reference `make bench-start` measures the app against: the smallest Tauri 2 app that shows a
//! page with one Chinese heading, in a window of the app's size.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("baseline: {e}");
        std::process::exit(1);
    }
}
