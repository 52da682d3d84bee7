// Generated from the Rust types in crates/zhicheng-core by `UPDATE_BINDINGS=1 cargo test -p zhicheng-core bindings`.
// Do not edit by hand: a test fails when this file and the Rust types differ.

export type YearMonth = string;

export type Gender = "male" | "female";

export type EmployerKind = "municipal_public" | "district_public" | "non_public" | "freelancer" | "out_of_city_branch";

export type ArchiveLocation = "chongqing" | "outside_chongqing";

export type Education = "secondary" | "college" | "bachelor" | "master" | "doctorate";

export type Degree = "none" | "bachelor" | "master" | "doctor";

export type HeldTitle = "none" | "junior" | "intermediate" | "senior" | "professor";

export type Profile = { 
/**
 * 姓名
 */
name: string, 
/**
 * 性别
 */
gender: Gender | null, 
/**
 * 出生年月
 */
birth_month: YearMonth | null, 
/**
 * 身份证号 (never printed in logs; never on the publicity sheet)
 */
id_number: string, 
/**
 * 手机
 */
phone: string, 
/**
 * 工作单位（全称）
 */
employer: string, 
/**
 * 单位类别
 */
employer_kind: EmployerKind | null, 
/**
 * 区县 (one of [`DISTRICTS`])
 */
district: string, 
/**
 * 档案所在地
 */
archive_location: ArchiveLocation | null, 
/**
 * 学历
 */
education: Education | null, 
/**
 * 学位
 */
degree: Degree | null, 
/**
 * 毕业院校
 */
graduate_school: string, 
/**
 * 所学专业
 */
graduate_major: string, 
/**
 * 毕业时间
 */
graduation_month: YearMonth | null, 
/**
 * 从事本领域工作起始年月
 */
field_start_month: YearMonth | null, 
/**
 * 现从事专业
 */
current_specialty: string, 
/**
 * 现职称级别
 */
current_title_level: HeldTitle | null, 
/**
 * 现职称名称（如“工程师（电气）”）
 */
current_title_name: string, 
/**
 * 现职称取得时间
 */
current_title_month: YearMonth | null, 
/**
 * 社保缴费单位（申报系统自动比对，五（五））; empty when the same as 工作单位 or not entered
 */
insurance_employer: string, };

export type Level = "group" | "enterprise" | "prefecture" | "industry_or_local" | "provincial" | "national";

export type Authorship = "sole" | "first" | "other";

export type BookRole = "chief_editor" | "sole_author" | "deputy_editor" | "contributor";

export type AchievementKind = { "kind": "engineering_project", level: Level | null, 
/**
 * 主持（项目负责人）
 */
led: boolean, 
/**
 * 个人排名（1 = 第一）
 */
rank: number | null, 
/**
 * 通过行业主管部门认定或验收合格 / 项目实施并通过验收
 */
accepted: boolean, 
/**
 * 固定资产投资（万元）
 */
investment_wan: number | null, } | { "kind": "new_tech_project", level: Level | null, led: boolean, rank: number | null, 
/**
 * 被认定为绿色设计产品
 */
green_design_product: boolean, 
/**
 * 被认定为省（部）级（或国家级）重大新产品
 */
major_new_product: boolean, 
/**
 * 取得较好经济效益和社会效益
 */
good_benefit: boolean, 
/**
 * 投入生产或应用
 */
in_use: boolean, } | { "kind": "product_revenue", led: boolean, rank: number | null, 
/**
 * 累计实现营收（万元）
 */
revenue_wan: number | null, } | { "kind": "invention_patent", 
/**
 * 已授权
 */
granted: boolean, rank: number | null, 
/**
 * 绿色低碳相关
 */
green_related: boolean, } | { "kind": "standard", level: Level | null, led: boolean, rank: number | null, 
/**
 * 已实施
 */
implemented: boolean, } | { "kind": "book", 
/**
 * 公开出版
 */
published: boolean, 
/**
 * 主编 (kept for files that predate `role`; `role` decides when given)
 */
chief_editor: boolean, 
/**
 * 主编 / 独著 / 副主编 / 参编
 */
role: BookRole | null, 
/**
 * 本人撰写字数（万字）
 */
own_words_wan: number | null, } | { "kind": "paper", 
/**
 * 中文核心期刊
 */
core_journal: boolean, authorship: Authorship | null, 
/**
 * 刊于增刊或论文集（评审通常不计为期刊论文）
 */
supplement: boolean, 
/**
 * 期刊的国内统一刊号（CN）
 */
cn_number: string, } | { "kind": "training_material", led: boolean, own_words_wan: number | null, 
/**
 * 推广应用的主管部门或行业组织的级别
 */
promoted_by: Level | null, } | { "kind": "research_report", level: Level | null, led: boolean, rank: number | null, 
/**
 * 推广应用或实施
 */
applied: boolean, } | { "kind": "white_paper", led: boolean, rank: number | null, } | { "kind": "equipment_service", led: boolean, rank: number | null, };

