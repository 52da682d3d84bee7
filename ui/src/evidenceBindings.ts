// Generated from the Rust types by `make bindings` (crates/zhicheng-vault/src/bindings.rs). Do not edit.
import type { KindTag } from "./bindings";

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
imported_at: string, links: Array<string>, 
/**
 * A masked copy: the id of the original it stands in for. Composing and the export use it in
 * the original's place; the original stays as it was.
 */
masked_from?: string, 
/**
 * The user confirmed that the applicant's name (and rank) can be seen in the file.
 */
name_confirmed: boolean, };

export type VaultSettings = { image_warn_mb: number, document_warn_mb: number, 
/**
 * Largest size of one item's PDF (MB). Default 5: a common per-file upload limit of online
 * application portals; Chongqing's is unpublished — change it to what the portal says.
 */
item_max_mb: number, 
/**
 * The compression offered first: pixels per inch on the page (150: legible text on A4) …
 */
compress_dpi: number, 
/**
 * … and JPEG quality.
 */
compress_quality: number, 
/**
 * When a recovery file was last written (Beijing time, RFC 3339); until then the page reminds.
 */
recovery_written_at: string | null, };

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

export type Applies = { "code": "all_applicants" } | { "code": "degree_entered" } | { "code": "degree_not_entered" } | { "code": "non_public_archive_elsewhere" } | { "code": "freelancer" } | { "code": "out_of_city_branch" } | { "code": "route_transfer" } | { "code": "route_additional" } | { "code": "after_publicity" } | { "code": "achievement", kind: KindTag, };

export type Subject = { "kind": "item", id: string, } | { "kind": "achievement", number: number, title: string, };

export type EvidenceReminder = "declassify" | "mask_personal_data";

export type ChecklistItem = { 
/**
 * `item:<id>` or `achievement:<id>`: what `--for` and links use.
 */
target: string, subject: Subject, 
/**
 * The Chinese name (as exports and the portal name it).
 */
label: string, clause: string, quote: string, 
/**
 * Why this item applies to the applicant, or the achievement's kind. When `auto_verified`, the
 * portal checks it itself: upload only when that fails.
 */
why: Applies, status: ItemStatus, auto_verified: boolean, stage: Stage, 
/**
 * Ids of the linked files.
 */
files: Array<string>, };

export type Checklist = { items: Array<ChecklistItem>, achievements: Array<ChecklistItem>, 
/**
 * Targets of the items that block submission (missing, needed now), requirement items first.
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
unlinked: Array<string>, reminders: Array<EvidenceReminder>, };

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
 * Targets of the items still blocking submission when exported.
 */
blocking: Array<string>, };

export type Compress = { 
/**
 * Pixels per inch at the picture's size on the page (72–600).
 */
dpi: number, 
/**
 * JPEG quality (30–95).
 */
quality: number, };

export type MaskRect = { x: number, y: number, w: number, h: number, };

export type PageRef = { file: string, page: number, rotate: number, };

export type PageView = { 
/**
 * The file read for it: the masked copy when there is one.
 */
source: string, title: string, kind: FileKind, 
/**
 * Pages in the file.
 */
of: number, masked: boolean, file: string, page: number, rotate: number, };

export type Skipped = { file: string, title: string, reason: string, };

export type NameCheck = { ok: boolean, 
/**
 * The applicant's name is not filled in.
 */
no_name: boolean, 
/**
 * Linked files (ids) with neither.
 */
unconfirmed: Array<string>, };

export type ItemPages = { target: string, 
/**
 * What the item proves, in the vault's language.
 */
label: string, clause: string, pages: Array<PageView>, skipped: Array<Skipped>, compress?: Compress, names: NameCheck, 
/**
 * Whether the page order was set by the user (else: files in link order, every page).
 */
customised: boolean, };

export type ComposeReport = { size: number, pages: number, 
/**
 * The compression used (none: images as they were).
 */
compress?: Compress, budget: number, within_budget: boolean, 
/**
 * The size without compression, when compression was asked for.
 */
uncompressed?: number, 
/**
 * Bytes of PDF pages (copied as they are; compression does not shrink them).
 */
pdf_bytes: number, 
/**
 * Why it cannot fit, when it does not.
 */
problem?: string, skipped: Array<Skipped>, };

export type ItemExport = { n: number, target: string, 
/**
 * What it proves, in the vault's language.
 */
label: string, file_name: string, names: NameCheck, size: number, pages: number, 
/**
 * The compression used (none: images as they were).
 */
compress?: Compress, budget: number, within_budget: boolean, 
/**
 * The size without compression, when compression was asked for.
 */
uncompressed?: number, 
/**
 * Bytes of PDF pages (copied as they are; compression does not shrink them).
 */
pdf_bytes: number, 
/**
 * Why it cannot fit, when it does not.
 */
problem?: string, skipped: Array<Skipped>, };

export type PerItemExport = { dest: string, items: Array<ItemExport>, 
/**
 * Items with files, none of which could be composed.
 */
failed: Array<Skipped>, 
/**
 * Targets of the items still blocking submission when exported.
 */
blocking: Array<string>, };
