//! 预审: cross-checks of the applicant's answers before submission — answers that contradict each
//! other, which no single field's validation catches and reviewers send back. Each finding names the
//! fields involved and its reason (a clause where there is one, "评审常见退回原因" where not). A
//! finding never changes a verdict.

use serde::Serialize;
use ts_rs::TS;

use crate::applicant_file::ApplicantFile;
use crate::profile::HeldTitle;
use crate::yearmonth::YearMonth;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing to change.
    Info,
    /// Likely to be questioned or sent back at review: check it.
    Warning,
}

/// One cross-check that fired.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Finding {
    /// What was found: a stable code (`field_start_before_graduation`, …) with its parameters.
    #[serde(flatten)]
    pub check: Check,
    pub severity: Severity,
    /// The fields involved, as paths of the applicant file (`profile.graduation_month`,
    /// `achievements[2].month`, `evidence`): the app jumps to the first.
    pub fields: Vec<String>,
    /// The notice's clause it rests on, when there is one.
    pub clause: Option<String>,
    /// A common reason reviewers send applications back (评审常见退回原因).
    pub common_return: bool,
}

/// The cross-checks, each with what its message needs. User data (titles, unit names) travels as
/// entered; the catalogues word the rest.
#[derive(Debug, Clone, PartialEq, Serialize, TS, strum::EnumDiscriminants)]
#[strum_discriminants(
    derive(strum::EnumIter, strum::IntoStaticStr),
    strum(serialize_all = "snake_case"),
    name(CheckCode)
)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Check {
    FieldStartBeforeGraduation {
        start: YearMonth,
        graduation: YearMonth,
    },
    TitleBeforeGraduation {
        held: YearMonth,
        graduation: YearMonth,
    },
    #[serde(rename = "graduation_before_16")]
    #[strum_discriminants(strum(serialize = "graduation_before_16"))]
    GraduationBefore16 {
        graduation: YearMonth,
        birth: YearMonth,
    },
    AchievementBeforeFieldStart {
        title: String,
        month: YearMonth,
        start: YearMonth,
    },
    /// Ranked first without 本人主持 ticked: counted as led (二（二）: 主持 = 项目负责人/主编/第一).
    RankOneCountedAsLed {
        title: String,
    },
    LedButNotFirst {
        title: String,
        rank: u32,
    },
    AmountLooksLikeYuan {
        title: String,
        amount_wan: f64,
    },
    AmountLooksLikeWanMisplaced {
        title: String,
        amount_wan: f64,
    },
    /// The level applied for is held already: 转评/多评 (渝人社发〔2022〕68号, which the app does not have).
    LevelAlreadyHeld {
        held: HeldTitle,
    },
    EmployerDiffersOnSheet {
        unit: String,
        employer: String,
    },
    InsuranceEmployerDiffers {
        insurer: String,
        employer: String,
    },
    PaperInSupplement {
        title: String,
    },
    CoreJournalWithoutCn {
        title: String,
    },
    AchievementWithoutEvidence {
        title: String,
    },
    EvidenceLinkedToNothing {
        title: String,
        id: String,
    },
}

impl Check {
    /// The stable code, as serialised.
    pub fn code(&self) -> &'static str {
        CheckCode::from(self).into()
    }
}