export type KindTag = "engineering_project" | "new_tech_project" | "product_revenue" | "invention_patent" | "standard" | "book" | "paper" | "training_material" | "research_report" | "white_paper" | "equipment_service";

export type Achievement = { 
/**
 * Stable id, unique in the file (evidence links to it).
 */
id: string, title: string, 
/**
 * 完成 / 验收 / 授权 / 发表 month.
 */
month: YearMonth | null, } & ({ "kind": "engineering_project", level: Level | null, 
/**
 * 主持（项目负责人）
 */
led: boolean, 
/**
 * 个人排名（1 = 第一）
 */
rank: number | null, 
/**
 * 通过行业主管部门认定或验收合格 / 项目实施并通过验收
 */
accepted: boolean, 
/**
 * 固定资产投资（万元）
 */
investment_wan: number | null, } | { "kind": "new_tech_project", level: Level | null, led: boolean, rank: number | null, 
/**
 * 被认定为绿色设计产品
 */
green_design_product: boolean, 
/**
 * 被认定为省（部）级（或国家级）重大新产品
 */
major_new_product: boolean, 
/**
 * 取得较好经济效益和社会效益
 */
good_benefit: boolean, 
/**
 * 投入生产或应用
 */
in_use: boolean, } | { "kind": "product_revenue", led: boolean, rank: number | null, 
/**
 * 累计实现营收（万元）
 */
revenue_wan: number | null, } | { "kind": "invention_patent", 
/**
 * 已授权
 */
granted: boolean, rank: number | null, 
/**
 * 绿色低碳相关
 */
green_related: boolean, } | { "kind": "standard", level: Level | null, led: boolean, rank: number | null, 
/**
 * 已实施
 */
implemented: boolean, } | { "kind": "book", 
/**
 * 公开出版
 */
published: boolean, 
/**
 * 主编 (kept for files that predate `role`; `role` decides when given)
 */
chief_editor: boolean, 
/**
 * 主编 / 独著 / 副主编 / 参编
 */
role: BookRole | null, 
/**
 * 本人撰写字数（万字）
 */
own_words_wan: number | null, } | { "kind": "paper", 
/**
 * 中文核心期刊
 */
core_journal: boolean, authorship: Authorship | null, 
/**
 * 刊于增刊或论文集（评审通常不计为期刊论文）
 */
supplement: boolean, 
/**
 * 期刊的国内统一刊号（CN）
 */
cn_number: string, } | { "kind": "training_material", led: boolean, own_words_wan: number | null, 
/**
 * 推广应用的主管部门或行业组织的级别
 */
promoted_by: Level | null, } | { "kind": "research_report", level: Level | null, led: boolean, rank: number | null, 
/**
 * 推广应用或实施
 */
applied: boolean, } | { "kind": "white_paper", led: boolean, rank: number | null, } | { "kind": "equipment_service", led: boolean, rank: number | null, });

export type TitleLevel = "intermediate" | "senior" | "professor";

export type Route = "first_batch" | "regular" | "transfer" | "additional";

export type Screening = { route: Route, 
/**
 * 公务员（含参公管理的人员）
 */
civil_servant: boolean | null, 
/**
 * 离退休人员
 */
retired: boolean | null, 
/**
 * 处于职称申报评审影响期内
 */
penalty_period: boolean | null, 
/**
 * 申报月份 (default: the pack's, 2023-11).
 */
apply_month: YearMonth | null, };

