//! The TypeScript types of the sheet's IPC payloads, generated into `ui/src/sheetBindings.ts` (the
//! core's types it refers to come from `./bindings`). Drift-tested like the core's bindings;
//! `UPDATE_BINDINGS=1 cargo test -p zhicheng-sheet bindings` rewrites it.

use ts_rs::{Config, TS};

pub fn typescript() -> String {
    let cfg = Config::new();
    let decls =
        [crate::data::Section::decl(&cfg), crate::data::MissingField::decl(&cfg), crate::SheetPreview::decl(&cfg)];
    let mut s = String::from(
        "// Generated from the Rust types by `make bindings` (crates/zhicheng-sheet/src/bindings.rs). Do not edit.\n\
         import type { PublicityPeriod, TitleLevel } from \"./bindings\";\n\n",
    );
    for d in decls {
        s.push_str("export ");
        s.push_str(&d);
        s.push_str("\n\n");
    }
    s.truncate(s.trim_end().len());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn sheet_bindings_match_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/sheetBindings.ts");
        let expected = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).unwrap();
            return;
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(actual == expected, "{} is out of date; run `make bindings` and commit it", path.display());
    }
}
