// Generated from the Rust types by `make bindings` (crates/zhicheng-vault/src/bindings.rs). Do not edit.

export type FileKind = "pdf" | "jpeg" | "png" | "ofd" | "doc" | "docx" | "xls" | "xlsx" | "zip";

export type KeyPlace = "os_store" | "passphrase";

export type EvidenceFile = { 
/**
 * The first 16 hex digits of the hash: short, stable, what the CLI and the UI use.
 */
id: string, 
/**
 * Keyed BLAKE3 of the content (hex).
 */
hash: string, 
/**
 * The original file name (as shown; see `name_note`).
 */
name: string, name_note: string | null, 
/**
 * What the user calls it; the export names the file after it.
 */
title: string, kind: FileKind, size: number, 
/**
 * Beijing time, RFC 3339.
 */
imported_at: string, links: Array<string>, };

export type VaultSettings = { image_warn_mb: number, document_warn_mb: number, };

export type Progress = { files_done: number, files_total: number, bytes_done: number, bytes_total: number, 
/**
 * The file being read (its name).
 */
current: string, };

export type RefusedFile = { path: string, reason: string, };

export type ImportReport = { 
/**
 * Ids of the files stored.
 */
added: Array<string>, 
/**
 * Files whose content was already in the vault: (name given, id it was linked to).
 */
duplicates: Array<[string, string]>, refused: Array<RefusedFile>, 
/**
 * Hidden and system files met in folders and left out (.DS_Store, Thumbs.db, …).
 */
skipped: number, warnings: Array<string>, };

export type Stage = "submission" | "after_publicity";

export type ItemStatus = "provided" | "missing" | "auto_verified" | "later";

export type ChecklistItem = { 
/**
 * `item:<id>` or `achievement:<id>`: what `--for` and links use.
 */
target: string, label: string, clause: string, quote: string, 
/**
 * Why this item applies to the applicant, or the achievement's kind.
 */
why: string, status: ItemStatus, auto_verified: boolean, stage: Stage, 
/**
 * Ids of the linked files.
 */
files: Array<string>, };

export type Checklist = { items: Array<ChecklistItem>, achievements: Array<ChecklistItem>, 
/**
 * Items that block submission (missing, needed now), requirement items first.
 */
blocking: Array<string>, 
/**
 * Needed-now items with a file, out of all needed now (auto-verified ones not counted).
 */
done: number, required: number, 
/**
 * Everything needed for the applicant's own submission has a file — never true when nothing is
 * needed yet (an empty profile): then there is nothing to be complete about.
 */
complete: boolean, 
/**
 * Nothing is needed yet: fill in 基本情况 and 业绩成果 first.
 */
nothing_to_check: boolean, 
/**
 * Files linked to nothing.
 */
unlinked: Array<string>, reminders: Array<string>, };

export type VaultStatus = { exists: boolean, 
/**
 * Where its key is (when it exists).
 */
key_place: KeyPlace | null, 
/**
 * Whether the OS key store passed the write/read/delete probe, and why not.
 */
os_store_ok: boolean, os_store_problem: string | null, };

export type EvidenceState = { status: VaultStatus, unlocked: boolean, };

export type EvidenceData = { files: Array<EvidenceFile>, checklist: Checklist, settings: VaultSettings, };

export type ImportOutcome = { report: ImportReport, data: EvidenceData, };

export type ExportRow = { n: number, file_name: string, category: string, 
/**
 * What the file proves (item or achievement labels, with clauses).
 */
proves: string, original_name: string, size: number, 
/**
 * Plain BLAKE3 of the exported bytes (hex).
 */
blake3: string, };

export type ExportReport = { dest: string, rows: Array<ExportRow>, 
/**
 * Items still blocking submission when exported.
 */
blocking: Array<string>, };
