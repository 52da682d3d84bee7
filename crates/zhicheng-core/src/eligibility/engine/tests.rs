//! Every clause of 二（二）, each qualifier at its limit and one past it, the window's ends, 对年对月.

use super::*;
use crate::eligibility::achievement::{AchievementKind as K, Authorship, Level};
use crate::profile::tests::complete;

/// The reasons as the Chinese catalogue renders them: the tests read the sentences a user reads.
trait Zh {
    fn zh(&self) -> String;
}

impl Zh for Reason {
    fn zh(&self) -> String {
        crate::text::reason(self, crate::text::Lang::Zh)
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, other: &&str) -> bool {
        self.zh() == *other
    }
}

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn pack() -> RulePack {
    RulePack::builtin()
}

fn ach(id: &str, month: &str, kind: K) -> Achievement {
    Achievement { id: id.into(), title: format!("成果{id}"), month: Some(ym(month)), kind }
}

fn screening() -> Screening {
    Screening { civil_servant: Some(false), retired: Some(false), penalty_period: Some(false), ..Default::default() }
}

fn run(achievements: &[Achievement]) -> Assessment {
    assess(&complete(), &screening(), achievements, None, &pack())
}

fn level(a: &Assessment, l: TitleLevel) -> &LevelResult {
    a.levels.iter().find(|x| x.level == l).unwrap()
}

fn cond<'a>(a: &'a Assessment, clause: &str) -> &'a ConditionResult {
    a.levels.iter().flat_map(|l| &l.conditions).find(|c| c.clause == clause).unwrap()
}

fn met(achievements: &[Achievement], clause: &str) -> bool {
    cond(&run(achievements), clause).met
}

fn patent(id: &str, month: &str, rank: u32, green: bool) -> Achievement {
    ach(id, month, K::InventionPatent { granted: true, rank: Some(rank), green_related: green })
}

fn project(id: &str, level: Level, led: bool, rank: u32, accepted: bool, inv: f64) -> Achievement {
    ach(
        id,
        "2022-01",
        K::EngineeringProject { level: Some(level), led, rank: Some(rank), accepted, investment_wan: Some(inv) },
    )
}

#[test]
fn the_pack_has_nine_nine_and_five_conditions_with_the_notices_words() {
    let p = pack();
    let fb = p.route(Route::FirstBatch).unwrap();
    let counts: Vec<_> = fb.levels.iter().map(|l| (l.level, l.conditions.len())).collect();
    assert_eq!(counts, [(TitleLevel::Professor, 9), (TitleLevel::Senior, 9), (TitleLevel::Intermediate, 5)]);
    let notice = include_str!("../../../data/notice-yjxf-2023-89.txt");
    for l in &fb.levels {
        for c in &l.conditions {
            assert!(notice.contains(&c.text), "{} text is not the notice's: {}", c.clause, c.text);
        }
    }
}

// ---- the 5-year window (近5年, to the application month, both ends included) ----

#[test]
fn window_first_and_last_month_count_one_past_does_not() {
    // Application month 2023-11: window 2018-11 … 2023-11.
    assert!(met(&[patent("a", "2018-11", 1, true), patent("b", "2023-11", 1, true)], "二（二）1（5）"));
    let a = run(&[patent("a", "2018-10", 1, true), patent("b", "2023-11", 1, true)]);
    let alt = &cond(&a, "二（二）1（5）").alternatives[0];
    assert!(!alt.met);
    assert!(alt.rejected[0].reasons[0].zh().contains("不在近5年内"), "{:?}", alt.rejected);
    assert!(!met(&[patent("a", "2023-12", 1, true), patent("b", "2023-11", 1, true)], "二（二）1（5）"));
    // After the application month: said as such, not as outside the 5 years.
    let a = run(&[patent("a", "2023-12", 1, true)]);
    let alt = &cond(&a, "二（二）1（5）").alternatives[0];
    assert_eq!(alt.rejected[0].reasons[0], "2023-12 晚于申报月份 2023-11（五（三））");
}

#[test]
fn the_application_month_moves_the_window() {
    let a = assess(&complete(), &screening(), &[patent("a", "2018-12", 1, true)], Some(ym("2023-12")), &pack());
    assert_eq!((a.window_start, a.window_end), (ym("2018-12"), ym("2023-12")));
    assert!(cond(&a, "二（二）2（5）").met);
}

