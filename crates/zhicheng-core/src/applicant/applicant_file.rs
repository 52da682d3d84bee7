//! The applicant file: one JSON document per applicant, versioned, documented in `docs/applicant-file.md`.
//!
//! ```json
//! { "format": "zhicheng/applicant", "version": 1, "profile": { "name": "李明", ... } }
//! ```
//!
//! Parsing goes: JSON syntax → version → migrations to [`CURRENT_VERSION`] → typed model, and every
//! failure names where it happened (`第3行第14列`, `profile.birth_month`).

use crate::error::{Detail, Location, Rule};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::eligibility::{Achievement, Screening};
use crate::error::{CoreError, Result};
use crate::profile::Profile;
use crate::publicity::Publicity;

pub const FORMAT: &str = "zhicheng/applicant";
pub const CURRENT_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicantFile {
    /// Always `"zhicheng/applicant"`.
    pub format: String,
    /// The schema version this file follows.
    pub version: u32,
    pub profile: Profile,
    /// 申报资格: route and the exclusion answers (version 2).
    #[serde(default)]
    pub screening: Screening,
    /// 业绩成果 (version 2).
    #[serde(default)]
    pub achievements: Vec<Achievement>,
    /// 公示: level, period, place and contacts for the publicity sheet (version 3).
    #[serde(default)]
    pub publicity: Publicity,
}

impl Default for ApplicantFile {
    fn default() -> Self {
        Self {
            format: FORMAT.to_string(),
            version: CURRENT_VERSION,
            profile: Profile::default(),
            screening: Screening::default(),
            achievements: vec![],
            publicity: Publicity::default(),
        }
    }
}

impl ApplicantFile {
    pub fn new(profile: Profile) -> Self {
        Self { profile, ..Self::default() }
    }

    /// Pretty JSON with a trailing newline, as written to disk.
    pub fn to_json(&self) -> String {
        #[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
        let mut s = serde_json::to_string_pretty(self).expect("the model always serialises");
        s.push('\n');
        s
    }
}

/// A parsed file and the version it was written in (older versions were migrated).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub file: ApplicantFile,
    pub source_version: u32,
}

