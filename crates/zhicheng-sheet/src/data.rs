//! What the sheet says: the fields of the template, taken from the applicant file (never the ID
//! number or the phone), the achievements with the condition each meets, and the publicity period
//! from the holiday calendar. Also what is still missing, and where to fill it in.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use zhicheng_core::YearMonth;
use zhicheng_core::applicant_file::ApplicantFile;
use zhicheng_core::calendar::WorkCalendar;
use zhicheng_core::eligibility::{
    Achievement, AchievementKind, Assessment, KindTag, Route, RulePack, TitleLevel, assess, assess_in_round,
};
use zhicheng_core::profile::HeldTitle;
use zhicheng_core::publicity::{EndSource, PublicityPeriod};
use zhicheng_core::round::Round;

/// Which part of the app fills a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// 基本情况
    Profile,
    /// 申报资格
    Screening,
    /// 公示 (on the sheet page itself)
    Publicity,
    /// 截止日期 (the round)
    Round,
}

/// A field of the sheet that is empty.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MissingField {
    /// The sheet's field (`employer`).
    pub field: String,
    pub label: String,
    pub section: Section,
    /// The field to focus in that section (`employer`, `publicity.start`).
    pub target: String,
}

/// (sheet field, label, section, field in that section, required)
const FIELDS: &[(&str, &str, Section, &str, bool)] = &[
    ("name", "姓名", Section::Profile, "name", true),
    ("gender", "性别", Section::Profile, "gender", true),
    ("birth_month", "出生年月", Section::Profile, "birth_month", true),
    ("employer", "工作单位", Section::Profile, "employer", true),
    ("current_specialty", "现从事专业", Section::Profile, "current_specialty", true),
    ("field_start_month", "从事本领域工作起始时间", Section::Profile, "field_start_month", true),
    ("education", "学历", Section::Profile, "education", true),
    ("degree", "学位", Section::Profile, "degree", true),
    ("school_major", "毕业院校及专业", Section::Profile, "graduate_school", true),
    ("graduation_month", "毕业时间", Section::Profile, "graduation_month", true),
    ("current_title", "现职称", Section::Profile, "current_title_level", true),
    ("current_title_month", "现职称取得时间", Section::Profile, "current_title_month", true),
    ("series", "申报系列", Section::Profile, "", false),
    ("specialty", "专业", Section::Profile, "", false),
    ("level", "申报级别", Section::Publicity, "level", true),
    ("route", "申报方式", Section::Screening, "route", true),
    ("evaluation", "评审名称", Section::Round, "title", true),
    ("window", "业绩起止", Section::Screening, "apply_month", false),
    ("publicity_period", "公示起止时间", Section::Publicity, "start", true),
    ("publicity_place", "公示地点", Section::Publicity, "place", true),
    ("unit_contact", "受理单位及电话", Section::Publicity, "unit_name", true),
    ("superior_contact", "上级主管部门及电话", Section::Publicity, "superior_name", true),
];

pub fn is_field(name: &str) -> bool {
    FIELDS.iter().any(|f| f.0 == name)
}

pub fn field_label(name: &str) -> &str {
    FIELDS.iter().find(|f| f.0 == name).map(|f| f.1).unwrap_or(name)
}

/// One line of an achievements table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub month: String,
    pub title: String,
    pub role: String,
    pub condition: String,
}

/// Everything the sheet prints.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetData {
    pub fields: BTreeMap<&'static str, String>,
    pub achievements: Vec<Row>,
    pub works: Vec<Row>,
    pub missing: Vec<MissingField>,
    pub period: PublicityPeriod,
    pub level: Option<TitleLevel>,
    /// The applicant, for the PDF's author.
    pub author: String,
}