#[test]
fn an_achievement_without_a_month_never_counts() {
    let mut p = patent("a", "2020-01", 1, true);
    p.month = None;
    let a = run(&[p]);
    assert_eq!(cond(&a, "二（二）2（5）").alternatives[0].rejected[0].reasons, ["未填时间"]);
}

// ---- 对年对月: months from the start month to 2023-12 ----

#[test]
fn years_are_counted_in_whole_months_to_december_2023() {
    let mut p = complete();
    p.degree = Some(Degree::Doctor);
    p.field_start_month = Some(ym("2016-12")); // 84 months = 7 years
    let a = assess(&p, &screening(), &[], None, &pack());
    let e = &level(&a, TitleLevel::Professor).education;
    assert_eq!(e.months_counted, Some(84));
    assert!(e.met);
    assert_eq!(e.used_row, Some(EducationRow::DoctorDegree));

    p.field_start_month = Some(ym("2017-01")); // 83 months
    let a = assess(&p, &screening(), &[], None, &pack());
    let e = &level(&a, TitleLevel::Professor).education;
    assert!(!e.met);
    assert_eq!(e.rows[0].months_short, 1);
    assert!(level(&a, TitleLevel::Professor).gap[0].zh().starts_with("从事本领域工作年限还差1个月"));
}

#[test]
fn degree_rows_need_the_degree_and_the_bachelor_row_takes_either() {
    let mut p = complete();
    p.field_start_month = Some(ym("2013-12")); // 10 years
    p.education = Some(Education::Master);
    p.degree = Some(Degree::None); // 硕士研究生学历, no degree: only the bachelor row
    let a = assess(&p, &screening(), &[], None, &pack());
    let e = &level(&a, TitleLevel::Senior).education;
    assert!(!e.rows[1].qualified, "master row needs the degree");
    assert_eq!(e.used_row, Some(EducationRow::BachelorEducationOrDegree));

    p.education = Some(Education::College);
    p.degree = Some(Degree::Bachelor); // 大专学历 + 学士学位 qualifies
    assert!(level(&assess(&p, &screening(), &[], None, &pack()), TitleLevel::Senior).education.met);

    p.degree = Some(Degree::None); // 大专 without a degree: not for 首批认定
    let a = assess(&p, &screening(), &[], None, &pack());
    let s = level(&a, TitleLevel::Senior);
    assert!(!s.education.met);
    assert!(s.gap[0].zh().starts_with("学历学位不符"), "{:?}", s.gap);

    // 工程师 with a doctorate needs no years: a start in the application month itself is enough.
    p.degree = Some(Degree::Doctor);
    p.field_start_month = Some(ym("2023-11"));
    assert!(level(&assess(&p, &screening(), &[], None, &pack()), TitleLevel::Intermediate).education.met);
}

#[test]
fn a_field_start_after_the_application_month_is_never_counted_as_zero_years() {
    let mut p = complete();
    p.degree = Some(Degree::Doctor);
    p.field_start_month = Some(ym("2024-01")); // after the application month 2023-11
    let a = assess(&p, &screening(), &[], None, &pack());
    let i = level(&a, TitleLevel::Intermediate);
    assert!(!i.eligible && !i.education.met, "a doctorate needs no years, but not a start in the future");
    assert!(i.education.field_start_late);
    assert_eq!(i.education.months_counted, None, "no negative month count is ever shown");
    assert!(i.gap[0].zh().contains("2024-01 晚于申报月份 2023-11"), "{:?}", i.gap);
    // One month earlier, in the application month: counted (0 months) and met.
    p.field_start_month = Some(ym("2023-11"));
    let a = assess(&p, &screening(), &[], None, &pack());
    assert!(!level(&a, TitleLevel::Intermediate).education.field_start_late);
}

// ---- exclusions ----

#[test]
fn an_excluded_applicant_is_eligible_for_nothing_and_gets_no_gap() {
    let s = Screening { retired: Some(true), ..screening() };
    let a = assess(&complete(), &s, &[patent("a", "2020-01", 1, true), patent("b", "2020-02", 1, true)], None, &pack());
    assert_eq!(a.excluded.as_ref().unwrap().code, "retired");
    assert!(a.eligible_levels.is_empty());
    assert!(a.levels.iter().all(|l| l.gap.is_empty()));
}

