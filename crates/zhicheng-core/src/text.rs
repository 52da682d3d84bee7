//! The Rust catalogue: renders the codes the domain speaks ([`Reason`], levels, routes, rows) in a
//! language, for the CLI (and the engine's tests). The app renders the same codes with the UI's i18n
//! catalogue (`ui/src/eligibility/reasons.ts`); both are tested on [`crate::eligibility::reason::samples`].
//! The notice's own words (an alternative's `need`, a clause) stay in Chinese in every language; in
//! English they are quoted, with the pack's gloss beside them where it has one.

use crate::eligibility::pack::{EducationRow, Route, TitleLevel};
use crate::eligibility::{Level, Reason};
use crate::prereview::{Check, Finding};
use crate::profile::HeldTitle;
use crate::yearmonth::YearMonth;

pub use crate::lang::Lang;

/// An amount as written: up to 分 (six places of 万元), trailing zeros dropped — never rounded up
/// into a threshold (2499.995 is shown as such, not as 2500).
pub fn wan(x: f64) -> String {
    let s = format!("{x:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// 2018年11月 / Nov 2018.
pub fn month_words(m: YearMonth, lang: Lang) -> String {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match lang {
        Lang::Zh => format!("{}年{}月", m.year(), m.month()),
        Lang::En => {
            let name = EN.get((m.month() as usize).saturating_sub(1)).copied().unwrap_or("?");
            format!("{name} {}", m.year())
        }
    }
}

pub fn level(l: Level, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => l.label_zh(),
        Lang::En => match l {
            Level::Group => "group",
            Level::Enterprise => "enterprise",
            Level::Prefecture => "prefecture (city)",
            Level::IndustryOrLocal => "industry (local)",
            Level::Provincial => "provincial (ministerial)",
            Level::National => "national",
        },
    }
}

pub fn title_level(l: TitleLevel, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => l.label_zh(),
        Lang::En => match l {
            TitleLevel::Professor => "Professor-level Senior Engineer",
            TitleLevel::Senior => "Senior Engineer",
            TitleLevel::Intermediate => "Engineer",
        },
    }
}

pub fn route(r: Route, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => r.label_zh(),
        Lang::En => match r {
            Route::FirstBatch => "first-batch recognition",
            Route::Regular => "regular application",
            Route::Transfer => "transfer",
            Route::Additional => "additional title",
        },
    }
}

pub fn education_row(row: EducationRow, lang: Lang) -> &'static str {
    match (lang, row) {
        (Lang::Zh, EducationRow::DoctorDegree) => "具备博士学位",
        (Lang::Zh, EducationRow::MasterDegree) => "具备硕士学位",
        (Lang::Zh, EducationRow::BachelorEducationOrDegree) => "具有大学本科以上学历或学士以上学位",
        (Lang::En, EducationRow::DoctorDegree) => "a doctoral degree",
        (Lang::En, EducationRow::MasterDegree) => "a master's degree",
        (Lang::En, EducationRow::BachelorEducationOrDegree) => "a bachelor's education or degree or higher",
    }
}