/// Parses an applicant file of any known version. `path` only decorates errors.
pub fn parse(text: &str, path: Option<&Path>) -> Result<Parsed> {
    let at = |location: Location, detail: Detail| CoreError::InvalidFile {
        path: path.map(Path::to_path_buf),
        location,
        detail,
    };
    let invalid = |location: String, detail: Rule| at(location.into(), detail.into());
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(at(
            Location::WholeFile,
            Rule::FileTooLarge { mb: text.len() / 1_048_576, max_mb: MAX_FILE_BYTES / 1_048_576 }.into(),
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let detail = match e.classify() {
            serde_json::error::Category::Eof => Detail::Serde("EOF while parsing a value".into()),
            _ => Detail::NotJson(e.to_string()),
        };
        at(Location::Text { line: e.line(), column: char_column(text, e.line(), e.column()) }, detail)
    })?;
    let Value::Object(mut obj) = value else {
        return Err(at(Location::Root, Rule::NotAnObject.into()));
    };
    // Last-wins on a repeated key would silently drop what the user wrote first.
    if let Some(at) = duplicate_key(text) {
        return Err(invalid(at, Rule::DuplicateKey));
    }
    if let Some((at, detail)) = check_strings(&Value::Object(obj.clone()), String::new()) {
        return Err(invalid(at, detail));
    }
    let source_version = match obj.get("version") {
        None if !obj.contains_key("format") => 0,
        None => return Err(invalid("version".into(), Rule::VersionMissing)),
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| invalid("version".into(), Rule::VersionNotInteger { found: v.to_string() }))?,
    };
    if source_version > CURRENT_VERSION {
        return Err(CoreError::UnsupportedVersion { found: source_version, supported: CURRENT_VERSION });
    }
    if source_version >= 1 {
        match obj.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            other => {
                return Err(invalid(
                    "format".into(),
                    Rule::FormatFound { expected: FORMAT.into(), found: other.map(Value::to_string) },
                ));
            }
        }
    }
    let mut version = source_version;
    while version < CURRENT_VERSION {
        let migrate = MIGRATIONS
            .get(version as usize)
            .ok_or_else(|| invalid("version".into(), Rule::UnknownVersion { version }))?;
        obj = migrate(obj).map_err(|(loc, detail)| invalid(loc, *detail))?;
        version += 1;
    }
    // Sections are objects and the achievements a list: serde would take `"profile": []` for an empty
    // profile and lose what the workspace had.
    for (key, want_list) in [("profile", false), ("screening", false), ("publicity", false), ("achievements", true)] {
        match obj.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(a)) if want_list => {
                if a.len() > MAX_ACHIEVEMENTS {
                    return Err(invalid(
                        key.into(),
                        Rule::TooManyAchievements { max: MAX_ACHIEVEMENTS, found: a.len() },
                    ));
                }
                if let Some(i) = a.iter().position(|x| !x.is_object()) {
                    return Err(invalid(format!("{key}[{i}]"), Rule::AchievementNotObject));
                }
                // serde would take a number for the n-th kind.
                if let Some(i) = a.iter().position(|x| x.get("kind").is_some_and(|k| !k.is_string())) {
                    return Err(invalid(format!("{key}[{i}].kind"), Rule::KindNotName));
                }
            }
            Some(Value::Object(_)) if !want_list => {}
            Some(_) => {
                return Err(invalid(key.into(), if want_list { Rule::NotAList } else { Rule::NotAnObject }));
            }
        }
    }
    let achievements = obj.get("achievements").cloned();
    let mut file: ApplicantFile = serde_path_to_error::deserialize(Value::Object(obj)).map_err(|e| {
        let mut location = e.path().to_string();
        let msg = e.into_inner().to_string();
        // An achievement's fields sit beside its `kind` (a flattened enum), and serde then reports
        // only the achievement: find the field the message is about.
        if let Some(key) = achievement_field(achievements.as_ref(), &location, &msg) {
            location = format!("{location}.{key}");
        }
        at(location.into(), Detail::Serde(msg))
    })?;
    if let Some((location, detail)) = check_achievements(&file.achievements) {
        return Err(invalid(location, detail));
    }
    file.version = CURRENT_VERSION;
    Ok(Parsed { file, source_version })
}

/// For an error at `achievements[i]`, the one key of that achievement the serde message points at:
/// the unknown field it names, or the field holding the value it quotes. `None` when not exactly one.
fn achievement_field(list: Option<&Value>, location: &str, msg: &str) -> Option<String> {
    let i: usize = location.strip_prefix("achievements[")?.strip_suffix(']')?.parse().ok()?;
    let obj = list?.get(i)?.as_object()?;
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        return quoted(rest);
    }
    if msg.starts_with("missing field ") {
        return quoted(msg);
    }
    let wanted: Option<Value> = if let Some(rest) = msg.strip_prefix("unknown variant ") {
        quoted(rest).map(Value::String)
    } else if let Some(rest) = msg.strip_prefix("invalid type: ").or_else(|| msg.strip_prefix("invalid value: ")) {
        let found = rest.split(", expected ").next().unwrap_or(rest);
        if let Some(s) = found.strip_prefix("string ") {
            serde_json::from_str::<String>(s).ok().map(Value::String)
        } else if let Some(n) = ["integer ", "floating point "].iter().find_map(|p| found.strip_prefix(p)) {
            serde_json::from_str::<Value>(n.trim_matches('`')).ok()
        } else if let Some(b) = found.strip_prefix("boolean ") {
            serde_json::from_str::<Value>(b.trim_matches('`')).ok()
        } else {
            match found {
                "sequence" => Some(Value::Array(vec![])),
                "map" => Some(Value::Object(Map::new())),
                "null" => Some(Value::Null),
                _ => None,
            }
        }
    } else {
        None
    };
    let wanted = wanted?;
    let same = |v: &Value| match (v, &wanted) {
        (Value::Array(_), Value::Array(_)) | (Value::Object(_), Value::Object(_)) => true,
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (a, b) => a == b,
    };
    let hits: Vec<&String> =
        obj.iter().filter(|(k, v)| *k != "id" && *k != "title" && same(v)).map(|(k, _)| k).collect();
    if hits.len() <= 1 {
        return hits.first().map(|k| (*k).clone());
    }
    // Several fields hold that value: the culprit is the one without which the message goes away.
    let culprits: Vec<&String> = hits
        .into_iter()
        .filter(|k| {
            let mut o = obj.clone();
            o.remove(k.as_str());
            serde_json::from_value::<Achievement>(Value::Object(o)).err().is_none_or(|e| e.to_string() != msg)
        })
        .collect();
    match culprits.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// What import also checks before a file is used (the CLI's `assess FILE`, `sheet FILE`, batches, and
