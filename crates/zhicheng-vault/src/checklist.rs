//! What the applicant must be able to prove, from their route and profile, each item citing the
//! notice; and the checklist: which items and achievements have a file linked.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zhicheng_core::applicant_file::ApplicantFile;
use zhicheng_core::eligibility::{KindTag, Route};
use zhicheng_core::profile::{ArchiveLocation, Degree, EmployerKind};

use crate::vault::{EvidenceFile, Target};

/// When an item is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Uploaded with the application (三（三）2).
    Submission,
    /// Produced by the unit after the publicity, before it recommends (三（三）3（1））.
    AfterPublicity,
}

/// One kind of evidence the notice asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemDef {
    pub id: &'static str,
    pub label: &'static str,
    pub clause: &'static str,
    /// The notice's words (a test checks each is in the notice).
    pub quote: &'static str,
    /// The portal compares this item with shared data (五（五）): upload only when that fails.
    pub auto_verified: bool,
    pub stage: Stage,
}

/// The notice on the items the portal verifies itself (五（五）).
pub const AUTO_QUOTE: &str =
    "系统自动验证通过的人员，无需另行上传佐证材料，系统自动验证未通过的人员，须上传佐证材料提交人工审核";

pub const ITEMS: [ItemDef; 10] = [
    ItemDef {
        id: "education_certificate",
        label: "学历证书",
        clause: "五（五）",
        quote: "自动比对学历、学位信息",
        auto_verified: true,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "degree_certificate",
        label: "学位证书",
        clause: "五（五）",
        quote: "自动比对学历、学位信息",
        auto_verified: true,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "social_insurance",
        label: "社保缴费记录",
        clause: "五（五）",
        quote: "社保缴费单位",
        auto_verified: true,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "continuing_education",
        label: "继续教育公需科目完成情况",
        clause: "五（五）",
        quote: "继续教育公需科目完成情况",
        auto_verified: true,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "archive_record",
        label: "异地查档记录",
        clause: "三（二）3（2）",
        quote: "个人（持异地查档记录）",
        auto_verified: false,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "personal_insurance_tax",
        label: "个人参保及纳税申报记录",
        clause: "三（二）4",
        quote: "须以个人身份参保、有个人纳税申报记录",
        auto_verified: false,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "commission_letter",
        label: "委托评审函",
        clause: "三（二）5",
        quote: "持具有职称评审权限的上级主管部门出具的委托评审函",
        auto_verified: false,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "current_title_certificate",
        label: "现职称证书",
        clause: "二（一）",
        quote: "已取得其他专业职称的，可按市职改办相关规定申报转评或多评同级绿色低碳专业职称",
        auto_verified: false,
        stage: Stage::Submission,
    },
    ItemDef {
        id: "publicity_sheet",
        label: "公示表（单位盖章）",
        clause: "三（三）3（1）",
        quote: "《重庆市职称申报综合情况（公示）表》",
        auto_verified: false,
        stage: Stage::AfterPublicity,
    },
    ItemDef {
        id: "publicity_result",
        label: "公示结果",
        clause: "三（三）3（1）",
        quote: "公示",
        auto_verified: false,
        stage: Stage::AfterPublicity,
    },
];

pub fn item(id: &str) -> Option<&'static ItemDef> {
    ITEMS.iter().find(|i| i.id == id)
}

/// Why an item applies to the applicant (a code the catalogues word; `zhicheng_vault::text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Applies {
    AllApplicants,
    DegreeEntered,
    /// No degree entered: one held must be proven.
    DegreeNotEntered,
    /// 非公单位人员，档案在异地.
    NonPublicArchiveElsewhere,
    Freelancer,
    /// 市外单位驻渝人员.
    OutOfCityBranch,
    RouteTransfer,
    RouteAdditional,
    /// 单位公示后、推荐前.
    AfterPublicity,
    /// An achievement's evidence, by its kind.
    Achievement {
        kind: KindTag,
    },
}