export type Severity = "info" | "warning";

export type Check = { "code": "field_start_before_graduation", start: YearMonth, graduation: YearMonth, } | { "code": "title_before_graduation", held: YearMonth, graduation: YearMonth, } | { "code": "graduation_before_16", graduation: YearMonth, birth: YearMonth, } | { "code": "achievement_before_field_start", title: string, month: YearMonth, start: YearMonth, } | { "code": "rank_one_counted_as_led", title: string, } | { "code": "led_but_not_first", title: string, rank: number, } | { "code": "amount_looks_like_yuan", title: string, amount_wan: number, } | { "code": "amount_looks_like_wan_misplaced", title: string, amount_wan: number, } | { "code": "level_already_held", held: HeldTitle, } | { "code": "employer_differs_on_sheet", unit: string, employer: string, } | { "code": "insurance_employer_differs", insurer: string, employer: string, } | { "code": "paper_in_supplement", title: string, } | { "code": "core_journal_without_cn", title: string, } | { "code": "achievement_without_evidence", title: string, } | { "code": "evidence_linked_to_nothing", title: string, id: string, };

export type Finding = { severity: Severity, 
/**
 * The fields involved, as paths of the applicant file (`profile.graduation_month`,
 * `achievements[2].month`, `evidence`): the app jumps to the first.
 */
fields: Array<string>, 
/**
 * The notice's clause it rests on, when there is one.
 */
clause: string | null, 
/**
 * A common reason reviewers send applications back (评审常见退回原因).
 */
common_return: boolean, } & ({ "code": "field_start_before_graduation", start: YearMonth, graduation: YearMonth, } | { "code": "title_before_graduation", held: YearMonth, graduation: YearMonth, } | { "code": "graduation_before_16", graduation: YearMonth, birth: YearMonth, } | { "code": "achievement_before_field_start", title: string, month: YearMonth, start: YearMonth, } | { "code": "rank_one_counted_as_led", title: string, } | { "code": "led_but_not_first", title: string, rank: number, } | { "code": "amount_looks_like_yuan", title: string, amount_wan: number, } | { "code": "amount_looks_like_wan_misplaced", title: string, amount_wan: number, } | { "code": "level_already_held", held: HeldTitle, } | { "code": "employer_differs_on_sheet", unit: string, employer: string, } | { "code": "insurance_employer_differs", insurer: string, employer: string, } | { "code": "paper_in_supplement", title: string, } | { "code": "core_journal_without_cn", title: string, } | { "code": "achievement_without_evidence", title: string, } | { "code": "evidence_linked_to_nothing", title: string, id: string, });

export type Publicity = { 
/**
 * 申报级别 (when empty: the highest level the assessment finds eligible).
 */
level: TitleLevel | null, 
/**
 * 公示开始日期, chosen by the unit.
 */
start: string | null, 
/**
 * 公示结束日期 entered by hand; used only where the holiday calendar does not cover the period.
 */
end: string | null, 
/**
 * 公示地点
 */
place: string, 
/**
 * 受理单位（投诉受理）
 */
unit_name: string, 
/**
 * 受理单位电话
 */
unit_phone: string, 
/**
 * 上级主管部门
 */
superior_name: string, 
/**
 * 上级主管部门电话
 */
superior_phone: string, };

export type EndSource = "calendar" | "entered" | "unknown";

export type PeriodWarning = { "code": "end_too_early", entered: string, end: string, workdays: number, } | { "code": "end_before_start" } | { "code": "holidays_unknown", from: string, workdays: number, };

export type PublicityPeriod = { start: string | null, end: string | null, source: EndSource, 
/**
 * Set when the period cannot be trusted: an entered end too early, or holidays unknown.
 */
warning: PeriodWarning | null, };

export type ApplicantFile = { 
/**
 * Always `"zhicheng/applicant"`.
 */
format: string, 
/**
 * The schema version this file follows.
 */
version: number, profile: Profile, 
/**
 * 申报资格: route and the exclusion answers (version 2).
 */
screening: Screening, 
/**
 * 业绩成果 (version 2).
 */
achievements: Array<Achievement>, 
/**
 * 公示: level, period, place and contacts for the publicity sheet (version 3).
 */
publicity: Publicity, };