/// `profile import`): the profile's values (an ID number whose check character is wrong, a month in
/// the future, graduation before birth…) and no achievement dated after `now`.
pub fn check_for_use(file: &ApplicantFile, now: crate::YearMonth) -> Result<()> {
    let invalid: Vec<_> =
        file.profile.validate(now).into_iter().filter(|i| i.kind == crate::profile::IssueKind::Invalid).collect();
    if !invalid.is_empty() {
        return Err(CoreError::InvalidProfile { issues: invalid });
    }
    if let Some((location, detail)) = future_achievement(&file.achievements, now) {
        return Err(CoreError::InvalidFile { path: None, location: location.into(), detail: detail.into() });
    }
    Ok(())
}

/// The first achievement dated after `now`, with its place and why.
pub fn future_achievement(list: &[Achievement], now: crate::YearMonth) -> Option<(String, Rule)> {
    list.iter().enumerate().find_map(|(i, a)| {
        let m = a.month.filter(|m| *m > now)?;
        Some((
            format!("achievements[{i}].month"),
            Rule::FutureMonth { title: a.title.clone(), month: m.to_string(), now: now.to_string() },
        ))
    })
}

/// The largest applicant file read (a real one is a few KB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The most achievements one file holds.
pub const MAX_ACHIEVEMENTS: usize = 500;
/// The longest text of any one field, in characters (a title, a name, an employer).
pub const MAX_TEXT_CHARS: usize = 1000;
/// The highest personal rank accepted (no clause counts past 前5; a larger number is a typo).
pub const MAX_RANK: u32 = 100;
/// The largest amount in 万元 or 万字 (1 万亿元): a larger number is a typo (元 entered as 万元).
pub const MAX_AMOUNT_WAN: f64 = 100_000_000.0;

/// A character that must not be in a text field: controls (other than tab and line breaks) and
/// the bidirectional overrides and isolates, which make a name display differently from what it is.
fn forbidden_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// The first string anywhere in `v` that is too long or holds a forbidden character, with its place.
fn check_strings(v: &Value, at: String) -> Option<(String, Rule)> {
    match v {
        Value::String(s) => {
            if let Some(c) = s.chars().find(|c| forbidden_char(*c)) {
                return Some((at, Rule::ControlChar { code_point: c as u32 }));
            }
            let n = s.chars().count();
            (n > MAX_TEXT_CHARS).then_some((at, Rule::TextTooLong { max: MAX_TEXT_CHARS, found: n }))
        }
        Value::Array(a) => a.iter().enumerate().find_map(|(i, x)| check_strings(x, format!("{at}[{i}]"))),
        Value::Object(o) => {
            o.iter().find_map(|(k, x)| check_strings(x, if at.is_empty() { k.clone() } else { format!("{at}.{k}") }))
        }
        _ => None,
    }
}

/// The place of the first key that appears twice in one object of `text` (valid JSON), if any.
fn duplicate_key(text: &str) -> Option<String> {
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    struct Walk<'a> {
        at: String,
        found: &'a std::cell::RefCell<Option<String>>,
    }
    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
            let mut i = 0;
            while seq.next_element_seed(Walk { at: format!("{}[{i}]", self.at), found: self.found })?.is_some() {
                i += 1;
            }
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
            let mut seen = std::collections::HashSet::new();
            while let Some(k) = map.next_key::<String>()? {
                let at = if self.at.is_empty() { k.clone() } else { format!("{}.{k}", self.at) };
                if !seen.insert(k) && self.found.borrow().is_none() {
                    *self.found.borrow_mut() = Some(at.clone());
                }
                map.next_value_seed(Walk { at, found: self.found })?;
            }
            Ok(())
        }
    }
    let found = std::cell::RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    Walk { at: String::new(), found: &found }.deserialize(&mut de).ok()?;
    found.into_inner()
}

