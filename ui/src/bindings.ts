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
current_title_month: YearMonth | null, };

export type ApplicantFile = { 
/**
 * Always `"zhicheng/applicant"`.
 */
format: string, 
/**
 * The schema version this file follows.
 */
version: number, profile: Profile, };

export type IssueKind = "missing" | "invalid";

export type FieldIssue = { 
/**
 * The field's key in [`Profile`] (`birth_month`).
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
migrated_from: number | null, };

export type WorkspaceInfo = { root: string, backups: Array<BackupInfo>, };

export type ErrorCode = "io" | "invalid_file" | "unsupported_version" | "corrupt_file" | "invalid_profile" | "no_backup" | "already_exists" | "workspace";

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

export type SubmissionChain = { 
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
clause: string | null, };

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
unknown_from: string | null, };

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
keys: Array<string>, window_id: string, boundary: WindowState, at: string, message: string, };

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
publicity_start: WindowStatus, reminders: Array<Reminder>, settings: DeadlineSettings, 
/**
 * The last year whose official holidays the app knows.
 */
holidays_known_until: number, };

export type ErrorPayload = { code: ErrorCode, message: string, 
/**
 * For `corrupt_file`: the newest backup that parses, if any.
 */
backup: BackupInfo | null, 
/**
 * For `invalid_profile`: the fields at fault.
 */
issues: Array<FieldIssue>, };
