//! The rule pack: the notice's rules as data (`data/rules-2023.json`), parsed into these types and
//! checked. A pack file may replace or extend the built-in one; a bad pack is refused whole, with the
//! file, the place inside it and the problem.

use crate::error::Rule;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::achievement::{KindTag, Level};
use crate::chain::SubmissionChain;
use crate::error::{CoreError, Result};
use crate::profile::{ArchiveLocation, EmployerKind};
use crate::yearmonth::YearMonth;

pub const PACK_FORMAT: &str = "zhicheng/rules";
const BUILTIN: &str = include_str!("../../data/rules-2023.json");

/// 正高级工程师 / 高级工程师 / 工程师.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TitleLevel {
    Intermediate,
    Senior,
    Professor,
}

impl TitleLevel {
    pub fn label_zh(self) -> &'static str {
        match self {
            TitleLevel::Professor => "正高级工程师",
            TitleLevel::Senior => "高级工程师",
            TitleLevel::Intermediate => "工程师",
        }
    }
    pub const ALL: [TitleLevel; 3] = [TitleLevel::Professor, TitleLevel::Senior, TitleLevel::Intermediate];
}

/// 首批认定 / 正常申报 / 转评 / 多评.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    #[default]
    FirstBatch,
    Regular,
    Transfer,
    Additional,
}

impl Route {
    pub fn label_zh(self) -> &'static str {
        match self {
            Route::FirstBatch => "首批认定",
            Route::Regular => "正常申报",
            Route::Transfer => "转评",
            Route::Additional => "多评",
        }
    }
}

/// A clause reference: its id and its exact text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub clause: String,
    pub text: String,
}

/// An exclusion of section 一（注）: a yes/no question; "yes" means 不得申报.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// `civil_servant`, `retired`, `penalty_period`.
    pub code: String,
    pub question: String,
    pub reason: String,
    /// English glosses of `question` and `reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_en: Option<String>,
    pub clause: String,
    pub text: String,
}

/// A row of the education × years table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EducationRow {
    /// 具备博士学位
    DoctorDegree,
    /// 具备硕士学位
    MasterDegree,
    /// 具有大学本科以上学历或学士以上学位
    BachelorEducationOrDegree,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EducationRule {
    pub row: EducationRow,
    /// 从事本领域工作满 N 年 (0: no years needed).
    pub years: u32,
}

/// What one achievement must satisfy to count. Absent fields are not checked: a predicate names
/// exactly the qualifiers of its clause, no more.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Require {
    /// 主持 (项目负责人 / 主编 / 第一).
    pub led: Option<bool>,
    /// 个人排名前 N (rank ≤ N). A leader satisfies it only when the rank limit is met.
    pub max_rank: Option<u32>,
    /// The lowest acceptable level (a higher one also counts).
    pub min_level: Option<Level>,
    /// 通过认定或验收.
    pub accepted: Option<bool>,
    pub min_investment_wan: Option<f64>,
    /// 绿色设计产品 or 省（部）级重大新产品.
    pub recognised: Option<bool>,
    pub good_benefit: Option<bool>,
    pub in_use: Option<bool>,
    pub granted: Option<bool>,
    pub green_related: Option<bool>,
    pub implemented: Option<bool>,
    pub published: Option<bool>,
    pub chief_editor: Option<bool>,
    pub min_own_words_wan: Option<f64>,
    pub core_journal: Option<bool>,
    /// 独立或以第一作者身份.
    pub first_author: Option<bool>,
    /// 经该级别以上主管部门或行业组织推广应用.
    pub min_promoted_by: Option<Level>,
    /// 推广应用或实施.
    pub applied: Option<bool>,
}