/// Checks what the types cannot: unique ids, titles, ranks from 1, amounts that are numbers ≥ 0,
/// and the bounds above. Linear in the number of achievements.
pub fn check_achievements(list: &[Achievement]) -> Option<(String, Rule)> {
    use crate::eligibility::AchievementKind as K;
    if list.len() > MAX_ACHIEVEMENTS {
        return Some(("achievements".into(), Rule::TooManyAchievements { max: MAX_ACHIEVEMENTS, found: list.len() }));
    }
    let mut ids = std::collections::HashSet::new();
    for (i, a) in list.iter().enumerate() {
        let at = |f: &str| format!("achievements[{i}].{f}");
        if a.id.trim().is_empty() {
            return Some((at("id"), Rule::EmptyId));
        }
        if !ids.insert(a.id.as_str()) {
            return Some((at("id"), Rule::DuplicateId { id: a.id.clone() }));
        }
        if a.title.trim().is_empty() {
            return Some((at("title"), Rule::EmptyTitle));
        }
        let rank = match &a.kind {
            K::EngineeringProject { rank, .. }
            | K::NewTechProject { rank, .. }
            | K::ProductRevenue { rank, .. }
            | K::InventionPatent { rank, .. }
            | K::Standard { rank, .. }
            | K::ResearchReport { rank, .. }
            | K::WhitePaper { rank, .. }
            | K::EquipmentService { rank, .. } => *rank,
            _ => None,
        };
        if rank == Some(0) {
            return Some((at("rank"), Rule::RankFromOne));
        }
        if let Some(r) = rank.filter(|r| *r > MAX_RANK) {
            return Some((at("rank"), Rule::PersonalRankRange { max: MAX_RANK, found: r }));
        }
        let amounts: Vec<(&str, Option<f64>)> = match &a.kind {
            K::EngineeringProject { investment_wan, .. } => vec![("investment_wan", *investment_wan)],
            K::ProductRevenue { revenue_wan, .. } => vec![("revenue_wan", *revenue_wan)],
            K::Book { own_words_wan, .. } | K::TrainingMaterial { own_words_wan, .. } => {
                vec![("own_words_wan", *own_words_wan)]
            }
            _ => vec![],
        };
        for (name, v) in amounts {
            if let Some(x) = v
                && (!x.is_finite() || x < 0.0)
            {
                return Some((at(name), Rule::NegativeAmount { found: x }));
            }
            if let Some(x) = v.filter(|x| *x > MAX_AMOUNT_WAN) {
                return Some((at(name), Rule::AmountTooLarge { max: MAX_AMOUNT_WAN, found: x }));
            }
        }
    }
    None
}

/// serde_json counts columns in bytes; people count characters (李 is one column, not three).
fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else {
        return byte_col;
    };
    let mut end = byte_col.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count() + 1
}

type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, (String, Box<Rule>)>;

/// `MIGRATIONS[v]` turns a version-`v` document into version `v + 1`.
const MIGRATIONS: &[Migration] = &[migrate_v0_to_v1, migrate_v1_to_v2, migrate_v2_to_v3];

/// Version 0 is the prototype's export: the bare profile object without `format`/`version`, with
/// `mobile` for the phone and Chinese 性别 (`"男"`/`"女"`).
fn migrate_v0_to_v1(mut p: Map<String, Value>) -> Result<Map<String, Value>, (String, Box<Rule>)> {
    if let Some(m) = p.remove("mobile") {
        p.insert("phone".into(), m);
    }
    if let Some(g) = p.get("gender").cloned() {
        let mapped = match g.as_str() {
            Some("男") | Some("male") => Value::from("male"),
            Some("女") | Some("female") => Value::from("female"),
            _ if g.is_null() || g == "" => Value::Null,
            _ => return Err(("gender".into(), Box::new(Rule::Gender { found: g.to_string() }))),
        };
        p.insert("gender".into(), mapped);
    }
    let mut out = Map::new();
    out.insert("format".into(), FORMAT.into());
    out.insert("version".into(), 1.into());
    out.insert("profile".into(), Value::Object(p));
    Ok(out)
}

