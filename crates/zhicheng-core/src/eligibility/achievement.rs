//! 业绩成果: the applicant's achievements, typed so that every qualifier a condition of 二（二）names can
//! be checked. Each has an id (evidence will link to it), a title and a month (completion, acceptance,
//! grant or publication), which decides whether it lies in the 5-year window.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::yearmonth::YearMonth;

/// The level of a project, standard or promoting body, lowest first. A higher level satisfies a
/// condition that names a lower one (first-batch-rules.md, "Levels").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 团体标准（学会、协会等社会团体发布）: neither 国家级 nor 行业（地方）; lowest in the order, and a
    /// condition naming a level says so (standards only).
    Group,
    /// 企业
    Enterprise,
    /// 地（市）级
    Prefecture,
    /// 行业 / 地方
    IndustryOrLocal,
    /// 省（部）级
    Provincial,
    /// 国家级
    National,
}

impl Level {
    pub fn label_zh(self) -> &'static str {
        match self {
            Level::Group => "团体",
            Level::Enterprise => "企业",
            Level::Prefecture => "地（市）级",
            Level::IndustryOrLocal => "行业（地方）",
            Level::Provincial => "省（部）级",
            Level::National => "国家级",
        }
    }
}

/// The applicant's part in a book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BookRole {
    /// 主编
    ChiefEditor,
    /// 独著 (the product's reading: the sole author is the book's 主编)
    SoleAuthor,
    /// 副主编
    DeputyEditor,
    /// 参编
    Contributor,
}

/// How the applicant is named on a paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Authorship {
    /// 独立作者
    Sole,
    /// 第一作者
    First,
    /// 其他
    Other,
}

/// What kind of achievement, with the qualifiers the conditions check for that kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AchievementKind {
    /// 绿色低碳工程建设、改造项目（含节能节水、低碳建设、改造项目）
    EngineeringProject {
        level: Option<Level>,
        /// 主持（项目负责人）
        #[serde(default)]
        led: bool,
        /// 个人排名（1 = 第一）
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
        /// 通过行业主管部门认定或验收合格 / 项目实施并通过验收
        #[serde(default)]
        accepted: bool,
        /// 固定资产投资（万元）
        investment_wan: Option<f64>,
    },
    /// 绿色低碳领域新技术、新材料、新工艺、新方法、新产品项目
    NewTechProject {
        level: Option<Level>,
        #[serde(default)]
        led: bool,
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
        /// 被认定为绿色设计产品
        #[serde(default)]
        green_design_product: bool,
        /// 被认定为省（部）级（或国家级）重大新产品
        #[serde(default)]
        major_new_product: bool,
        /// 取得较好经济效益和社会效益
        #[serde(default)]
        good_benefit: bool,
        /// 投入生产或应用
        #[serde(default)]
        in_use: bool,
    },
    /// 绿色低碳领域产品、技术服务的营收
    ProductRevenue {
        #[serde(default)]
        led: bool,
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
        /// 累计实现营收（万元）
        revenue_wan: Option<f64>,
    },
    /// 发明专利
    InventionPatent {
        /// 已授权
        #[serde(default)]
        granted: bool,
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
        /// 绿色低碳相关
        #[serde(default)]
        green_related: bool,
    },
    /// 技术标准、导则、规程、规范；企业技术指南、企业技术标准、技术手册
    Standard {
        level: Option<Level>,
        #[serde(default)]
        led: bool,
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
        /// 已实施
        #[serde(default)]
        implemented: bool,
    },
    /// 学术、技术著作
    Book {
        /// 公开出版
        #[serde(default)]
        published: bool,
        /// 主编 (kept for files that predate `role`; `role` decides when given)
        #[serde(default)]
        chief_editor: bool,
        /// 主编 / 独著 / 副主编 / 参编
        #[serde(default)]
        role: Option<BookRole>,
        /// 本人撰写字数（万字）
        own_words_wan: Option<f64>,
    },
    /// 学术论文
    Paper {
        /// 中文核心期刊
        #[serde(default)]
        core_journal: bool,
        authorship: Option<Authorship>,
        /// 刊于增刊或论文集（评审通常不计为期刊论文）
        #[serde(default)]
        supplement: bool,
        /// 期刊的国内统一刊号（CN）
        #[serde(default)]
        cn_number: String,
    },
    /// 本专业培训教材、技术手册
    TrainingMaterial {
        #[serde(default)]
        led: bool,
        own_words_wan: Option<f64>,
        /// 推广应用的主管部门或行业组织的级别
        promoted_by: Option<Level>,
    },
    /// 课题、项目技术报告
    ResearchReport {
        level: Option<Level>,
        #[serde(default)]
        led: bool,
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
        /// 推广应用或实施
        #[serde(default)]
        applied: bool,
    },
    /// 行业白皮书、产业发展规划、可行性研究报告
    WhitePaper {
        #[serde(default)]
        led: bool,
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
    },
    /// 节能降碳、清洁生产、绿色制造等设备设施的设计、安装、运维、咨询服务
    EquipmentService {
        #[serde(default)]
        led: bool,
        #[schemars(range(min = 1, max = 100))]
        rank: Option<u32>,
    },
}

/// The kind's tag, for the rule pack and the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KindTag {
    EngineeringProject,
    NewTechProject,
    ProductRevenue,
    InventionPatent,
    Standard,
    Book,
    Paper,
    TrainingMaterial,
    ResearchReport,
    WhitePaper,
    EquipmentService,
}

