//! The TypeScript types of the shell's own payloads (events, channels, command arguments and results
//! defined here, not in the domain crates), generated into `ui/src/shellBindings.ts` and drift-tested
//! like the others (`make bindings` rewrites it).

#![allow(clippy::expect_used, reason = "a generator of a checked-in file and its drift test; never run by the app")]

use ts_rs::{Config, TS};

pub(crate) fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        crate::DropEvent::decl(&cfg),
        crate::commands::evidence::ImportSource::decl(&cfg),
        crate::commands::evidence::ItemProgress::decl(&cfg),
        crate::commands::sheet::OpenOutcome::decl(&cfg),
    ];
    zhicheng_core::bindings::ts_module(
        "// Generated from the Rust types by `make bindings` (src-tauri/src/bindings.rs). Do not edit.\n\n",
        &decls,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn bindings_ts_matches_the_rust_types() {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/shellBindings.ts");
        zhicheng_core::bindings::check_generated(&path, &super::typescript());
    }
}