/// Version 2 adds `screening` and `achievements` (both empty for an older file).
fn migrate_v1_to_v2(mut f: Map<String, Value>) -> Result<Map<String, Value>, (String, Box<Rule>)> {
    f.insert("version".into(), 2.into());
    f.entry("screening").or_insert_with(|| Value::Object(Map::new()));
    f.entry("achievements").or_insert_with(|| Value::Array(vec![]));
    Ok(f)
}

/// Version 3 adds `publicity` (empty for an older file).
fn migrate_v2_to_v3(mut f: Map<String, Value>) -> Result<Map<String, Value>, (String, Box<Rule>)> {
    f.insert("version".into(), 3.into());
    f.entry("publicity").or_insert_with(|| Value::Object(Map::new()));
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::tests::complete;

    #[test]
    fn round_trips_the_current_version() {
        let f = ApplicantFile::new(complete());
        let back = parse(&f.to_json(), None).unwrap();
        assert_eq!(back.file, f);
        assert_eq!(back.source_version, CURRENT_VERSION);
    }

    #[test]
    fn migrates_the_v0_sample() {
        let text = include_str!("../../tests/data/applicant-v0.json");
        let parsed = parse(text, None).unwrap();
        assert_eq!(parsed.source_version, 0);
        assert_eq!(parsed.file.version, CURRENT_VERSION);
        assert_eq!(parsed.file.profile, complete());
    }

    #[test]
    fn the_example_file_is_valid_and_complete() {
        let text = include_str!("../../../../examples/applicant.json");
        let parsed = parse(text, None).unwrap();
        assert_eq!(parsed.file.profile.validate("2026-11".parse().unwrap()), vec![]);
    }

    fn err(text: &str) -> (String, String) {
        match parse(text, None).unwrap_err() {
            CoreError::InvalidFile { location, detail, .. } => (location.to_string(), detail.to_string()),
            e => panic!("unexpected {e:?}"),
        }
    }

    /// The same file's problems in the English interface: no Chinese left, the place unchanged.
    #[test]
    fn errors_read_in_english_too() {
        use crate::Lang;
        let en = |text: &str| parse(text, None).unwrap_err().words(Lang::En);
        assert_eq!(
            en(r#"{"format":"zhicheng/applicant","version":1,"profile":{"birth_month":"1985-13"}}"#),
            "profile.birth_month: the month must be between 1 and 12, found 13"
        );
        assert_eq!(en("[1,2]"), "(root): must be a JSON object ({…})");
        assert_eq!(en(r#"{"format":"x","version":1}"#), "format: must be \"zhicheng/applicant\"; found \"x\"");
        let base = include_str!("../../../../examples/applicant.json");
        let mut f = parse(base, None).unwrap().file;
        f.achievements[1].id = f.achievements[0].id.clone();
        let (at, rule) = check_achievements(&f.achievements).unwrap();
        assert_eq!(
            (at.as_str(), rule.words(Lang::En)),
            ("achievements[1].id", format!("the id “{}” appears twice", f.achievements[0].id))
        );
        let now: crate::YearMonth = "2020-01".parse().unwrap();
        let (_, rule) = future_achievement(&f.achievements, now).unwrap();
        let words = rule.words(Lang::En);
        assert!(words.ends_with("after this month 2020-01; it cannot be in the future"), "{words}");
        // The Chinese is what it was.
        assert!(parse("[1,2]", None).unwrap_err().to_string().ends_with("应为一个 JSON 对象（{…}）"));
    }

    #[test]
    fn errors_name_the_place_and_the_problem() {
        let (loc, detail) =
            err("{\n  \"format\": \"zhicheng/applicant\",\n  \"version\": 1,\n  \"profile\": {\"name\": \"李明\",}\n}");
        assert_eq!(loc, "第4行第28列", "columns count characters");
        assert!(detail.contains("JSON"), "{detail}");

        let (loc, detail) = err(r#"{"format":"zhicheng/applicant","version":1,"profile":{"birth_month":"1985-13"}}"#);
        assert_eq!(loc, "profile.birth_month");
        assert!(detail.contains("月份"), "{detail}");

        let (loc, detail) = err(r#"{"format":"zhicheng/applicant","version":1,"profile":{"nmae":"李明"}}"#);
        assert_eq!(loc, "profile.nmae");
        assert!(detail.contains("未知字段“nmae”"), "{detail}");

        let (loc, _) = err(r#"{"format":"zhicheng/applicant","version":1,"profile":{"employer_kind":"state"}}"#);
        assert_eq!(loc, "profile.employer_kind");

        let (loc, _) = err(r#"{"format":"something-else","version":1,"profile":{}}"#);
        assert_eq!(loc, "format");

        let (loc, _) = err("[1,2]");
        assert_eq!(loc, "（根）");

        let (_, detail) = err(r#"{"format":"zhicheng/applicant","version":1,"profile":{"name":"#);
        assert!(detail.contains("不完整"), "{detail}");
    }

    #[test]
    fn achievement_errors_name_the_place() {
        let base = include_str!("../../../../examples/applicant.json");
        let with = |from: &str, to: &str| {
            assert!(base.contains(from), "{from}");
            err(&base.replacen(from, to, 1))
        };
        let (loc, detail) = with("\"green_related\": true", "\"green_relatd\": true");
        assert!(loc.starts_with("achievements[0]"), "{loc}");
        assert!(detail.contains("green_relatd"), "{detail}");
        let (loc, _) = with("\"kind\": \"paper\"", "\"kind\": \"poem\"");
        assert!(loc.starts_with("achievements[2]"), "{loc}");
        assert_eq!(with("\"id\": \"a2\"", "\"id\": \"a1\"").0, "achievements[1].id");
        assert_eq!(with("\"investment_wan\": 1800.0", "\"investment_wan\": -5").0, "achievements[1].investment_wan");
        assert_eq!(with("\"rank\": 1,\n      \"green", "\"rank\": 0,\n      \"green").0, "achievements[0].rank");
    }

    #[test]
    fn absent_booleans_are_false_and_absent_numbers_and_levels_null_as_documented() {
        // What unit HR writes by hand: only what is true.
        let text = r#"{"format":"zhicheng/applicant","version":3,"profile":{},"achievements":[
            {"id":"a","title":"专利","kind":"invention_patent","rank":1},
            {"id":"b","title":"项目","kind":"engineering_project","led":true},
            {"id":"c","title":"白皮书","kind":"white_paper"}]}"#;
        let f = parse(text, None).unwrap().file;
        use crate::eligibility::AchievementKind as K;
        assert_eq!(f.achievements[0].kind, K::InventionPatent { granted: false, rank: Some(1), green_related: false });
        assert_eq!(
            f.achievements[1].kind,
            K::EngineeringProject { level: None, led: true, rank: None, accepted: false, investment_wan: None }
        );
        assert_eq!(f.achievements[2].kind, K::WhitePaper { led: false, rank: None });
        // A wrong type is still refused, naming the field, in Chinese.
        let e = parse(&text.replace("\"rank\":1", "\"rank\":\"1\""), None).unwrap_err().to_string();
        assert!(e.contains("achievements[0].rank") && e.contains("应为非负整数"), "{e}");
    }

    #[test]
    fn a_v1_file_gains_empty_screening_and_achievements() {
        let v1 = r#"{"format":"zhicheng/applicant","version":1,"profile":{"name":"李明"}}"#;
        let p = parse(v1, None).unwrap();
        assert_eq!((p.source_version, p.file.version), (1, CURRENT_VERSION));
        assert!(p.file.achievements.is_empty());
    }

    #[test]
    fn newer_versions_are_refused_not_guessed() {
        let e = parse(r#"{"format":"zhicheng/applicant","version":7,"profile":{}}"#, None).unwrap_err();
        assert!(matches!(e, CoreError::UnsupportedVersion { found: 7, supported: CURRENT_VERSION }));
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        let f = ApplicantFile::new(complete());
        assert!(parse(&format!("\u{feff}{}", f.to_json()), None).is_ok());
    }
}