/// One way to meet a condition: `count` distinct achievements of `kinds` in the window that satisfy
/// `require`, or (with `sum_revenue_wan`) qualifying achievements whose revenue adds up to the amount;
/// `also` is a further requirement on the applicant's achievements (正高(2): one recognised product).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub kinds: Vec<KindTag>,
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default)]
    pub require: Require,
    /// 累计实现营收 at least this many 万元 over the qualifying achievements.
    #[serde(default)]
    pub sum_revenue_wan: Option<f64>,
    #[serde(default)]
    pub also: Option<Box<Alternative>>,
    /// How the gap line names one more qualifying achievement ("排名第1的授权发明专利").
    pub need: String,
    /// Its English gloss, shown beside the Chinese in the English interface.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_en: Option<String>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// e.g. 二（二）1（5）.
    pub clause: String,
    /// A short plain label colleagues understand (“投资1500万元以上项目骨干”), printed beside the clause
    /// on the publicity sheet; the product's summary, never a threshold of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_en: Option<String>,
    pub text: String,
    /// Met when any alternative is met.
    pub any_of: Vec<Alternative>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LevelRules {
    pub level: TitleLevel,
    pub clause: String,
    /// The level's opening paragraph (education, years, general requirements).
    pub text: String,
    pub education: Vec<EducationRule>,
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RouteRules {
    pub route: Route,
    pub levels: Vec<LevelRules>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    pub level: TitleLevel,
    pub yuan: u32,
    pub clause: String,
    pub text: String,
}

/// A route the pack has no conditions for, and what the app says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MissingRoute {
    pub route: Route,
    pub clause: String,
    pub text: String,
    pub note: String,
    /// Its English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    pub format: String,
    pub version: u32,
    pub id: String,
    pub notice: String,
    /// 专业工作时间、任职时间计算截至 (month).
    pub work_time_cutoff: YearMonth,
    pub work_time_clause: Clause,
    /// 近 N 个月 (60) counted back from the application month, both ends included.
    pub window_months: u32,
    pub window_clause: Clause,
    /// The application month when the applicant sets none (the submission window's month).
    pub default_apply_month: YearMonth,
    pub exclusions: Vec<Exclusion>,
    pub fees: Vec<Fee>,
    pub routes: Vec<RouteRules>,
    #[serde(default)]
    pub missing_routes: Vec<MissingRoute>,
    /// 申报程序 (三（二）1–5) with their requirements.
    pub chains: Vec<SubmissionChain>,
}

/// Bounds a pack's numbers must keep (sanity, not rules of the notice: a value past them is a typo).
const MAX_YEARS: u32 = 60;
const MAX_COUNT: u32 = 100;
const MAX_RANK: u32 = 100;
const MAX_FEE_YUAN: u32 = 100_000;
/// 1 亿万元: more than any project; beyond it a float loses the 0.01 万元 a threshold is written in.
const MAX_AMOUNT_WAN: f64 = 100_000_000.0;

/// A threshold that is negative, not a number or absurdly large; a rank limit of 0 or past the bound.
fn bad_numbers(a: &Alternative) -> Option<(&'static str, Rule)> {
    let amounts = [
        ("require.min_investment_wan", a.require.min_investment_wan),
        ("require.min_own_words_wan", a.require.min_own_words_wan),
        ("sum_revenue_wan", a.sum_revenue_wan),
    ];
    for (field, v) in amounts {
        if let Some(v) = v
            && !(v.is_finite() && (0.0..=MAX_AMOUNT_WAN).contains(&v))
        {
            return Some((field, Rule::AmountRange { max: MAX_AMOUNT_WAN, found: v }));
        }
    }
    if let Some(r) = a.require.max_rank
        && !(1..=MAX_RANK).contains(&r)
    {
        return Some(("require.max_rank", Rule::RankRange { max: MAX_RANK, found: r }));
    }
    None
}