#[test]
fn other_routes_say_the_document_is_missing_and_still_check_exclusions() {
    let s = Screening { route: Route::Regular, civil_servant: Some(true), ..screening() };
    let a = assess(&complete(), &s, &[], None, &pack());
    assert!(a.route_missing.as_ref().unwrap().note.contains("渝人社发〔2022〕68号"));
    assert!(a.levels.is_empty() && a.eligible_levels.is_empty());
    assert_eq!(a.excluded.unwrap().code, "civil_servant");
}

// ---- 正高级工程师 ----

#[test]
fn professor_1_two_led_provincial_accepted_projects() {
    let ok = |id| project(id, Level::Provincial, true, 1, true, 0.0);
    assert!(met(&[ok("a"), ok("b")], "二（二）1（1）"));
    assert!(met(&[ok("a"), project("b", Level::National, true, 1, true, 0.0)], "二（二）1（1）"));
    assert!(!met(&[ok("a")], "二（二）1（1）"));
    assert!(!met(&[ok("a"), project("b", Level::IndustryOrLocal, true, 1, true, 0.0)], "二（二）1（1）"));
    assert!(!met(&[ok("a"), project("b", Level::Provincial, false, 2, true, 0.0)], "二（二）1（1）"));
    assert!(!met(&[ok("a"), project("b", Level::Provincial, true, 1, false, 0.0)], "二（二）1（1）"));
}

fn newtech(id: &str, led: bool, rank: u32, green: bool, major: bool, benefit: bool, in_use: bool) -> Achievement {
    ach(
        id,
        "2021-05",
        K::NewTechProject {
            level: None,
            led,
            rank: Some(rank),
            green_design_product: green,
            major_new_product: major,
            good_benefit: benefit,
            in_use,
        },
    )
}

#[test]
fn professor_2_two_led_new_tech_projects_and_one_recognised() {
    let plain = |id| newtech(id, true, 1, false, false, false, false);
    assert!(!met(&[plain("a"), plain("b")], "二（二）1（2）"), "no recognised product");
    assert!(met(&[plain("a"), newtech("b", true, 1, true, false, false, false)], "二（二）1（2）"));
    assert!(met(&[plain("a"), newtech("b", true, 1, false, true, false, false)], "二（二）1（2）"));
    // The recognised one may be another product of the applicant (not led).
    assert!(met(&[plain("a"), plain("b"), newtech("c", false, 4, true, false, false, false)], "二（二）1（2）"));
    assert!(!met(&[plain("a"), newtech("c", false, 4, true, false, false, false)], "二（二）1（2）"), "only 1 led");
}

#[test]
fn professor_3_investment_2500_at_the_limit() {
    assert!(met(&[project("a", Level::Enterprise, true, 1, false, 2500.0)], "二（二）1（3）"));
    let a = run(&[project("a", Level::Enterprise, true, 1, false, 2499.0)]);
    let r = &cond(&a, "二（二）1（3）").alternatives[0].rejected[0];
    assert_eq!(r.reasons, ["固定资产投资2499万元，需2500万元以上"]);
    assert!(!met(&[project("a", Level::Enterprise, false, 2, false, 3000.0)], "二（二）1（3）"), "主持");
}

#[test]
fn amounts_are_compared_exactly_with_no_rounding_into_a_pass() {
    // 正高(3): one project at or above 2500 万元.
    assert!(!met(&[project("a", Level::Enterprise, true, 1, false, 2499.995)], "二（二）1（3）"));
    assert!(!met(&[project("a", Level::Enterprise, true, 1, false, 2499.999999)], "二（二）1（3）"));
    assert!(met(&[project("a", Level::Enterprise, true, 1, false, 2500.0)], "二（二）1（3）"));
    let a = run(&[project("a", Level::Enterprise, true, 1, false, 2499.995)]);
    let r = &cond(&a, "二（二）1（3）").alternatives[0].rejected[0];
    assert_eq!(r.reasons, ["固定资产投资2499.995万元，需2500万元以上"], "shown as entered, not rounded to 2500");
    // 正高(4) and 高级(4): the revenue summed exactly.
    let sum = |a: f64, b: f64| vec![revenue("a", true, 1, a), revenue("b", true, 1, b)];
    assert!(!met(&sum(1500.0, 999.995), "二（二）1（4）"));
    assert!(met(&sum(1000.1, 1499.9), "二（二）1（4）"), "0.1 + 0.9 is exactly 1 in 分");
    assert!(!met(&[revenue("a", true, 1, 1499.996)], "二（二）2（4）"));
    assert!(met(&[revenue("a", true, 1, 1500.0)], "二（二）2（4）"));
    let a = run(&sum(1500.0, 999.995));
    let gap = &level(&a, TitleLevel::Professor).gap;
    assert!(gap.iter().all(|g| !g.zh().contains("还差0万元")), "{gap:?}");
}