impl KindTag {
    pub fn label_zh(self) -> &'static str {
        match self {
            KindTag::EngineeringProject => "工程建设、改造项目",
            KindTag::NewTechProject => "新技术、新材料、新工艺、新方法、新产品项目",
            KindTag::ProductRevenue => "产品、技术服务营收",
            KindTag::InventionPatent => "发明专利",
            KindTag::Standard => "技术标准、导则、规程、规范（含企业技术指南、技术手册）",
            KindTag::Book => "学术、技术著作",
            KindTag::Paper => "学术论文",
            KindTag::TrainingMaterial => "培训教材、技术手册",
            KindTag::ResearchReport => "课题、项目技术报告",
            KindTag::WhitePaper => "行业白皮书、产业发展规划、可行性研究报告",
            KindTag::EquipmentService => "设备设施设计、安装、运维、咨询服务",
        }
    }
}

/// One achievement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct Achievement {
    /// Stable id, unique in the file (evidence links to it).
    pub id: String,
    pub title: String,
    /// 完成 / 验收 / 授权 / 发表 month.
    pub month: Option<YearMonth>,
    #[serde(flatten)]
    pub kind: AchievementKind,
}

impl AchievementKind {
    pub fn tag(&self) -> KindTag {
        match self {
            AchievementKind::EngineeringProject { .. } => KindTag::EngineeringProject,
            AchievementKind::NewTechProject { .. } => KindTag::NewTechProject,
            AchievementKind::ProductRevenue { .. } => KindTag::ProductRevenue,
            AchievementKind::InventionPatent { .. } => KindTag::InventionPatent,
            AchievementKind::Standard { .. } => KindTag::Standard,
            AchievementKind::Book { .. } => KindTag::Book,
            AchievementKind::Paper { .. } => KindTag::Paper,
            AchievementKind::TrainingMaterial { .. } => KindTag::TrainingMaterial,
            AchievementKind::ResearchReport { .. } => KindTag::ResearchReport,
            AchievementKind::WhitePaper { .. } => KindTag::WhitePaper,
            AchievementKind::EquipmentService { .. } => KindTag::EquipmentService,
        }
    }

    /// Whether the kind asks "本人主持" at all (patents, books and papers do not).
    pub fn has_led(&self) -> bool {
        !matches!(
            self,
            AchievementKind::InventionPatent { .. } | AchievementKind::Book { .. } | AchievementKind::Paper { .. }
        )
    }

    /// The facts a predicate can ask about, uniformly (absent facts are `None`).
    pub fn facts(&self) -> Facts {
        let mut f = Facts::default();
        match *self {
            AchievementKind::EngineeringProject { level, led, rank, accepted, investment_wan } => {
                f.level = level;
                f.led = led;
                f.rank = rank;
                f.accepted = Some(accepted);
                f.investment_wan = investment_wan;
            }
            AchievementKind::NewTechProject {
                level,
                led,
                rank,
                green_design_product,
                major_new_product,
                good_benefit,
                in_use,
            } => {
                f.level = level;
                f.led = led;
                f.rank = rank;
                f.recognised = Some(green_design_product || major_new_product);
                f.good_benefit = Some(good_benefit);
                f.in_use = Some(in_use);
            }
            AchievementKind::ProductRevenue { led, rank, revenue_wan } => {
                f.led = led;
                f.rank = rank;
                f.revenue_wan = revenue_wan;
            }
            AchievementKind::InventionPatent { granted, rank, green_related } => {
                f.granted = Some(granted);
                f.rank = rank;
                f.green_related = Some(green_related);
            }
            AchievementKind::Standard { level, led, rank, implemented } => {
                f.level = level;
                f.led = led;
                f.rank = rank;
                f.implemented = Some(implemented);
            }
            AchievementKind::Book { published, chief_editor, role, own_words_wan } => {
                let chief = match role {
                    Some(r) => matches!(r, BookRole::ChiefEditor | BookRole::SoleAuthor),
                    None => chief_editor,
                };
                f.published = Some(published);
                f.led = chief;
                f.chief_editor = Some(chief);
                f.own_words_wan = own_words_wan;
            }
            AchievementKind::Paper { core_journal, authorship, .. } => {
                f.core_journal = Some(core_journal);
                f.first_author = Some(matches!(authorship, Some(Authorship::Sole | Authorship::First)));
            }
            AchievementKind::TrainingMaterial { led, own_words_wan, promoted_by } => {
                f.led = led;
                f.own_words_wan = own_words_wan;
                f.promoted_by = promoted_by;
            }
            AchievementKind::ResearchReport { level, led, rank, applied } => {
                f.level = level;
                f.led = led;
                f.rank = rank;
                f.applied = Some(applied);
            }
            AchievementKind::WhitePaper { led, rank } | AchievementKind::EquipmentService { led, rank } => {
                f.led = led;
                f.rank = rank;
            }
        }
        f
    }
}

/// The uniform view of an achievement's qualifiers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Facts {
    pub level: Option<Level>,
    pub led: bool,
    pub rank: Option<u32>,
    pub accepted: Option<bool>,
    pub investment_wan: Option<f64>,
    /// 绿色设计产品 or 省（部）级重大新产品.
    pub recognised: Option<bool>,
    pub good_benefit: Option<bool>,
    pub in_use: Option<bool>,
    pub revenue_wan: Option<f64>,
    pub granted: Option<bool>,
    pub green_related: Option<bool>,
    pub implemented: Option<bool>,
    pub published: Option<bool>,
    pub chief_editor: Option<bool>,
    pub own_words_wan: Option<f64>,
    pub core_journal: Option<bool>,
    pub first_author: Option<bool>,
    pub promoted_by: Option<Level>,
    pub applied: Option<bool>,
}
