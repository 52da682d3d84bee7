//! 基本情况: the applicant's basic profile, as stored in the applicant file and edited in the wizard's
//! first step. Drafts may be incomplete; [`Profile::validate`] says what is missing or wrong.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::idcard;
use crate::sensitive::Sensitive;
use crate::yearmonth::YearMonth;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

/// 单位类别: the employer kinds of section 三（二）1–5, which decide the submission chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmployerKind {
    /// 三（二）1 市属事业单位、国有企业
    MunicipalPublic,
    /// 三（二）2 区县属事业单位、国有企业
    DistrictPublic,
    /// 三（二）3 非公单位人员、流动人员、自主择业军队干部
    NonPublic,
    /// 三（二）4 自由职业者
    Freelancer,
    /// 三（二）5 市外单位驻渝机构
    OutOfCityBranch,
}

/// 档案所在地.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveLocation {
    Chongqing,
    OutsideChongqing,
}

/// 学历 (education completed), highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Education {
    /// 中专、高中及以下
    Secondary,
    /// 大专
    College,
    /// 大学本科
    Bachelor,
    /// 硕士研究生
    Master,
    /// 博士研究生
    Doctorate,
}

/// 学位 (degree held). A separate fact from 学历: the notice's 博士/硕士 rows need the degree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    None,
    Bachelor,
    Master,
    Doctor,
}

/// 现职称级别 (the title held now, any series).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HeldTitle {
    /// 无职称
    None,
    /// 员级 / 助理级（初级）
    Junior,
    /// 中级
    Intermediate,
    /// 副高级
    Senior,
    /// 正高级
    Professor,
}

/// The applicant's basic profile (基本情况).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// 姓名
    pub name: String,
    /// 性别
    pub gender: Option<Gender>,
    /// 出生年月
    pub birth_month: Option<YearMonth>,
    /// 身份证号 (never printed in logs; never on the publicity sheet)
    #[ts(type = "string")]
    pub id_number: Sensitive<String>,
    /// 手机
    #[ts(type = "string")]
    pub phone: Sensitive<String>,
    /// 工作单位（全称）
    pub employer: String,
    /// 单位类别
    pub employer_kind: Option<EmployerKind>,
    /// 区县 (one of [`DISTRICTS`])
    pub district: String,
    /// 档案所在地
    pub archive_location: Option<ArchiveLocation>,
    /// 学历
    pub education: Option<Education>,
    /// 学位
    pub degree: Option<Degree>,
    /// 毕业院校
    pub graduate_school: String,
    /// 所学专业
    pub graduate_major: String,
    /// 毕业时间
    pub graduation_month: Option<YearMonth>,
    /// 从事本领域工作起始年月
    pub field_start_month: Option<YearMonth>,
    /// 现从事专业
    pub current_specialty: String,
    /// 现职称级别
    pub current_title_level: Option<HeldTitle>,
    /// 现职称名称（如“工程师（电气）”）
    pub current_title_name: String,
    /// 现职称取得时间
    pub current_title_month: Option<YearMonth>,
    /// 社保缴费单位（申报系统自动比对，五（五））; empty when the same as 工作单位 or not entered
    pub insurance_employer: String,
}

/// The 区县 of Chongqing and the three development zones the notice names (its salutation).
/// `市外` is for an employer outside Chongqing (section 三（二）3, 流动人员).
pub const DISTRICTS: &[&str] = &[
    "渝中区",
    "大渡口区",
    "江北区",
    "沙坪坝区",
    "九龙坡区",
    "南岸区",
    "北碚区",
    "渝北区",
    "巴南区",
    "万州区",
    "涪陵区",
    "黔江区",
    "长寿区",
    "江津区",
    "合川区",
    "永川区",
    "南川区",
    "綦江区",
    "大足区",
    "璧山区",
    "铜梁区",
    "潼南区",
    "荣昌区",
    "开州区",
    "梁平区",
    "武隆区",
    "城口县",
    "丰都县",
    "垫江县",
    "忠县",
    "云阳县",
    "奉节县",
    "巫山县",
    "巫溪县",
    "石柱土家族自治县",
    "秀山土家族苗族自治县",
    "酉阳土家族苗族自治县",
    "彭水苗族土家族自治县",
    "两江新区",
    "西部科学城重庆高新区",
    "万盛经开区",
    "市外",
];

pub use crate::report::{FieldIssue, IssueKind};

const LABELS: &[(&str, &str)] = &[
    ("name", "姓名"),
    ("gender", "性别"),
    ("birth_month", "出生年月"),
    ("id_number", "身份证号"),
    ("phone", "手机"),
    ("employer", "工作单位"),
    ("employer_kind", "单位类别"),
    ("district", "区县"),
    ("archive_location", "档案所在地"),
    ("education", "学历"),
    ("degree", "学位"),
    ("graduate_school", "毕业院校"),
    ("graduate_major", "所学专业"),
    ("graduation_month", "毕业时间"),
    ("field_start_month", "从事本领域工作起始年月"),
    ("current_specialty", "现从事专业"),
    ("current_title_level", "现职称级别"),
    ("current_title_name", "现职称名称"),
    ("current_title_month", "现职称取得时间"),
];

