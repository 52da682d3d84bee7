//! The sheet's fonts: read once per process from the fonts folder (bundled with the app, filled by
//! `scripts/fonts.sh` in a checkout), measured with `ttf-parser`, cut down to each sheet's characters and embedded by printpdf.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::error::SheetError;

/// A face of the sheet, by role. The order is the fallback order for body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Noto Serif CJK SC (宋体-like): body text.
    Serif,
    /// Noto Sans CJK SC Bold (黑体-like): the title and column heads.
    SansBold,
    /// HanaMin B: rare characters (CJK Ext. B–F) the two others lack.
    Fallback,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Serif, Face::SansBold, Face::Fallback];

    /// The files that hold this face, each with the face's index inside it: first the cut the Windows and
    /// macOS bundles carry (one face, Simplified Chinese characters only: `scripts/fonts.sh`), then the
    /// collection the Linux distributions install (Noto CJK collections: face 2 = SC). A character
    /// draws the same from either (the golden test compares).
    pub fn files(self) -> &'static [(&'static str, u32)] {
        const SERIF: [(&str, u32); 2] = [(BUNDLED[0], 0), ("NotoSerifCJK-Regular.ttc", 2)];
        const SANS: [(&str, u32); 2] = [(BUNDLED[1], 0), ("NotoSansCJK-Bold.ttc", 2)];
        const FALLBACK: [(&str, u32); 1] = [(BUNDLED[2], 0)];
        match self {
            Face::Serif => &SERIF,
            Face::SansBold => &SANS,
            Face::Fallback => &FALLBACK,
        }
    }

    /// The file a bundle carries (the first of [`Self::files`]; face 0).
    pub fn bundled_file(self) -> &'static str {
        let [serif, sans, fallback] = BUNDLED;
        match self {
            Face::Serif => serif,
            Face::SansBold => sans,
            Face::Fallback => fallback,
        }
    }

    /// The PDF resource id: its first six letters become the subset tag, so it is fixed for
    /// byte-identical output.
    pub fn pdf_id(self) -> &'static str {
        match self {
            Face::Serif => "ZHSERF",
            Face::SansBold => "ZHSANS",
            Face::Fallback => "ZHFALL",
        }
    }

    /// The CSS family the preview asks the webview for.
    pub fn css_family(self) -> &'static str {
        match self {
            Face::Serif => "'Noto Serif CJK SC', 'Noto Serif SC', 'Songti SC', SimSun, serif",
            Face::SansBold => "'Noto Sans CJK SC', 'Noto Sans SC', 'Heiti SC', SimHei, sans-serif",
            Face::Fallback => "HanaMinB, 'Noto Serif CJK SC', serif",
        }
    }
}

/// The files the Windows and macOS bundles carry, by face (one face each).
const BUNDLED: [&str; 3] = ["NotoSerifSC-Regular.otf", "NotoSansSC-Bold.otf", "HanaMinB.ttf"];

/// One loaded face.
pub struct LoadedFace {
    /// The file it was read from (the bundled cut or a distribution's collection), for messages.
    pub file: String,
    pub bytes: &'static [u8],
    pub index: u32,
    pub face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl LoadedFace {
    pub fn has(&self, ch: char) -> bool {
        self.face.glyph_index(ch).is_some()
    }

    /// Advance width in em, `None` when the face has no glyph.
    pub fn advance_em(&self, ch: char) -> Option<f32> {
        let gid = self.face.glyph_index(ch)?;
        Some(self.face.glyph_hor_advance(gid).unwrap_or(0) as f32 / self.units_per_em)
    }

    /// The face cut down to `chars` (plus .notdef), parsed for printpdf, which embeds it as it is.
    ///
    /// Why not hand printpdf the whole face: its subsetter (allsorts) walks every mapping of the
    /// face's cmap — some 65,000 for a CJK face — and tests each against the list of used glyphs, and
    /// printpdf's own parse of a 20 MB CJK face takes a quarter of a second. Here the subsetter is
    /// shown a cmap of only the characters on the sheet, so it does the same cut in a fraction of the
    /// time, and the glyph of each character is the one the face's own cmap gives (what `ttf-parser`
    /// measured for the layout).
    pub fn pdf_subset(&self, chars: &BTreeSet<char>) -> Result<printpdf::ParsedFont, String> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        let mapped: Vec<(char, u16)> =
            chars.iter().filter_map(|c| self.face.glyph_index(*c).map(|g| (*c, g.0))).collect();
        let mut gids: Vec<u16> = mapped.iter().map(|(_, g)| *g).filter(|g| *g != 0).collect();
        gids.sort_unstable();
        gids.dedup();
        gids.insert(0, 0);
        let data = ReadScope::new(self.bytes).read::<FontData<'_>>().map_err(|e| e.to_string())?;
        let inner = data.table_provider(self.index as usize).map_err(|e| e.to_string())?;
        let provider = SmallCmap { inner, cmap: cmap_format12(&mapped) };
        let bytes = allsorts::subset::subset(
            &provider,
            &gids,
            &allsorts::subset::SubsetProfile::Pdf,
            allsorts::subset::CmapTarget::Unicode,
        )
        .map_err(|e| e.to_string())?;
        printpdf::ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| "子集字体无法解析".to_string())
    }
}