impl RulePack {
    /// The built-in pack (渝经信发〔2023〕89号), parsed once per process.
    pub fn builtin_ref() -> &'static RulePack {
        static PACK: std::sync::OnceLock<RulePack> = std::sync::OnceLock::new();
        #[allow(clippy::expect_used, reason = "the built-in pack is data compiled in, and tested to parse")]
        PACK.get_or_init(|| RulePack::parse(BUILTIN, None).expect("the built-in rule pack is valid (tested)"))
    }

    pub fn builtin() -> RulePack {
        Self::builtin_ref().clone()
    }

    /// The chain for an employer kind: the one for the archive location when the pack splits by it.
    pub fn chain_for(&self, kind: EmployerKind, archive: ArchiveLocation) -> Option<&SubmissionChain> {
        self.chains
            .iter()
            .find(|c| c.employer_kind == kind && c.archive == Some(archive))
            .or_else(|| self.chains.iter().find(|c| c.employer_kind == kind && c.archive.is_none()))
    }

    /// Parses and checks a pack. Errors name the file, the place and the problem.
    pub fn parse(text: &str, path: Option<&std::path::Path>) -> Result<RulePack> {
        let invalid = |location: String, detail: Rule| CoreError::InvalidFile {
            path: path.map(|p| p.to_path_buf()),
            location: location.into(),
            detail: detail.into(),
        };
        let pack: RulePack = crate::error::parse_versioned(text, path, PACK_FORMAT, 1)?;
        if pack.window_months == 0 || pack.window_months > 240 {
            return Err(invalid("window_months".into(), Rule::WindowMonthsRange));
        }
        if pack.routes.is_empty() {
            return Err(invalid("routes".into(), Rule::NoRoute));
        }
        for (i, f) in pack.fees.iter().enumerate() {
            if f.yuan > MAX_FEE_YUAN {
                return Err(invalid(format!("fees[{i}].yuan"), Rule::FeeTooHigh { max: MAX_FEE_YUAN }));
            }
        }
        for (i, c) in pack.chains.iter().enumerate() {
            if c.nodes.len() < 2 || !c.nodes.contains(&c.publicity_by) {
                return Err(invalid(format!("chains[{i}].nodes"), Rule::ChainTooShort));
            }
        }
        for (r, route) in pack.routes.iter().enumerate() {
            for (l, level) in route.levels.iter().enumerate() {
                let at = |rest: String| format!("routes[{r}].levels[{l}].{rest}");
                if level.education.is_empty() {
                    return Err(invalid(at("education".into()), Rule::NoEducationRow));
                }
                for (e, row) in level.education.iter().enumerate() {
                    if row.years > MAX_YEARS {
                        return Err(invalid(
                            at(format!("education[{e}].years")),
                            Rule::YearsRange { max: MAX_YEARS, found: row.years },
                        ));
                    }
                }
                for (c, cond) in level.conditions.iter().enumerate() {
                    if cond.any_of.is_empty() {
                        return Err(invalid(at(format!("conditions[{c}].any_of")), Rule::NoAlternative));
                    }
                    if level.conditions.iter().take(c).any(|o| o.clause == cond.clause) {
                        return Err(invalid(
                            at(format!("conditions[{c}].clause")),
                            Rule::DuplicateClause { clause: cond.clause.clone() },
                        ));
                    }
                    for (a, alt) in cond.any_of.iter().enumerate() {
                        let mut alt = Some(alt);
                        let mut where_ = format!("conditions[{c}].any_of[{a}]");
                        while let Some(x) = alt {
                            if x.kinds.is_empty() || x.count == 0 || x.count > MAX_COUNT {
                                return Err(invalid(at(where_), Rule::KindsAndCount { max: MAX_COUNT }));
                            }
                            if let Some((field, detail)) = bad_numbers(x) {
                                return Err(invalid(at(format!("{where_}.{field}")), detail));
                            }
                            alt = x.also.as_deref();
                            where_.push_str(".also");
                        }
                    }
                }
            }
        }
        Ok(pack)
    }

    /// Adds or replaces routes and levels from `other` (a pack for 正常申报, or a later notice).
    pub fn extend(&mut self, other: RulePack) {
        for r in other.routes {
            match self.routes.iter_mut().find(|x| x.route == r.route) {
                Some(mine) => {
                    for l in r.levels {
                        match mine.levels.iter_mut().find(|x| x.level == l.level) {
                            Some(m) => *m = l,
                            None => mine.levels.push(l),
                        }
                    }
                }
                None => self.routes.push(r),
            }
        }
        let covered: Vec<Route> = self.routes.iter().map(|r| r.route).collect();
        self.missing_routes.retain(|m| !covered.contains(&m.route));
    }

    pub fn route(&self, route: Route) -> Option<&RouteRules> {
        self.routes.iter().find(|r| r.route == route && !r.levels.is_empty())
    }

    pub fn fee(&self, level: TitleLevel) -> Option<&Fee> {
        self.fees.iter().find(|f| f.level == level)
    }
}