export type IssueKind = "missing" | "invalid";

export type FieldIssue = { 
/**
 * The field's key in the profile (`birth_month`).
 */
field: string, 
/**
 * The field's Chinese label (出生年月).
 */
label_zh: string, kind: IssueKind, code: string, message: string, };

export type BackupInfo = { 
/**
 * The file name inside `backups/`.
 */
name: string, 
/**
 * When it was saved, RFC 3339 UTC.
 */
saved_at: string, };

export type Loaded = { file: ApplicantFile, 
/**
 * False when there is no applicant file yet (a new workspace).
 */
exists: boolean, 
/**
 * The version the file was written in, when it was older and has been migrated in memory.
 */
migrated_from: number | null, 
/**
 * The ID number and phone are sealed and the key is not available here (a passphrase-protected
 * vault not unlocked yet): they hold the sealed values, which a save keeps as they are.
 */
personal_locked: boolean, };

export type WorkspaceInfo = { root: string, backups: Array<BackupInfo>, };

export type ErrorCode = "io" | "invalid_file" | "unsupported_version" | "corrupt_file" | "invalid_profile" | "no_backup" | "already_exists" | "workspace" | "fonts" | "missing_glyph" | "vault" | "vault_locked" | "wrong_passphrase" | "tampered" | "cancelled" | "not_found" | "busy" | "internal";

export type Cited<T> = { value: T, 
/**
 * Clause id, e.g. 三（三）3（1）.
 */
clause: string, 
/**
 * The clause's exact text.
 */
text: string, };

export type Window = { 
/**
 * `submission`, `payment`, or another id of the round's choosing.
 */
id: string, label: string, 
/**
 * RFC 3339 with +08:00.
 */
opens_at: string, closes_at: string, clause: string, text: string, };

export type Round = { 
/**
 * Always `"zhicheng/round"`.
 */
format: string, version: number, id: string, title: string, 
/**
 * 文号 of the notice.
 */
notice: string, windows: Array<Window>, unit_publicity_workdays: Cited<number>, result_publicity_workdays: Cited<number>, review_request_months: Cited<number>, work_time_cutoff: Cited<string>, };

export type WindowState = "upcoming" | "open" | "closed";

export type WindowStatus = { id: string, label: string, opens_at: string, closes_at: string, state: WindowState, 
/**
 * Open and less than 72 hours left.
 */
closing_soon: boolean, 
/**
 * Whole seconds until it opens; 0 once open.
 */
seconds_to_open: number, 
/**
 * Whole seconds until it closes; 0 once closed.
 */
seconds_to_close: number, clause: string, text: string, };

export type ChainRequirement = { clause: string, text: string, };

export type SubmissionChain = { employer_kind: EmployerKind, 
/**
 * For 三（二）3: which archive location this chain is for (`null`: any).
 */
archive: ArchiveLocation | null, 
/**
 * 三（二）1 … 三（二）5, with 3（1）/3（2） for the archive location.
 */
clause: string, 
/**
 * The chain as the notice writes it.
 */
text: string, 
/**
 * The nodes in order, from 个人 to 评委会.
 */
nodes: Array<string>, 
/**
 * The node that posts the publicity sheet and recommends (三（三）3（1）).
 */
publicity_by: string, requirements: Array<ChainRequirement>, };

export type StepInput = { name: string, workdays: number, };

export type PlanItemKind = "publicity" | "review" | "deadline";

export type PlanItem = { kind: PlanItemKind, name: string, workdays: number, start: string, end: string, 
/**
 * Clause that fixes this item, when the notice fixes it.
 */
clause: string | null, 
/**
 * Ends after the day it must end by (only in a plan from entered dates).
 */
late: boolean, };

export type Plan = { 
/**
 * In time order: the publicity, the review steps, the submission close.
 */
items: Array<PlanItem>, 
/**
 * The critical date: the unit must begin its publicity on or before this day.
 */
latest_publicity_start: string, count_start_day: boolean, 
/**
 * The plan relied on dates whose holidays are unknown (from this date on).
 */
unknown_from: string | null, 
/**
 * The items follow the publicity dates the user entered (forward), not the latest possible ones.
 */
from_entered: boolean, };

