//! Any text as the holiday table: parsed; a table that parses answers working-day questions around
//! its years and at chrono's limits without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhicheng_core::calendar::WorkCalendar;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(cal) = WorkCalendar::from_json(text) else { return };
    let days = [chrono::NaiveDate::MIN, chrono::NaiveDate::MAX, chrono::NaiveDate::from_ymd_opt(2023, 10, 1).unwrap_or_default()];
    for d in days {
        let _ = cal.add_workdays(d, 5, true);
        let _ = cal.latest_start(d, 5, false);
        let _ = cal.previous_workday(d);
    }
});