#[test]
fn rank_one_is_zhuchi_without_the_flag() {
    // 主持 = 项目负责人 / 主编 / 第一: two provincial accepted projects ranked first, flag not ticked.
    let p = |id| project(id, Level::Provincial, false, 1, true, 10.0);
    assert!(met(&[p("a"), p("b")], "二（二）1（1）"));
    let second = project("c", Level::Provincial, false, 2, true, 10.0);
    let a = run(&[p("a"), second]);
    let c = cond(&a, "二（二）1（1）");
    assert!(!c.met);
    assert_eq!(c.alternatives[0].rejected[0].reasons, ["非本人主持"]);
}

#[test]
fn a_group_standard_is_neither_national_nor_industry() {
    let g =
        |id| ach(id, "2022-05", K::Standard { level: Some(Level::Group), led: true, rank: Some(1), implemented: true });
    let a = run(&[g("a"), g("b")]);
    let c = cond(&a, "二（二）1（6）");
    assert!(!c.met);
    assert!(c.alternatives[0].rejected[0].reasons[0].zh().starts_with("团体标准既不是国家级、也不是行业（地方）标准"));
    // The 工程师(4) second half names no level: an implemented group standard at rank ≤ 3 counts there.
    assert!(met(&[g("a")], "二（二）3（4）"));
}

#[test]
fn a_books_role_decides_zhubian() {
    use crate::eligibility::achievement::BookRole;
    let b = |role| {
        ach(
            "b",
            "2022-06",
            K::Book { published: true, chief_editor: false, role: Some(role), own_words_wan: Some(10.0) },
        )
    };
    assert!(met(&[b(BookRole::ChiefEditor)], "二（二）1（7）"));
    assert!(met(&[b(BookRole::SoleAuthor)], "二（二）1（7）"), "独著 is read as 主编 (docs/rules.md)");
    assert!(!met(&[b(BookRole::DeputyEditor)], "二（二）1（7）"));
    assert!(!met(&[b(BookRole::Contributor)], "二（二）1（7）"));
    // A role given decides over the older flag.
    let old = ach(
        "c",
        "2022-06",
        K::Book { published: true, chief_editor: true, role: Some(BookRole::Contributor), own_words_wan: Some(10.0) },
    );
    assert!(!met(&[old], "二（二）1（7）"));
}

#[test]
fn intermediate_4_second_half_names_no_level() {
    // 编制已实施的企业技术指南、企业技术标准、技术手册, rank ≤ 3: no level entered, none required.
    let s = |rank| ach("s", "2022-05", K::Standard { level: None, led: false, rank: Some(rank), implemented: true });
    assert!(met(&[s(3)], "二（二）3（4）"));
    assert!(!met(&[s(4)], "二（二）3（4）"));
    let not_implemented =
        ach("t", "2022-05", K::Standard { level: None, led: false, rank: Some(1), implemented: false });
    assert!(!met(&[not_implemented], "二（二）3（4）"));
}

fn revenue(id: &str, led: bool, rank: u32, wan: f64) -> Achievement {
    ach(id, "2022-12", K::ProductRevenue { led, rank: Some(rank), revenue_wan: Some(wan) })
}

#[test]
fn professor_4_led_revenue_adds_up_to_2500() {
    assert!(met(&[revenue("a", true, 1, 1500.0), revenue("b", true, 1, 1000.0)], "二（二）1（4）"));
    assert!(!met(&[revenue("a", true, 1, 1500.0), revenue("b", true, 1, 999.99)], "二（二）1（4）"));
    assert!(!met(&[revenue("a", true, 1, 1500.0), revenue("b", false, 2, 1000.0)], "二（二）1（4）"));
    let a = run(&[revenue("a", true, 1, 2000.0)]);
    let p = level(&a, TitleLevel::Professor);
    assert!(!p.eligible);
}