/// A font's tables, with its cmap replaced by a small one.
struct SmallCmap<P> {
    inner: P,
    cmap: Vec<u8>,
}

impl<P: allsorts::tables::FontTableProvider> allsorts::tables::FontTableProvider for SmallCmap<P> {
    fn table_data(&self, tag: u32) -> Result<Option<Cow<'_, [u8]>>, allsorts::error::ParseError> {
        if tag == allsorts::tag::CMAP {
            return Ok(Some(Cow::Borrowed(&self.cmap)));
        }
        self.inner.table_data(tag)
    }

    fn has_table(&self, tag: u32) -> bool {
        tag == allsorts::tag::CMAP || self.inner.has_table(tag)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        self.inner.table_tags()
    }
}

/// A cmap table with one Windows UCS-4 (3, 10) subtable of format 12, one group per character.
fn cmap_format12(mapped: &[(char, u16)]) -> Vec<u8> {
    let mut groups: Vec<(u32, u32)> = mapped.iter().map(|(c, g)| (*c as u32, u32::from(*g))).collect();
    groups.sort_unstable();
    groups.dedup_by_key(|(c, _)| *c);
    let mut out = Vec::with_capacity(28 + 12 * groups.len());
    let put16 = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_be_bytes());
    put16(&mut out, 0); // version
    put16(&mut out, 1); // one subtable
    put16(&mut out, 3); // Windows
    put16(&mut out, 10); // UCS-4
    out.extend_from_slice(&12u32.to_be_bytes()); // its offset
    put16(&mut out, 12); // format
    put16(&mut out, 0);
    for v in [16 + 12 * groups.len() as u32, 0, groups.len() as u32] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    for (c, g) in groups {
        for v in [c, c, g] {
            out.extend_from_slice(&v.to_be_bytes());
        }
    }
    out
}

/// The three faces.
pub struct Fonts {
    pub dir: PathBuf,
    faces: [LoadedFace; 3],
}

impl Fonts {
    pub fn face(&self, f: Face) -> &LoadedFace {
        let [serif, sans, fallback] = &self.faces;
        match f {
            Face::Serif => serif,
            Face::SansBold => sans,
            Face::Fallback => fallback,
        }
    }

    /// The face that draws `ch` for text set in `preferred`: the preferred face, the body face, then
    /// the fallback. `None` when no face has the character.
    pub fn face_for(&self, preferred: Face, ch: char) -> Option<Face> {
        [preferred, Face::Serif, Face::Fallback].into_iter().find(|f| self.face(*f).has(ch))
    }

