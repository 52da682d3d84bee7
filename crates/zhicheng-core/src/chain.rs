//! 申报程序: the submission chain for each kind of employer and archive location (notice 三（二）1–5),
//! with the requirements each chain carries. The eligibility rule pack will take these over as data;
//! until then this table is their single source.

use serde::Serialize;
use ts_rs::TS;

use crate::profile::{ArchiveLocation, EmployerKind};

/// One requirement a chain carries, with its clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChainRequirement {
    pub clause: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SubmissionChain {
    /// 三（二）1 … 三（二）5, with 3（1）/3（2） for the archive location.
    pub clause: String,
    /// The chain as the notice writes it.
    pub text: String,
    /// The nodes in order, from 个人 to 评委会.
    pub nodes: Vec<String>,
    /// The node that posts the publicity sheet and recommends (三（三）3（1）).
    pub publicity_by: String,
    pub requirements: Vec<ChainRequirement>,
}

const MOBILE_RULE: &str = "按照市人力社保局《关于做好我市流动人员职称申报评审工作有关事项的通知》（渝人社发〔2017〕235号）有关规定，其中，工作单位、档案存放均在重庆的，须有1年以上社保缴费记录（市内外可连续计算）；工作单位在重庆、档案在异地的，须在重庆工作1年以上（以社保参保记录为准）；工作单位在异地、档案在重庆的，须在重庆存档1年以上（以存档记录为准）。";

fn req(clause: &str, text: &str) -> ChainRequirement {
    ChainRequirement { clause: clause.into(), text: text.into() }
}

fn nodes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The chain for an employer kind and archive location (the archive matters for 三（二）3 and 4).
pub fn chain_for(kind: EmployerKind, archive: ArchiveLocation) -> SubmissionChain {
    match (kind, archive) {
        (EmployerKind::MunicipalPublic, _) => SubmissionChain {
            clause: "三（二）1".into(),
            text: "市属事业单位、国有企业人员。个人——所在单位——单位主管部门——评委会。".into(),
            nodes: nodes(&["个人", "所在单位", "单位主管部门", "评委会"]),
            publicity_by: "所在单位".into(),
            requirements: vec![],
        },
        (EmployerKind::DistrictPublic, _) => SubmissionChain {
            clause: "三（二）2".into(),
            text: "区县属事业单位、国有企业人员。个人——所在单位——单位主管部门——区县人力社保（职改）部门——评委会。".into(),
            nodes: nodes(&["个人", "所在单位", "单位主管部门", "区县人力社保（职改）部门", "评委会"]),
            publicity_by: "所在单位".into(),
            requirements: vec![],
        },
        (EmployerKind::NonPublic, ArchiveLocation::Chongqing) => SubmissionChain {
            clause: "三（二）3（1）".into(),
            text: "非公单位人员、流动人员、自主择业军队干部。档案在重庆的。个人——所在单位——人事代理机构——人事代理机构所在地区县人力社保（职改）部门——评委会。".into(),
            nodes: nodes(&["个人", "所在单位", "人事代理机构", "人事代理机构所在地区县人力社保（职改）部门", "评委会"]),
            publicity_by: "所在单位".into(),
            requirements: vec![req("三（二）3", MOBILE_RULE)],
        },
        (EmployerKind::NonPublic, ArchiveLocation::OutsideChongqing) => SubmissionChain {
            clause: "三（二）3（2）".into(),
            text: "非公单位人员、流动人员、自主择业军队干部。档案在异地的。个人（持异地查档记录）——所在单位（与参保单位一致）——参保地区县人力社保（职改）部门——评委会。".into(),
            nodes: nodes(&["个人（持异地查档记录）", "所在单位（与参保单位一致）", "参保地区县人力社保（职改）部门", "评委会"]),
            publicity_by: "所在单位（与参保单位一致）".into(),
            requirements: vec![
                req("三（二）3（2）", "个人（持异地查档记录）；所在单位（与参保单位一致）。"),
                req("三（二）3", MOBILE_RULE),
            ],
        },
        (EmployerKind::Freelancer, _) => SubmissionChain {
            clause: "三（二）4".into(),
            text: "自由职业者。个人——人事代理机构——人事代理机构所在地区县人力社保（职改）部门——评委会。".into(),
            nodes: nodes(&["个人", "人事代理机构", "人事代理机构所在地区县人力社保（职改）部门", "评委会"]),
            publicity_by: "人事代理机构".into(),
            requirements: vec![
                req("三（二）4", "须以个人身份参保、有个人纳税申报记录，所在行业无承接资质等与企业行为挂钩的限制或禁止性要求。"),
                req("三（二）4", "其参保及存档时间要求，参照“3.非公单位人员、流动人员、自主择业军队干部”执行。"),
                req("三（二）3", MOBILE_RULE),
            ],
        },
        (EmployerKind::OutOfCityBranch, _) => SubmissionChain {
            clause: "三（二）5".into(),
            text: "市外单位驻渝人员。个人（持具有职称评审权限的上级主管部门出具的委托评审函）——所在单位——单位驻重庆最高管理机构——评委会。".into(),
            nodes: nodes(&["个人（持委托评审函）", "所在单位", "单位驻重庆最高管理机构", "评委会"]),
            publicity_by: "所在单位".into(),
            requirements: vec![req("三（二）5", "持具有职称评审权限的上级主管部门出具的委托评审函。")],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_chain_from_the_applicant_to_the_committee() {
        for kind in [
            EmployerKind::MunicipalPublic,
            EmployerKind::DistrictPublic,
            EmployerKind::NonPublic,
            EmployerKind::Freelancer,
            EmployerKind::OutOfCityBranch,
        ] {
            for archive in [ArchiveLocation::Chongqing, ArchiveLocation::OutsideChongqing] {
                let c = chain_for(kind, archive);
                assert!(c.nodes.first().unwrap().starts_with("个人"), "{c:?}");
                assert_eq!(c.nodes.last().unwrap(), "评委会");
                assert!(c.nodes.contains(&c.publicity_by), "{c:?}");
                // The text is the notice's own words for the chain.
                assert!(c.text.contains(&c.nodes[1..].join("——")), "{c:?}");
            }
        }
    }

    #[test]
    fn the_archive_location_splits_item_3() {
        assert_eq!(chain_for(EmployerKind::NonPublic, ArchiveLocation::Chongqing).clause, "三（二）3（1）");
        let away = chain_for(EmployerKind::NonPublic, ArchiveLocation::OutsideChongqing);
        assert_eq!(away.clause, "三（二）3（2）");
        assert!(away.nodes[0].contains("异地查档记录"));
        assert!(
            chain_for(EmployerKind::OutOfCityBranch, ArchiveLocation::Chongqing).requirements[0]
                .text
                .contains("委托评审函")
        );
    }
}