#[test]
fn professor_5_two_granted_patents_ranked_first() {
    assert!(
        met(&[patent("a", "2020-01", 1, false), patent("b", "2020-02", 1, false)], "二（二）1（5）"),
        "green not required"
    );
    let a = run(&[patent("a", "2020-01", 1, false), patent("b", "2020-02", 2, false)]);
    let c = cond(&a, "二（二）1（5）");
    assert!(!c.met);
    assert_eq!(c.alternatives[0].rejected[0].reasons, ["个人排名第2，需排名第1"]);
    let ungranted = ach("c", "2020-03", K::InventionPatent { granted: false, rank: Some(1), green_related: true });
    assert!(!met(&[patent("a", "2020-01", 1, false), ungranted], "二（二）1（5）"));
}

fn standard(id: &str, level: Level, led: bool, rank: u32, implemented: bool) -> Achievement {
    ach(id, "2021-01", K::Standard { level: Some(level), led, rank: Some(rank), implemented })
}

#[test]
fn professor_6_one_national_or_two_industry_standards_led() {
    assert!(met(&[standard("a", Level::National, true, 1, false)], "二（二）1（6）"));
    assert!(!met(&[standard("a", Level::IndustryOrLocal, true, 1, false)], "二（二）1（6）"));
    assert!(met(
        &[standard("a", Level::IndustryOrLocal, true, 1, false), standard("b", Level::IndustryOrLocal, true, 1, false)],
        "二（二）1（6）"
    ));
    assert!(!met(
        &[standard("a", Level::IndustryOrLocal, true, 1, false), standard("b", Level::Enterprise, true, 1, false)],
        "二（二）1（6）"
    ));
}

fn book(id: &str, chief: bool, words: f64) -> Achievement {
    ach(id, "2022-06", K::Book { published: true, chief_editor: chief, role: None, own_words_wan: Some(words) })
}

fn paper(id: &str, core: bool, who: Authorship) -> Achievement {
    ach(
        id,
        "2021-09",
        K::Paper { core_journal: core, authorship: Some(who), supplement: false, cn_number: String::new() },
    )
}

#[test]
fn professor_7_a_book_of_10_wan_words_or_three_first_author_core_papers() {
    assert!(met(&[book("a", true, 10.0)], "二（二）1（7）"));
    let a = run(&[book("a", true, 9.9)]);
    assert_eq!(cond(&a, "二（二）1（7）").alternatives[0].rejected[0].reasons, ["本人撰写9.9万字，需不少于10万字"]);
    assert!(!met(&[book("a", false, 12.0)], "二（二）1（7）"));
    let p = |id| paper(id, true, Authorship::First);
    assert!(met(&[p("a"), p("b"), paper("c", true, Authorship::Sole)], "二（二）1（7）"));
    assert!(!met(&[p("a"), p("b"), paper("c", true, Authorship::Other)], "二（二）1（7）"));
    assert!(!met(&[p("a"), p("b"), paper("c", false, Authorship::First)], "二（二）1（7）"));
}

fn training(id: &str, led: bool, words: f64, by: Option<Level>) -> Achievement {
    ach(id, "2020-06", K::TrainingMaterial { led, own_words_wan: Some(words), promoted_by: by })
}

#[test]
fn professor_8_training_material_15_wan_words_promoted_provincially() {
    assert!(met(&[training("a", true, 15.0, Some(Level::Provincial))], "二（二）1（8）"));
    assert!(!met(&[training("a", true, 14.9, Some(Level::Provincial))], "二（二）1（8）"));
    assert!(!met(&[training("a", true, 20.0, Some(Level::Prefecture))], "二（二）1（8）"));
    assert!(!met(&[training("a", true, 20.0, None)], "二（二）1（8）"));
}

fn report(id: &str, level: Level, led: bool, rank: u32, applied: bool) -> Achievement {
    ach(id, "2022-02", K::ResearchReport { level: Some(level), led, rank: Some(rank), applied })
}

fn white(id: &str, led: bool, rank: u32) -> Achievement {
    ach(id, "2022-03", K::WhitePaper { led, rank: Some(rank) })
}

