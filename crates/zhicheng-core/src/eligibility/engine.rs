//! The engine: (applicant, application month, pack) → assessment. Pure: same input, same output; no
//! clock. Every verdict names its clause; every failure names the qualifier that fails.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::achievement::{Achievement, Facts, Level};
use super::pack::{Alternative, EducationRow, Exclusion, Fee, MissingRoute, Require, Route, RulePack, TitleLevel};
use super::reason::Reason;
use crate::chain::SubmissionChain;
use crate::error::Result;
use crate::profile::{ArchiveLocation, Degree, Education, Profile};
use crate::round::Round;
use crate::yearmonth::YearMonth;

/// The applicant's answers to the screening questions (申报资格) and the route.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Screening {
    pub route: Route,
    /// 公务员（含参公管理的人员）
    pub civil_servant: Option<bool>,
    /// 离退休人员
    pub retired: Option<bool>,
    /// 处于职称申报评审影响期内
    pub penalty_period: Option<bool>,
    /// 申报月份 (default: the pack's, 2023-11).
    pub apply_month: Option<YearMonth>,
}

impl Screening {
    fn answer(&self, code: &str) -> Option<bool> {
        match code {
            "civil_servant" => self.civil_servant,
            "retired" => self.retired,
            "penalty_period" => self.penalty_period,
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RowResult {
    pub row: EducationRow,
    pub years: u32,
    /// The applicant has the degree / education this row asks for.
    pub qualified: bool,
    pub met: bool,
    /// Months still missing (0 when met or when the row needs no years).
    pub months_short: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EducationResult {
    pub met: bool,
    /// The most favourable row that is met.
    pub used_row: Option<EducationRow>,
    /// Whole months in the field up to the cutoff (对年对月), when the start month is known and not
    /// after the application month.
    pub months_counted: Option<i32>,
    /// The field start lies after the application month: an impossible timeline, never 0 years.
    pub field_start_late: bool,
    pub cutoff: YearMonth,
    pub rows: Vec<RowResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Rejection {
    pub id: String,
    pub title: String,
    /// Every qualifier it fails.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AltResult {
    pub need: String,
    /// The pack's English gloss of `need`, where it has one.
    pub need_en: Option<String>,
    pub count: u32,
    pub met: bool,
    /// The achievements that count.
    pub counted: Vec<String>,
    /// Of the right kind but failing a qualifier.
    pub rejected: Vec<Rejection>,
    /// For revenue sums: the qualifying total and the amount needed (万元).
    pub revenue_wan: Option<f64>,
    pub revenue_needed_wan: Option<f64>,
    pub also: Option<Box<AltResult>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConditionResult {
    pub clause: String,
    /// The pack's short plain label of the condition, and its English.
    pub short: Option<String>,
    pub short_en: Option<String>,
    pub text: String,
    pub met: bool,
    pub alternatives: Vec<AltResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LevelResult {
    pub level: TitleLevel,
    pub clause: String,
    pub text: String,
    pub eligible: bool,
    pub education: EducationResult,
    pub conditions: Vec<ConditionResult>,
    /// For a level not reached: the shortest list of changes that would reach it.
    pub gap: Vec<Reason>,
    pub fee: Option<Fee>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExclusionHit {
    pub code: String,
    pub reason: String,
    /// The pack's English gloss of `reason`.
    pub reason_en: Option<String>,
    pub clause: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Assessment {
    pub pack_id: String,
    pub notice: String,
    pub route: Route,
    pub apply_month: YearMonth,
    /// The achievement window, both ends included.
    pub window_start: YearMonth,
    pub window_end: YearMonth,
    /// The first exclusion answered "yes".
    pub excluded: Option<ExclusionHit>,
    /// Exclusion questions not answered yet (the verdict assumes "no" and says so).
    pub unanswered: Vec<Exclusion>,
    /// The route has no conditions in the pack (正常申报 / 转评 / 多评 with the built-in pack). An
    /// empty `note`: the pack says nothing about the route (rendered from `pack_id` and the route).
    pub route_missing: Option<MissingRoute>,
    pub eligible_levels: Vec<TitleLevel>,
    pub levels: Vec<LevelResult>,
    pub chain: Option<SubmissionChain>,
    /// The round the application month was checked against (set by [`assess_in_round`]).
    pub round: Option<RoundBasis>,
}

/// The round an assessment judges by: which one, the months an application may carry, and whether
/// the round is already over (the app then says it judges by a closed round's rules).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RoundBasis {
    pub id: String,
    pub title: String,
    pub notice: String,
    pub first_month: YearMonth,
    pub last_month: YearMonth,
    /// The submission close, Beijing time.
    #[ts(type = "string")]
    pub submission_closes_at: chrono::DateTime<chrono::FixedOffset>,
}

/// Where the application month in force came from (for the error that refuses it).
fn month_in_force(
    explicit: Option<(YearMonth, &str)>,
    screening: &Screening,
    pack: &RulePack,
    round: &Round,
) -> Result<YearMonth> {
    if let Some((m, location)) = explicit {
        round.check_apply_month(m, location)?;
        return Ok(m);
    }
    if let Some(m) = screening.apply_month {
        round.check_apply_month(m, "申报资格 › 申报月份（screening.apply_month）")?;
        return Ok(m);
    }
    let (first, last) = round.apply_months();
    if (first..=last).contains(&pack.default_apply_month) {
        return Ok(pack.default_apply_month);
    }
    // The built-in pack's default is the built-in round's month; for a later round the month its
    // submission window opens in. A pack the user supplied must agree with the round in force.
    if pack.id == RulePack::builtin_ref().id {
        return Ok(first);
    }
    round.check_apply_month(pack.default_apply_month, &format!("规则包“{}”的 default_apply_month", pack.id))?;
    Ok(pack.default_apply_month)
}

/// [`assess`] under a round: the application month (explicit, else the screening's, else the pack's
/// default) must lie in the round's submission window, and the assessment says which round it used.
pub fn assess_in_round(
    profile: &Profile,
    screening: &Screening,
    achievements: &[Achievement],
    explicit: Option<(YearMonth, &str)>,
    pack: &RulePack,
    round: &Round,
) -> Result<Assessment> {
    let month = month_in_force(explicit, screening, pack, round)?;
    let mut a = assess(profile, screening, achievements, Some(month), pack);
    let (first_month, last_month) = round.apply_months();
    a.round = Some(RoundBasis {
        id: round.id.clone(),
        title: round.title.clone(),
        notice: round.notice.clone(),
        first_month,
        last_month,
        submission_closes_at: round.submission().closes_at,
    });
    Ok(a)
}

fn qualifies(row: EducationRow, education: Option<Education>, degree: Option<Degree>) -> bool {
    match row {
        EducationRow::DoctorDegree => degree == Some(Degree::Doctor),
        EducationRow::MasterDegree => degree >= Some(Degree::Master),
        EducationRow::BachelorEducationOrDegree => {
            education >= Some(Education::Bachelor) || degree >= Some(Degree::Bachelor)
        }
    }
}

fn education_result(
    p: &Profile,
    rules: &[super::pack::EducationRule],
    cutoff: YearMonth,
    apply: YearMonth,
) -> EducationResult {
    // A start after the application month cannot be counted (五（三）): no row is met, not even one
    // that needs no years.
    let late = p.field_start_month.is_some_and(|s| s > apply);
    let months = p.field_start_month.filter(|_| !late).map(|s| s.months_until(cutoff));
    let rows: Vec<RowResult> = rules
        .iter()
        .map(|r| {
            let qualified = qualifies(r.row, p.education, p.degree);
            let need = i32::try_from(r.years.saturating_mul(12)).unwrap_or(i32::MAX);
            let have = months.unwrap_or(i32::MIN);
            let years_ok = r.years == 0 || have >= need;
            RowResult {
                row: r.row,
                years: r.years,
                qualified,
                met: qualified && years_ok && !late,
                months_short: if years_ok || months.is_none() {
                    0
                } else {
                    u32::try_from(need.saturating_sub(have)).unwrap_or(0)
                },
            }
        })
        .collect();
    let used = rows.iter().find(|r| r.met).map(|r| r.row);
    EducationResult {
        met: used.is_some(),
        used_row: used,
        months_counted: months,
        field_start_late: late,
        cutoff,
        rows,
    }
}

/// Why `facts` fail `req` (empty when they pass).
fn failures(f: &Facts, req: &Require) -> Vec<Reason> {
    let mut out = Vec::new();
    let flag = |v: Option<bool>, want: Option<bool>, no: Reason, out: &mut Vec<Reason>| {
        if want == Some(true) && v != Some(true) {
            out.push(no);
        }
    };
    // 主持 = 项目负责人 / 主编 / 第一 (the product's reading): rank 1 leads too.
    if req.led == Some(true) && !(f.led || f.rank == Some(1)) {
        out.push(Reason::NotLed);
    }
    if let Some(limit) = req.max_rank {
        // 主持 = first: a leader without a stated rank is rank 1.
        let rank = f.rank.or(if f.led { Some(1) } else { None });
        match rank {
            None => out.push(Reason::RankMissing { limit }),
            Some(rank) if rank > limit => out.push(Reason::RankAboveLimit { rank, limit }),
            _ => {}
        }
    }
    if let Some(min) = req.min_level {
        match f.level {
            None => out.push(Reason::LevelMissing { min }),
            Some(Level::Group) if min > Level::Group => out.push(Reason::GroupStandardNotCounted { min }),
            Some(level) if level < min => out.push(Reason::LevelBelow { level, min }),
            _ => {}
        }
    }
    flag(f.accepted, req.accepted, Reason::NotAccepted, &mut out);
    if let Some(min_wan) = req.min_investment_wan {
        match f.investment_wan {
            None => out.push(Reason::InvestmentMissing { min_wan }),
            Some(have_wan) if to_fen(have_wan) < to_fen(min_wan) => {
                out.push(Reason::InvestmentBelow { have_wan, min_wan })
            }
            _ => {}
        }
    }
    flag(f.recognised, req.recognised, Reason::NotRecognised, &mut out);
    flag(f.good_benefit, req.good_benefit, Reason::NoGoodBenefit, &mut out);
    flag(f.in_use, req.in_use, Reason::NotInUse, &mut out);
    flag(f.granted, req.granted, Reason::NotGranted, &mut out);
    flag(f.green_related, req.green_related, Reason::NotGreenRelated, &mut out);
    flag(f.implemented, req.implemented, Reason::NotImplemented, &mut out);
    flag(f.published, req.published, Reason::NotPublished, &mut out);
    flag(f.chief_editor, req.chief_editor, Reason::NotChiefEditor, &mut out);
    if let Some(min_wan) = req.min_own_words_wan {
        match f.own_words_wan {
            None => out.push(Reason::OwnWordsMissing { min_wan }),
            Some(have_wan) if to_fen(have_wan) < to_fen(min_wan) => {
                out.push(Reason::OwnWordsBelow { have_wan, min_wan })
            }
            _ => {}
        }
    }
    flag(f.core_journal, req.core_journal, Reason::NotCoreJournal, &mut out);
    flag(f.first_author, req.first_author, Reason::NotFirstAuthor, &mut out);
    if let Some(min) = req.min_promoted_by {
        match f.promoted_by {
            None => out.push(Reason::PromotionMissing { min }),
            Some(level) if level < min => out.push(Reason::PromotionBelow { level, min }),
            _ => {}
        }
    }
    flag(f.applied, req.applied, Reason::NotApplied, &mut out);
    out
}

fn in_window(a: &Achievement, start: YearMonth, end: YearMonth) -> Option<Reason> {
    match a.month {
        None => Some(Reason::MonthMissing),
        // 业绩成果的计算时间截至申报当月 (五（三）): a later month is not "outside 5 years", it is too late.
        Some(month) if month > end => {
            Some(Reason::MonthAfterApply { month, apply: end, clause: "五（三）".into() })
        }
        Some(month) if month < start => Some(Reason::MonthOutsideWindow { month, start, end }),
        Some(_) => None,
    }
}

fn eval_alt(alt: &Alternative, achievements: &[Achievement], start: YearMonth, end: YearMonth) -> AltResult {
    let mut counted = Vec::new();
    let mut rejected = Vec::new();
    // Summed exactly, in 分 (0.01 元 = 0.000001 万元): 2499.995 万元 stays below 2500.
    let mut revenue_fen: i64 = 0;
    for a in achievements.iter().filter(|a| alt.kinds.contains(&a.kind.tag())) {
        let mut reasons: Vec<Reason> = in_window(a, start, end).into_iter().collect();
        let facts = a.kind.facts();
        reasons.extend(failures(&facts, &alt.require));
        if alt.sum_revenue_wan.is_some() && facts.revenue_wan.is_none() {
            reasons.push(Reason::RevenueMissing);
        }
        if reasons.is_empty() {
            counted.push(a.id.clone());
            revenue_fen += to_fen(facts.revenue_wan.unwrap_or(0.0));
        } else {
            rejected.push(Rejection { id: a.id.clone(), title: a.title.clone(), reasons });
        }
    }
    let also = alt.also.as_ref().map(|x| Box::new(eval_alt(x, achievements, start, end)));
    let main_met = match alt.sum_revenue_wan {
        Some(need) => !counted.is_empty() && revenue_fen >= to_fen(need),
        None => counted.len() as u32 >= alt.count,
    };
    let met = main_met && also.as_ref().is_none_or(|x| x.met);
    AltResult {
        need: alt.need.clone(),
        need_en: alt.need_en.clone(),
        count: alt.count,
        met,
        counted,
        rejected,
        revenue_wan: alt.sum_revenue_wan.map(|_| revenue_fen as f64 / FEN_PER_WAN),
        revenue_needed_wan: alt.sum_revenue_wan,
        also,
    }
}

/// The changes an alternative still needs, as gap lines under `clause`, and their number (for
/// choosing the shortest).
fn alt_gap(r: &AltResult, since: YearMonth, clause: &str) -> (u32, Vec<Reason>) {
    let mut lines = Vec::new();
    let mut n = 0;
    match (r.revenue_wan, r.revenue_needed_wan) {
        (Some(have), Some(need)) => {
            if to_fen(have) < to_fen(need) {
                n += 1;
                let short_wan = (to_fen(need) - to_fen(have)) as f64 / FEN_PER_WAN;
                lines.push(Reason::RevenueShort {
                    need: r.need.clone(),
                    need_en: r.need_en.clone(),
                    short_wan,
                    since,
                    clause: clause.to_string(),
                });
            }
        }
        _ => {
            let missing = r.count.saturating_sub(r.counted.len() as u32);
            if missing > 0 {
                n += missing;
                lines.push(Reason::MoreNeeded {
                    missing,
                    need: r.need.clone(),
                    need_en: r.need_en.clone(),
                    since,
                    clause: clause.to_string(),
                });
            }
        }
    }
    if let Some(also) = &r.also {
        let (m, l) = alt_gap(also, since, clause);
        n += m;
        lines.extend(l);
    }
    (n, lines)
}

/// Assesses an applicant. `apply_month` overrides the screening's and the pack's default.
pub fn assess(
    profile: &Profile,
    screening: &Screening,
    achievements: &[Achievement],
    apply_month: Option<YearMonth>,
    pack: &RulePack,
) -> Assessment {
    let apply = apply_month.or(screening.apply_month).unwrap_or(pack.default_apply_month);
    let start = shift(apply, -(pack.window_months as i32));
    let excluded = pack.exclusions.iter().find(|e| screening.answer(&e.code) == Some(true)).map(|e| ExclusionHit {
        code: e.code.clone(),
        reason: e.reason.clone(),
        reason_en: e.reason_en.clone(),
        clause: e.clause.clone(),
        text: e.text.clone(),
    });
    let unanswered = pack.exclusions.iter().filter(|e| screening.answer(&e.code).is_none()).cloned().collect();
    let route_rules = pack.route(screening.route);
    let route_missing = match route_rules {
        Some(_) => None,
        None => pack.missing_routes.iter().find(|m| m.route == screening.route).cloned().or_else(|| {
            Some(MissingRoute {
                route: screening.route,
                clause: String::new(),
                text: String::new(),
                note: String::new(),
                note_en: None,
            })
        }),
    };
    let mut levels = Vec::new();
    if let Some(rr) = route_rules {
        for lr in &rr.levels {
            let education = education_result(profile, &lr.education, pack.work_time_cutoff, apply);
            let conditions: Vec<ConditionResult> = lr
                .conditions
                .iter()
                .map(|c| {
                    let alternatives: Vec<AltResult> =
                        c.any_of.iter().map(|a| eval_alt(a, achievements, start, apply)).collect();
                    ConditionResult {
                        clause: c.clause.clone(),
                        short: c.short.clone(),
                        short_en: c.short_en.clone(),
                        text: c.text.clone(),
                        met: alternatives.iter().any(|a| a.met),
                        alternatives,
                    }
                })
                .collect();
            let any_condition = conditions.iter().any(|c| c.met);
            let eligible = excluded.is_none() && education.met && any_condition;
            let mut gap = Vec::new();
            if excluded.is_none() && !eligible {
                gap.extend(education_gap(profile, &education, pack.work_time_cutoff, apply));
                if !any_condition {
                    let best = conditions
                        .iter()
                        .flat_map(|c| c.alternatives.iter().map(move |a| (c, a)))
                        .map(|(c, a)| {
                            let (n, lines) = alt_gap(a, start, &c.clause);
                            // Fewest changes first; among equals, the way the applicant has most of.
                            (n, std::cmp::Reverse(progress(a)), lines)
                        })
                        .min_by_key(|(n, p, _)| (*n, *p));
                    if let Some((_, _, lines)) = best {
                        gap.extend(lines);
                    }
                }
            }
            levels.push(LevelResult {
                level: lr.level,
                clause: lr.clause.clone(),
                text: lr.text.clone(),
                eligible,
                education,
                conditions,
                gap,
                fee: pack.fee(lr.level).cloned(),
            });
        }
    }
    levels.sort_by_key(|l| std::cmp::Reverse(l.level));
    let eligible_levels = levels.iter().filter(|l| l.eligible).map(|l| l.level).collect();
    let chain = profile
        .employer_kind
        .and_then(|k| pack.chain_for(k, profile.archive_location.unwrap_or(ArchiveLocation::Chongqing)).cloned());
    Assessment {
        pack_id: pack.id.clone(),
        notice: pack.notice.clone(),
        route: screening.route,
        apply_month: apply,
        window_start: start,
        window_end: apply,
        excluded,
        unanswered,
        route_missing,
        eligible_levels,
        levels,
        chain,
        round: None,
    }
}

/// 分 in one 万元.
const FEN_PER_WAN: f64 = 1_000_000.0;

/// An amount in 万元 as whole 分: amounts are decimals written with at most 6 places (分), which this
/// recovers exactly from the nearest f64; comparisons and sums then have no rounding at all.
fn to_fen(wan: f64) -> i64 {
    // Amounts are checked to lie in 0 … 1e8 万元 (1e14 分, exact in f64 and i64).
    (wan * FEN_PER_WAN).round() as i64
}

/// How many qualifying achievements an alternative already has (its own and its `also`).
fn progress(a: &AltResult) -> usize {
    a.counted.len() + a.also.as_ref().map_or(0, |x| progress(x))
}

fn education_gap(p: &Profile, e: &EducationResult, cutoff: YearMonth, apply: YearMonth) -> Vec<Reason> {
    if e.met {
        return vec![];
    }
    if let Some(start) = p.field_start_month.filter(|_| e.field_start_late) {
        return vec![Reason::FieldStartLate { start, apply, clause: "五（三）".into() }];
    }
    if p.education.is_none() || p.degree.is_none() {
        return vec![Reason::EducationMissing];
    }
    let qualified: Vec<&RowResult> = e.rows.iter().filter(|r| r.qualified).collect();
    if qualified.is_empty() {
        return vec![Reason::EducationMismatch { rows: e.rows.iter().map(|r| r.row).collect() }];
    }
    if e.months_counted.is_none() {
        return vec![Reason::FieldStartMissing];
    }
    let Some(best) = qualified.iter().min_by_key(|r| r.months_short) else { return vec![] };
    vec![Reason::YearsShort { months: best.months_short, row: best.row, years: best.years, cutoff }]
}

/// `m` moved by `months`, held inside the months a [`YearMonth`] can name (1900-01 … 2999-12): a
/// window reaching before 1900 starts at 1900-01, which no stored month precedes, so the verdict is
/// the same as with the unclamped start.
fn shift(m: YearMonth, months: i32) -> YearMonth {
    let total = (i64::from(m.year()) * 12 + i64::from(m.month()) - 1 + i64::from(months))
        .clamp(i64::from(YearMonth::MIN.year()) * 12, i64::from(YearMonth::MAX.year()) * 12 + 11);
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    // Both parts are in range after the clamp; fall back to the bound rather than panic.
    i32::try_from(year)
        .ok()
        .zip(u32::try_from(month).ok())
        .and_then(|(y, mo)| YearMonth::new(y, mo).ok())
        .unwrap_or(if months < 0 { YearMonth::MIN } else { YearMonth::MAX })
}

#[cfg(test)]
mod tests;