/// One check of every code with plausible parameters (user data in Chinese, as users write it): what
/// the catalogue tests render in each language.
pub fn samples() -> Vec<Check> {
    use Check::*;
    let ym = |y, m| YearMonth::new(y, m).unwrap_or(YearMonth::MIN);
    let title = || "某工业园区分布式光伏及储能改造项目".to_string();
    vec![
        FieldStartBeforeGraduation { start: ym(2009, 3), graduation: ym(2010, 7) },
        TitleBeforeGraduation { held: ym(2009, 12), graduation: ym(2010, 7) },
        GraduationBefore16 { graduation: ym(2000, 7), birth: ym(1985, 3) },
        AchievementBeforeFieldStart { title: title(), month: ym(2008, 1), start: ym(2010, 8) },
        RankOneCountedAsLed { title: title() },
        LedButNotFirst { title: title(), rank: 3 },
        AmountLooksLikeYuan { title: title(), amount_wan: 18_000_000.0 },
        AmountLooksLikeWanMisplaced { title: title(), amount_wan: 0.18 },
        LevelAlreadyHeld { held: HeldTitle::Intermediate },
        LevelAlreadyHeld { held: HeldTitle::Senior },
        EmployerDiffersOnSheet {
            unit: "重庆另一家公司人力资源部".into(), employer: "重庆某某环保科技有限公司".into()
        },
        InsuranceEmployerDiffers {
            insurer: "重庆某人力资源服务有限公司".into(),
            employer: "重庆某某环保科技有限公司".into(),
        },
        PaperInSupplement { title: "工业园区碳排放核算方法研究".into() },
        CoreJournalWithoutCn { title: "工业园区碳排放核算方法研究".into() },
        AchievementWithoutEvidence { title: title() },
        EvidenceLinkedToNothing { title: "毕业证书.jpg".into(), id: "f3".into() },
    ]
}

/// What the evidence vault knows, when it is open: each file's links (`item:…`, `achievement:…`) and
/// its title.
#[derive(Debug, Clone, Default)]
pub struct EvidenceLinks {
    pub files: Vec<(String, String, Vec<String>)>,
}

/// Where a finding's reason lies: a clause of the notice, reviewers' common returns, or both.
const COMMON: (Option<&str>, bool) = (None, true);

fn finding(
    check: Check,
    severity: Severity,
    fields: &[String],
    (clause, common_return): (Option<&str>, bool),
) -> Finding {
    Finding { check, severity, fields: fields.to_vec(), clause: clause.map(str::to_string), common_return }
}

/// Names compared as reviewers read them: full-width letters, digits and brackets as half-width,
/// spaces dropped, 有限责任公司 as 有限公司.
pub fn normalise_name(s: &str) -> String {
    let half: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    half.replace("有限责任公司", "有限公司")
}