#[test]
fn professor_9_three_reports_or_four_white_papers_led() {
    let r = |id| report(id, Level::Provincial, true, 1, false);
    assert!(met(&[r("a"), r("b"), r("c")], "二（二）1（9）"));
    assert!(!met(&[r("a"), r("b")], "二（二）1（9）"));
    assert!(!met(&[r("a"), r("b"), report("c", Level::IndustryOrLocal, true, 1, false)], "二（二）1（9）"));
    let w = |id| white(id, true, 1);
    assert!(met(&[w("a"), w("b"), w("c"), w("d")], "二（二）1（9）"));
    assert!(!met(&[w("a"), w("b"), w("c"), white("d", false, 2)], "二（二）1（9）"));
}

// ---- 高级工程师 ----

#[test]
fn senior_1_to_4() {
    assert!(met(&[project("a", Level::Provincial, true, 1, true, 0.0)], "二（二）2（1）"));
    assert!(!met(&[project("a", Level::Provincial, true, 1, false, 0.0)], "二（二）2（1）"), "通过验收");
    assert!(met(&[newtech("a", true, 1, false, false, true, false)], "二（二）2（2）"));
    assert!(!met(&[newtech("a", true, 1, false, false, false, true)], "二（二）2（2）"));
    // (3) 骨干 rank ≤ 5 and 1500万: rank 5 vs 6, 1500 vs 1499.
    assert!(met(&[project("a", Level::Enterprise, false, 5, false, 1500.0)], "二（二）2（3）"));
    assert!(!met(&[project("a", Level::Enterprise, false, 6, false, 1500.0)], "二（二）2（3）"));
    assert!(!met(&[project("a", Level::Enterprise, false, 5, false, 1499.0)], "二（二）2（3）"));
    assert!(met(&[project("a", Level::Enterprise, true, 1, false, 1600.0)], "二（二）2（3）"), "a leader counts");
    // (4) revenue of rank ≤ 5 products adds up to 1500.
    assert!(met(&[revenue("a", false, 5, 700.0), revenue("b", false, 3, 800.0)], "二（二）2（4）"));
    assert!(!met(&[revenue("a", false, 6, 700.0), revenue("b", false, 3, 800.0)], "二（二）2（4）"));
}

#[test]
fn senior_5_one_green_patent_in_the_first_three() {
    assert!(met(&[patent("a", "2020-01", 3, true)], "二（二）2（5）"));
    assert!(!met(&[patent("a", "2020-01", 4, true)], "二（二）2（5）"));
    let a = run(&[patent("a", "2020-01", 2, false)]);
    assert_eq!(cond(&a, "二（二）2（5）").alternatives[0].rejected[0].reasons, ["专利与绿色低碳无关"]);
}

#[test]
fn senior_6_to_9() {
    assert!(met(&[standard("a", Level::National, false, 5, false)], "二（二）2（6）"));
    assert!(!met(&[standard("a", Level::National, false, 6, false)], "二（二）2（6）"));
    assert!(met(&[standard("a", Level::IndustryOrLocal, false, 3, false)], "二（二）2（6）"));
    assert!(!met(&[standard("a", Level::IndustryOrLocal, false, 4, false)], "二（二）2（6）"));
    assert!(met(&[book("a", true, 1.0)], "二（二）2（7）"), "no word count for 高级");
    assert!(met(&[paper("a", true, Authorship::First), paper("b", true, Authorship::Sole)], "二（二）2（7）"));
    assert!(!met(&[paper("a", true, Authorship::First)], "二（二）2（7）"));
    assert!(met(&[training("a", true, 1.0, Some(Level::Prefecture))], "二（二）2（8）"));
    assert!(!met(&[training("a", true, 1.0, Some(Level::Enterprise))], "二（二）2（8）"));
    assert!(!met(&[training("a", false, 1.0, Some(Level::National))], "二（二）2（8）"));
    assert!(met(
        &[report("a", Level::National, false, 3, false), report("b", Level::Provincial, false, 2, false)],
        "二（二）2（9）"
    ));
    assert!(!met(
        &[report("a", Level::National, false, 4, false), report("b", Level::Provincial, false, 2, false)],
        "二（二）2（9）"
    ));
    assert!(met(&[white("a", false, 3), white("b", false, 1), white("c", false, 2)], "二（二）2（9）"));
    assert!(!met(&[white("a", false, 3), white("b", false, 1)], "二（二）2（9）"));
}

