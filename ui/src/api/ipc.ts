// Typed wrappers around the app's commands. Payload types come from `../bindings` (generated from Rust).
import { type Channel, invoke } from "@tauri-apps/api/core";
import type {
  Achievement,
  Assessment,
  DeadlineOverview,
  DeadlinePreferences,
  ErrorCode,
  ErrorPayload,
  Finding,
  FoundInstant,
  Loaded,
  NewRoundDates,
  Profile,
  Publicity,
  RulePack,
  Screening,
  WorkspaceInfo,
} from "../bindings";
import type { T } from "../i18n/I18n";
import type {
  ComposeReport,
  Compress,
  EvidenceData,
  EvidenceState,
  ExportReport,
  ImportOutcome,
  ItemPages,
  MaskRect,
  PageRef,
  PerItemExport,
  Progress,
  VaultSettings,
} from "../evidenceBindings";
import type { SheetPreview } from "../sheetBindings";
// The shell's own payloads, generated from src-tauri (an import's source, the per-item export's
// progress, what “打开（打印）” did, the `evidence-drop` event).
import type { DropEvent, ImportSource, ItemProgress, OpenOutcome } from "../shellBindings";

export type { DropEvent, ImportSource, ItemProgress, OpenOutcome };

const CODES: ErrorCode[] = [
  "io",
  "invalid_file",
  "unsupported_version",
  "corrupt_file",
  "invalid_profile",
  "no_backup",
  "already_exists",
  "workspace",
  "fonts",
  "missing_glyph",
  "vault",
  "vault_locked",
  "wrong_passphrase",
  "tampered",
  "cancelled",
  "not_found",
  "busy",
  "internal",
];

/** Any rejection, turned into the `{code, message}` shape the commands send. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e && typeof e === "object" && "code" in e && CODES.includes((e as ErrorPayload).code)) {
    const p = e as Partial<ErrorPayload>;
    return { code: p.code!, message: p.message ?? "", backup: p.backup ?? null, issues: p.issues ?? [] };
  }
  // Tauri sends a plain string when the arguments do not deserialise; treat it as an I/O-level failure.
  return { code: "io", message: typeof e === "string" ? e : String(e), backup: null, issues: [] };
}

/** The message to show, in the user's language. */
export function errorText(t: T, e: ErrorPayload): string {
  const key = `error.${e.code}` as const;
  return CODES.includes(e.code) ? t(key, { message: e.message }) : t("error.unknown", { message: e.message ?? String(e) });
}

async function call<R>(cmd: string, args?: Record<string, unknown>): Promise<R> {
  try {
    return await invoke<R>(cmd, args);
  } catch (e) {
    throw toErrorPayload(e);
  }
}