export type DeadlineSettings = { version: number, 
/**
 * The id of the active round (the built-in one unless the user chose another).
 */
active_round: string, 
/**
 * Rounds the user added or imported (a later notice).
 */
rounds: Array<Round>, 
/**
 * Reminder lead times, in minutes before each boundary.
 */
lead_minutes: Array<number>, 
/**
 * Count the start day as the first working day when it is one.
 */
count_start_day: boolean, 
/**
 * Working days reserved for each review step of the chain, in chain order.
 */
step_days: Array<number>, 
/**
 * Reminders already given (never twice for the same boundary and lead time).
 */
notified: Array<string>, };

export type DeadlinePreferences = { active_round: string, lead_minutes: Array<number>, count_start_day: boolean, step_days: Array<number>, };

export type RoundSummary = { id: string, title: string, notice: string, builtin: boolean, };

export type Reminder = { 
/**
 * The keys to record as given once shown (all lead times already passed for this boundary).
 */
keys: Array<string>, window_id: string, boundary: WindowState, at: string, 
/**
 * Whole minutes left until `at` (the catalogues word it: 1天0小时 / 1 day 0 hours).
 */
left_minutes: number, };

export type StartSource = "entered" | "today";

export type PublicityFit = { start: string, start_source: StartSource, 
/**
 * The Nth working day from the start (or the end entered by hand beyond the holiday table).
 */
end: string, 
/**
 * The latest start of the backward plan, and the day the publicity must end by.
 */
latest_start: string, latest_end: string, 
/**
 * The publicity ends on or before `latest_end`.
 */
fits: boolean, 
/**
 * Working days from the day after `latest_end` to `end` (0 when it fits).
 */
working_days_late: number, 
/**
 * Today (Beijing) is after `latest_start`.
 */
latest_start_passed: boolean, 
/**
 * Some day of the computation lies in a year whose holidays the app does not know (Mon–Fri assumed).
 */
estimated: boolean, workdays: number, clause: string, 
/**
 * The clause's words on publicity length and on what cannot be recommended.
 */
text: string, rule_text: string, };

export type DeadlineOverview = { 
/**
 * The instant this was computed for, in Beijing time.
 */
now: string, round: RoundSummary, rounds: Array<RoundSummary>, windows: Array<WindowStatus>, 
/**
 * Every window of the round has closed.
 */
round_over: boolean, 
/**
 * The chain's review steps (from the profile's employer kind) and the plan built on them.
 */
chain: SubmissionChain | null, plan: Plan, 
/**
 * The unit publicity must begin on or before `plan.latest_publicity_start`; this is that deadline
 * as a window that closes at the end of that day.
 */
publicity_start: WindowStatus, 
/**
 * The unit's publicity against the close: from the start entered on 公示表, or from today.
 */
publicity: PublicityFit, reminders: Array<Reminder>, settings: DeadlineSettings, 
/**
 * The last year whose official holidays the app knows.
 */
holidays_known_until: number, };

export type NewRoundDates = { 
/**
 * 文号 of the new notice; may be empty.
 */
notice: string, submission_opens: string, submission_closes: string, payment_opens: string | null, payment_closes: string | null, submission_sentence: string | null, payment_sentence: string | null, };

export type WindowGuess = "submission" | "payment";

export type Edge = "opens" | "closes";

export type FoundInstant = { 
/**
 * Beijing wall time, as an RFC 3339 instant with +08:00.
 */
at: string, 
/**
 * The words as the notice wrote them.
 */
written: string, 
/**
 * The sentence it stands in.
 */
sentence: string, window: WindowGuess | null, edge: Edge | null, };

export type Exclusion = { 
/**
 * `civil_servant`, `retired`, `penalty_period`.
 */
code: string, question: string, reason: string, 
/**
 * English glosses of `question` and `reason`.
 */
question_en?: string | null, reason_en?: string | null, clause: string, text: string, };

export type Clause = { clause: string, text: string, };

export type EducationRule = { row: EducationRow, 
/**
 * 从事本领域工作满 N 年 (0: no years needed).
 */
years: number, };