impl SheetData {
    pub fn field(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

pub fn ym(m: YearMonth) -> String {
    format!("{}年{}月", m.year(), m.month())
}

fn date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Builds the sheet's content. The assessment (for the conditions met) uses `pack`; the period uses
/// `calendar`; the evaluation's name is the round's title.
pub fn collect(file: &ApplicantFile, pack: &RulePack, round: &Round, calendar: &WorkCalendar) -> SheetData {
    let p = &file.profile;
    // The application month must lie in the round's window; when it does not, the sheet is incomplete
    // (业绩起止 left blank, pointing to 申报资格) rather than printed for a month the round refuses.
    let (assessment, month_refused) = match assess_in_round(p, &file.screening, &file.achievements, None, pack, round) {
        Ok(a) => (a, false),
        Err(_) => (assess(p, &file.screening, &file.achievements, Some(round.apply_months().0), pack), true),
    };
    let level = file.publicity.level.or_else(|| assessment.eligible_levels.iter().max().copied());
    let opt = |v: Option<String>| v.unwrap_or_default();
    let mut f: BTreeMap<&'static str, String> = BTreeMap::new();
    f.insert("name", p.name.trim().to_string());
    f.insert("gender", opt(p.gender.map(|g| g.label_zh().to_string())));
    f.insert("birth_month", opt(p.birth_month.map(ym)));
    f.insert("employer", p.employer.trim().to_string());
    f.insert("current_specialty", p.current_specialty.trim().to_string());
    f.insert("field_start_month", opt(p.field_start_month.map(ym)));
    f.insert("education", opt(p.education.map(|e| e.label_zh().to_string())));
    f.insert("degree", opt(p.degree.map(|d| d.label_zh().to_string())));
    let school = [p.graduate_school.trim(), p.graduate_major.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>();
    f.insert("school_major", school.join("　"));
    f.insert("graduation_month", opt(p.graduation_month.map(ym)));
    let (title, title_month) = match p.current_title_level {
        Some(HeldTitle::None) => ("无".to_string(), "—".to_string()),
        Some(l) if p.current_title_name.trim().is_empty() => {
            (l.label_zh().to_string(), opt(p.current_title_month.map(ym)))
        }
        Some(_) => (p.current_title_name.trim().to_string(), opt(p.current_title_month.map(ym))),
        None => (String::new(), opt(p.current_title_month.map(ym))),
    };
    f.insert("current_title", title);
    f.insert("current_title_month", title_month);
    f.insert("series", "工程技术".into());
    f.insert("specialty", "绿色低碳".into());
    f.insert("level", opt(level.map(|l| l.label_zh().to_string())));
    f.insert("route", file.screening.route.label_zh().to_string());
    f.insert("evaluation", round.title.trim().to_string());
    if !month_refused {
        f.insert("window", format!("{}—{}", ym(assessment.window_start), ym(assessment.window_end)));
    }
    let pb = &file.publicity;
    let period = pb.period(calendar);
    f.insert(
        "publicity_period",
        match (period.start, period.end) {
            (Some(s), Some(e)) if period.source == EndSource::Calendar => {
                format!("{} 至 {}（{}个工作日）", date(s), date(e), zhicheng_core::publicity::PUBLICITY_WORKDAYS)
            }
            (Some(s), Some(e)) => format!("{} 至 {}", date(s), date(e)),
            _ => String::new(),
        },
    );
    f.insert("publicity_place", pb.place.trim().to_string());
    let contact = |name: &str, phone: &str| match (name.trim(), phone.trim()) {
        ("", "") => String::new(),
        (n, "") => n.to_string(),
        ("", t) => format!("电话：{t}"),
        (n, t) => format!("{n}　电话：{t}"),
    };
    f.insert("unit_contact", contact(&pb.unit_name, &pb.unit_phone));
    f.insert("superior_contact", contact(&pb.superior_name, &pb.superior_phone));

    let mut missing: Vec<MissingField> = FIELDS
        .iter()
        .filter(|(name, _, _, _, required)| *required && f.get(name).is_none_or(|v| v.is_empty()))
        .map(|(name, label, section, target, _)| MissingField {
            field: name.to_string(),
            label: label.to_string(),
            section: *section,
            target: target.to_string(),
        })
        .collect();
    // A contact needs its telephone number too.
    for (field, label, phone, target) in [
        ("unit_contact", "受理单位电话", &pb.unit_phone, "unit_phone"),
        ("superior_contact", "上级主管部门电话", &pb.superior_phone, "superior_phone"),
    ] {
        if phone.trim().is_empty() && !missing.iter().any(|m| m.field == field) {
            missing.push(MissingField {
                field: field.into(),
                label: label.into(),
                section: Section::Publicity,
                target: target.into(),
            });
        }
    }
    if month_refused {
        missing.push(MissingField {
            field: "window".into(),
            label: "申报月份（不在本轮网上申报时间内）".into(),
            section: Section::Screening,
            target: "apply_month".into(),
        });
    }
    if period.start.is_some() && period.end.is_none() {
        missing.push(MissingField {
            field: "publicity_period".into(),
            label: "公示结束日期".into(),
            section: Section::Publicity,
            target: "end".into(),
        });
    }

    let met = conditions_met(&assessment, level, file.screening.route);
    let in_window =
        |a: &Achievement| a.month.is_none_or(|m| m >= assessment.window_start && m <= assessment.window_end);
    let row = |a: &Achievement| Row {
        id: a.id.clone(),
        month: a.month.map(ym).unwrap_or_default(),
        title: title_text(a),
        role: role_text(a),
        condition: met.get(a.id.as_str()).map(|c| c.join("；")).unwrap_or_else(|| "—".into()),
    };
    let achievements = file.achievements.iter().filter(|a| in_window(a)).map(row).collect();
    let works = file
        .achievements
        .iter()
        .filter(|a| !in_window(a))
        .filter(|a| {
            matches!(a.kind.tag(), KindTag::Paper | KindTag::Book | KindTag::InventionPatent | KindTag::Standard)
        })
        .map(row)
        .collect();
    SheetData { fields: f, achievements, works, missing, period, level, author: p.name.trim().to_string() }
}

/// For 首批认定: the clauses of the chosen level whose condition is met and counts this achievement,
/// each with the pack's short plain label (“二（二）2（3） 投资1500万元以上项目骨干”).
fn conditions_met(a: &Assessment, level: Option<TitleLevel>, route: Route) -> BTreeMap<&str, Vec<String>> {
    let mut out: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    if route != Route::FirstBatch {
        return out;
    }
    let Some(lr) = a.levels.iter().find(|l| Some(l.level) == level) else {
        return out;
    };
    for c in lr.conditions.iter().filter(|c| c.met) {
        for alt in c.alternatives.iter().filter(|a| a.met) {
            let mut next = Some(alt);
            while let Some(x) = next {
                let label = match &c.short {
                    Some(short) => format!("{} {short}", c.clause),
                    None => c.clause.clone(),
                };
                for id in &x.counted {
                    let v = out.entry(id.as_str()).or_default();
                    if !v.contains(&label) {
                        v.push(label.clone());
                    }
                }
                next = x.also.as_deref();
            }
        }
    }
    out
}

fn title_text(a: &Achievement) -> String {
    let level = a.kind.facts().level.map(|l| format!("，{}", l.label_zh())).unwrap_or_default();
    format!("{}（{}{}）", a.title.trim(), a.kind.tag().label_zh(), level)
}

fn role_text(a: &Achievement) -> String {
    let f = a.kind.facts();
    let mut parts: Vec<String> = vec![];
    if f.led {
        parts.push("主持".into());
    }
    match &a.kind {
        AchievementKind::Paper { authorship: Some(au), .. } => parts.push(
            match au {
                zhicheng_core::eligibility::achievement::Authorship::Sole => "独立作者",
                zhicheng_core::eligibility::achievement::Authorship::First => "第一作者",
                zhicheng_core::eligibility::achievement::Authorship::Other => "其他作者",
            }
            .into(),
        ),
        AchievementKind::Book { role: Some(r), .. } => parts.push(
            match r {
                zhicheng_core::eligibility::achievement::BookRole::ChiefEditor => "主编",
                zhicheng_core::eligibility::achievement::BookRole::SoleAuthor => "独著",
                zhicheng_core::eligibility::achievement::BookRole::DeputyEditor => "副主编",
                zhicheng_core::eligibility::achievement::BookRole::Contributor => "参编",
            }
            .into(),
        ),
        AchievementKind::Book { chief_editor: true, .. } => parts.push("主编".into()),
        _ => {}
    }
    if let Some(r) = f.rank {
        parts.push(format!("排名第{r}"));
    }
    if parts.is_empty() { "—".into() } else { parts.join("，") }
}