export const api = {
  workspaceInfo: () => call<WorkspaceInfo>("workspace_info"),
  /** Errors are worded in this language from now on. */
  setLanguage: (lang: "zh" | "en") => call<null>("workspace_set_language", { lang }),
  loadProfile: () => call<Loaded>("profile_load"),
  saveProfile: (profile: Profile) => call<null>("profile_save", { profile }),
  restoreBackup: (name: string) => call<Loaded>("profile_restore_backup", { name }),
  startOver: () => call<Loaded>("profile_start_over"),
  deadlines: () => call<DeadlineOverview>("deadlines_overview"),
  setDeadlinePreferences: (prefs: DeadlinePreferences) => call<DeadlineOverview>("deadlines_set_preferences", { prefs }),
  /** Shows the due reminders as desktop notifications in `lang` and records them. */
  notifyDue: (lang: "zh" | "en") => call<DeadlineOverview>("deadlines_notify", { lang }),
  saveRound: (roundJson: string, activate: boolean) => call<DeadlineOverview>("deadlines_save_round", { roundJson, activate }),
  // The Rust side opens the file dialogs and keeps dropped paths: the page never sends a path; each of
  // these resolves to null when the user cancelled.
  importRound: () => call<DeadlineOverview | null>("deadlines_import_round"),
  removeRound: (id: string) => call<DeadlineOverview>("deadlines_remove_round", { id }),
  roundJson: (id: string) => call<string>("deadlines_round_json", { id }),
  exportIcs: () => call<string | null>("deadlines_export_ics"),
  resetDeadlineSettings: () => call<DeadlineOverview>("deadlines_reset_settings"),
  newRound: (dates: NewRoundDates) => call<DeadlineOverview>("deadlines_new_round", { dates }),
  extractNotice: (text: string) => call<FoundInstant[]>("deadlines_extract_notice", { text }),
  rules: () => call<RulePack>("eligibility_rules"),
  assess: () => call<Assessment>("eligibility_assess"),
  saveScreening: (screening: Screening) => call<Assessment>("eligibility_save_screening", { screening }),
  saveAchievements: (achievements: Achievement[]) => call<Assessment>("eligibility_save_achievements", { achievements }),
  loadPack: (extend: boolean) => call<RulePack | null>("eligibility_load_pack", { extend }),
  resetPack: () => call<RulePack>("eligibility_reset_pack"),
  prereview: () => call<Finding[]>("eligibility_prereview"),
  sheetPreview: () => call<SheetPreview>("sheet_preview"),
  saveSheetPublicity: (publicity: Publicity) => call<SheetPreview>("sheet_save_publicity", { publicity }),
  sheetExport: () => call<string | null>("sheet_export"),
  evidenceStatus: () => call<EvidenceState>("evidence_status"),
  evidenceUnlock: (passphrase: string | null, create: boolean) => call<EvidenceState>("evidence_unlock", { passphrase, create }),
  evidenceRecover: (passphrase: string) => call<EvidenceState | null>("evidence_recover", { passphrase }),
  evidenceWriteRecovery: (passphrase: string) => call<string | null>("evidence_write_recovery", { passphrase }),
  evidenceData: () => call<EvidenceData>("evidence_data"),
  evidenceImport: (source: ImportSource, links: string[], followSymlinks: boolean, onProgress: Channel<Progress>) =>
    call<ImportOutcome | null>("evidence_import", { source, links, followSymlinks, onProgress }),
  evidenceCancelImport: () => call<null>("evidence_cancel_import"),
  evidenceLink: (id: string, target: string, linked: boolean) => call<EvidenceData>("evidence_link", { id, target, linked }),
  evidenceSetTitle: (id: string, title: string) => call<EvidenceData>("evidence_set_title", { id, title }),
  evidenceRemove: (id: string) => call<EvidenceData>("evidence_remove", { id }),
  evidenceSaveSettings: (settings: VaultSettings) => call<EvidenceData>("evidence_save_settings", { settings }),
  evidenceRead: (id: string) => call<ArrayBuffer>("evidence_read", { id }),
  evidenceExport: (zip: boolean) => call<ExportReport | null>("evidence_export", { zip }),
  evidenceItemPages: (target: string) => call<ItemPages>("evidence_item_pages", { target }),
  evidenceSetPages: (target: string, pages: PageRef[], compress: Compress | null) =>
    call<ItemPages>("evidence_set_pages", { target, pages, compress }),
  evidenceResetPages: (target: string) => call<ItemPages>("evidence_reset_pages", { target }),
  evidenceCompose: (target: string, fit: boolean) => call<ComposeReport>("evidence_compose", { target, fit }),
  evidenceComposedPdf: (target: string) => call<ArrayBuffer>("evidence_composed_pdf", { target }),
  evidenceSaveComposed: (target: string, name: string) => call<string | null>("evidence_save_composed", { target, name }),
  /** The page's raster goes as the request body (raw bytes), the rest in headers. */
  evidenceMask: async (id: string, page: number, rects: MaskRect[], raster: Uint8Array | null): Promise<EvidenceData> => {
    try {
      return await invoke<EvidenceData>("evidence_mask", raster ?? new Uint8Array(0), {
        headers: { "x-file": id, "x-page": String(page), "x-rects": JSON.stringify(rects) },
      });
    } catch (e) {
      throw toErrorPayload(e);
    }
  },
  evidenceUnmask: (id: string) => call<EvidenceData>("evidence_unmask", { id }),
  evidenceNameVisible: (id: string, visible: boolean) => call<EvidenceData>("evidence_name_visible", { id, visible }),
  evidenceExportPerItem: (onProgress: Channel<ItemProgress>) =>
    call<PerItemExport | null>("evidence_export_per_item", { onProgress }),
  sheetOpen: () => call<OpenOutcome>("sheet_open"),
  sheetReveal: () => call<null>("sheet_reveal"),
};