/// What a checklist line is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    /// A requirement item (`ITEMS`), by id.
    Item { id: String },
    /// The applicant's achievement, numbered from 1 as listed, with its title as entered.
    Achievement { number: u32, title: String },
}

/// Reminders the checklist always carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceReminder {
    /// 业绩成果如有涉密内容，请按保密规定进行脱密处理后再上传（三（三）2）.
    Declassify,
    /// Mask the ID number and other personal data on anything made public.
    MaskPersonalData,
}

/// The items that apply to this applicant, each with why.
pub fn items_for(file: &ApplicantFile) -> Vec<(&'static ItemDef, Applies)> {
    let p = &file.profile;
    let route = file.screening.route;
    let kind = p.employer_kind;
    ITEMS
        .iter()
        .filter_map(|d| {
            let why = match d.id {
                "education_certificate" | "social_insurance" | "continuing_education" => Applies::AllApplicants,
                "degree_certificate" => match p.degree {
                    Some(Degree::None) => return None,
                    Some(_) => Applies::DegreeEntered,
                    None => Applies::DegreeNotEntered,
                },
                "archive_record" => {
                    if kind == Some(EmployerKind::NonPublic)
                        && p.archive_location == Some(ArchiveLocation::OutsideChongqing)
                    {
                        Applies::NonPublicArchiveElsewhere
                    } else {
                        return None;
                    }
                }
                "personal_insurance_tax" => {
                    if kind == Some(EmployerKind::Freelancer) {
                        Applies::Freelancer
                    } else {
                        return None;
                    }
                }
                "commission_letter" => {
                    if kind == Some(EmployerKind::OutOfCityBranch) {
                        Applies::OutOfCityBranch
                    } else {
                        return None;
                    }
                }
                "current_title_certificate" => match route {
                    Route::Transfer => Applies::RouteTransfer,
                    Route::Additional => Applies::RouteAdditional,
                    _ => return None,
                },
                _ => Applies::AfterPublicity,
            };
            Some((d, why))
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// At least one file is linked.
    Provided,
    /// Needed for submission and nothing linked: blocks.
    Missing,
    /// Nothing linked, but the portal verifies it itself (五（五）): upload only if that fails.
    AutoVerified,
    /// Nothing linked yet; needed only after the publicity.
    Later,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    /// `item:<id>` or `achievement:<id>`: what `--for` and links use.
    pub target: String,
    pub subject: Subject,
    /// The Chinese name (as exports and the portal name it).
    pub label: String,
    pub clause: String,
    pub quote: String,
    /// Why this item applies to the applicant, or the achievement's kind. When `auto_verified`, the
    /// portal checks it itself: upload only when that fails.
    pub why: Applies,
    pub status: ItemStatus,
    pub auto_verified: bool,
    pub stage: Stage,
    /// Ids of the linked files.
    pub files: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Checklist {
    pub items: Vec<ChecklistItem>,
    pub achievements: Vec<ChecklistItem>,
    /// Targets of the items that block submission (missing, needed now), requirement items first.
    pub blocking: Vec<String>,
    /// Needed-now items with a file, out of all needed now (auto-verified ones not counted).
    pub done: u32,
    pub required: u32,
    /// Everything needed for the applicant's own submission has a file — never true when nothing is
    /// needed yet (an empty profile): then there is nothing to be complete about.
    pub complete: bool,
    /// Nothing is needed yet: fill in 基本情况 and 业绩成果 first.
    pub nothing_to_check: bool,
    /// Files linked to nothing.
    pub unlinked: Vec<String>,
    pub reminders: Vec<EvidenceReminder>,
}

impl Checklist {
    /// The line with this target.
    pub fn find(&self, target: &str) -> Option<&ChecklistItem> {
        self.items.iter().chain(&self.achievements).find(|i| i.target == target)
    }

    /// The names of `targets` in `lang` (a target no line has is shown as it is).
    pub fn names(&self, targets: &[String], lang: zhicheng_core::text::Lang) -> Vec<String> {
        targets
            .iter()
            .map(|t| self.find(t).map_or_else(|| t.clone(), |i| crate::text::subject(&i.subject, lang)))
            .collect()
    }
}

pub const ACHIEVEMENT_CLAUSE: &str = "三（三）2";
pub const ACHIEVEMENT_QUOTE: &str = "所填业绩成果，均应在系统上传相应佐证材料";

pub fn checklist(file: &ApplicantFile, files: &[EvidenceFile]) -> Checklist {
    let linked =
        |t: &Target| -> Vec<String> { files.iter().filter(|f| f.links.contains(t)).map(|f| f.id.clone()).collect() };
    let items: Vec<ChecklistItem> = items_for(file)
        .into_iter()
        .map(|(d, why)| {
            let ids = linked(&Target::Item(d.id.to_string()));
            let status = if !ids.is_empty() {
                ItemStatus::Provided
            } else if d.stage == Stage::AfterPublicity {
                ItemStatus::Later
            } else if d.auto_verified {
                ItemStatus::AutoVerified
            } else {
                ItemStatus::Missing
            };
            ChecklistItem {
                target: Target::Item(d.id.to_string()).to_string(),
                subject: Subject::Item { id: d.id.to_string() },
                label: d.label.to_string(),
                clause: d.clause.to_string(),
                quote: d.quote.to_string(),
                why,
                status,
                auto_verified: d.auto_verified,
                stage: d.stage,
                files: ids,
            }
        })
        .collect();
    let achievements: Vec<ChecklistItem> = file
        .achievements
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let ids = linked(&Target::Achievement(a.id.clone()));
            ChecklistItem {
                target: Target::Achievement(a.id.clone()).to_string(),
                subject: Subject::Achievement { number: i as u32 + 1, title: a.title.trim().to_string() },
                label: format!(
                    "业绩{}：{}",
                    i + 1,
                    if a.title.trim().is_empty() { "（未命名）" } else { a.title.trim() }
                ),
                clause: ACHIEVEMENT_CLAUSE.into(),
                quote: ACHIEVEMENT_QUOTE.into(),
                why: Applies::Achievement { kind: a.kind.tag() },
                status: if ids.is_empty() { ItemStatus::Missing } else { ItemStatus::Provided },
                auto_verified: false,
                stage: Stage::Submission,
                files: ids,
            }
        })
        .collect();
    let needed: Vec<&ChecklistItem> = items
        .iter()
        .chain(&achievements)
        .filter(|i| i.stage == Stage::Submission && !(i.auto_verified && i.status != ItemStatus::Provided))
        .collect();
    let blocking: Vec<String> =
        needed.iter().filter(|i| i.status == ItemStatus::Missing).map(|i| i.target.clone()).collect();
    let done = needed.iter().filter(|i| i.status == ItemStatus::Provided).count() as u32;
    let unlinked =
        files.iter().filter(|f| f.links.is_empty() && f.masked_from.is_none()).map(|f| f.id.clone()).collect();
    Checklist {
        complete: blocking.is_empty() && !needed.is_empty(),
        nothing_to_check: needed.is_empty(),
        required: needed.len() as u32,
        done,
        blocking,
        items,
        achievements,
        unlinked,
        reminders: vec![EvidenceReminder::Declassify, EvidenceReminder::MaskPersonalData],
    }
}

/// Whether `target` names something this applicant has (an applicable item or an achievement).
pub fn target_exists(file: &ApplicantFile, target: &Target) -> bool {
    match target {
        Target::Item(id) => item(id).is_some(),
        Target::Achievement(id) => file.achievements.iter().any(|a| &a.id == id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> ApplicantFile {
        zhicheng_core::applicant_file::parse(include_str!("../../../examples/applicant.json"), None).unwrap().file
    }

    #[test]
    fn every_quote_is_the_notices_own_words() {
        let notice = include_str!("../../zhicheng-core/data/notice-yjxf-2023-89.txt");
        for d in ITEMS {
            assert!(notice.contains(d.quote), "{}: {}", d.id, d.quote);
        }
        assert!(notice.contains(AUTO_QUOTE));
        assert!(notice.contains(ACHIEVEMENT_QUOTE));
        assert!(notice.contains("业绩成果如有涉密内容，请按保密规定进行脱密处理"));
    }

    #[test]
    fn items_follow_the_employer_archive_degree_and_route() {
        let mut f = example();
        let ids = |f: &ApplicantFile| items_for(f).iter().map(|(d, _)| d.id).collect::<Vec<_>>();
        f.profile.employer_kind = Some(EmployerKind::NonPublic);
        f.profile.archive_location = Some(ArchiveLocation::OutsideChongqing);
        f.profile.degree = Some(Degree::Master);
        assert!(ids(&f).contains(&"archive_record"));
        assert!(ids(&f).contains(&"degree_certificate"));
        assert!(!ids(&f).contains(&"commission_letter"));
        f.profile.archive_location = Some(ArchiveLocation::Chongqing);
        assert!(!ids(&f).contains(&"archive_record"));
        f.profile.employer_kind = Some(EmployerKind::Freelancer);
        assert!(ids(&f).contains(&"personal_insurance_tax"));
        f.profile.employer_kind = Some(EmployerKind::OutOfCityBranch);
        assert!(ids(&f).contains(&"commission_letter"));
        f.profile.degree = Some(Degree::None);
        assert!(!ids(&f).contains(&"degree_certificate"));
        f.screening.route = Route::Transfer;
        assert!(ids(&f).contains(&"current_title_certificate"));
        f.screening.route = Route::FirstBatch;
        assert!(!ids(&f).contains(&"current_title_certificate"));
    }

    #[test]
    fn an_empty_profile_is_never_complete_it_has_nothing_to_check_yet() {
        let c = checklist(&ApplicantFile::default(), &[]);
        assert!(c.nothing_to_check);
        assert!(!c.complete, "0 of 0 is not 齐全");
        assert_eq!((c.done, c.required), (0, 0));
    }

    #[test]
    fn the_checklist_blocks_on_missing_achievements_and_required_items_but_not_on_auto_verified_ones() {
        let mut f = example();
        f.profile.employer_kind = Some(EmployerKind::OutOfCityBranch);
        let c = checklist(&f, &[]);
        assert!(!c.complete);
        assert!(c.blocking.contains(&"item:commission_letter".to_string()));
        assert!(!c.blocking.iter().any(|b| b == "item:education_certificate"));
        assert_eq!(c.items.iter().find(|i| i.label == "学历证书").unwrap().status, ItemStatus::AutoVerified);
        assert_eq!(c.items.iter().find(|i| i.label == "公示结果").unwrap().status, ItemStatus::Later);
        assert_eq!(c.blocking.len(), 1 + f.achievements.len());
        assert_eq!(c.required as usize, 1 + f.achievements.len());
        assert_eq!(c.done, 0);

        let mut files = vec![EvidenceFile::for_test("a1", vec![Target::Item("commission_letter".into())])];
        for a in &f.achievements {
            files.push(EvidenceFile::for_test(&a.id, vec![Target::Achievement(a.id.clone())]));
        }
        files.push(EvidenceFile::for_test("loose", vec![]));
        let c = checklist(&f, &files);
        assert!(c.complete, "{:?}", c.blocking);
        assert_eq!(c.done, c.required);
        assert_eq!(c.unlinked, vec!["loose".to_string()]);
        // an auto-verified item with a file counts as provided, and towards the total
        files.push(EvidenceFile::for_test("dip", vec![Target::Item("education_certificate".into())]));
        let c2 = checklist(&f, &files);
        assert_eq!(c2.required, c.required + 1);
        assert_eq!(c2.items.iter().find(|i| i.label == "学历证书").unwrap().status, ItemStatus::Provided);
    }
}
