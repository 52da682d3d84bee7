//! Paths come only from here: a native dialog the Rust side opens, or a drop the Rust side received.
//! The webview never sends a path; for a drop it gets an opaque token, which names the paths kept
//! here.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use zhicheng_core::IoAction;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// The title of a dialog, worded in the interface's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    ExportSheet,
    LoadRulePack,
    ImportEvidence,
    ImportEvidenceFolders,
    ExportEvidence,
    ExportToFolder,
    WriteRecovery,
    ChooseRecovery,
    SaveComposed,
    ExportPerItem,
    ImportRound,
    ExportCalendar,
}

impl Title {
    pub fn words(self, lang: zhicheng_core::Lang) -> String {
        use Title::*;
        let (zh, en) = match self {
            ExportSheet => ("导出公示表", "Export the publicity sheet"),
            LoadRulePack => ("载入规则包", "Load a rule pack"),
            ImportEvidence => ("导入佐证材料", "Import evidence"),
            ImportEvidenceFolders => ("导入佐证材料文件夹", "Import folders of evidence"),
            ExportEvidence => ("导出佐证材料", "Export the evidence"),
            ExportToFolder => ("导出到文件夹", "Export to a folder"),
            WriteRecovery => ("写出恢复文件", "Write the recovery file"),
            ChooseRecovery => ("选择恢复文件", "Choose the recovery file"),
            SaveComposed => ("保存合成的 PDF", "Save the composed PDF"),
            ExportPerItem => ("导出到文件夹（每项一个 PDF）", "Export to a folder (one PDF per item)"),
            ImportRound => ("导入轮次", "Import a round"),
            ExportCalendar => ("导出日历", "Export the calendar"),
        };
        match lang {
            zhicheng_core::Lang::Zh => zh.into(),
            zhicheng_core::Lang::En => en.into(),
        }
    }
}

/// What a command asks the user to choose.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    /// One existing file, of these extensions.
    OpenFile { title: String, filter: (&'static str, &'static [&'static str]) },
    /// Several existing files.
    OpenFiles { title: String },
    /// Several folders.
    OpenFolders { title: String },
    /// One folder.
    OpenFolder { title: String },
    /// A file to write (the dialog asks before replacing one).
    SaveFile { title: String, name: String, filter: (&'static str, &'static [&'static str]) },
}

/// Asks the user; `None` when they cancelled. Blocking: call off the main thread.
pub trait Picker: Send + Sync {
    fn pick(&self, what: &Pick) -> Option<Vec<PathBuf>>;

    /// The one path of an open-file, open-folder or save dialog; `None` when cancelled.
    fn pick_one(&self, what: &Pick) -> Option<PathBuf> {
        self.pick(what).and_then(|p| p.into_iter().next())
    }
}

/// Asks for one file in the open dialog and reads it as text; `None` when the user cancelled.
pub fn read_picked(picker: &dyn Picker, what: &Pick) -> Result<Option<(PathBuf, String)>, zhicheng_core::CoreError> {
    let Some(path) = picker.pick_one(what) else { return Ok(None) };
    let text = std::fs::read_to_string(&path).map_err(|source| zhicheng_core::CoreError::Io {
        action: IoAction::Read,
        path: path.clone(),
        source,
    })?;
    Ok(Some((path, text)))
}

/// The real one: the OS's file dialogs through tauri-plugin-dialog's Rust API.
pub struct DialogPicker<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> Picker for DialogPicker<R> {
    fn pick(&self, what: &Pick) -> Option<Vec<PathBuf>> {
        let d = self.0.dialog().file();
        let one = |p: Option<tauri_plugin_dialog::FilePath>| p.and_then(|p| p.into_path().ok()).map(|p| vec![p]);
        let many = |v: Option<Vec<tauri_plugin_dialog::FilePath>>| {
            v.map(|v| v.into_iter().filter_map(|p| p.into_path().ok()).collect::<Vec<_>>())
        };
        match what {
            Pick::OpenFile { title, filter } => {
                one(d.set_title(title).add_filter(filter.0, filter.1).blocking_pick_file())
            }
            Pick::OpenFiles { title } => many(d.set_title(title).blocking_pick_files()),
            Pick::OpenFolders { title } => many(d.set_title(title).blocking_pick_folders()),
            Pick::OpenFolder { title } => one(d.set_title(title).blocking_pick_folder()),
            Pick::SaveFile { title, name, filter } => {
                one(d.set_title(title).set_file_name(name).add_filter(filter.0, filter.1).blocking_save_file())
            }
        }
    }
}

/// Tests: answers given in advance, in order; the questions are kept to check them.
#[derive(Default)]
pub struct ScriptedPicker {
    answers: Mutex<VecDeque<Option<Vec<PathBuf>>>>,
    pub asked: Mutex<Vec<Pick>>,
}

impl ScriptedPicker {
    pub fn answer(&self, a: Option<Vec<PathBuf>>) {
        self.answers.lock().unwrap_or_else(|p| p.into_inner()).push_back(a);
    }
}

impl Picker for ScriptedPicker {
    fn pick(&self, what: &Pick) -> Option<Vec<PathBuf>> {
        self.asked.lock().unwrap_or_else(|p| p.into_inner()).push(what.clone());
        self.answers.lock().unwrap_or_else(|p| p.into_inner()).pop_front().flatten()
    }
}

/// No dialog at all (before the app is set up): every question is cancelled.
pub struct NoPicker;

impl Picker for NoPicker {
    fn pick(&self, _: &Pick) -> Option<Vec<PathBuf>> {
        None
    }
}

/// Paths of the last drops on the window, by token.
#[derive(Default)]
pub struct Drops {
    next: u64,
    kept: VecDeque<(String, Vec<PathBuf>)>,
}

/// Drops kept at once (older tokens expire).
const KEEP_DROPS: usize = 8;

impl Drops {
    pub fn add(&mut self, paths: Vec<PathBuf>) -> String {
        self.next += 1;
        let token = format!("drop-{}", self.next);
        self.kept.push_back((token.clone(), paths));
        while self.kept.len() > KEEP_DROPS {
            self.kept.pop_front();
        }
        token
    }

    /// The paths of a drop, once: a token is spent when used.
    pub fn take(&mut self, token: &str) -> Option<Vec<PathBuf>> {
        let i = self.kept.iter().position(|(t, _)| t == token)?;
        self.kept.remove(i).map(|(_, p)| p)
    }
}
