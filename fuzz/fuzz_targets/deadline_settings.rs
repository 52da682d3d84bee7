//! Any text as `deadlines.json` (the rounds and reminders the user saved): parsed, and settings that
//! parse give the active round.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhicheng_core::deadlines::DeadlineSettings;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(s) = DeadlineSettings::parse(text) {
        let _ = s.active();
    }
});
