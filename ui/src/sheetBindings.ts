// Generated from the Rust types by `make bindings` (crates/zhicheng-sheet/src/bindings.rs). Do not edit.
import type { PublicityPeriod, TitleLevel } from "./bindings";

export type Section = "profile" | "screening" | "publicity" | "round";

export type MissingField = { 
/**
 * The sheet's field (`employer`).
 */
field: string, label: string, section: Section, 
/**
 * The field to focus in that section (`employer`, `publicity.start`).
 */
target: string, };

export type SheetPreview = { 
/**
 * One SVG document per page, laid out exactly as the PDF.
 */
pages: Array<string>, 
/**
 * Fields still empty, with where to fill them.
 */
missing: Array<MissingField>, period: PublicityPeriod, 
/**
 * The level printed (chosen, or the highest the assessment finds eligible).
 */
level: TitleLevel | null, 
/**
 * Characters drawn with the fallback font (rare characters).
 */
fallback_chars: Array<string>, 
/**
 * A file name to suggest when saving.
 */
file_name: string, 
/**
 * The template in use: "built-in" or the file it was read from.
 */
template: string, };
