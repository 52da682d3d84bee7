//! The CLI's words for the checklist's codes (the app words them with its own catalogue, keys `ev.item.*`,
//! `ev.applies.*`, `ev.reminder.*`). Tested on every code in both languages.

use zhicheng_core::eligibility::KindTag;
use zhicheng_core::text::Lang;

use crate::sniff::FileKind;

use crate::checklist::{Applies, ChecklistItem, EvidenceReminder, Subject};

/// A requirement item's name: the notice's (Chinese) or its English.
pub fn item_label(id: &str, lang: Lang) -> String {
    let zh = crate::checklist::item(id).map_or(id, |d| d.label);
    let en = match id {
        "education_certificate" => "Diploma",
        "degree_certificate" => "Degree certificate",
        "social_insurance" => "Social-insurance payment record",
        "continuing_education" => "Continuing-education (public subjects) record",
        "archive_record" => "Record of the personnel file held elsewhere",
        "personal_insurance_tax" => "Personal insurance and tax filing records",
        "commission_letter" => "Letter commissioning the review",
        "current_title_certificate" => "Current title certificate",
        "publicity_sheet" => "Publicity sheet (with the unit's seal)",
        "publicity_result" => "Result of the publicity",
        _ => zh,
    };
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A checklist line's name: the item's, or “业绩N：title”.
pub fn subject(s: &Subject, lang: Lang) -> String {
    match (s, lang) {
        (Subject::Item { id }, _) => item_label(id, lang),
        (Subject::Achievement { number, title }, Lang::Zh) => {
            format!("业绩{number}：{}", if title.is_empty() { "（未命名）" } else { title })
        }
        (Subject::Achievement { number, title }, Lang::En) => {
            format!("Achievement {number}: {}", if title.is_empty() { "(untitled)" } else { title })
        }
    }
}

fn kind_en(k: KindTag) -> &'static str {
    match k {
        KindTag::EngineeringProject => "engineering / renovation project",
        KindTag::NewTechProject => "new technology, material, process, method or product",
        KindTag::ProductRevenue => "product / service revenue",
        KindTag::InventionPatent => "invention patent",
        KindTag::Standard => "standard, guideline, code (incl. enterprise guides and manuals)",
        KindTag::Book => "academic or technical book",
        KindTag::Paper => "journal paper",
        KindTag::TrainingMaterial => "training material or technical manual",
        KindTag::ResearchReport => "research or technical report",
        KindTag::WhitePaper => "white paper, industry plan, feasibility study",
        KindTag::EquipmentService => "equipment design, installation, O&M or consulting",
    }
}

/// Why an item applies.
pub fn applies(a: &Applies, lang: Lang) -> String {
    use Applies::*;
    let (zh, en) = match a {
        AllApplicants => ("所有申报人", "every applicant"),
        DegreeEntered => ("已填写学位", "a degree is entered"),
        DegreeNotEntered => ("学位未填写：如有学位，须能证明", "no degree entered: a degree you hold must be proven"),
        NonPublicArchiveElsewhere => ("非公单位人员，档案在异地", "non-public unit, personnel file outside Chongqing"),
        Freelancer => ("自由职业者", "freelancer"),
        OutOfCityBranch => ("市外单位驻渝人员", "staff of a unit from outside Chongqing"),
        RouteTransfer => ("申报方式为转评", "the route is a transfer"),
        RouteAdditional => ("申报方式为多评", "the route is an additional title"),
        AfterPublicity => ("单位公示后、推荐前", "after the unit's publicity, before it recommends"),
        Achievement { kind } => (kind.label_zh(), kind_en(*kind)),
    };
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// Why, with the portal's own check when there is one.
pub fn why(i: &ChecklistItem, lang: Lang) -> String {
    let w = applies(&i.why, lang);
    match (i.auto_verified, lang) {
        (false, _) => w,
        (true, Lang::Zh) => format!("{w}；自动核验，未通过时上传"),
        (true, Lang::En) => format!("{w}; the portal checks it itself: upload only if that fails"),
    }
}

pub fn reminder(r: EvidenceReminder, lang: Lang) -> &'static str {
    match (r, lang) {
        (EvidenceReminder::Declassify, Lang::Zh) => {
            "业绩成果如有涉密内容，请按保密规定进行脱密处理后再上传（三（三）2）"
        }
        (EvidenceReminder::Declassify, Lang::En) => {
            "Declassify any classified content of an achievement as the secrecy rules require before uploading it (clause 三（三）2)"
        }
        (EvidenceReminder::MaskPersonalData, Lang::Zh) => {
            "需公开的材料（如公示表、张贴的复印件）请遮盖身份证号码等个人信息"
        }
        (EvidenceReminder::MaskPersonalData, Lang::En) => {
            "Mask the ID number and other personal data on anything made public (the publicity sheet, posted copies)"
        }
    }
}

/// A file's kind: “JPEG 图片” / “a JPEG picture”.
pub fn kind(k: FileKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => k.label(),
        Lang::En => match k {
            FileKind::Pdf => "a PDF",
            FileKind::Jpeg => "a JPEG picture",
            FileKind::Png => "a PNG picture",
            FileKind::Ofd => "an OFD document",
            FileKind::Doc => "a Word document (DOC)",
            FileKind::Docx => "a Word document (DOCX)",
            FileKind::Xls => "an Excel sheet (XLS)",
            FileKind::Xlsx => "an Excel sheet (XLSX)",
            FileKind::Zip => "a ZIP archive",
        },
    }
}

#[cfg(test)]
mod tests {
    use zhicheng_core::text::has_cjk;

    use super::*;

    #[test]
    fn every_item_applies_code_and_reminder_has_both_languages() {
        for d in crate::checklist::ITEMS {
            assert_eq!(item_label(d.id, Lang::Zh), d.label);
            let en = item_label(d.id, Lang::En);
            assert!(en != d.label && !has_cjk(&en), "{}: {en}", d.id);
        }
        let kinds = [
            KindTag::EngineeringProject,
            KindTag::NewTechProject,
            KindTag::ProductRevenue,
            KindTag::InventionPatent,
            KindTag::Standard,
            KindTag::Book,
            KindTag::Paper,
            KindTag::TrainingMaterial,
            KindTag::ResearchReport,
            KindTag::WhitePaper,
            KindTag::EquipmentService,
        ];
        let mut all = vec![
            Applies::AllApplicants,
            Applies::DegreeEntered,
            Applies::DegreeNotEntered,
            Applies::NonPublicArchiveElsewhere,
            Applies::Freelancer,
            Applies::OutOfCityBranch,
            Applies::RouteTransfer,
            Applies::RouteAdditional,
            Applies::AfterPublicity,
        ];
        all.extend(kinds.map(|kind| Applies::Achievement { kind }));
        for a in all {
            assert!(has_cjk(&applies(&a, Lang::Zh)), "{a:?}");
            assert!(!has_cjk(&applies(&a, Lang::En)), "{a:?}");
        }
        for r in [EvidenceReminder::Declassify, EvidenceReminder::MaskPersonalData] {
            assert!(!has_cjk(&reminder(r, Lang::En).replace("三（三）2", "")));
        }
        let s = Subject::Achievement { number: 2, title: String::new() };
        assert_eq!(subject(&s, Lang::Zh), "业绩2：（未命名）");
        assert_eq!(subject(&s, Lang::En), "Achievement 2: (untitled)");
    }
}