// ---- 工程师 ----

#[test]
fn intermediate_1_to_5() {
    assert!(met(&[project("a", Level::Enterprise, false, 5, true, 0.0)], "二（二）3（1）"));
    assert!(!met(&[project("a", Level::Enterprise, false, 6, true, 0.0)], "二（二）3（1）"));
    assert!(!met(&[project("a", Level::Enterprise, false, 5, false, 0.0)], "二（二）3（1）"));
    assert!(met(&[newtech("a", false, 5, false, false, false, true)], "二（二）3（2）"));
    assert!(!met(&[newtech("a", false, 5, false, false, true, false)], "二（二）3（2）"));
    let svc = |rank| ach("a", "2022-01", K::EquipmentService { led: false, rank: Some(rank) });
    assert!(met(&[svc(5)], "二（二）3（3）"));
    assert!(!met(&[svc(6)], "二（二）3（3）"));
    assert!(met(&[standard("a", Level::IndustryOrLocal, false, 5, false)], "二（二）3（4）"));
    assert!(met(&[standard("a", Level::Enterprise, false, 3, true)], "二（二）3（4）"));
    assert!(!met(&[standard("a", Level::Enterprise, false, 3, false)], "二（二）3（4）"), "已实施");
    assert!(!met(&[standard("a", Level::Enterprise, false, 4, true)], "二（二）3（4）"));
    assert!(met(&[report("a", Level::Enterprise, false, 3, true)], "二（二）3（5）"));
    assert!(!met(&[report("a", Level::Enterprise, false, 3, false)], "二（二）3（5）"));
    assert!(!met(&[report("a", Level::Enterprise, false, 4, true)], "二（二）3（5）"));
}

#[test]
fn a_leader_without_a_stated_rank_is_first_and_an_unknown_rank_is_said() {
    let led = ach("a", "2022-01", K::EquipmentService { led: true, rank: None });
    assert!(met(&[led], "二（二）3（3）"));
    let unknown = ach("a", "2022-01", K::EquipmentService { led: false, rank: None });
    let a = run(&[unknown]);
    assert_eq!(cond(&a, "二（二）3（3）").alternatives[0].rejected[0].reasons, ["未填个人排名（需前5）"]);
}

// ---- verdicts, gaps, chain, fee ----

#[test]
fn the_example_applicant() {
    let f = crate::applicant_file::parse(include_str!("../../../../../examples/applicant.json"), None).unwrap().file;
    let a = assess(&f.profile, &f.screening, &f.achievements, None, &pack());
    assert_eq!(a.eligible_levels, [TitleLevel::Senior, TitleLevel::Intermediate]);
    let p = level(&a, TitleLevel::Professor);
    assert!(p.education.met, "master + 160 months ≥ 12 years");
    assert_eq!(
        p.gap,
        ["再需1项主持完成、通过认定或验收的省（部）级以上绿色低碳工程项目（2018年11月及以后）——二（二）1（1）"]
    );
    let s = level(&a, TitleLevel::Senior);
    let met: Vec<_> = s.conditions.iter().filter(|c| c.met).map(|c| c.clause.as_str()).collect();
    assert_eq!(met, ["二（二）2（1）", "二（二）2（3）", "二（二）2（5）"]);
    assert_eq!(s.fee.as_ref().unwrap().yuan, 420);
    assert_eq!(level(&a, TitleLevel::Intermediate).fee.as_ref().unwrap().yuan, 240);
    assert_eq!(a.chain.unwrap().clause, "三（二）3（1）");
}

#[test]
fn the_gap_names_the_shortest_way_and_the_years() {
    let mut p = complete();
    p.field_start_month = Some(ym("2012-05")); // 139 months: 5 short of 12 years
    let a = assess(&p, &screening(), &[patent("a", "2020-01", 1, false)], None, &pack());
    let prof = level(&a, TitleLevel::Professor);
    assert_eq!(
        prof.gap,
        [
            "从事本领域工作年限还差5个月（具备硕士学位，需满12年，按对年对月计算至2023年12月）",
            "再需1项排名第1的授权发明专利（2018年11月及以后）——二（二）1（5）",
        ]
    );
}

