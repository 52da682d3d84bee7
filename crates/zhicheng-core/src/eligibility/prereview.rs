//! 预审: cross-checks of the applicant's answers before submission — answers that contradict each
//! other, which no single field's validation catches and reviewers send back. Each finding names the
//! fields involved and its reason (a clause where there is one, "评审常见退回原因" where not). A
//! finding never changes a verdict.

use serde::Serialize;
use ts_rs::TS;

use crate::applicant_file::ApplicantFile;
use crate::profile::HeldTitle;

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
    /// Stable code (`field_start_before_graduation`, …).
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// The fields involved, as paths of the applicant file (`profile.graduation_month`,
    /// `achievements[2].month`, `evidence`): the app jumps to the first.
    pub fields: Vec<String>,
    /// Why it matters: a clause of the notice, or "评审常见退回原因".
    pub reason: String,
}

/// What the evidence vault knows, when it is open: each file's links (`item:…`, `achievement:…`) and
/// its title.
#[derive(Debug, Clone, Default)]
pub struct EvidenceLinks {
    pub files: Vec<(String, String, Vec<String>)>,
}

const COMMON: &str = "评审常见退回原因";

fn finding(code: &str, severity: Severity, message: String, fields: &[String], reason: &str) -> Finding {
    Finding { code: code.into(), severity, message, fields: fields.to_vec(), reason: reason.into() }
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
    if let (Some(start), Some(grad)) = (p.field_start_month, p.graduation_month)
        && start < grad
    {
        out.push(finding(
            "field_start_before_graduation",
            Severity::Warning,
            format!(
                "从事本领域工作起始年月 {start} 早于毕业时间 {grad}：不少评审按毕业后计算工作年限，请确认并备好证明"
            ),
            &[f("profile.field_start_month"), f("profile.graduation_month")],
            "五（三）；评审常见退回原因",
        ));
    }
    if let (Some(held), Some(grad)) = (p.current_title_month, p.graduation_month)
        && held < grad
        && p.current_title_level.is_some_and(|l| l != HeldTitle::None)
    {
        out.push(finding(
            "title_before_graduation",
            Severity::Warning,
            format!("现职称取得时间 {held} 早于毕业时间 {grad}，请核对"),
            &[f("profile.current_title_month"), f("profile.graduation_month")],
            COMMON,
        ));
    }
    if let (Some(birth), Some(grad)) = (p.birth_month, p.graduation_month)
        && birth.months_until(grad) < 16 * 12
    {
        out.push(finding(
            "graduation_before_16",
            Severity::Warning,
            format!("毕业时间 {grad} 时未满16周岁（出生年月 {birth}），请核对"),
            &[f("profile.graduation_month"), f("profile.birth_month")],
            COMMON,
        ));
    }
    for (i, a) in file.achievements.iter().enumerate() {
        let at = |field: &str| format!("achievements[{i}].{field}");
        if let (Some(m), Some(start)) = (a.month, p.field_start_month)
            && m < start
        {
            out.push(finding(
                "achievement_before_field_start",
                Severity::Warning,
                format!("业绩“{}”的时间 {m} 早于从事本领域工作起始年月 {start}，请核对", a.title),
                &[at("month"), f("profile.field_start_month")],
                COMMON,
            ));
        }
        let facts = a.kind.facts();
        if facts.rank == Some(1) && !facts.led && a.kind.has_led() {
            out.push(finding(
                "rank_one_counted_as_led",
                Severity::Info,
                format!("业绩“{}”个人排名第1，未勾选“本人主持”：按第一即主持计入", a.title),
                &[at("led"), at("rank")],
                "二（二）：主持（项目负责人/主编/第一）",
            ));
        }
        if facts.led && facts.rank.is_some_and(|r| r != 1) {
            out.push(finding(
                "led_but_not_first",
                Severity::Warning,
                format!(
                    "业绩“{}”勾选了“本人主持”，但个人排名为第{}：主持人通常排名第1，请核对证明材料上的排名",
                    a.title,
                    facts.rank.unwrap_or(0)
                ),
                &[at("led"), at("rank")],
                COMMON,
            ));
        }
        for (field, v) in [("investment_wan", facts.investment_wan), ("revenue_wan", facts.revenue_wan)] {
            match v {
                Some(x) if x >= 100_000.0 => out.push(finding(
                    "amount_looks_like_yuan",
                    Severity::Warning,
                    format!("业绩“{}”的金额为 {x} 万元（≥ 10 亿元）：是否把元填成了万元？", a.title),
                    &[at(field)],
                    COMMON,
                )),
                Some(x) if x > 0.0 && x < 1.0 => out.push(finding(
                    "amount_looks_like_wan_misplaced",
                    Severity::Warning,
                    format!("业绩“{}”的金额仅为 {x} 万元（不足 1 万元）：单位是否有误？金额以万元计", a.title),
                    &[at(field)],
                    COMMON,
                )),
                _ => {}
            }
        }
    }

    // The level applied for is already held: 转评/多评, not 首批认定.
    if let Some(held) = p.current_title_level.filter(|h| *h >= HeldTitle::Intermediate) {
        let label = match held {
            HeldTitle::Professor => "正高级",
            HeldTitle::Senior => "副高级",
            _ => "中级",
        };
        out.push(finding(
            "level_already_held",
            Severity::Info,
            format!(
                "已具有{label}职称：再申报同级属于转评/多评（条件见渝人社发〔2022〕68号，本程序没有此文件），首批认定对您有意义的是更高级别"
            ),
            &[f("profile.current_title_level"), f("screening.route")],
            "一；渝人社发〔2022〕68号（本程序没有此文件）",
        ));
    }

    // The employer, as the publicity sheet's 受理单位 names it.
    let employer = normalise_name(&p.employer);
    let unit = normalise_name(&file.publicity.unit_name);
    if !employer.is_empty() && !unit.is_empty() && !unit.contains(&employer) {
        out.push(finding(
            "employer_differs_on_sheet",
            Severity::Warning,
            format!(
                "公示表的受理单位“{}”与工作单位“{}”不一致，请核对（应为工作单位或其部门）",
                file.publicity.unit_name, p.employer
            ),
            &[f("publicity.unit_name"), f("profile.employer")],
            "三（三）3；评审常见退回原因",
        ));
    }

    // 社保缴费单位 vs 工作单位: the portal compares them (五（五）); the most common reason for a return.
    let insurer = normalise_name(&p.insurance_employer);
    if !insurer.is_empty() && !employer.is_empty() && insurer != employer {
        out.push(finding(
            "insurance_employer_differs",
            Severity::Warning,
            format!(
                "社保缴费单位“{}”与工作单位“{}”不一致：申报系统会自动比对，请准备所在单位出具的情况说明（劳动关系、社保代缴等）；非公有制单位和流动人员还须在申报单位（或其上级）缴纳社保或存放档案满1年",
                p.insurance_employer, p.employer
            ),
            &[f("profile.insurance_employer"), f("profile.employer")],
            "五（五）、三（二）3；评审常见退回原因",
        ));
    }
    for (i, a) in file.achievements.iter().enumerate() {
        if let crate::eligibility::AchievementKind::Paper { supplement, core_journal, cn_number, .. } = &a.kind {
            if *supplement {
                out.push(finding(
                    "paper_in_supplement",
                    Severity::Warning,
                    format!("论文“{}”刊于增刊或论文集：评审通常不计为期刊论文", a.title),
                    &[format!("achievements[{i}].supplement")],
                    COMMON,
                ));
            }
            if *core_journal && cn_number.trim().is_empty() {
                out.push(finding(
                    "core_journal_without_cn",
                    Severity::Warning,
                    format!("论文“{}”标为中文核心期刊，但未填刊号（CN）：请填写，并备好期刊目录页", a.title),
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
                    "achievement_without_evidence",
                    Severity::Warning,
                    format!("业绩“{}”还没有关联佐证材料", a.title),
                    &[format!("achievements[{i}]"), f("evidence")],
                    "三（三）2",
                ));
            }
        }
        for (id, title, links) in &ev.files {
            if links.is_empty() {
                out.push(finding(
                    "evidence_linked_to_nothing",
                    Severity::Info,
                    format!("佐证材料“{title}”（{id}）没有关联到任何项目或业绩，导出时归入“其他”"),
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
        prereview(f, ev).into_iter().map(|x| x.code).collect()
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
        let x = found.iter().find(|x| x.code == "achievement_before_field_start").unwrap();
        assert_eq!(x.fields, ["achievements[0].month", "profile.field_start_month"]);
        f.achievements = vec![project("a", &start.to_string(), true, Some(1), Some(10.0))];
        assert!(!codes(&f, None).contains(&"achievement_before_field_start".into()));
    }

    #[test]
    fn rank_and_zhuchi() {
        let mut f = file();
        f.achievements = vec![project("a", "2022-01", false, Some(1), Some(10.0))];
        let x = prereview(&f, None);
        assert_eq!(x[0].code, "rank_one_counted_as_led");
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
        assert_eq!(x[0].code, "level_already_held");
        assert!(x[0].message.contains("中级"));
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
        assert_eq!(x[0].code, "insurance_employer_differs");
        assert_eq!(x[0].fields[0], "profile.insurance_employer");
        assert!(x[0].reason.contains("五（五）"));
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
