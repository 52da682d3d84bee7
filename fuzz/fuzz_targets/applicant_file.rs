//! Any text given as an applicant file: parsed (with migrations), checked for use, and assessed with
//! the built-in rules, at a far past and a far future application month. Nothing may panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhicheng_core::eligibility::{RulePack, assess};
use zhicheng_core::{YearMonth, applicant_file};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(p) = applicant_file::parse(text, None) else { return };
    let _ = applicant_file::check_for_use(&p.file, YearMonth::MAX);
    let pack = RulePack::builtin_ref();
    for m in [None, Some(YearMonth::MIN), Some(YearMonth::MAX)] {
        let _ = assess(&p.file.profile, &p.file.screening, &p.file.achievements, m, pack);
    }
    let _ = p.file.to_json();
});