export type Require = { 
/**
 * 主持 (项目负责人 / 主编 / 第一).
 */
led: boolean | null, 
/**
 * 个人排名前 N (rank ≤ N). A leader satisfies it only when the rank limit is met.
 */
max_rank: number | null, 
/**
 * The lowest acceptable level (a higher one also counts).
 */
min_level: Level | null, 
/**
 * 通过认定或验收.
 */
accepted: boolean | null, min_investment_wan: number | null, 
/**
 * 绿色设计产品 or 省（部）级重大新产品.
 */
recognised: boolean | null, good_benefit: boolean | null, in_use: boolean | null, granted: boolean | null, green_related: boolean | null, implemented: boolean | null, published: boolean | null, chief_editor: boolean | null, min_own_words_wan: number | null, core_journal: boolean | null, 
/**
 * 独立或以第一作者身份.
 */
first_author: boolean | null, 
/**
 * 经该级别以上主管部门或行业组织推广应用.
 */
min_promoted_by: Level | null, 
/**
 * 推广应用或实施.
 */
applied: boolean | null, };

export type Alternative = { kinds: Array<KindTag>, count: number, require: Require, 
/**
 * 累计实现营收 at least this many 万元 over the qualifying achievements.
 */
sum_revenue_wan: number | null, also: Alternative | null, 
/**
 * How the gap line names one more qualifying achievement ("排名第1的授权发明专利").
 */
need: string, 
/**
 * Its English gloss, shown beside the Chinese in the English interface.
 */
need_en?: string | null, };

export type Condition = { 
/**
 * e.g. 二（二）1（5）.
 */
clause: string, 
/**
 * A short plain label colleagues understand (“投资1500万元以上项目骨干”), printed beside the clause
 * on the publicity sheet; the product's summary, never a threshold of its own.
 */
short?: string | null, short_en?: string | null, text: string, 
/**
 * Met when any alternative is met.
 */
any_of: Array<Alternative>, };

export type LevelRules = { level: TitleLevel, clause: string, 
/**
 * The level's opening paragraph (education, years, general requirements).
 */
text: string, education: Array<EducationRule>, conditions: Array<Condition>, };

export type RouteRules = { route: Route, levels: Array<LevelRules>, };

export type RulePack = { format: string, version: number, id: string, notice: string, 
/**
 * 专业工作时间、任职时间计算截至 (month).
 */
work_time_cutoff: YearMonth, work_time_clause: Clause, 
/**
 * 近 N 个月 (60) counted back from the application month, both ends included.
 */
window_months: number, window_clause: Clause, 
/**
 * The application month when the applicant sets none (the submission window's month).
 */
default_apply_month: YearMonth, exclusions: Array<Exclusion>, fees: Array<Fee>, routes: Array<RouteRules>, missing_routes: Array<MissingRoute>, 
/**
 * 申报程序 (三（二）1–5) with their requirements.
 */
chains: Array<SubmissionChain>, };

export type EducationRow = "doctor_degree" | "master_degree" | "bachelor_education_or_degree";

export type Fee = { level: TitleLevel, yuan: number, clause: string, text: string, };

export type MissingRoute = { route: Route, clause: string, text: string, note: string, 
/**
 * Its English gloss.
 */
note_en?: string | null, };

export type RowResult = { row: EducationRow, years: number, 
/**
 * The applicant has the degree / education this row asks for.
 */
qualified: boolean, met: boolean, 
/**
 * Months still missing (0 when met or when the row needs no years).
 */
months_short: number, };

export type EducationResult = { met: boolean, 
/**
 * The most favourable row that is met.
 */
used_row: EducationRow | null, 
/**
 * Whole months in the field up to the cutoff (对年对月), when the start month is known and not
 * after the application month.
 */
months_counted: number | null, 
/**
 * The field start lies after the application month: an impossible timeline, never 0 years.
 */
field_start_late: boolean, cutoff: YearMonth, rows: Array<RowResult>, };