    /// Loads the fonts of `dir` and only of `dir` (a folder the user named: `--fonts`), once per process
    /// and folder (the parsed fonts live as long as the process: a few tens of MB every sheet needs).
    pub fn load(dir: &Path) -> Result<&'static Fonts, SheetError> {
        Self::load_from(dir, false)
    }

    /// Like [`Self::load`], but a face missing in `dir` is read from the system's font folders (Linux:
    /// the packages carry no fonts). For the default folder, not for one the user named.
    pub fn load_with_system(dir: &Path) -> Result<&'static Fonts, SheetError> {
        Self::load_from(dir, true)
    }

    /// The fonts when nobody names a folder: [`default_dir`], then the system's.
    pub fn load_default() -> Result<&'static Fonts, SheetError> {
        Self::load_with_system(&default_dir())
    }

    fn load_from(dir: &Path, system: bool) -> Result<&'static Fonts, SheetError> {
        type Cache = HashMap<(PathBuf, bool), &'static Fonts>;
        static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
        let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
        let key = (dir.to_path_buf(), system);
        if let Some(f) = cache.get(&key) {
            return Ok(f);
        }
        let load_one = |f: Face| -> Result<LoadedFace, SheetError> {
            let (path, index) = locate(dir, f, system);
            let bytes: &'static [u8] = std::fs::read(&path)
                .map_err(|e| SheetError::FontUnreadable {
                    path: path.clone(),
                    source: e,
                    system_dirs: if system && cfg!(target_os = "linux") {
                        f.system_dirs().iter().map(|d| d.to_string()).collect()
                    } else {
                        vec![]
                    },
                })?
                .leak();
            let face = ttf_parser::Face::parse(bytes, index)
                .map_err(|e| SheetError::FontInvalid { path: path.clone(), detail: e.to_string() })?;
            let units_per_em = face.units_per_em() as f32;
            let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Ok(LoadedFace { file, bytes, index, face, units_per_em })
        };
        let fonts: &'static Fonts = Box::leak(Box::new(Fonts {
            dir: dir.to_path_buf(),
            faces: [load_one(Face::Serif)?, load_one(Face::SansBold)?, load_one(Face::Fallback)?],
        }));
        cache.insert(key, fonts);
        Ok(fonts)
    }
}

impl Face {
    /// Where Linux distributions install this face's file (Debian/Ubuntu, Fedora, Arch): the Linux
    /// packages carry no fonts and depend on these packages instead.
    pub fn system_dirs(self) -> &'static [&'static str] {
        match self {
            Face::Serif => &[
                "/usr/share/fonts/opentype/noto",
                "/usr/share/fonts/google-noto-serif-cjk-fonts",
                "/usr/share/fonts/google-noto-cjk",
                "/usr/share/fonts/noto-cjk",
            ],
            Face::SansBold => &[
                "/usr/share/fonts/opentype/noto",
                "/usr/share/fonts/google-noto-sans-cjk-fonts",
                "/usr/share/fonts/google-noto-cjk",
                "/usr/share/fonts/noto-cjk",
            ],
            Face::Fallback => {
                &["/usr/share/fonts/truetype/hanazono", "/usr/share/fonts/hanazono", "/usr/share/fonts/TTF"]
            }
        }
    }
}

/// The file of face `f` and the face's index in it: in `dir` when it is there (bundled, a checkout's
/// `fonts/`, `--fonts`), else (`system`, Linux) in the first system font folder that has one of its files;
/// the bundled file's path in `dir` (for the error) when none has it.
pub fn locate(dir: &Path, f: Face, system: bool) -> (PathBuf, u32) {
    let in_dir = |d: &Path| f.files().iter().map(|(file, i)| (d.join(file), *i)).find(|(p, _)| p.is_file());
    let found = in_dir(dir).or_else(|| {
        (system && cfg!(target_os = "linux"))
            .then(|| f.system_dirs().iter().find_map(|d| in_dir(Path::new(d))))
            .flatten()
    });
    found.unwrap_or_else(|| (dir.join(f.bundled_file()), 0))
}

/// Where the fonts are when nobody says: `$ZHICHENG_FONTS`, `fonts/` beside the executable (or in
/// `../Resources/fonts` of a macOS bundle, `../share/zhicheng/fonts`, `../lib/zhicheng-app/fonts`), then
/// the `fonts/` folder of the source checkout this binary was built from. On Linux a face missing
/// there is read from the system's font folders ([`locate`]).
pub fn default_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("ZHICHENG_FONTS") {
        return PathBuf::from(d);
    }
    let probe = |d: PathBuf| Face::Serif.files().iter().any(|(file, _)| d.join(file).is_file()).then_some(d);
    if let Ok(exe) = std::env::current_exe()
        && let Some(bin) = exe.parent()
    {
        // Windows: resources beside the exe; macOS: Contents/Resources of the .app; Linux layouts.
        for d in [
            bin.join("fonts"),
            bin.join("../Resources/fonts"),
            bin.join("../share/zhicheng/fonts"),
            bin.join("../lib/zhicheng-app/fonts"),
        ] {
            if let Some(d) = probe(d) {
                return d;
            }
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fonts")
}
