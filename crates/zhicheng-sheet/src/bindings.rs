//! The TypeScript types of the sheet's IPC payloads, generated into `ui/src/sheetBindings.ts` (the
//! core's types it refers to come from `./bindings`). Drift-tested like the core's bindings;
//! `UPDATE_BINDINGS=1 cargo test -p zhicheng-sheet bindings` rewrites it.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "generators of checked-in files (make bindings) and their drift tests; never run by the app"
)]

use ts_rs::{Config, TS};

pub fn typescript() -> String {
    let cfg = Config::new();
    let decls =
        [crate::data::Section::decl(&cfg), crate::data::MissingField::decl(&cfg), crate::SheetPreview::decl(&cfg)];
    zhicheng_core::bindings::ts_module(
        "// Generated from the Rust types by `make bindings` (crates/zhicheng-sheet/src/bindings.rs). Do not edit.\n\
         import type { PublicityPeriod, TitleLevel } from \"./bindings\";\n\n",
        &decls,
    )
}

/// The preview of `examples/applicant.json` with the supervising department left empty: the UI tests'
/// IPC fixture (`ui/src/generated/sheet-preview-example.json`), so they see exactly what Rust sends.
pub fn preview_fixture() -> String {
    let mut f = zhicheng_core::applicant_file::parse(include_str!("../../../examples/applicant.json"), None)
        .expect("the example parses")
        .file;
    f.publicity.superior_name.clear();
    f.publicity.superior_phone.clear();
    let pack = zhicheng_core::eligibility::RulePack::builtin();
    let round = zhicheng_core::round::Round::builtin();
    let template = crate::Template::builtin();
    let fonts = crate::Fonts::load(&crate::fonts::default_dir()).expect("fonts/ is filled by scripts/fonts.sh");
    let ctx = crate::Context {
        pack: &pack,
        round: &round,
        calendar: zhicheng_core::calendar::WorkCalendar::builtin(),
        template: &template,
        fonts,
    };
    let p = crate::preview(&f, &ctx, "built-in").expect("the example previews");
    zhicheng_core::bindings::json_file(&p)
}

#[cfg(test)]
mod tests {
    fn check(path: std::path::PathBuf, expected: String) {
        zhicheng_core::bindings::check_generated(&path, &expected)
    }

    #[test]
    fn the_preview_fixture_is_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/generated/sheet-preview-example.json");
        check(path, super::preview_fixture());
    }

    #[test]
    fn sheet_bindings_match_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/sheetBindings.ts");
        check(path, super::typescript());
    }
}