/// The cross-checks. `evidence` is `None` when the vault is not open (its checks are then skipped).
pub fn prereview(file: &ApplicantFile, evidence: Option<&EvidenceLinks>) -> Vec<Finding> {
    let mut out = Vec::new();
    let p = &file.profile;
    let f = |s: &str| s.to_string();

    // Dates that contradict each other.
    if let (Some(start), Some(graduation)) = (p.field_start_month, p.graduation_month)
        && start < graduation
    {
        out.push(finding(
            Check::FieldStartBeforeGraduation { start, graduation },
            Severity::Warning,
            &[f("profile.field_start_month"), f("profile.graduation_month")],
            (Some("五（三）"), true),
        ));
    }
    if let (Some(held), Some(graduation)) = (p.current_title_month, p.graduation_month)
        && held < graduation
        && p.current_title_level.is_some_and(|l| l != HeldTitle::None)
    {
        out.push(finding(
            Check::TitleBeforeGraduation { held, graduation },
            Severity::Warning,
            &[f("profile.current_title_month"), f("profile.graduation_month")],
            COMMON,
        ));
    }
    if let (Some(birth), Some(graduation)) = (p.birth_month, p.graduation_month)
        && birth.months_until(graduation) < 16 * 12
    {
        out.push(finding(
            Check::GraduationBefore16 { graduation, birth },
            Severity::Warning,
            &[f("profile.graduation_month"), f("profile.birth_month")],
            COMMON,
        ));
    }
    for (i, a) in file.achievements.iter().enumerate() {
        let at = |field: &str| format!("achievements[{i}].{field}");
        let title = || a.title.clone();
        if let (Some(month), Some(start)) = (a.month, p.field_start_month)
            && month < start
        {
            out.push(finding(
                Check::AchievementBeforeFieldStart { title: title(), month, start },
                Severity::Warning,
                &[at("month"), f("profile.field_start_month")],
                COMMON,
            ));
        }
        let facts = a.kind.facts();
        if facts.rank == Some(1) && !facts.led && a.kind.has_led() {
            out.push(finding(
                Check::RankOneCountedAsLed { title: title() },
                Severity::Info,
                &[at("led"), at("rank")],
                (Some("二（二）"), false),
            ));
        }
        if let Some(rank) = facts.rank.filter(|r| facts.led && *r != 1) {
            out.push(finding(
                Check::LedButNotFirst { title: title(), rank },
                Severity::Warning,
                &[at("led"), at("rank")],
                COMMON,
            ));
        }
        for (field, v) in [("investment_wan", facts.investment_wan), ("revenue_wan", facts.revenue_wan)] {
            match v {
                Some(amount_wan) if amount_wan >= 100_000.0 => out.push(finding(
                    Check::AmountLooksLikeYuan { title: title(), amount_wan },
                    Severity::Warning,
                    &[at(field)],
                    COMMON,
                )),
                Some(amount_wan) if amount_wan > 0.0 && amount_wan < 1.0 => out.push(finding(
                    Check::AmountLooksLikeWanMisplaced { title: title(), amount_wan },
                    Severity::Warning,
                    &[at(field)],
                    COMMON,
                )),
                _ => {}
            }
        }
    }

    // The level applied for is already held: 转评/多评, not 首批认定.
    if let Some(held) = p.current_title_level.filter(|h| *h >= HeldTitle::Intermediate) {
        out.push(finding(
            Check::LevelAlreadyHeld { held },
            Severity::Info,
            &[f("profile.current_title_level"), f("screening.route")],
            (Some("一"), false),
        ));
    }

    // The employer, as the publicity sheet's 受理单位 names it.
    let employer = normalise_name(&p.employer);
    let unit = normalise_name(&file.publicity.unit_name);
    if !employer.is_empty() && !unit.is_empty() && !unit.contains(&employer) {
        out.push(finding(
            Check::EmployerDiffersOnSheet { unit: file.publicity.unit_name.clone(), employer: p.employer.clone() },
            Severity::Warning,
            &[f("publicity.unit_name"), f("profile.employer")],
            (Some("三（三）3"), true),
        ));
    }

    // 社保缴费单位 vs 工作单位: the portal compares them (五（五）); the most common reason for a return.
    let insurer = normalise_name(&p.insurance_employer);
    if !insurer.is_empty() && !employer.is_empty() && insurer != employer {
        out.push(finding(
            Check::InsuranceEmployerDiffers { insurer: p.insurance_employer.clone(), employer: p.employer.clone() },
            Severity::Warning,
            &[f("profile.insurance_employer"), f("profile.employer")],
            (Some("五（五）、三（二）3"), true),
        ));
    }
    for (i, a) in file.achievements.iter().enumerate() {
        if let crate::eligibility::AchievementKind::Paper { supplement, core_journal, cn_number, .. } = &a.kind {
            if *supplement {
                out.push(finding(
                    Check::PaperInSupplement { title: a.title.clone() },
                    Severity::Warning,
                    &[format!("achievements[{i}].supplement")],
                    COMMON,
                ));
            }
            if *core_journal && cn_number.trim().is_empty() {
                out.push(finding(
                    Check::CoreJournalWithoutCn { title: a.title.clone() },
                    Severity::Warning,
                    &[format!("achievements[{i}].cn_number")],
                    COMMON,
                ));
            }
        }
    }

    // Evidence: every achievement proven, every file proving something.
    if let Some(ev) = evidence {
        for (i, a) in file.achievements.iter().enumerate() {
            let target = format!("achievement:{}", a.id);
            if !ev.files.iter().any(|(_, _, links)| links.contains(&target)) {
                out.push(finding(
                    Check::AchievementWithoutEvidence { title: a.title.clone() },
                    Severity::Warning,
                    &[format!("achievements[{i}]"), f("evidence")],
                    (Some("三（三）2"), false),
                ));
            }
        }
        for (id, title, links) in &ev.files {
            if links.is_empty() {
                out.push(finding(
                    Check::EvidenceLinkedToNothing { title: title.clone(), id: id.clone() },
                    Severity::Info,
                    &[f("evidence")],
                    COMMON,
                ));
            }
        }
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::{Achievement, AchievementKind as K};
    use crate::profile::tests::complete;

    fn ym(s: &str) -> crate::YearMonth {
        s.parse().unwrap()
    }

    fn file() -> ApplicantFile {
        let mut f = ApplicantFile::new(complete());
        f.profile.current_title_level = Some(HeldTitle::Junior);
        f.publicity.unit_name = format!("{}人力资源部", f.profile.employer);
        f
    }

    fn codes(f: &ApplicantFile, ev: Option<&EvidenceLinks>) -> Vec<String> {
        prereview(f, ev).into_iter().map(|x| x.check.code().to_string()).collect()
    }

    fn project(id: &str, month: &str, led: bool, rank: Option<u32>, inv: Option<f64>) -> Achievement {
        Achievement {
            id: id.into(),
            title: format!("项目{id}"),
            month: Some(ym(month)),
            kind: K::EngineeringProject { level: None, led, rank, accepted: true, investment_wan: inv },
        }
    }

    #[test]
    fn a_consistent_file_raises_nothing() {
        let f = file();
        assert_eq!(codes(&f, None), Vec::<String>::new(), "{:?}", prereview(&f, None));
    }

    #[test]
    fn dates_that_contradict_each_other() {
        let mut f = file();
        let grad = f.profile.graduation_month.unwrap();
        f.profile.field_start_month = Some(ym("2000-01"));
        assert!(codes(&f, None).contains(&"field_start_before_graduation".into()));
        f.profile.field_start_month = Some(grad);
        assert!(!codes(&f, None).contains(&"field_start_before_graduation".into()), "the same month is fine");

        let mut f = file();
        f.profile.current_title_month = Some(ym("2001-01"));
        f.profile.current_title_level = Some(HeldTitle::Junior);
        assert!(codes(&f, None).contains(&"title_before_graduation".into()));
        f.profile.current_title_level = Some(HeldTitle::None);
        assert!(!codes(&f, None).contains(&"title_before_graduation".into()), "no title held, no date to check");

        let mut f = file();
        let birth = f.profile.birth_month.unwrap();
        f.profile.graduation_month = crate::YearMonth::new(birth.year() + 15, birth.month()).ok();
        f.profile.field_start_month = f.profile.graduation_month;
        assert!(codes(&f, None).contains(&"graduation_before_16".into()));
        f.profile.graduation_month = crate::YearMonth::new(birth.year() + 16, birth.month()).ok();
        assert!(!codes(&f, None).contains(&"graduation_before_16".into()), "exactly 16 is fine");

        let mut f = file();
        let start = f.profile.field_start_month.unwrap();
        let before = crate::YearMonth::new(start.year() - 1, start.month()).unwrap();
        f.achievements = vec![project("a", &before.to_string(), true, Some(1), Some(10.0))];
        let found = prereview(&f, None);
        let x = found.iter().find(|x| x.check.code() == "achievement_before_field_start").unwrap();
        assert_eq!(x.fields, ["achievements[0].month", "profile.field_start_month"]);
        f.achievements = vec![project("a", &start.to_string(), true, Some(1), Some(10.0))];
        assert!(!codes(&f, None).contains(&"achievement_before_field_start".into()));
    }

    #[test]
    fn rank_and_zhuchi() {
        let mut f = file();
        f.achievements = vec![project("a", "2022-01", false, Some(1), Some(10.0))];
        let x = prereview(&f, None);
        assert_eq!(x[0].check.code(), "rank_one_counted_as_led");
        assert_eq!(x[0].severity, Severity::Info);
        f.achievements = vec![project("a", "2022-01", true, Some(3), Some(10.0))];
        assert_eq!(codes(&f, None), ["led_but_not_first"]);
        f.achievements = vec![project("a", "2022-01", true, Some(1), Some(10.0))];
        assert!(codes(&f, None).is_empty());
        // A patent has no 主持: rank 1 is just rank 1.
        f.achievements = vec![Achievement {
            id: "p".into(),
            title: "专利".into(),
            month: Some(ym("2022-01")),
            kind: K::InventionPatent { granted: true, rank: Some(1), green_related: true },
        }];
        assert!(codes(&f, None).is_empty());
    }

    #[test]
    fn amounts_in_the_wrong_unit() {
        let mut f = file();
        f.achievements = vec![project("a", "2022-01", true, Some(1), Some(18_000_000.0))];
        assert_eq!(codes(&f, None), ["amount_looks_like_yuan"]);
        f.achievements = vec![project("a", "2022-01", true, Some(1), Some(0.18))];
        assert_eq!(codes(&f, None), ["amount_looks_like_wan_misplaced"]);
        f.achievements = vec![project("a", "2022-01", true, Some(1), Some(99_999.0))];
        assert!(codes(&f, None).is_empty());
    }

    #[test]
    fn the_level_already_held() {
        let mut f = file();
        f.profile.current_title_level = Some(HeldTitle::Intermediate);
        let x = prereview(&f, None);
        assert_eq!(x[0].check.code(), "level_already_held");
        assert!(crate::text::check(&x[0].check, crate::text::Lang::Zh).contains("已具有中级职称"));
        assert!(crate::text::check(&x[0].check, crate::text::Lang::En).contains("intermediate title"));
    }

    #[test]
    fn the_employer_on_the_sheet_normalised() {
        let mut f = file();
        f.profile.employer = "重庆某某环保科技有限责任公司".into();
        f.publicity.unit_name = "重庆某某环保科技 有限公司（人力资源部）".into();
        assert!(codes(&f, None).is_empty(), "有限责任公司 = 有限公司, spaces ignored");
        f.publicity.unit_name = "重庆另一家公司人力资源部".into();
        assert_eq!(codes(&f, None), ["employer_differs_on_sheet"]);
        assert_eq!(normalise_name("ＡＢＣ　１２３（）"), "ABC123()");
    }

    #[test]
    fn the_insurer_and_the_employer() {
        let mut f = file();
        f.profile.insurance_employer = f.profile.employer.replace("有限公司", "有限责任公司");
        assert!(codes(&f, None).is_empty(), "the same unit, written differently");
        f.profile.insurance_employer = "重庆某人力资源服务有限公司".into();
        let x = prereview(&f, None);
        assert_eq!(x[0].check.code(), "insurance_employer_differs");
        assert_eq!(x[0].fields[0], "profile.insurance_employer");
        assert!(x[0].clause.as_deref().is_some_and(|c| c.contains("五（五）")) && x[0].common_return);
        f.profile.insurance_employer = String::new();
        assert!(codes(&f, None).is_empty(), "not entered: nothing to compare");
    }

    #[test]
    fn papers_in_supplements_and_core_claims_without_cn() {
        let mut f = file();
        let paper = |supplement: bool, core: bool, cn: &str| Achievement {
            id: "p".into(),
            title: "论文".into(),
            month: Some(ym("2022-01")),
            kind: K::Paper {
                core_journal: core,
                authorship: Some(crate::eligibility::achievement::Authorship::First),
                supplement,
                cn_number: cn.into(),
            },
        };
        f.achievements = vec![paper(true, false, "")];
        assert_eq!(codes(&f, None), ["paper_in_supplement"]);
        f.achievements = vec![paper(false, true, "")];
        assert_eq!(codes(&f, None), ["core_journal_without_cn"]);
        f.achievements = vec![paper(false, true, "CN 11-2107/X")];
        assert!(codes(&f, None).is_empty());
    }

    #[test]
    fn evidence_for_every_achievement_and_a_use_for_every_file() {
        let mut f = file();
        f.achievements = vec![project("a", "2022-01", true, Some(1), Some(10.0))];
        let none = EvidenceLinks::default();
        assert!(codes(&f, Some(&none)).contains(&"achievement_without_evidence".into()));
        let ok = EvidenceLinks { files: vec![("f1".into(), "验收报告".into(), vec!["achievement:a".into()])] };
        assert!(codes(&f, Some(&ok)).is_empty());
        let loose = EvidenceLinks {
            files: vec![
                ("f1".into(), "验收报告".into(), vec!["achievement:a".into()]),
                ("f2".into(), "照片".into(), vec![]),
            ],
        };
        assert_eq!(codes(&f, Some(&loose)), ["evidence_linked_to_nothing"]);
        assert!(codes(&f, None).is_empty(), "without the vault, its checks are skipped");
    }
}