/// The Chinese label of a profile field key.
pub fn field_label_zh(field: &str) -> &'static str {
    LABELS.iter().find(|(k, _)| *k == field).map(|(_, v)| *v).unwrap_or("未知字段")
}

/// Mainland mobile numbers: 11 digits starting with 13–19.
pub fn is_mobile_number(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11 && matches!(b, [b'1', b'3'..=b'9', ..]) && b.iter().all(u8::is_ascii_digit)
}

struct Issues(Vec<FieldIssue>);

impl Issues {
    fn push(&mut self, field: &str, kind: IssueKind, code: &str, message: impl Into<String>) {
        self.0.push(FieldIssue {
            field: field.to_string(),
            label_zh: field_label_zh(field).to_string(),
            kind,
            code: code.to_string(),
            message: message.into(),
        });
    }
    fn missing(&mut self, field: &str) {
        self.push(field, IssueKind::Missing, "required", "必填");
    }
    fn text(&mut self, field: &str, value: &str, max_chars: usize) {
        let v = value.trim();
        if v.is_empty() {
            self.missing(field);
        } else if v.chars().count() > max_chars {
            self.push(field, IssueKind::Invalid, "too_long", format!("不能超过{max_chars}个字"));
        }
    }
    fn month(&mut self, field: &str, value: Option<YearMonth>, today: YearMonth, not_before: Option<YearMonth>) {
        match value {
            None => self.missing(field),
            Some(m) if m > today => self.push(field, IssueKind::Invalid, "future_month", format!("{m} 晚于本月")),
            Some(m) if not_before.is_some_and(|b| m < b) => {
                self.push(field, IssueKind::Invalid, "before_birth", format!("{m} 早于出生年月"))
            }
            Some(_) => {}
        }
    }
}

impl Profile {
    /// Every missing or invalid field, in form order. `today` is the current month (no clock in here).
    pub fn validate(&self, today: YearMonth) -> Vec<FieldIssue> {
        let mut is = Issues(Vec::new());
        is.text("name", &self.name, 40);
        if self.gender.is_none() {
            is.missing("gender");
        }
        is.month("birth_month", self.birth_month, today, None);
        let id = self.id_number.expose().trim();
        if id.is_empty() {
            is.missing("id_number");
        } else if crate::sensitive::is_sealed(id) {
            // Sealed, and the key is not here: filled in, checked when it was entered.
        } else {
            match idcard::validate(id) {
                Err(e) => is.push("id_number", IssueKind::Invalid, e.code(), e.to_string()),
                Ok(info) => {
                    if let Some(b) = self.birth_month
                        && YearMonth::of_date(info.birth_date) != b
                    {
                        is.push(
                            "id_number",
                            IssueKind::Invalid,
                            "id_birth_mismatch",
                            format!(
                                "身份证号中的出生年月为{}，与填写的出生年月{b}不一致",
                                YearMonth::of_date(info.birth_date)
                            ),
                        );
                    }
                    if let Some(g) = self.gender
                        && (g == Gender::Male) != info.male
                    {
                        is.push(
                            "id_number",
                            IssueKind::Invalid,
                            "id_gender_mismatch",
                            "身份证号第17位所示性别与填写的性别不一致",
                        );
                    }
                }
            }
        }
        let phone = self.phone.expose().trim();
        if phone.is_empty() {
            is.missing("phone");
        } else if !crate::sensitive::is_sealed(phone) && !is_mobile_number(phone) {
            is.push("phone", IssueKind::Invalid, "phone_format", "手机号应为以1开头的11位数字");
        }
        is.text("employer", &self.employer, 100);
        if self.employer_kind.is_none() {
            is.missing("employer_kind");
        }
        if self.district.trim().is_empty() {
            is.missing("district");
        } else if !DISTRICTS.contains(&self.district.trim()) {
            is.push("district", IssueKind::Invalid, "unknown_district", format!("“{}”不是重庆市的区县", self.district));
        }
        if self.archive_location.is_none() {
            is.missing("archive_location");
        }
        if self.education.is_none() {
            is.missing("education");
        }
        if self.degree.is_none() {
            is.missing("degree");
        }
        is.text("graduate_school", &self.graduate_school, 60);
        is.text("graduate_major", &self.graduate_major, 60);
        is.month("graduation_month", self.graduation_month, today, self.birth_month);
        is.month("field_start_month", self.field_start_month, today, self.birth_month);
        is.text("current_specialty", &self.current_specialty, 60);
        match self.current_title_level {
            None => is.missing("current_title_level"),
            Some(HeldTitle::None) => {}
            Some(_) => {
                is.text("current_title_name", &self.current_title_name, 60);
                is.month("current_title_month", self.current_title_month, today, self.birth_month);
            }
        }
        is.0
    }