/// The notice's words in English: quoted Chinese, with the gloss beside it where there is one.
fn quoted(zh: &str, gloss: Option<&str>) -> String {
    match gloss {
        Some(g) if !g.is_empty() => format!("“{zh}” ({g})"),
        _ => format!("“{zh}”"),
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One reason in words.
pub fn reason(r: &Reason, lang: Lang) -> String {
    match lang {
        Lang::Zh => reason_zh(r),
        Lang::En => reason_en(r),
    }
}

fn reason_zh(r: &Reason) -> String {
    use Reason::*;
    let lv = |l: &Level| l.label_zh();
    let ym = |m: &YearMonth| month_words(*m, Lang::Zh);
    match r {
        NotLed => "非本人主持".into(),
        RankMissing { limit } => format!("未填个人排名（需前{limit}）"),
        RankAboveLimit { rank, limit: 1 } => format!("个人排名第{rank}，需排名第1"),
        RankAboveLimit { rank, limit } => format!("个人排名第{rank}，需前{limit}"),
        LevelMissing { min } => format!("未填级别（需{}以上）", lv(min)),
        GroupStandardNotCounted { min } => {
            format!("团体标准既不是国家级、也不是行业（地方）标准，不计为{}以上", lv(min))
        }
        LevelBelow { level, min } => format!("级别为{}，需{}以上", lv(level), lv(min)),
        NotAccepted => "未通过认定或验收".into(),
        InvestmentMissing { min_wan } => format!("未填固定资产投资（需{}万元以上）", wan(*min_wan)),
        InvestmentBelow { have_wan, min_wan } => {
            format!("固定资产投资{}万元，需{}万元以上", wan(*have_wan), wan(*min_wan))
        }
        NotRecognised => "未被认定为绿色设计产品或省（部）级重大新产品".into(),
        NoGoodBenefit => "未取得较好经济效益和社会效益".into(),
        NotInUse => "未投入生产或应用".into(),
        NotGranted => "专利未授权".into(),
        NotGreenRelated => "专利与绿色低碳无关".into(),
        NotImplemented => "未实施".into(),
        NotPublished => "未公开出版".into(),
        NotChiefEditor => "非本人主编".into(),
        OwnWordsMissing { min_wan } => format!("未填本人撰写字数（需{}万字以上）", wan(*min_wan)),
        OwnWordsBelow { have_wan, min_wan } => {
            format!("本人撰写{}万字，需不少于{}万字", wan(*have_wan), wan(*min_wan))
        }
        NotCoreJournal => "非中文核心期刊".into(),
        NotFirstAuthor => "非独立或第一作者".into(),
        PromotionMissing { min } => format!("未经主管部门或行业组织推广应用（需{}以上）", lv(min)),
        PromotionBelow { level, min } => format!("推广单位级别为{}，需{}以上", lv(level), lv(min)),
        NotApplied => "未推广应用或实施".into(),
        MonthMissing => "未填时间".into(),
        MonthAfterApply { month, apply, clause } => format!("{month} 晚于申报月份 {apply}（{clause}）"),
        MonthOutsideWindow { month, start, end } => format!("{month} 不在近5年内（{}至{}）", ym(start), ym(end)),
        RevenueMissing => "未填营收金额".into(),
        RevenueShort { need, short_wan, since, clause, .. } => {
            format!("{need}累计还差{}万元（{}及以后）——{clause}", wan(*short_wan), ym(since))
        }
        MoreNeeded { missing, need, since, clause, .. } => {
            format!("再需{missing}项{need}（{}及以后）——{clause}", ym(since))
        }
        FieldStartLate { start, apply, clause } => {
            format!("从事本领域工作起始年月 {start} 晚于申报月份 {apply}，无法计算年限；请在基本情况中核对（{clause}）")
        }
        EducationMissing => "请在基本情况中填写学历和学位".into(),
        EducationMismatch { rows } => {
            let labels: Vec<&str> = rows.iter().map(|r| education_row(*r, Lang::Zh)).collect();
            format!("学历学位不符：需{}", labels.join("，或"))
        }
        FieldStartMissing => "请在基本情况中填写从事本领域工作起始年月".into(),
        YearsShort { months, row, years, cutoff } => format!(
            "从事本领域工作年限还差{months}个月（{}，需满{years}年，按对年对月计算至{}）",
            education_row(*row, Lang::Zh),
            ym(cutoff)
        ),
    }
}

fn reason_en(r: &Reason) -> String {
    use Reason::*;
    let lv = |l: &Level| level(*l, Lang::En);
    let ym = |m: &YearMonth| month_words(*m, Lang::En);
    let amount = |x: &f64| format!("{} × 10,000 CNY", wan(*x));
    let words = |x: &f64| format!("{} × 10,000 characters", wan(*x));
    match r {
        NotLed => "not led by the applicant".into(),
        RankMissing { limit } => format!("personal rank not entered (top {limit} needed)"),
        RankAboveLimit { rank, limit: 1 } => format!("ranked {rank}; first place needed"),
        RankAboveLimit { rank, limit } => format!("ranked {rank}; top {limit} needed"),
        LevelMissing { min } => format!("level not entered ({} or above needed)", lv(min)),
        GroupStandardNotCounted { min } => format!(
            "a group (association) standard is neither national nor industry (local), so it does not count as {} or above",
            lv(min)
        ),
        LevelBelow { level, min } => format!("level is {}; {} or above needed", lv(level), lv(min)),
        NotAccepted => "not recognised or accepted on completion".into(),
        InvestmentMissing { min_wan } => {
            format!("fixed-asset investment not entered ({} or more needed)", amount(min_wan))
        }
        InvestmentBelow { have_wan, min_wan } => {
            format!("fixed-asset investment {}; {} or more needed", amount(have_wan), amount(min_wan))
        }
        NotRecognised => {
            "not recognised as a green-design product or a provincial (ministerial) major new product".into()
        }
        NoGoodBenefit => "no good economic and social benefits".into(),
        NotInUse => "not put into production or use".into(),
        NotGranted => "patent not granted".into(),
        NotGreenRelated => "patent not related to green and low-carbon work".into(),
        NotImplemented => "not implemented".into(),
        NotPublished => "not published".into(),
        NotChiefEditor => "the applicant is not the chief editor".into(),
        OwnWordsMissing { min_wan } => {
            format!("words written by the applicant not entered ({} or more needed)", words(min_wan))
        }
        OwnWordsBelow { have_wan, min_wan } => {
            format!("{} written by the applicant; at least {} needed", words(have_wan), words(min_wan))
        }
        NotCoreJournal => "not a Chinese core journal".into(),
        NotFirstAuthor => "not the sole or first author".into(),
        PromotionMissing { min } => {
            format!("not promoted by a competent department or industry body ({} or above needed)", lv(min))
        }
        PromotionBelow { level, min } => format!("promoted at {} level; {} or above needed", lv(level), lv(min)),
        NotApplied => "not promoted, applied or implemented".into(),
        MonthMissing => "no month entered".into(),
        MonthAfterApply { month, apply, clause } => {
            format!("{month} is later than the application month {apply} (clause {clause})")
        }
        MonthOutsideWindow { month, start, end } => {
            format!("{month} is not within the last 5 years ({} to {})", ym(start), ym(end))
        }
        RevenueMissing => "revenue not entered".into(),
        RevenueShort { need, need_en, short_wan, since, clause } => format!(
            "{}: {} still missing in total (counting from {}) — clause {clause}",
            quoted(need, need_en.as_deref()),
            amount(short_wan),
            ym(since)
        ),
        MoreNeeded { missing, need, need_en, since, clause } => {
            format!("{} more: {} (from {} on) — clause {clause}", missing, quoted(need, need_en.as_deref()), ym(since))
        }
        FieldStartLate { start, apply, clause } => format!(
            "the month you started in the field ({start}) is later than the application month ({apply}), so no years can be counted; check it under Basic information (clause {clause})"
        ),
        EducationMissing => "enter your education and degree under Basic information".into(),
        EducationMismatch { rows } => {
            let labels: Vec<&str> = rows.iter().map(|r| education_row(*r, Lang::En)).collect();
            format!("education and degree do not match: needs {}", labels.join(", or "))
        }
        FieldStartMissing => "enter the month you started working in the field under Basic information".into(),
        YearsShort { months, row, years, cutoff } => format!(
            "{} short of the years in the field ({}: {} needed, counted month for month up to {})",
            plural(*months, "month", "months"),
            education_row(*row, Lang::En),
            plural(*years, "full year", "full years"),
            ym(cutoff)
        ),
    }
}

/// A span of minutes: 1天0小时 / 1 day 0 hours (days and hours; hours and minutes under a day).
pub fn span(minutes: i64, lang: Lang) -> String {
    let m = minutes.max(0);
    let (days, hours, mins) = (m / 1440, (m % 1440) / 60, m % 60);
    let n = |x: i64, one: &str, many: &str| format!("{x} {}", if x == 1 { one } else { many });
    match (lang, days, hours) {
        (Lang::Zh, 0, 0) => format!("{mins}分钟"),
        (Lang::Zh, 0, h) => format!("{h}小时{mins}分钟"),
        (Lang::Zh, d, h) => format!("{d}天{h}小时"),
        (Lang::En, 0, 0) => n(mins, "minute", "minutes"),
        (Lang::En, 0, h) => format!("{} {}", n(h, "hour", "hours"), n(mins, "minute", "minutes")),
        (Lang::En, d, h) => format!("{} {}", n(d, "day", "days"), n(h, "hour", "hours")),
    }
}

/// A due reminder, for a desktop notification: the window (named by the caller, in `lang`), the
/// instant in Beijing time, and the time left.
pub fn reminder(r: &crate::deadlines::Reminder, window: &str, lang: Lang) -> String {
    use crate::round::WindowState;
    let opens = r.boundary == WindowState::Open;
    match lang {
        Lang::Zh => format!(
            "{window}将于{}{}，还有{}",
            r.at.format("%Y年%-m月%-d日 %H:%M（北京时间）"),
            if opens { "开始" } else { "截止" },
            span(r.left_minutes, lang)
        ),
        Lang::En => format!(
            "{window} {} on {} Beijing time: {} left",
            if opens { "opens" } else { "closes" },
            r.at.format("%-d %b %Y, %H:%M"),
            span(r.left_minutes, lang)
        ),
    }
}

pub use crate::round::window_label;

/// What is wrong with a publicity period.
pub fn period_warning(w: &crate::publicity::PeriodWarning, lang: Lang) -> String {
    use crate::publicity::PeriodWarning::*;
    match (w, lang) {
        (EndTooEarly { entered, end, workdays }, Lang::Zh) => {
            format!("填写的结束日期 {entered} 早于第{workdays}个工作日 {end}，公示期不足")
        }
        (EndTooEarly { entered, end, workdays }, Lang::En) => format!(
            "The end date entered ({entered}) is before working day {workdays} ({end}): the publicity is too short"
        ),
        (EndBeforeStart, Lang::Zh) => "结束日期早于开始日期".into(),
        (EndBeforeStart, Lang::En) => "The end date is before the start date".into(),
        (HolidaysUnknown { from, workdays }, Lang::Zh) => {
            format!("节假日表不含 {from} 所在年份，无法推算第{workdays}个工作日，请手工填写结束日期")
        }
        (HolidaysUnknown { from, workdays }, Lang::En) => format!(
            "The holiday table does not cover the year of {from}, so working day {workdays} cannot be computed; enter the end date by hand"
        ),
    }
}

/// A 预审 finding's message.
pub fn check(c: &Check, lang: Lang) -> String {
    use Check::*;
    let en = lang == Lang::En;
    match c {
        FieldStartBeforeGraduation { start, graduation } if en => format!(
            "The month you started in the field ({start}) is before your graduation ({graduation}): many reviewers count the years from graduation; confirm it and have proof ready"
        ),
        FieldStartBeforeGraduation { start, graduation } => format!(
            "从事本领域工作起始年月 {start} 早于毕业时间 {graduation}：不少评审按毕业后计算工作年限，请确认并备好证明"
        ),
        TitleBeforeGraduation { held, graduation } if en => {
            format!("Your current title ({held}) was obtained before your graduation ({graduation}); check it")
        }
        TitleBeforeGraduation { held, graduation } => {
            format!("现职称取得时间 {held} 早于毕业时间 {graduation}，请核对")
        }
        GraduationBefore16 { graduation, birth } if en => {
            format!("At graduation ({graduation}) you were under 16 (born {birth}); check it")
        }
        GraduationBefore16 { graduation, birth } => {
            format!("毕业时间 {graduation} 时未满16周岁（出生年月 {birth}），请核对")
        }
        AchievementBeforeFieldStart { title, month, start } if en => {
            format!("The achievement “{title}” ({month}) is dated before you started in the field ({start}); check it")
        }
        AchievementBeforeFieldStart { title, month, start } => {
            format!("业绩“{title}”的时间 {month} 早于从事本领域工作起始年月 {start}，请核对")
        }
        RankOneCountedAsLed { title } if en => format!(
            "“{title}” is ranked first but “led by me” is not ticked: first place counts as leading (project lead / chief editor / first)"
        ),
        RankOneCountedAsLed { title } => format!("业绩“{title}”个人排名第1，未勾选“本人主持”：按第一即主持计入"),
        LedButNotFirst { title, rank } if en => format!(
            "“{title}” is marked “led by me” but ranked {rank}: a lead is usually ranked first; check the rank on the evidence"
        ),
        LedButNotFirst { title, rank } => {
            format!("业绩“{title}”勾选了“本人主持”，但个人排名为第{rank}：主持人通常排名第1，请核对证明材料上的排名")
        }
        AmountLooksLikeYuan { title, amount_wan } if en => format!(
            "The amount of “{title}” is {} × 10,000 CNY (1 billion CNY or more): was it entered in yuan instead of 10,000 CNY?",
            wan(*amount_wan)
        ),
        AmountLooksLikeYuan { title, amount_wan } => {
            format!("业绩“{title}”的金额为 {} 万元（≥ 10 亿元）：是否把元填成了万元？", wan(*amount_wan))
        }
        AmountLooksLikeWanMisplaced { title, amount_wan } if en => format!(
            "The amount of “{title}” is only {} × 10,000 CNY (under 10,000 CNY): is the unit right? Amounts are in 10,000 CNY",
            wan(*amount_wan)
        ),
        AmountLooksLikeWanMisplaced { title, amount_wan } => {
            format!("业绩“{title}”的金额仅为 {} 万元（不足 1 万元）：单位是否有误？金额以万元计", wan(*amount_wan))
        }
        LevelAlreadyHeld { held } if en => format!(
            "You already hold a{} title: applying for the same level again is a transfer or additional title (conditions in 渝人社发〔2022〕68号, which this app does not have); first-batch recognition matters for you at a higher level",
            match held {
                HeldTitle::Professor => " professor-level",
                HeldTitle::Senior => " senior",
                _ => "n intermediate",
            }
        ),
        LevelAlreadyHeld { held } => format!(
            "已具有{}职称：再申报同级属于转评/多评（条件见渝人社发〔2022〕68号，本程序没有此文件），首批认定对您有意义的是更高级别",
            match held {
                HeldTitle::Professor => "正高级",
                HeldTitle::Senior => "副高级",
                _ => "中级",
            }
        ),
        EmployerDiffersOnSheet { unit, employer } if en => format!(
            "The receiving unit on the publicity sheet (“{unit}”) differs from your employer (“{employer}”); check it (it should be the employer or one of its departments)"
        ),
        EmployerDiffersOnSheet { unit, employer } => {
            format!("公示表的受理单位“{unit}”与工作单位“{employer}”不一致，请核对（应为工作单位或其部门）")
        }
        InsuranceEmployerDiffers { insurer, employer } if en => format!(
            "The unit paying your social insurance (“{insurer}”) differs from your employer (“{employer}”): the portal compares them, so have your unit write an explanation (employment relation, insurance paid on your behalf…); non-public units and mobile staff must also have paid insurance or kept their file with the applying unit (or its superior) for a full year"
        ),
        InsuranceEmployerDiffers { insurer, employer } => format!(
            "社保缴费单位“{insurer}”与工作单位“{employer}”不一致：申报系统会自动比对，请准备所在单位出具的情况说明（劳动关系、社保代缴等）；非公有制单位和流动人员还须在申报单位（或其上级）缴纳社保或存放档案满1年"
        ),
        PaperInSupplement { title } if en => {
            format!(
                "The paper “{title}” appeared in a supplement or proceedings: reviewers usually do not count it as a journal paper"
            )
        }
        PaperInSupplement { title } => format!("论文“{title}”刊于增刊或论文集：评审通常不计为期刊论文"),
        CoreJournalWithoutCn { title } if en => format!(
            "The paper “{title}” is marked as in a Chinese core journal but has no CN number: enter it and keep the journal's contents page"
        ),
        CoreJournalWithoutCn { title } => {
            format!("论文“{title}”标为中文核心期刊，但未填刊号（CN）：请填写，并备好期刊目录页")
        }
        AchievementWithoutEvidence { title } if en => format!("The achievement “{title}” has no evidence linked yet"),
        AchievementWithoutEvidence { title } => format!("业绩“{title}”还没有关联佐证材料"),
        EvidenceLinkedToNothing { title, id } if en => format!(
            "The evidence file “{title}” ({id}) is linked to no item or achievement; the export puts it under “other”"
        ),
        EvidenceLinkedToNothing { title, id } => {
            format!("佐证材料“{title}”（{id}）没有关联到任何项目或业绩，导出时归入“其他”")
        }
    }
}

/// Why a finding matters: its clause, and/or that reviewers commonly send it back.
pub fn basis(f: &Finding, lang: Lang) -> String {
    let common = match lang {
        Lang::Zh => "评审常见退回原因",
        Lang::En => "a common reason for returns at review",
    };
    match (&f.clause, f.common_return, lang) {
        (Some(c), true, Lang::Zh) => format!("{c}；{common}"),
        (Some(c), true, Lang::En) => format!("clause {c}; {common}"),
        (Some(c), false, Lang::Zh) => c.clone(),
        (Some(c), false, Lang::En) => format!("clause {c}"),
        (None, _, _) => common.to_string(),
    }
}

/// Chinese characters and full-width punctuation: what an English string may hold only inside the
/// notice's own words.
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF | 0x3400..=0x4DBF))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::reason::samples;

    /// The notice's words a reason carries (quoted as they are in every language).
    fn notice_words(r: &Reason) -> Vec<String> {
        let v = serde_json::to_value(r).expect("serialises");
        ["need", "clause"].iter().filter_map(|k| v[k].as_str().map(str::to_string)).collect()
    }

    #[test]
    fn every_reason_renders_in_both_languages_and_english_has_no_chinese_outside_the_notices_words() {
        for r in samples() {
            let zh = reason(&r, Lang::Zh);
            let en = reason(&r, Lang::En);
            assert!(!zh.is_empty() && !en.is_empty(), "{r:?}");
            assert!(has_cjk(&zh), "the Chinese rendering of {r:?} is not Chinese: {zh}");
            let mut bare = en.clone();
            for w in notice_words(&r) {
                bare = bare.replace(&w, "");
            }
            assert!(!has_cjk(&bare), "Chinese left in the English rendering of {r:?}: {en}");
            assert!(!en.contains(" 1 months") && !en.starts_with("1 months"), "{en}");
        }
    }

    #[test]
    fn english_counts_agree_in_number_and_keep_the_gloss() {
        let r = samples();
        let en: Vec<String> = r.iter().map(|r| reason(r, Lang::En)).collect();
        assert!(en.iter().any(|s| s.starts_with("1 month short")), "{en:?}");
        assert!(en.iter().any(|s| s.starts_with("14 months short")), "{en:?}");
        assert!(en.iter().any(|s| s.contains("“排名第1的授权发明专利” (granted invention patent, ranked first)")));
        assert!(en.iter().any(|s| s.contains("0.005 × 10,000 CNY")), "amounts as entered: {en:?}");
    }

    #[test]
    fn every_prereview_check_renders_in_both_languages_and_english_keeps_chinese_only_in_user_data() {
        use strum::IntoEnumIterator;
        let samples = crate::prereview::samples();
        for code in crate::prereview::CheckCode::iter() {
            let code: &str = code.into();
            assert!(samples.iter().any(|c| c.code() == code), "no sample of {code}");
        }
        for c in samples {
            let zh = check(&c, Lang::Zh);
            let en = check(&c, Lang::En);
            assert!(has_cjk(&zh), "{zh}");
            let v = serde_json::to_value(&c).expect("serialises");
            assert_eq!(v["code"], c.code());
            let mut bare = en.replace("渝人社发〔2022〕68号", "");
            for k in ["title", "unit", "employer", "insurer"] {
                if let Some(s) = v[k].as_str() {
                    bare = bare.replace(s, "");
                }
            }
            assert!(!has_cjk(&bare), "Chinese left in English: {en}");
        }
    }

    #[test]
    fn a_findings_basis_names_its_clause_and_the_common_returns() {
        let f = |clause: Option<&str>, common_return| Finding {
            check: Check::PaperInSupplement { title: String::new() },
            severity: crate::prereview::Severity::Info,
            fields: vec![],
            clause: clause.map(str::to_string),
            common_return,
        };
        assert_eq!(basis(&f(Some("五（三）"), true), Lang::Zh), "五（三）；评审常见退回原因");
        assert_eq!(basis(&f(None, true), Lang::Zh), "评审常见退回原因");
        assert_eq!(basis(&f(Some("三（三）2"), false), Lang::En), "clause 三（三）2");
        assert_eq!(basis(&f(None, true), Lang::En), "a common reason for returns at review");
    }

    #[test]
    fn spans_agree_in_number() {
        assert_eq!(span(1440, Lang::Zh), "1天0小时");
        assert_eq!(span(1440, Lang::En), "1 day 0 hours");
        assert_eq!(span(2 * 1440 + 60, Lang::En), "2 days 1 hour");
        assert_eq!(span(61, Lang::En), "1 hour 1 minute");
        assert_eq!(span(59, Lang::Zh), "59分钟");
        assert_eq!(span(-5, Lang::En), "0 minutes");
    }

    #[test]
    fn the_built_in_pack_glosses_every_text_the_english_interface_shows() {
        let pack = crate::eligibility::RulePack::builtin();
        fn walk(a: &crate::eligibility::pack::Alternative) {
            let g = a.need_en.as_deref().unwrap_or_else(|| panic!("no English gloss of “{}”", a.need));
            assert!(!g.is_empty() && !has_cjk(g), "{g}");
            if let Some(also) = &a.also {
                walk(also);
            }
        }
        for r in &pack.routes {
            for l in &r.levels {
                l.conditions.iter().flat_map(|c| &c.any_of).for_each(walk);
            }
        }
        for e in &pack.exclusions {
            for g in [&e.question_en, &e.reason_en] {
                let g = g.as_deref().unwrap_or_else(|| panic!("no English gloss of {}", e.code));
                assert!(!has_cjk(g), "{g}");
            }
        }
        for m in &pack.missing_routes {
            let g = m.note_en.as_deref().expect("a gloss of the note");
            // The document it names stays in Chinese, as the notice writes it.
            let bare = g.replace("《重庆市工程技术绿色低碳专业职称申报条件》", "").replace("渝人社发〔2022〕68号", "");
            assert!(!has_cjk(&bare), "{g}");
        }
    }

    #[test]
    fn the_language_comes_from_the_locale_and_chinese_when_unsure() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[])), Lang::Zh);
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
