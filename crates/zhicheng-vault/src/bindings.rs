//! The TypeScript types of the vault's IPC payloads, generated into `ui/src/evidenceBindings.ts`, and
//! a real `EvidenceData` of the example applicant for the UI tests
//! (`ui/src/generated/evidence-example.json`). Drift-tested; `make bindings` rewrites them.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "generators of checked-in files (make bindings) and their drift tests; never run by the app"
)]

use ts_rs::{Config, TS};

use crate::vault::{EvidenceFile, Target};

pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        crate::sniff::FileKind::decl(&cfg),
        crate::vault::KeyPlace::decl(&cfg),
        crate::vault::EvidenceFile::decl(&cfg),
        crate::vault::VaultSettings::decl(&cfg),
        crate::vault::Progress::decl(&cfg),
        crate::vault::RefusedFile::decl(&cfg),
        crate::vault::ImportReport::decl(&cfg),
        crate::checklist::Stage::decl(&cfg),
        crate::checklist::ItemStatus::decl(&cfg),
        crate::checklist::Applies::decl(&cfg),
        crate::checklist::Subject::decl(&cfg),
        crate::checklist::EvidenceReminder::decl(&cfg),
        crate::checklist::ChecklistItem::decl(&cfg),
        crate::checklist::Checklist::decl(&cfg),
        crate::access::VaultStatus::decl(&cfg),
        crate::access::EvidenceState::decl(&cfg),
        crate::access::EvidenceData::decl(&cfg),
        crate::access::ImportOutcome::decl(&cfg),
        crate::export::ExportRow::decl(&cfg),
        crate::export::ExportReport::decl(&cfg),
        crate::compose::Compress::decl(&cfg),
        crate::compose::MaskRect::decl(&cfg),
        crate::upload::PageRef::decl(&cfg),
        crate::upload::PageView::decl(&cfg),
        crate::upload::Skipped::decl(&cfg),
        crate::upload::NameCheck::decl(&cfg),
        crate::upload::ItemPages::decl(&cfg),
        crate::upload::ComposeReport::decl(&cfg),
        crate::upload::ItemExport::decl(&cfg),
        crate::upload::PerItemExport::decl(&cfg),
    ];
    zhicheng_core::bindings::ts_module(
        "// Generated from the Rust types by `make bindings` (crates/zhicheng-vault/src/bindings.rs). Do not edit.\nimport type { KindTag } from \"./bindings\";\n\n",
        &decls,
    )
}

/// The example applicant with two files: a diploma linked to 学历证书 and the patent certificate
/// linked to achievement a1; the rest missing.
pub fn data_fixture() -> String {
    let f = zhicheng_core::applicant_file::parse(include_str!("../../../examples/applicant.json"), None)
        .expect("the example parses")
        .file;
    let file = |id: &str, name: &str, kind, size, links| EvidenceFile {
        id: id.into(),
        hash: format!("{id}{}", "0".repeat(48)),
        name: name.into(),
        name_note: None,
        title: crate::names::default_title(name),
        kind,
        size,
        imported_at: "2023-11-18T10:00:00+08:00".into(),
        links,
        masked_from: None,
        name_confirmed: false,
    };
    let files = vec![
        file(
            "3f2a9c0d1e4b5a67",
            "硕士毕业证.jpg",
            crate::FileKind::Jpeg,
            1_234_567,
            vec![Target::Item("education_certificate".into())],
        ),
        file("8b1c2d3e4f506172", "专利证书.pdf", crate::FileKind::Pdf, 345_678, vec![Target::Achievement("a1".into())]),
    ];
    let d = crate::access::EvidenceData {
        checklist: crate::checklist::checklist(&f, &files),
        files,
        settings: Default::default(),
    };
    zhicheng_core::bindings::json_file(&d)
}

#[cfg(test)]
mod tests {
    fn check(path: std::path::PathBuf, expected: String) {
        zhicheng_core::bindings::check_generated(&path, &expected)
    }

    #[test]
    fn evidence_bindings_match_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/evidenceBindings.ts");
        check(path, super::typescript());
    }

    #[test]
    fn the_evidence_fixture_is_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/generated/evidence-example.json");
        check(path, super::data_fixture());
    }
}