export type Reason = { "code": "not_led" } | { "code": "rank_missing", limit: number, } | { "code": "rank_above_limit", rank: number, limit: number, } | { "code": "level_missing", min: Level, } | { "code": "group_standard_not_counted", min: Level, } | { "code": "level_below", level: Level, min: Level, } | { "code": "not_accepted" } | { "code": "investment_missing", min_wan: number, } | { "code": "investment_below", have_wan: number, min_wan: number, } | { "code": "not_recognised" } | { "code": "no_good_benefit" } | { "code": "not_in_use" } | { "code": "not_granted" } | { "code": "not_green_related" } | { "code": "not_implemented" } | { "code": "not_published" } | { "code": "not_chief_editor" } | { "code": "own_words_missing", min_wan: number, } | { "code": "own_words_below", have_wan: number, min_wan: number, } | { "code": "not_core_journal" } | { "code": "not_first_author" } | { "code": "promotion_missing", min: Level, } | { "code": "promotion_below", level: Level, min: Level, } | { "code": "not_applied" } | { "code": "month_missing" } | { "code": "month_after_apply", month: YearMonth, apply: YearMonth, clause: string, } | { "code": "month_outside_window", month: YearMonth, start: YearMonth, end: YearMonth, } | { "code": "revenue_missing" } | { "code": "revenue_short", need: string, need_en: string | null, short_wan: number, since: YearMonth, clause: string, } | { "code": "more_needed", missing: number, need: string, need_en: string | null, since: YearMonth, clause: string, } | { "code": "field_start_late", start: YearMonth, apply: YearMonth, clause: string, } | { "code": "education_missing" } | { "code": "education_mismatch", rows: Array<EducationRow>, } | { "code": "field_start_missing" } | { "code": "years_short", months: number, row: EducationRow, years: number, cutoff: YearMonth, };

export type Rejection = { id: string, title: string, 
/**
 * Every qualifier it fails.
 */
reasons: Array<Reason>, };

export type AltResult = { need: string, 
/**
 * The pack's English gloss of `need`, where it has one.
 */
need_en: string | null, count: number, met: boolean, 
/**
 * The achievements that count.
 */
counted: Array<string>, 
/**
 * Of the right kind but failing a qualifier.
 */
rejected: Array<Rejection>, 
/**
 * For revenue sums: the qualifying total and the amount needed (万元).
 */
revenue_wan: number | null, revenue_needed_wan: number | null, also: AltResult | null, };

export type ConditionResult = { clause: string, 
/**
 * The pack's short plain label of the condition, and its English.
 */
short: string | null, short_en: string | null, text: string, met: boolean, alternatives: Array<AltResult>, };

export type LevelResult = { level: TitleLevel, clause: string, text: string, eligible: boolean, education: EducationResult, conditions: Array<ConditionResult>, 
/**
 * For a level not reached: the shortest list of changes that would reach it.
 */
gap: Array<Reason>, fee: Fee | null, };

export type ExclusionHit = { code: string, reason: string, 
/**
 * The pack's English gloss of `reason`.
 */
reason_en: string | null, clause: string, text: string, };

export type RoundBasis = { id: string, title: string, notice: string, first_month: YearMonth, last_month: YearMonth, 
/**
 * The submission close, Beijing time.
 */
submission_closes_at: string, };

export type Assessment = { pack_id: string, notice: string, route: Route, apply_month: YearMonth, 
/**
 * The achievement window, both ends included.
 */
window_start: YearMonth, window_end: YearMonth, 
/**
 * The first exclusion answered "yes".
 */
excluded: ExclusionHit | null, 
/**
 * Exclusion questions not answered yet (the verdict assumes "no" and says so).
 */
unanswered: Array<Exclusion>, 
/**
 * The route has no conditions in the pack (正常申报 / 转评 / 多评 with the built-in pack). An
 * empty `note`: the pack says nothing about the route (rendered from `pack_id` and the route).
 */
route_missing: MissingRoute | null, eligible_levels: Array<TitleLevel>, levels: Array<LevelResult>, chain: SubmissionChain | null, 
/**
 * The round the application month was checked against (set by [`assess_in_round`]).
 */
round: RoundBasis | null, };

export type ErrorPayload = { code: ErrorCode, message: string, 
/**
 * For `corrupt_file`: the newest backup that parses, if any.
 */
backup: BackupInfo | null, 
/**
 * For `invalid_profile`: the fields at fault.
 */
issues: Array<FieldIssue>, };
