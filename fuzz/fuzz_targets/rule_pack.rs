//! Any text given as a rule pack (`--rules`, 载入规则包): parsed, and a pack that parses assesses the
//! example applicant without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhicheng_core::applicant_file;
use zhicheng_core::eligibility::{RulePack, assess};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(pack) = RulePack::parse(text, None) else { return };
    let example = include_str!("../../examples/applicant.json");
    if let Ok(p) = applicant_file::parse(example, None) {
        let _ = assess(&p.file.profile, &p.file.screening, &p.file.achievements, None, &pack);
    }
    let mut extended = RulePack::builtin();
    extended.extend(pack);
});
