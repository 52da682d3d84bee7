//! What the engine finds, as codes with parameters — never sentences. Each language has a catalogue
//! that renders them: the UI's i18n catalogue for the app, `zhicheng_cli::text` for the CLI. The
//! notice's own words (the `need` of an alternative) travel as data, quoted by the renderer, with the
//! pack's English gloss beside them where it has one.

use serde::Serialize;
use ts_rs::TS;

use super::achievement::Level;
use super::pack::EducationRow;
use crate::yearmonth::YearMonth;

/// Why an achievement does not count, or what a level still needs.
#[derive(Debug, Clone, PartialEq, Serialize, TS, strum::EnumDiscriminants)]
#[strum_discriminants(
    derive(strum::EnumIter, strum::IntoStaticStr),
    strum(serialize_all = "snake_case"),
    name(ReasonCode)
)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    // ── Why an achievement does not count (a qualifier it fails) ──
    /// 非本人主持.
    NotLed,
    /// 未填个人排名（需前N）.
    RankMissing {
        limit: u32,
    },
    /// 个人排名第R，需前N (or 需排名第1).
    RankAboveLimit {
        rank: u32,
        limit: u32,
    },
    /// 未填级别（需X以上）.
    LevelMissing {
        min: Level,
    },
    /// A group standard counts neither as national nor as industry (local).
    GroupStandardNotCounted {
        min: Level,
    },
    /// 级别为X，需Y以上.
    LevelBelow {
        level: Level,
        min: Level,
    },
    NotAccepted,
    InvestmentMissing {
        min_wan: f64,
    },
    InvestmentBelow {
        have_wan: f64,
        min_wan: f64,
    },
    NotRecognised,
    NoGoodBenefit,
    NotInUse,
    NotGranted,
    NotGreenRelated,
    NotImplemented,
    NotPublished,
    NotChiefEditor,
    OwnWordsMissing {
        min_wan: f64,
    },
    OwnWordsBelow {
        have_wan: f64,
        min_wan: f64,
    },
    NotCoreJournal,
    NotFirstAuthor,
    PromotionMissing {
        min: Level,
    },
    PromotionBelow {
        level: Level,
        min: Level,
    },
    NotApplied,
    /// The achievement has no month.
    MonthMissing,
    /// Later than the application month (五（三）: counted up to the application month).
    MonthAfterApply {
        month: YearMonth,
        apply: YearMonth,
        clause: String,
    },
    /// Before the window of the last N years.
    MonthOutsideWindow {
        month: YearMonth,
        start: YearMonth,
        end: YearMonth,
    },
    RevenueMissing,

    // ── What a level still needs (gap lines) ──
    /// A revenue sum still short by `short_wan` 万元, counting achievements from `since` on.
    RevenueShort {
        need: String,
        need_en: Option<String>,
        short_wan: f64,
        since: YearMonth,
        clause: String,
    },
    /// `missing` more achievements of the kind `need`, from `since` on.
    MoreNeeded {
        missing: u32,
        need: String,
        need_en: Option<String>,
        since: YearMonth,
        clause: String,
    },
    /// The field start lies after the application month: no years can be counted.
    FieldStartLate {
        start: YearMonth,
        apply: YearMonth,
        clause: String,
    },
    EducationMissing,
    /// None of the rows' education or degree is held.
    EducationMismatch {
        rows: Vec<EducationRow>,
    },
    FieldStartMissing,
    /// Years in the field short by `months`, for the row `row` (needs `years`), counted to `cutoff`.
    YearsShort {
        months: u32,
        row: EducationRow,
        years: u32,
        cutoff: YearMonth,
    },
}

impl Reason {
    /// The stable code, as serialised (`rank_above_limit`).
    pub fn code(&self) -> ReasonCode {
        ReasonCode::from(self)
    }
}

impl ReasonCode {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One reason of every code, with plausible parameters: what the catalogue tests render in each
/// language (a code missing here fails `every_code_has_a_sample`).
pub fn samples() -> Vec<Reason> {
    use Reason::*;
    let ym = |y, m| YearMonth::new(y, m).unwrap_or(YearMonth::MIN);
    let need = "排名第1的授权发明专利".to_string();
    vec![
        NotLed,
        RankMissing { limit: 3 },
        RankAboveLimit { rank: 6, limit: 5 },
        RankAboveLimit { rank: 2, limit: 1 },
        LevelMissing { min: Level::Provincial },
        GroupStandardNotCounted { min: Level::IndustryOrLocal },
        LevelBelow { level: Level::Prefecture, min: Level::Provincial },
        NotAccepted,
        InvestmentMissing { min_wan: 1500.0 },
        InvestmentBelow { have_wan: 1499.99, min_wan: 1500.0 },
        NotRecognised,
        NoGoodBenefit,
        NotInUse,
        NotGranted,
        NotGreenRelated,
        NotImplemented,
        NotPublished,
        NotChiefEditor,
        OwnWordsMissing { min_wan: 5.0 },
        OwnWordsBelow { have_wan: 4.5, min_wan: 5.0 },
        NotCoreJournal,
        NotFirstAuthor,
        PromotionMissing { min: Level::Provincial },
        PromotionBelow { level: Level::Enterprise, min: Level::Prefecture },
        NotApplied,
        MonthMissing,
        MonthAfterApply { month: ym(2023, 12), apply: ym(2023, 11), clause: "五（三）".into() },
        MonthOutsideWindow { month: ym(2018, 10), start: ym(2018, 11), end: ym(2023, 11) },
        RevenueMissing,
        RevenueShort {
            need: "新产品累计实现营收".into(),
            need_en: Some("revenue from new products".into()),
            short_wan: 0.005,
            since: ym(2018, 11),
            clause: "二（二）2（6）".into(),
        },
        MoreNeeded {
            missing: 1,
            need: need.clone(),
            need_en: None,
            since: ym(2018, 11),
            clause: "二（二）2（4）".into(),
        },
        MoreNeeded {
            missing: 2,
            need,
            need_en: Some("granted invention patent, ranked first".into()),
            since: ym(2018, 11),
            clause: "二（二）2（4）".into(),
        },
        FieldStartLate { start: ym(2024, 1), apply: ym(2023, 11), clause: "五（三）".into() },
        EducationMissing,
        EducationMismatch { rows: vec![EducationRow::DoctorDegree, EducationRow::BachelorEducationOrDegree] },
        FieldStartMissing,
        YearsShort { months: 1, row: EducationRow::BachelorEducationOrDegree, years: 10, cutoff: ym(2023, 12) },
        YearsShort { months: 14, row: EducationRow::MasterDegree, years: 5, cutoff: ym(2023, 12) },
    ]
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_code_has_a_sample_and_serialises_as_its_code() {
        let samples = samples();
        for code in ReasonCode::iter() {
            assert!(samples.iter().any(|r| r.code() == code), "no sample of {code:?}");
        }
        for r in &samples {
            let v = serde_json::to_value(r).expect("serialises");
            assert_eq!(v["code"], r.code().as_str(), "{r:?}");
        }
    }
}
