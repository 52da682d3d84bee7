//! 申报程序: the submission chain for each kind of employer and archive location (notice 三（二）1–5),
//! with the requirements each chain carries. The chains are data in the rule pack
//! (`data/rules-2023.json`, `chains`); this module holds their types and the lookup.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::{ArchiveLocation, EmployerKind};

/// One requirement a chain carries, with its clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChainRequirement {
    pub clause: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SubmissionChain {
    pub employer_kind: EmployerKind,
    /// For 三（二）3: which archive location this chain is for (`null`: any).
    pub archive: Option<ArchiveLocation>,
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

#[cfg(test)]
mod tests {
    /// The chain for an employer kind and archive location, from the built-in rule pack.
    fn chain_for(kind: EmployerKind, archive: ArchiveLocation) -> SubmissionChain {
        crate::eligibility::RulePack::builtin_ref()
            .chain_for(kind, archive)
            .cloned()
            .expect("the built-in pack has every chain (tested)")
    }

    use super::*;

    const KINDS: [EmployerKind; 5] = [
        EmployerKind::MunicipalPublic,
        EmployerKind::DistrictPublic,
        EmployerKind::NonPublic,
        EmployerKind::Freelancer,
        EmployerKind::OutOfCityBranch,
    ];

    #[test]
    fn every_kind_has_a_chain_from_the_applicant_to_the_committee() {
        let notice = include_str!("../../data/notice-yjxf-2023-89.txt");
        for kind in KINDS {
            for archive in [ArchiveLocation::Chongqing, ArchiveLocation::OutsideChongqing] {
                let c = chain_for(kind, archive);
                assert!(c.nodes.first().unwrap().starts_with("个人"), "{c:?}");
                assert_eq!(c.nodes.last().unwrap(), "评委会");
                assert!(c.nodes.contains(&c.publicity_by), "{c:?}");
                // The text is the notice's own words for the chain.
                assert!(c.text.contains(&c.nodes[1..].join("——")), "{c:?}");
                let chain_words = c.text.rsplit('。').nth(1).unwrap();
                assert!(notice.contains(chain_words), "{chain_words}");
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
        assert!(
            chain_for(EmployerKind::Freelancer, ArchiveLocation::Chongqing).requirements[0]
                .text
                .contains("个人纳税申报记录")
        );
    }
}
