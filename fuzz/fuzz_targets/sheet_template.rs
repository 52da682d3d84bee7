//! Any text given as a publicity-sheet template (`--template`, sheet-template.json): parsed only (the
//! layout and PDF need the fonts; the e2e and sheet tests cover them).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = zhicheng_sheet::template::Template::parse(text, None);
});