#[test]
fn a_revenue_gap_is_an_amount() {
    let a = run(&[revenue("a", true, 1, 2000.0)]);
    let prof = level(&a, TitleLevel::Professor);
    assert!(prof.gap.iter().any(|g| g.zh().contains("累计还差500万元")), "{:?}", prof.gap);
}

#[test]
fn same_input_same_output() {
    let list = [patent("a", "2020-01", 1, true), book("b", true, 11.0)];
    assert_eq!(run(&list), run(&list));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_kind() -> impl Strategy<Value = K> {
        let rank = proptest::option::of(1u32..8);
        let level = proptest::option::of(prop_oneof![
            Just(Level::Enterprise),
            Just(Level::Prefecture),
            Just(Level::IndustryOrLocal),
            Just(Level::Provincial),
            Just(Level::National)
        ]);
        prop_oneof![
            (level.clone(), any::<bool>(), rank.clone(), any::<bool>(), proptest::option::of(0.0f64..4000.0)).prop_map(
                |(level, led, rank, accepted, investment_wan)| K::EngineeringProject {
                    level,
                    led,
                    rank,
                    accepted,
                    investment_wan
                }
            ),
            (any::<bool>(), rank.clone(), any::<bool>())
                .prop_map(|(granted, rank, green_related)| K::InventionPatent { granted, rank, green_related }),
            (any::<bool>(), rank.clone(), proptest::option::of(0.0f64..3000.0))
                .prop_map(|(led, rank, revenue_wan)| K::ProductRevenue { led, rank, revenue_wan }),
            (level.clone(), any::<bool>(), rank.clone(), any::<bool>())
                .prop_map(|(level, led, rank, implemented)| K::Standard { level, led, rank, implemented }),
            (any::<bool>(), prop_oneof![Just(Authorship::Sole), Just(Authorship::First), Just(Authorship::Other)])
                .prop_map(|(core_journal, a)| K::Paper {
                    core_journal,
                    authorship: Some(a),
                    supplement: false,
                    cn_number: String::new(),
                }),
            (any::<bool>(), rank).prop_map(|(led, rank)| K::EquipmentService { led, rank }),
        ]
    }

    fn any_achievement() -> impl Strategy<Value = Achievement> {
        (2016i32..2025, 1u32..13, any_kind()).prop_map(|(y, m, kind)| Achievement {
            id: String::new(),
            title: "x".into(),
            month: Some(YearMonth::new(y, m).unwrap()),
            kind,
        })
    }

    fn numbered(list: Vec<Achievement>) -> Vec<Achievement> {
        list.into_iter()
            .enumerate()
            .map(|(i, mut a)| {
                a.id = format!("a{i}");
                a
            })
            .collect()
    }

    proptest! {
        #[test]
        fn adding_an_achievement_never_removes_an_eligible_level(
            list in proptest::collection::vec(any_achievement(), 0..8),
            extra in any_achievement(),
        ) {
            let list = numbered(list);
            let before = run(&list).eligible_levels;
            let mut more = list.clone();
            more.push(extra);
            let more = numbered(more);
            let after = run(&more).eligible_levels;
            for l in before {
                prop_assert!(after.contains(&l), "{:?} lost", l);
            }
        }

        #[test]
        fn starting_earlier_in_the_field_never_removes_an_eligible_level(
            list in proptest::collection::vec(any_achievement(), 0..8),
            start in 0i32..300,
            earlier in 1i32..120,
        ) {
            let list = numbered(list);
            let mut p = complete();
            p.field_start_month = Some(shift(ym("2023-12"), -start));
            let before = assess(&p, &screening(), &list, None, &pack()).eligible_levels;
            p.field_start_month = Some(shift(ym("2023-12"), -start - earlier));
            let after = assess(&p, &screening(), &list, None, &pack()).eligible_levels;
            for l in before {
                prop_assert!(after.contains(&l));
            }
        }

        #[test]
        fn an_excluded_applicant_is_eligible_for_nothing(list in proptest::collection::vec(any_achievement(), 0..8), which in 0usize..3) {
            let list = numbered(list);
            let mut s = screening();
            match which { 0 => s.civil_servant = Some(true), 1 => s.retired = Some(true), _ => s.penalty_period = Some(true) }
            prop_assert!(assess(&complete(), &s, &list, None, &pack()).eligible_levels.is_empty());
        }
    }
}
