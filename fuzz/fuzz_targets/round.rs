//! Any text given as a round (导入轮次): parsed; a round that parses is serialised again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhicheng_core::round::Round;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(r) = Round::parse(text, None) {
        let again = Round::parse(&r.to_json(), None);
        assert!(again.is_ok(), "a round that parsed parses again after saving");
    }
});