    /// Only the issues about wrong values (not empty ones): what import refuses.
    pub fn invalid_values(&self, today: YearMonth) -> Vec<FieldIssue> {
        self.validate(today).into_iter().filter(|i| i.kind == IssueKind::Invalid).collect()
    }
}

impl Gender {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Male => "男",
            Self::Female => "女",
        }
    }
}

impl EmployerKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::MunicipalPublic => "市属事业单位、国有企业",
            Self::DistrictPublic => "区县属事业单位、国有企业",
            Self::NonPublic => "非公单位、流动人员、自主择业军队干部",
            Self::Freelancer => "自由职业者",
            Self::OutOfCityBranch => "市外单位驻渝机构",
        }
    }
}

impl ArchiveLocation {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Chongqing => "重庆",
            Self::OutsideChongqing => "市外",
        }
    }
}

impl Education {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Secondary => "中专、高中及以下",
            Self::College => "大专",
            Self::Bachelor => "大学本科",
            Self::Master => "硕士研究生",
            Self::Doctorate => "博士研究生",
        }
    }
}

impl Degree {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::None => "无学位",
            Self::Bachelor => "学士",
            Self::Master => "硕士",
            Self::Doctor => "博士",
        }
    }
}

impl HeldTitle {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::None => "无",
            Self::Junior => "初级",
            Self::Intermediate => "中级",
            Self::Senior => "副高级",
            Self::Professor => "正高级",
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    /// A complete, valid profile (the example in `examples/applicant.json`).
    pub(crate) fn complete() -> Profile {
        Profile {
            name: "李明".into(),
            gender: Some(Gender::Male),
            birth_month: Some(ym("1985-06")),
            id_number: Sensitive("500103198506151236".into()),
            phone: Sensitive("13812345678".into()),
            employer: "重庆某某环保科技有限公司".into(),
            employer_kind: Some(EmployerKind::NonPublic),
            district: "渝北区".into(),
            archive_location: Some(ArchiveLocation::Chongqing),
            education: Some(Education::Master),
            degree: Some(Degree::Master),
            graduate_school: "重庆大学".into(),
            graduate_major: "环境工程".into(),
            graduation_month: Some(ym("2010-07")),
            field_start_month: Some(ym("2010-08")),
            current_specialty: "节能减排技术".into(),
            current_title_level: Some(HeldTitle::Intermediate),
            current_title_name: "工程师（环境工程）".into(),
            current_title_month: Some(ym("2015-12")),
            insurance_employer: String::new(),
        }
    }

    fn codes(p: &Profile) -> Vec<(String, String)> {
        p.validate(ym("2026-11")).into_iter().map(|i| (i.field, i.code)).collect()
    }

    #[test]
    fn a_complete_profile_has_no_issues() {
        assert_eq!(codes(&complete()), vec![]);
    }

    #[test]
    fn an_empty_draft_lists_every_required_field_once() {
        let issues = Profile::default().validate(ym("2026-11"));
        assert!(issues.iter().all(|i| i.kind == IssueKind::Missing));
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields.len(), 17, "{fields:?}");
        assert!(!fields.contains(&"current_title_name"), "title name is only needed when a title is held");
    }

    #[test]
    fn months_in_the_future_are_refused_this_month_is_not() {
        let mut p = complete();
        p.field_start_month = Some(ym("2026-11"));
        assert_eq!(codes(&p), vec![]);
        p.field_start_month = Some(ym("2026-12"));
        assert_eq!(codes(&p), vec![("field_start_month".into(), "future_month".into())]);
    }

    #[test]
    fn id_number_must_agree_with_birth_month_and_gender() {
        let mut p = complete();
        p.birth_month = Some(ym("1985-07"));
        assert_eq!(codes(&p), vec![("id_number".into(), "id_birth_mismatch".into())]);
        let mut p = complete();
        p.gender = Some(Gender::Female);
        assert_eq!(codes(&p), vec![("id_number".into(), "id_gender_mismatch".into())]);
    }

    #[test]
    fn phone_and_district_are_checked() {
        let mut p = complete();
        p.phone = Sensitive("1381234567".into());
        p.district = "朝阳区".into();
        assert_eq!(
            codes(&p),
            vec![("phone".into(), "phone_format".into()), ("district".into(), "unknown_district".into())]
        );
        assert!(is_mobile_number("19912345678"));
        assert!(!is_mobile_number("12912345678"));
        assert!(!is_mobile_number("1381234567a"));
    }

    #[test]
    fn a_held_title_needs_its_name_and_month() {
        let mut p = complete();
        p.current_title_name.clear();
        p.current_title_month = None;
        assert_eq!(
            codes(&p),
            vec![("current_title_name".into(), "required".into()), ("current_title_month".into(), "required".into())]
        );
        p.current_title_level = Some(HeldTitle::None);
        assert_eq!(codes(&p), vec![]);
    }

    #[test]
    fn debug_output_hides_id_and_phone() {
        let dbg = format!("{:?}", complete());
        assert!(!dbg.contains("500103198506151236"));
        assert!(!dbg.contains("13812345678"));
        assert!(dbg.contains("李明"));
    }
}
