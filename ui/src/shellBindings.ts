// Generated from the Rust types by `make bindings` (src-tauri/src/bindings.rs). Do not edit.

export type DropEvent = { token: string, count: number, };

export type ImportSource = { "from": "pick_files" } | { "from": "pick_folders" } | { "from": "drop", token: string, };

export type ItemProgress = { done: number, total: number, current: string, };

export type OpenOutcome = { path: string, opened: boolean, problem: string | null, };
